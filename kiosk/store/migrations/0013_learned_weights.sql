-- 0013 learned item weights of the bagging area (kiosk.store.learned_weights): per SKU the
-- running count, mean and M2 (Welford) and the range of the weights of its single-item
-- placements (kiosk.domain.bagging.learned), so a restart keeps what the lane learned.
CREATE TABLE learned_weight (
    sku        TEXT PRIMARY KEY,
    count      INTEGER NOT NULL CHECK (count > 0),
    mean       REAL NOT NULL,
    m2         REAL NOT NULL CHECK (m2 >= 0),
    low_g      INTEGER NOT NULL,
    high_g     INTEGER NOT NULL CHECK (high_g >= low_g),
    updated_at TEXT NOT NULL
) WITHOUT ROWID;
