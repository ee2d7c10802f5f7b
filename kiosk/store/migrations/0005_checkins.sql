-- 0005 check-ins: the airport check-in journey's records (kiosk.store.checkins).
-- One row per check-in that ended (completed, cancelled or abandoned); ``document`` is
-- the same JSON text as its outbox row (kind 'checkin'), see docs/airport.md.
-- DESIGN.md invariant 6: a passenger's document is kept as its summary only (type,
-- issuing state, nationality, expiry, last 4 characters of the number), never the MRZ.
CREATE TABLE checkin (
    checkin_id     TEXT PRIMARY KEY,
    store_id       TEXT NOT NULL,
    lane_id        TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('completed', 'cancelled', 'abandoned')),
    reference      TEXT NOT NULL,             -- the booking's record locator
    started_at     TEXT NOT NULL,
    completed_at   TEXT NOT NULL,
    currency       TEXT NOT NULL,
    fees_total     INTEGER NOT NULL CHECK (fees_total >= 0),  -- taken by card, minor units
    item_count     INTEGER NOT NULL CHECK (item_count >= 0),  -- passengers checked in
    bags           INTEGER NOT NULL CHECK (bags >= 0),
    document       TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX checkin_completed_at ON checkin (completed_at);
