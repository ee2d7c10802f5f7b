-- 0011 the guest register's reports to the police (kiosk.store.police_reports): Spain's
-- SES.HOSPEDAJES parte de viajeros, one per check-in, queued right after the visit's
-- record and sent by a background sender. ``payload`` is the validated request XML
-- (names, document type and number, dates, nationality, address: what the law asks;
-- never an MRZ), NULL for a report refused before it could be built. Sent and failed
-- rows are deleted after ``[hotel] ses_keep_days``. Times are UTC ISO 8601 text.
CREATE TABLE police_report (
    report_id   TEXT PRIMARY KEY,              -- the check-in visit's id
    service     TEXT NOT NULL,                 -- 'ses_hospedajes'
    stay_id     TEXT NOT NULL,
    reference   TEXT NOT NULL,                 -- the contract's referencia (the booking)
    state       TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'failed')),
    payload     BLOB,
    attempts    INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_try_at TEXT NOT NULL,
    lote        TEXT,                          -- the batch number the service gave
    error       TEXT NOT NULL DEFAULT '',      -- why it failed, or the last retry's reason
    created_at  TEXT NOT NULL,
    sent_at     TEXT,
    updated_at  TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX police_report_due ON police_report (state, next_try_at);
