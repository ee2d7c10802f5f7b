"""The guest register's reports to the police, queued at this lane until sent.

A check-in the hotel's country must report (Spain: SES.HOSPEDAJES) leaves one row
in ``police_report`` keyed by the visit's id: :func:`queue_report` with the
validated request XML (``queued``), or :func:`note_refused` when the report could
not be built (``failed`` with the reason, no payload). Queuing is idempotent: a
visit whose record is stored again queues nothing twice.

The sender (``kiosk.app.hotel.police_sender``) takes :func:`due_reports` in the
order they were queued and records each outcome: :func:`mark_sent` with the lote
(batch number) the service gave, :func:`mark_failed` with the service's reason,
or :func:`mark_retry` with the next try's time when the network was down. One bad
report never blocks the others: a failed one is out of the queue. :func:`purge`
deletes sent and failed rows older than the retention (``[hotel] ses_keep_days``);
a queued one is kept until sent, whatever its age (the duty is not done yet).
Each write is its own ``BEGIN IMMEDIATE`` transaction, except :func:`insert_report`
and :func:`insert_refused`, which the lane runs inside the transaction that stores
the visit's record (``kiosk.app.hotel.records``): a lane that dies at any point
leaves either both or neither. Times are UTC ISO 8601.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime

from kiosk.store.db import write_transaction
from kiosk.store.errors import StoreError, sqlite_errors

STATES = ("queued", "sent", "failed")


def stamp(at: datetime) -> str:
    """``at`` (aware) as the store's UTC text."""
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True)
class DueReport:
    """A queued report to send now."""

    report_id: str
    service: str
    payload: bytes = field(repr=False)
    attempts: int


@dataclass(frozen=True)
class ReportRow:
    """One row as staff see it (no payload)."""

    report_id: str
    service: str
    stay_id: str
    reference: str
    state: str
    attempts: int
    lote: str
    error: str
    created_at: str
    sent_at: str


def queue_report(
    conn: sqlite3.Connection,
    *,
    report_id: str,
    service: str,
    stay_id: str,
    reference: str,
    payload: bytes,
    at: datetime,
) -> bool:
    """Queue a report to send now; False if the visit had one already.

    Raises:
        StoreError: an empty id or payload, or the write failed.
    """
    with sqlite_errors(f"queuing police report {report_id}"), write_transaction(conn):
        return insert_report(
            conn, report_id=report_id, service=service, stay_id=stay_id, reference=reference,
            payload=payload, at=at,
        )  # fmt: skip


def insert_report(
    conn: sqlite3.Connection,
    *,
    report_id: str,
    service: str,
    stay_id: str,
    reference: str,
    payload: bytes,
    at: datetime,
) -> bool:
    """:func:`queue_report` inside the caller's transaction (the visit's record's, so
    that a record is never stored without its report); False if the visit had one.

    Raises:
        StoreError: an empty id or payload.
        sqlite3.Error: the write failed (the caller's transaction rolls back).
    """
    if not report_id or not payload:
        raise StoreError(f"police report {report_id!r}: id and payload must not be empty")
    now = stamp(at)
    added = conn.execute(
        "INSERT OR IGNORE INTO police_report (report_id, service, stay_id, reference, "
        "state, payload, next_try_at, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, 'queued', ?, ?, ?, ?)",
        (report_id, service, stay_id, reference, payload, now, now, now),
    ).rowcount
    return added > 0


def note_refused(
    conn: sqlite3.Connection,
    *,
    report_id: str,
    service: str,
    stay_id: str,
    reference: str,
    error: str,
    at: datetime,
) -> bool:
    """Keep a report that could not be built as ``failed`` with ``error`` (for staff);
    False if the visit had a row already.

    Raises:
        StoreError: an empty id, or the write failed.
    """
    with sqlite_errors(f"noting police report {report_id}"), write_transaction(conn):
        return insert_refused(
            conn, report_id=report_id, service=service, stay_id=stay_id, reference=reference,
            error=error, at=at,
        )  # fmt: skip


def insert_refused(
    conn: sqlite3.Connection,
    *,
    report_id: str,
    service: str,
    stay_id: str,
    reference: str,
    error: str,
    at: datetime,
) -> bool:
    """:func:`note_refused` inside the caller's transaction (the visit's record's).

    Raises:
        StoreError: an empty id.
        sqlite3.Error: the write failed (the caller's transaction rolls back).
    """
    if not report_id:
        raise StoreError("police report: the id must not be empty")
    now = stamp(at)
    added = conn.execute(
        "INSERT OR IGNORE INTO police_report (report_id, service, stay_id, reference, "
        "state, payload, next_try_at, error, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, 'failed', NULL, ?, ?, ?, ?)",
        (report_id, service, stay_id, reference, now, error[:500], now, now),
    ).rowcount
    return added > 0


