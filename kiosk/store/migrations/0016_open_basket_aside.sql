-- 0016 unknown items put aside in an open basket (kiosk.store.aside_journal): the items a
-- shopper put aside and staff have not dealt with yet are journaled with the basket
-- (DESIGN.md invariant 2), the whole list replaced at each change, so a restart still asks
-- the attendant about them; they go with the basket (ON DELETE CASCADE) when its sale is
-- stored or it is discarded.
CREATE TABLE open_basket_aside (
    basket_id TEXT NOT NULL REFERENCES open_basket (basket_id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL CHECK (seq >= 0),
    raised_at TEXT NOT NULL,
    detail    TEXT NOT NULL,
    PRIMARY KEY (basket_id, seq)
) WITHOUT ROWID;
