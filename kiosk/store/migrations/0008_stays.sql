-- 0008 hotel stays at this lane (kiosk.store.stays): the deposit pre-authorised for a
-- stay at check-in (found again at check-out, captured or released at most once), and
-- the registration card's signature images (kept with the stay, named by a reference
-- the record carries). Times are UTC ISO 8601 text; amounts integer minor units.
CREATE TABLE stay_deposit (
    stay_id      TEXT PRIMARY KEY,
    checkin_id   TEXT NOT NULL,               -- the visit that pre-authorised it
    reference    TEXT NOT NULL,               -- the payment journal's reference
    amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
    currency     TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('held', 'captured', 'released')),
    updated_at   TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE stay_signature (
    signature_ref TEXT PRIMARY KEY,
    stay_id       TEXT NOT NULL,
    checkin_id    TEXT NOT NULL,
    image         BLOB NOT NULL,              -- PNG as the touchscreen drew it
    created_at    TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX stay_signature_stay ON stay_signature (stay_id);
