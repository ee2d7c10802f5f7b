"""Drain the outbox to HQ (DESIGN.md invariant 4: at-least-once here, HQ dedups).

Sales (``kind='sale'``), lane audit records (``kind='audit'``, kiosk.store.audit) and
service events (``kind='event'``, kiosk.store.service_events) go to their own
endpoints; all follow the rules below (HQ names an event by its ``event_id``, which
is the outbox row's ``transaction_id``).

Theory of operation: take the oldest pending rows (``sent_at IS NULL`` and not
dead-lettered), send their payloads as one batch, then in ONE transaction mark
``accepted``/``duplicate`` rows sent and dead-letter ``rejected`` ones. If the
reply is lost (reset after HQ committed), the rows stay pending and the next
try gets ``duplicate``: same effect, nothing lost, nothing doubled.

Which failure is whose (DESIGN.md invariant 10):

* a refusal of the content (HQ's 422 naming the field, 413 too large, and any
  other 4xx not listed below, including a front end's own page such as nginx's
  HTML 413): the batch is split in halves until the one bad sale is alone; that
  sale is dead-lettered with the reason, so one poison sale never blocks the rest;
* the lane's set-up (401, 403: credentials or another lane's data; 404, 405, 407:
  the wrong URL or proxy): nothing is dead-lettered, the caller backs off;
* HQ's own trouble (network, 5xx, 408, 425, 429; see ``kiosk.sync.client``): the
  rows stay pending and are retried. A record that made HQ fail with a 5xx every
  time would be retried for ever and hold back the rows behind it, which is why
  HQ answers content errors with 422.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kiosk.store import outbox
from kiosk.store.db import write_transaction
from kiosk.store.sync_state import set_state, utc_now
from kiosk.sync.client import UPLOADS, HqClient, result_id
from kiosk.sync.errors import HqRefused, SyncError

log = logging.getLogger(__name__)
# 4xx that are about the lane's set-up, not about a record: never dead-letter for them.
SETUP_STATUSES = frozenset({401, 403, 404, 405, 407})


@dataclass(frozen=True, slots=True)
class Pending:
    outbox_id: int
    transaction_id: str
    payload: str


@dataclass
class DrainReport:
    sent: int = 0
    duplicates: int = 0
    dead: int = 0


def pending(conn: sqlite3.Connection, limit: int, kind: str = "sale") -> list[Pending]:
    """The oldest ``limit`` rows of ``kind`` still to upload."""
    return [Pending(*row) for row in outbox.pending_rows(conn, kind, limit)]


def upload_batch(
    conn: sqlite3.Connection,
    client: HqClient,
    rows: Sequence[Pending],
    report: DrainReport,
    kind: str = "sale",
) -> None:
    """Upload ``rows`` and record the outcome; see the module docstring.

    Raises:
        HqUnreachable: retry later (nothing was recorded as sent).
        HqRefused: a set-up problem (:data:`SETUP_STATUSES`) that splitting cannot fix.
    """
    try:
        results = client.upload(kind, [row.payload for row in rows])
    except HqRefused as refusal:
        if not is_content_refusal(refusal.status):
            raise
        if len(rows) == 1:
            _dead_letter(conn, [(rows[0], str(refusal), refusal.status)], report)
            return
        middle = len(rows) // 2
        upload_batch(conn, client, rows[:middle], report, kind)
        upload_batch(conn, client, rows[middle:], report, kind)
        return
    _record(conn, rows, results, report, kind)


def is_content_refusal(status: int) -> bool:
    """True for a 4xx that refuses what was sent (split the batch, dead-letter the record)."""
    return 400 <= status < 500 and status not in SETUP_STATUSES


def _record(
    conn: sqlite3.Connection,
    rows: Sequence[Pending],
    results: list[dict[str, Any]],
    report: DrainReport,
    kind: str = "sale",
) -> None:
    sent: list[int] = []
    dead: list[tuple[Pending, str, int | None]] = []
    now = utc_now()
    id_key = result_id(kind)
    for row, result in zip(rows, results, strict=True):
        if result[id_key] != row.transaction_id:
            dead.append(
                (
                    row,
                    f"HQ answered for {id_key} {result[id_key]!r}: the "
                    f"payload's {id_key} differs from the outbox row's",
                    None,
                )
            )
        elif result["status"] == "rejected":
            dead.append((row, str(result.get("reason") or "rejected by HQ"), 200))
        else:
            sent.append(row.outbox_id)
            if result["status"] == "duplicate":
                report.duplicates += 1
    with write_transaction(conn):
        outbox.mark_sent(conn, sent, now)
        if sent:
            set_state(conn, last_upload_at=now)
        _insert_dead(conn, dead, now)
    report.sent += len(sent)
    report.dead += len(dead)


def _dead_letter(
    conn: sqlite3.Connection, dead: list[tuple[Pending, str, int | None]], report: DrainReport
) -> None:
    with write_transaction(conn):
        _insert_dead(conn, dead, utc_now())
    report.dead += len(dead)


def _insert_dead(
    conn: sqlite3.Connection, dead: list[tuple[Pending, str, int | None]], now: str
) -> None:
    for row, reason, _status in dead:
        log.error("outbox row %s dead-lettered: %s", row.transaction_id, reason)
    outbox.insert_dead_letters(
        conn, [(row.outbox_id, row.transaction_id, reason, code) for row, reason, code in dead], now
    )


def note_failure(conn: sqlite3.Connection, rows: Sequence[Pending], message: str) -> None:
    """Count a failed attempt on ``rows`` (shown by status; they stay pending)."""
    with write_transaction(conn):
        outbox.note_attempts(conn, [(row.outbox_id, message) for row in rows])


def drain(
    conn: sqlite3.Connection, client: HqClient, batch_size: int, limit: int | None = None
) -> DrainReport:
    """Upload until the outbox is empty (or ``limit`` rows were handled): sales first,
    then audit records, then service events (each kind to its endpoint,
    :data:`kiosk.sync.client.UPLOADS`).

    Raises:
        HqUnreachable / HqRefused: from the first batch that fails (earlier batches stay
            recorded; the failed batch's rows get an attempt and the error).
    """
    report = DrainReport()
    for kind in UPLOADS:
        while limit is None or report.sent + report.dead < limit:
            rows = pending(conn, batch_size, kind)
            if not rows:
                break
            try:
                upload_batch(conn, client, rows, report, kind)
            except SyncError as error:
                note_failure(conn, rows, str(error))
                raise
    return report
