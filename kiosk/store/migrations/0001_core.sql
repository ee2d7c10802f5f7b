-- 0001 core: the catalog, the open-basket journal, completed sales and the outbox.
-- Owned by kiosk.store (catalog.py, journal.py, sales.py). Statements are split on
-- ";\n", so a trigger body keeps its inner statements on one line.
-- Money is always INTEGER minor units; times are UTC ISO 8601 text ending in "Z".

-- ---------------------------------------------------------------- catalog
CREATE TABLE catalog_item (
    sku            TEXT PRIMARY KEY,
    names          TEXT NOT NULL,            -- JSON object {"en": "Bananas", "es": "Plátanos"}
    price          INTEGER NOT NULL CHECK (price >= 0),   -- per unit, or per kg if unit=weight
    currency       TEXT NOT NULL,
    tax_class      TEXT NOT NULL,
    unit           TEXT NOT NULL DEFAULT 'each' CHECK (unit IN ('each', 'weight')),
    age_limit      INTEGER CHECK (age_limit IS NULL OR age_limit BETWEEN 1 AND 99),
    quantity_limit INTEGER CHECK (quantity_limit IS NULL OR quantity_limit >= 1),
    deposit        INTEGER CHECK (deposit IS NULL OR deposit >= 0),
    category       TEXT NOT NULL DEFAULT '',
    image          TEXT,
    plu            TEXT
);

CREATE UNIQUE INDEX catalog_item_plu ON catalog_item (plu) WHERE plu IS NOT NULL;

CREATE INDEX catalog_item_category ON catalog_item (category, sku);

-- Every barcode form is normalised to GTIN-14 before it is stored or looked up.
CREATE TABLE catalog_barcode (
    gtin14 TEXT PRIMARY KEY CHECK (length(gtin14) = 14),
    sku    TEXT NOT NULL REFERENCES catalog_item (sku) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE INDEX catalog_barcode_sku ON catalog_barcode (sku);

-- Name search for the produce grid: every language's name, accents folded.
-- Its rowid is the catalog_item rowid (kept by upserts), so triggers find a row in O(log n).
CREATE VIRTUAL TABLE catalog_search USING fts5 (
    names,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER catalog_item_search_insert AFTER INSERT ON catalog_item BEGIN INSERT INTO catalog_search (rowid, names) SELECT new.rowid, group_concat(value, ' ') FROM json_each(new.names); END;

CREATE TRIGGER catalog_item_search_update AFTER UPDATE OF names ON catalog_item BEGIN DELETE FROM catalog_search WHERE rowid = old.rowid; INSERT INTO catalog_search (rowid, names) SELECT new.rowid, group_concat(value, ' ') FROM json_each(new.names); END;

CREATE TRIGGER catalog_item_search_delete AFTER DELETE ON catalog_item BEGIN DELETE FROM catalog_search WHERE rowid = old.rowid; END;

-- Key/value facts about the catalog: 'cursor' (HQ change cursor, DESIGN.md
-- invariant 5: advanced in the same transaction as the changes it covers),
-- 'imported_at', 'source'.
CREATE TABLE catalog_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- ---------------------------------------------------------------- open-basket journal
-- One row per basket being sold right now; removed when the sale completes or
-- is cancelled (in the same transaction that stores the sale).
CREATE TABLE open_basket (
    basket_id  TEXT PRIMARY KEY,
    currency   TEXT NOT NULL,
    started_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) WITHOUT ROWID;

-- Upserted by (basket_id, line_no) each time a BasketLine changes.
CREATE TABLE open_basket_line (
    basket_id             TEXT NOT NULL REFERENCES open_basket (basket_id) ON DELETE CASCADE,
    line_no               INTEGER NOT NULL CHECK (line_no >= 1),
    item                  TEXT NOT NULL,     -- JSON snapshot of the CatalogItem at scan time
    quantity              INTEGER NOT NULL,
    weight_g              INTEGER,
    unit_price            INTEGER NOT NULL,
    currency              TEXT NOT NULL,
    voided                INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1)),
    price_override_reason TEXT,
    scanned_code          TEXT,
    updated_at            TEXT NOT NULL,
    PRIMARY KEY (basket_id, line_no)
) WITHOUT ROWID;

-- ---------------------------------------------------------------- sales
-- A completed (or cancelled) sale; `document` is the sale document of
-- TEAM.md (schema 1), the same text as the outbox payload.
CREATE TABLE sale (
    transaction_id TEXT PRIMARY KEY,
    store_id       TEXT NOT NULL,
    lane_id        TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('completed', 'cancelled')),
    currency       TEXT NOT NULL,
    started_at     TEXT NOT NULL,
    completed_at   TEXT NOT NULL,
    net            INTEGER NOT NULL,
    tax            INTEGER NOT NULL,
    deposit        INTEGER NOT NULL,
    total          INTEGER NOT NULL,
    item_count     INTEGER NOT NULL,
    document       TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX sale_completed_at ON sale (completed_at);

CREATE TABLE sale_line (
    transaction_id        TEXT NOT NULL REFERENCES sale (transaction_id),
    line_no               INTEGER NOT NULL,
    sku                   TEXT NOT NULL,
    gtin                  TEXT,
    plu                   TEXT,
    name                  TEXT NOT NULL,
    quantity              INTEGER NOT NULL,
    weight_g              INTEGER,
    unit_price            INTEGER NOT NULL,
    amount                INTEGER NOT NULL,
    tax_class             TEXT NOT NULL,
    tax_rate              TEXT NOT NULL,
    tax                   INTEGER NOT NULL,
    deposit               INTEGER NOT NULL,
    voided                INTEGER NOT NULL CHECK (voided IN (0, 1)),
    price_override_reason TEXT,
    PRIMARY KEY (transaction_id, line_no)
) WITHOUT ROWID;

CREATE INDEX sale_line_sku ON sale_line (sku);

CREATE TABLE sale_payment (
    transaction_id          TEXT NOT NULL REFERENCES sale (transaction_id),
    seq                     INTEGER NOT NULL,
    reference               TEXT NOT NULL,
    method                  TEXT NOT NULL,
    amount                  INTEGER NOT NULL,
    outcome                 TEXT NOT NULL,
    auth_code               TEXT,
    masked_pan              TEXT,
    brand                   TEXT,
    terminal_transaction_id TEXT,
    PRIMARY KEY (transaction_id, seq)
) WITHOUT ROWID;

-- ---------------------------------------------------------------- outbox (TEAM.md contract)
-- Rows with sent_at IS NULL are pending; the uploader marks them sent; nothing deletes them.
CREATE TABLE outbox (
    id             INTEGER PRIMARY KEY,
    transaction_id TEXT UNIQUE NOT NULL,
    kind           TEXT NOT NULL DEFAULT 'sale',
    payload        TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    attempts       INTEGER NOT NULL DEFAULT 0,
    last_error     TEXT,
    sent_at        TEXT
);

CREATE INDEX outbox_pending ON outbox (id) WHERE sent_at IS NULL;
