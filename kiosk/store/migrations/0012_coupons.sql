-- 0012 coupons (kiosk.store.coupons). coupon_offer: store and paperless coupon offers
-- from HQ (JSON records, kiosk.domain.offers.coupon_records); coupon_family: GS1 family
-- codes -> SKUs; redeemed_coupon: coupons used once, by serial: this lane's own, written
-- in the sale's transaction (source 'lane'), and every lane's, pushed back by HQ
-- (source 'hq'). The feed's cursor is catalog_meta 'coupons_cursor', written in the
-- transaction that applies the page (DESIGN.md invariant 5).
CREATE TABLE coupon_offer (
    coupon_id TEXT PRIMARY KEY,
    version   INTEGER NOT NULL,
    record    TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE coupon_family (
    company_prefix TEXT NOT NULL,
    family         TEXT NOT NULL,
    skus           TEXT NOT NULL,
    PRIMARY KEY (company_prefix, family)
) WITHOUT ROWID;

CREATE TABLE redeemed_coupon (
    redemption_key TEXT PRIMARY KEY,
    transaction_id TEXT,
    source         TEXT NOT NULL CHECK (source IN ('lane', 'hq')),
    redeemed_at    TEXT NOT NULL
) WITHOUT ROWID;
