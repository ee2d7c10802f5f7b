-- 0015_payment_adjust: the payment journal takes the adjustment of a pre-authorisation
-- (kind 'preauth_adjust': nexo PaymentRequest with PaymentType UpdateReservation, the
-- new amount the reservation holds; kiosk.payment.flow.PaymentFlow.adjust).
--
-- And a deposit task that failed (the capture or release declined after the guest
-- left) is an alert for the front desk until someone there settles it with the guest
-- (kiosk.store.hotel_queues.settle_failed_deposit): who and when, '' while open.
--
-- And room_notice: a guest who left the luggage because the room was not ready is
-- e-mailed once the PMS says it is (kiosk.app.hotel.room_ready).
--
-- SQLite cannot change a CHECK constraint: the table is rebuilt with the same columns
-- (0002_payments) and its rows copied, ids kept, in this migration's transaction.

CREATE TABLE payment_new (
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    sale_id TEXT NOT NULL,
    service_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('purchase', 'refund', 'preauth', 'completion',
                                       'preauth_cancel', 'reversal', 'preauth_adjust')),
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
    closed_at TEXT
);

INSERT INTO payment_new (id, reference, sale_id, service_id, kind, amount, currency, state,
                         original_reference, created_at, updated_at, approved_amount,
                         auth_code, masked_pan, brand, terminal_txn_id, terminal_timestamp,
                         receipt_text, error_condition, resolved_by, closed_at)
SELECT id, reference, sale_id, service_id, kind, amount, currency, state,
       original_reference, created_at, updated_at, approved_amount,
       auth_code, masked_pan, brand, terminal_txn_id, terminal_timestamp,
       receipt_text, error_condition, resolved_by, closed_at
FROM payment;

DROP TABLE payment;

ALTER TABLE payment_new RENAME TO payment;

CREATE INDEX payment_sale ON payment (sale_id);

CREATE INDEX payment_unresolved ON payment (state) WHERE state IN ('SENT', 'UNKNOWN');

ALTER TABLE deposit_task ADD COLUMN settled_by TEXT NOT NULL DEFAULT '';

ALTER TABLE deposit_task ADD COLUMN settled_at TEXT NOT NULL DEFAULT '';

CREATE TABLE room_notice (
    stay_id     TEXT PRIMARY KEY,             -- one notice per stay
    recipient   TEXT NOT NULL,                -- the guest's address (checked before)
    language    TEXT NOT NULL DEFAULT '',
    state       TEXT NOT NULL CHECK (state IN ('waiting', 'sent', 'failed')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) WITHOUT ROWID
