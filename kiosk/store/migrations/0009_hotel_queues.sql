-- 0009 the hotel lane's queued work, done in the background when the card terminal or
-- the network is back (kiosk.store.hotel_queues).
--
-- deposit_task: a deposit to capture or release at check-out. ``reference`` is the
-- payment journal reference its request goes (or went) out with, chosen before it is
-- sent: a retry after a crash asks the terminal about that reference instead of
-- sending again, so a capture happens at most once. One task per pre-authorisation.
CREATE TABLE deposit_task (
    preauth_ref  TEXT PRIMARY KEY,            -- the pre-authorisation's journal reference
    action       TEXT NOT NULL CHECK (action IN ('capture', 'release')),
    amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),  -- what to capture (0: release)
    currency     TEXT NOT NULL,
    stay_id      TEXT NOT NULL,               -- from stay_deposit ("" if none)
    checkin_id   TEXT NOT NULL,               -- the visit that pre-authorised it ("" if unknown)
    reference    TEXT NOT NULL UNIQUE,        -- the request's journal reference
    state        TEXT NOT NULL CHECK (state IN ('queued', 'done', 'failed')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX deposit_task_queued ON deposit_task (state, created_at);

-- mail_out: e-mails to guests (registration card, invoice), the whole RFC 5322 message
-- as it will be sent; the message is emptied once the server accepted it (the guest's
-- data is not kept twice), the row stays as the proof it went.
CREATE TABLE mail_out (
    mail_id      TEXT PRIMARY KEY,
    kind         TEXT NOT NULL,               -- 'registration_card' | 'invoice' | ...
    recipient    TEXT NOT NULL,
    message      BLOB NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'failed')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX mail_out_queued ON mail_out (state, created_at);
