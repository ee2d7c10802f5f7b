-- 0007 offers and loyalty cards from HQ (kiosk.store.offers, pulled with the catalog by
-- kiosk.sync.catalog_pull). An offer is kept as its JSON record (kiosk.domain.offers.records),
-- checked before it is stored. The feed's cursor is catalog_meta 'offers_cursor', written
-- in the transaction that applies the page (DESIGN.md invariant 5).
CREATE TABLE offer (
    offer_id TEXT PRIMARY KEY,
    version  INTEGER NOT NULL,
    record   TEXT NOT NULL
) WITHOUT ROWID;

-- Loyalty card numbers (13 digits, kiosk.domain.offers.cards; never a payment card).
CREATE TABLE loyalty_card (
    number  TEXT PRIMARY KEY,
    blocked INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL
) WITHOUT ROWID;