def due_reports(conn: sqlite3.Connection, at: datetime, limit: int = 20) -> list[DueReport]:
    """Queued reports whose time has come, oldest first."""
    with sqlite_errors("reading the police reports due"):
        rows = conn.execute(
            "SELECT report_id, service, payload, attempts FROM police_report "
            "WHERE state = 'queued' AND next_try_at <= ? ORDER BY created_at, report_id LIMIT ?",
            (stamp(at), limit),
        ).fetchall()
    return [DueReport(str(r[0]), str(r[1]), bytes(r[2]), int(r[3])) for r in rows]


def next_due(conn: sqlite3.Connection) -> str | None:
    """When the earliest queued report is due (store text), or None if none is queued."""
    with sqlite_errors("reading the police report queue"):
        row = conn.execute(
            "SELECT MIN(next_try_at) FROM police_report WHERE state = 'queued'"
        ).fetchone()
    return None if row is None or row[0] is None else str(row[0])


def _update(conn: sqlite3.Connection, report_id: str, sql: str, args: tuple[object, ...]) -> bool:
    with sqlite_errors(f"updating police report {report_id}"), write_transaction(conn):
        changed = conn.execute(
            f"UPDATE police_report SET {sql} WHERE report_id = ? AND state = 'queued'",
            (*args, report_id),
        ).rowcount
    return changed > 0


def mark_sent(conn: sqlite3.Connection, report_id: str, lote: str, at: datetime) -> bool:
    """The service took the queued report under ``lote``; False if it was not queued."""
    now = stamp(at)
    return _update(
        conn,
        report_id,
        "state = 'sent', lote = ?, error = '', attempts = attempts + 1, sent_at = ?, "
        "updated_at = ?",
        (lote, now, now),
    )


def mark_failed(conn: sqlite3.Connection, report_id: str, error: str, at: datetime) -> bool:
    """The service refused the queued report: ``failed`` with ``error``; out of the queue."""
    now = stamp(at)
    return _update(
        conn,
        report_id,
        "state = 'failed', error = ?, attempts = attempts + 1, updated_at = ?",
        (error[:500], now),
    )


def mark_retry(
    conn: sqlite3.Connection, report_id: str, error: str, next_try: datetime, at: datetime
) -> bool:
    """The report could not be sent now: try again at ``next_try`` (``error`` kept)."""
    return _update(
        conn,
        report_id,
        "error = ?, attempts = attempts + 1, next_try_at = ?, updated_at = ?",
        (error[:500], stamp(next_try), stamp(at)),
    )


def purge(conn: sqlite3.Connection, before: datetime) -> int:
    """Delete sent and failed reports last touched before ``before``; how many."""
    with sqlite_errors("purging old police reports"), write_transaction(conn):
        return int(
            conn.execute(
                "DELETE FROM police_report WHERE state IN ('sent', 'failed') "
                "AND COALESCE(sent_at, updated_at) < ?",
                (stamp(before),),
            ).rowcount
        )


def list_reports(
    conn: sqlite3.Connection, state: str | None = None, limit: int = 100
) -> list[ReportRow]:
    """The newest reports (of ``state``, if given), newest first, without payloads.

    Raises:
        StoreError: an unknown ``state``, or the read failed.
    """
    if state is not None and state not in STATES:
        raise StoreError(f"police report state {state!r} is not one of {STATES}")
    where, args = ("WHERE state = ?", (state,)) if state else ("", ())
    with sqlite_errors("listing police reports"):
        rows = conn.execute(
            "SELECT report_id, service, stay_id, reference, state, attempts, lote, error, "
            f"created_at, sent_at FROM police_report {where} "
            "ORDER BY created_at DESC, report_id LIMIT ?",
            (*args, limit),
        ).fetchall()
    return [
        ReportRow(
            str(r[0]),
            str(r[1]),
            str(r[2]),
            str(r[3]),
            str(r[4]),
            int(r[5]),
            str(r[6] or ""),
            str(r[7]),
            str(r[8]),
            str(r[9] or ""),
        )
        for r in rows
    ]


def load_payload(conn: sqlite3.Connection, report_id: str) -> bytes | None:
    """The stored request XML of ``report_id`` (None: no such report or none kept)."""
    with sqlite_errors(f"reading police report {report_id}"):
        row = conn.execute(
            "SELECT payload FROM police_report WHERE report_id = ?", (report_id,)
        ).fetchone()
    return None if row is None or row[0] is None else bytes(row[0])
