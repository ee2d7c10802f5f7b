-- 0006 check-ins under way at the DCS (kiosk.store.checkins): a row from the moment the
-- DCS checked the passengers in until the check-in's record is committed (same
-- transaction). A row left after a restart is a check-in the kiosk lost: if nothing
-- was printed it is cancelled at the DCS at start-up. Times are UTC ISO 8601 text.
CREATE TABLE checkin_open (
    checkin_id     TEXT PRIMARY KEY,
    record_locator TEXT NOT NULL,
    passenger_ids  TEXT NOT NULL,             -- JSON list of the DCS's passenger ids
    checked_in_at  TEXT NOT NULL,
    printed        INTEGER NOT NULL DEFAULT 0 CHECK (printed IN (0, 1))
) WITHOUT ROWID;
