"""The ``outbox``, ``outbox_payload`` and ``sync_dead_letter`` tables (0001_core.sql,
0003_sync.sql, 0017_outbox_payload.sql): the SQL only. Writers queue a document with
:func:`enqueue` inside their own transaction; :mod:`kiosk.sync.uploader` decides what is
sent, what is dead-lettered and when, inside transactions it opens.

A queued document lives in ``outbox_payload``, apart from its ``outbox`` row, so that
marking 500 rows sent rewrites 500 rows of ~80 bytes and not 500 documents (issue 16)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from kiosk.store.errors import StoreError

# LEFT JOIN: a row without its document is read too (payload None), for the uploader to
# dead-letter where people see it, instead of a row skipped for ever yet counted pending.
_PENDING = (
    "SELECT o.id, o.transaction_id, p.payload FROM outbox o LEFT JOIN outbox_payload p "
    "USING (id) "
    "WHERE o.sent_at IS NULL AND o.kind = ? AND o.id > ? AND NOT EXISTS (SELECT 1 FROM "
    "sync_dead_letter d WHERE d.outbox_id = o.id AND d.requeued_at IS NULL) ORDER BY o.id LIMIT ?"
)


def enqueue(
    conn: sqlite3.Connection,
    transaction_id: str,
    kind: str,
    payload: str,
    created_at: str,
    *,
    if_new: bool = False,
) -> int | None:
    """Queue ``payload`` for HQ as ``kind`` under ``transaction_id``, in the caller's
    transaction; the new outbox id. With ``if_new`` an id already queued is left as it is
    (None); without, it is an ``sqlite3.IntegrityError``.

    Raises:
        StoreError: no transaction is open (the row and its document are two statements:
            in autocommit a crash between them would leave a row without its document).
    """
    if not conn.in_transaction:
        raise StoreError(f"outbox.enqueue({kind} {transaction_id}) needs an open transaction")
    verb = "INSERT OR IGNORE" if if_new else "INSERT"
    cursor = conn.execute(
        f"{verb} INTO outbox (transaction_id, kind, created_at) VALUES (?, ?, ?)",
        (transaction_id, kind, created_at),
    )
    if cursor.rowcount != 1:
        return None
    outbox_id = int(cursor.lastrowid or 0)
    conn.execute("INSERT INTO outbox_payload (id, payload) VALUES (?, ?)", (outbox_id, payload))
    return outbox_id


def queued(conn: sqlite3.Connection, transaction_id: str) -> tuple[int, str] | None:
    """(outbox id, payload) of the document queued under ``transaction_id``, or None."""
    row = conn.execute(
        "SELECT id, payload FROM outbox JOIN outbox_payload USING (id) WHERE transaction_id = ?",
        (transaction_id,),
    ).fetchone()
    return None if row is None else (int(row[0]), str(row[1]))


def payloads(conn: sqlite3.Connection, kind: str) -> list[str]:
    """The payloads queued as ``kind`` (sent or not), oldest first."""
    return [
        str(row[0])
        for row in conn.execute(
            "SELECT payload FROM outbox JOIN outbox_payload USING (id) WHERE kind = ? ORDER BY id",
            (kind,),
        )
    ]


def pending_rows(
    conn: sqlite3.Connection, kind: str, limit: int, after_id: int = 0
) -> list[tuple[int, str, str | None]]:
    """(outbox id, transaction id, payload) of the oldest ``limit`` rows of ``kind`` not
    yet sent and not dead-lettered, with an id above ``after_id`` (the pipelined drain
    reads past the rows it has in flight); the payload is None for a row whose document
    is missing from ``outbox_payload``."""
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples: no sqlite3.Row per row (the drain's hot path)
    rows = cursor.execute(_PENDING, (kind, after_id, limit)).fetchall()
    return [(int(r[0]), str(r[1]), None if r[2] is None else str(r[2])) for r in rows]


def mark_sent(conn: sqlite3.Connection, outbox_ids: Iterable[int], at: str) -> None:
    """HQ has these rows: sent at ``at``, one more attempt, no error."""
    conn.executemany(
        "UPDATE outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?",
        [(at, outbox_id) for outbox_id in outbox_ids],
    )


def note_attempts(conn: sqlite3.Connection, failures: Iterable[tuple[int, str]]) -> None:
    """One more failed attempt for each (outbox id, error message) (kept for status)."""
    conn.executemany(
        "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?",
        [(message[:1000], outbox_id) for outbox_id, message in failures],
    )


def insert_dead_letters(
    conn: sqlite3.Connection, dead: Iterable[tuple[int, str, str, int | None]], at: str
) -> None:
    """Dead-letter each (outbox id, transaction id, reason, HTTP status) at ``at``, and
    count the attempt with its reason on the outbox row."""
    rows = list(dead)
    conn.executemany(
        "INSERT INTO sync_dead_letter (outbox_id, transaction_id, reason, http_status, dead_at)"
        " VALUES (?, ?, ?, ?, ?)",
        [(oid, txid, reason[:1000], status, at) for oid, txid, reason, status in rows],
    )
    note_attempts(conn, [(oid, reason) for oid, _txid, reason, _status in rows])
