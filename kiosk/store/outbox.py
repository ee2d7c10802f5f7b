"""The ``outbox`` and ``sync_dead_letter`` tables (0001_core.sql, 0003_sync.sql) as the
uploader uses them: the SQL only; :mod:`kiosk.sync.uploader` decides what is sent, what
is dead-lettered and when, inside transactions it opens."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

_PENDING = (
    "SELECT id, transaction_id, payload FROM outbox o WHERE sent_at IS NULL AND kind = ? "
    "AND id > ? AND NOT EXISTS (SELECT 1 FROM sync_dead_letter d WHERE d.outbox_id = o.id "
    "AND d.requeued_at IS NULL) ORDER BY id LIMIT ?"
)


def pending_rows(
    conn: sqlite3.Connection, kind: str, limit: int, after_id: int = 0
) -> list[tuple[int, str, str]]:
    """(outbox id, transaction id, payload) of the oldest ``limit`` rows of ``kind`` not
    yet sent and not dead-lettered, with an id above ``after_id`` (the pipelined drain
    reads past the rows it has in flight)."""
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples: no sqlite3.Row per row (the drain's hot path)
    rows = cursor.execute(_PENDING, (kind, after_id, limit)).fetchall()
    return [(int(r[0]), str(r[1]), str(r[2])) for r in rows]


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
