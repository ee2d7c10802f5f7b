"""The lane's sync bookkeeping in SQLite: ``sync_state`` facts and the dead-letter table
(0003_sync.sql), plus the summary ``kiosk sync status`` prints."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from kiosk.store.codec import utc_now  # the store's one time format
from kiosk.store.db import write_transaction


def set_state(conn: sqlite3.Connection, **facts: str) -> None:
    """Record facts (inside the caller's transaction, or as one autocommit statement each)."""
    now = utc_now()
    conn.executemany(
        "INSERT INTO sync_state (key, value, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        [(key, value, now) for key, value in facts.items()],
    )


def record_error(conn: sqlite3.Connection, message: str) -> None:
    with write_transaction(conn):
        set_state(conn, last_error=message[:1000], last_error_at=utc_now())


def get_state(conn: sqlite3.Connection) -> dict[str, str]:
    return {row[0]: row[1] for row in conn.execute("SELECT key, value FROM sync_state")}


@dataclass(frozen=True)
class DeadLetter:
    outbox_id: int
    transaction_id: str
    reason: str
    http_status: int | None
    dead_at: str


def dead_letters(conn: sqlite3.Connection, limit: int = 100) -> list[DeadLetter]:
    """Sales HQ rejected that are not requeued, newest first (for status and attendant)."""
    rows = conn.execute(
        "SELECT outbox_id, transaction_id, reason, http_status, dead_at FROM sync_dead_letter "
        "WHERE requeued_at IS NULL ORDER BY id DESC LIMIT ?",
        (limit,),
    ).fetchall()
    return [DeadLetter(*row) for row in rows]


def requeue_dead_letters(conn: sqlite3.Connection) -> int:
    """Send every dead-lettered sale again (after HQ or the lane was fixed); return how many."""
    with write_transaction(conn):
        return conn.execute(
            "UPDATE sync_dead_letter SET requeued_at = ? WHERE requeued_at IS NULL", (utc_now(),)
        ).rowcount


@dataclass(frozen=True)
class SyncStatus:
    pending: int
    dead_letters: int
    sent: int
    cursor: str | None
    state: dict[str, str]


def pending_count(conn: sqlite3.Connection) -> int:
    """Sales still to upload (pending and not dead-lettered): the outbox depth."""
    return int(
        conn.execute(
            "SELECT count(*) FROM outbox o WHERE sent_at IS NULL AND NOT EXISTS (SELECT 1 FROM "
            "sync_dead_letter d WHERE d.outbox_id = o.id AND d.requeued_at IS NULL)"
        ).fetchone()[0]
    )


def dead_letter_count(conn: sqlite3.Connection) -> int:
    return int(
        conn.execute("SELECT count(*) FROM sync_dead_letter WHERE requeued_at IS NULL").fetchone()[
            0
        ]
    )


def status(conn: sqlite3.Connection) -> SyncStatus:
    """Outbox depth, dead letters, sent count, catalog cursor and recorded facts (counting
    sent rows reads the whole outbox: for ``kiosk sync status``, not for every heartbeat)."""
    sent = conn.execute("SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL").fetchone()[0]
    row = conn.execute("SELECT value FROM catalog_meta WHERE key = 'cursor'").fetchone()
    return SyncStatus(
        pending_count(conn),
        dead_letter_count(conn),
        sent,
        None if row is None else row[0],
        get_state(conn),
    )
