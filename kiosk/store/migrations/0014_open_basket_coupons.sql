-- 0014 coupons on an open basket (kiosk.store.coupons.CouponRepository.journal_coupon):
-- a coupon scanned onto a basket is journaled like its lines (DESIGN.md invariant 2),
-- upserted by (basket, coupon id) so a replay cannot double it, and goes with the basket
-- (ON DELETE CASCADE) when its sale is stored or it is discarded.
CREATE TABLE open_basket_coupon (
    basket_id TEXT NOT NULL REFERENCES open_basket (basket_id) ON DELETE CASCADE,
    coupon_id TEXT NOT NULL,
    seq       INTEGER NOT NULL,
    record    TEXT NOT NULL,
    PRIMARY KEY (basket_id, coupon_id)
) WITHOUT ROWID;
