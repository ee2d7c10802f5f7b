-- 0002_payments: the card payment journal (owned by kiosk.payment.journal).
--
-- A row is committed in state SENT before its request goes to the terminal
-- (DESIGN.md invariant 3). Every outcome moves it in one transaction, together
-- with a payment_event row. sale_id names the sale's transaction id (the
-- store's sale / open_basket tables) by value only: no foreign key, so a
-- payment whose basket was lost in a crash is still kept and reversed.
-- Only masked card numbers are stored (invariant 6).

CREATE TABLE payment (
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    sale_id TEXT NOT NULL,
    service_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('purchase', 'refund', 'preauth', 'completion',
                                       'preauth_cancel', 'reversal')),
    amount INTEGER NOT NULL CHECK (amount >= 0),
    currency TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('SENT', 'APPROVED', 'DECLINED', 'CANCELLED',
                                         'UNKNOWN', 'REVERSED')),
    original_reference TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    approved_amount INTEGER,
    auth_code TEXT,
    masked_pan TEXT CHECK (masked_pan IS NULL OR (masked_pan GLOB '*[*]*'
                                                  AND length(masked_pan) <= 19)),
    brand TEXT,
    terminal_txn_id TEXT,
    terminal_timestamp TEXT,
    receipt_text TEXT,
    error_condition TEXT,
    resolved_by TEXT,
    -- set in the transaction that completes (or cancels) the sale this payment paid for:
    -- an APPROVED purchase with closed_at NULL whose sale is gone gets reversed
    closed_at TEXT
);

CREATE INDEX payment_sale ON payment (sale_id);

CREATE INDEX payment_unresolved ON payment (state) WHERE state IN ('SENT', 'UNKNOWN');

CREATE TABLE payment_event (
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL,
    at TEXT NOT NULL,
    from_state TEXT,
    to_state TEXT NOT NULL,
    note TEXT
);

CREATE INDEX payment_event_reference ON payment_event (reference);
