-- 0003 sync: the lane side of HQ sync (owned by kiosk.sync).
-- The catalog cursor is catalog_meta 'cursor' (0001); the uploader's one-per-database
-- lock is an fcntl lock on the file "<database>.sync-lock" (kiosk/sync/lock.py), which
-- the kernel releases when the process dies, so no lock row can go stale.

-- Sales HQ rejected for good (HTTP 200 "rejected", or 413/422 for the sale alone).
-- Never deleted: the attendant screen and `kiosk sync status` show them; a requeue
-- sets requeued_at and the sale is uploaded again (a new row if it fails again).
CREATE TABLE sync_dead_letter (
    id             INTEGER PRIMARY KEY,
    outbox_id      INTEGER NOT NULL REFERENCES outbox (id),
    transaction_id TEXT NOT NULL,
    reason         TEXT NOT NULL,
    http_status    INTEGER,
    dead_at        TEXT NOT NULL,
    requeued_at    TEXT
);

CREATE INDEX sync_dead_letter_live ON sync_dead_letter (outbox_id) WHERE requeued_at IS NULL;

-- Key/value facts for `kiosk sync status`: last_upload_at, last_error, last_error_at,
-- last_catalog_at, last_heartbeat_at, uploaded_total.
CREATE TABLE sync_state (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
) WITHOUT ROWID;
