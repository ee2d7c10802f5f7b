-- 0010 recalled batches from HQ (kiosk.store.recalls, pulled after the offers by
-- kiosk.sync.recalls_pull): the lane refuses a pack whose 2D code names a (GTIN, batch)
-- here, with HQ up or down. A lifted recall is deleted. The feed's cursor is
-- catalog_meta 'recalls_cursor', written in the transaction that applies the page
-- (DESIGN.md invariant 5).
CREATE TABLE recall (
    gtin    TEXT NOT NULL,
    batch   TEXT NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (gtin, batch)
) WITHOUT ROWID;
