-- 0004 staff: who may sign in at the attendant screen, sign-in lockout, the lane audit log.
-- Owned by kiosk.store.staff and kiosk.store.audit. Times are UTC ISO 8601 text ending in "Z".
-- DESIGN.md invariant 6: no PIN and no badge code is stored, only their hashes.

-- pin_hash: an argon2id encoded hash ("$argon2id$v=19$m=...,t=...,p=...$salt$hash"), or NULL
-- (badge-only staff). badge_hash: hex HMAC-SHA256 of the badge code under the lane's
-- badge key (staff_secret 'badge_key'), so a scanned badge is found with one index lookup.
-- Staff are never deleted (audit rows name them): they are disabled.
CREATE TABLE staff (
    staff_id   TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('attendant', 'supervisor', 'manager', 'technician')),
    pin_hash   TEXT CHECK (pin_hash IS NULL OR substr(pin_hash, 1, 10) = '$argon2id$'),
    badge_hash TEXT UNIQUE CHECK (badge_hash IS NULL OR length(badge_hash) = 64),
    disabled   INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) WITHOUT ROWID;

-- Per-lane secrets of the staff store: 'badge_key' (32 random bytes, made on first use).
CREATE TABLE staff_secret (
    name  TEXT PRIMARY KEY,
    value BLOB NOT NULL
) WITHOUT ROWID;

-- Failed sign-ins per subject: 'staff:<staff_id>' (PIN attempts) or 'badge' (unknown
-- badges scanned at this lane). The lockout rule is kiosk.domain.staff.LockoutState.
CREATE TABLE staff_signin_lockout (
    subject         TEXT PRIMARY KEY,
    failures        INTEGER NOT NULL CHECK (failures >= 0),
    last_failure_at TEXT,
    locked_until    TEXT
) WITHOUT ROWID;

-- Staff actions outside a sale (open/close lane, reprint, clear fault, resume a suspended
-- basket...). Actions inside a sale go in the sale document's "audit" list instead.
-- Each row is also queued for HQ as an outbox row (kind 'audit', transaction_id = audit_id)
-- in the same transaction. staff_id is kept by value (NULL: done by the lane itself).
CREATE TABLE lane_audit (
    id       INTEGER PRIMARY KEY,
    audit_id TEXT UNIQUE NOT NULL,
    at       TEXT NOT NULL,
    store_id TEXT NOT NULL,
    lane_id  TEXT NOT NULL,
    staff_id TEXT,
    action   TEXT NOT NULL,
    reason   TEXT NOT NULL DEFAULT '',
    details  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))
);

CREATE INDEX lane_audit_at ON lane_audit (at);

CREATE INDEX lane_audit_staff ON lane_audit (staff_id, at);
