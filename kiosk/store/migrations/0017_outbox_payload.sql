-- 0017 the outbox's documents in a table of their own (issue 16): marking a batch sent
-- rewrote every row it marked, each holding its ~1.3 kB document, so a 500-row batch put
-- ~170 pages in the WAL (2.4 ms of the drain's ~6.5 ms of lane CPU per batch); the rows
-- left in ``outbox`` are ~80 bytes, 50 to a page. A document never changes once queued;
-- kiosk.store.outbox writes both rows in the caller's transaction; read them with
-- ``outbox JOIN outbox_payload USING (id)``.
CREATE TABLE outbox_payload (
    id      INTEGER PRIMARY KEY REFERENCES outbox (id),  -- the outbox row's id
    payload TEXT NOT NULL
);

INSERT INTO outbox_payload (id, payload) SELECT id, payload FROM outbox ORDER BY id;

ALTER TABLE outbox DROP COLUMN payload;
