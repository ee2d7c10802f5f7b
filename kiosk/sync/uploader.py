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

Two batches in flight (``in_flight`` > 1, DESIGN.md invariants 4 and 10 unchanged):
while HQ answers batch n, batch n+1 is read from the outbox (only rows with an id
above the last one in flight, so no row is in two batches) and posted by another
poster thread, each with its own :class:`HqClient` (the client is thread-confined).
The SQLite connection stays on the caller's thread: it reads the batches and records
each reply as it comes, oldest first, in its own transaction, exactly as the serial
drain does (HQ is idempotent, so the order of marking does not matter). When a batch
fails, no further batch is read; the ones still in flight are waited for, those HQ
answered are recorded, the failed ones get an attempt and the error, and the first
failure (in outbox order) is raised for the caller's backoff. A content refusal is
split on the caller's own client as above (not once the drain is stopping: the rows
stay pending). A kill at any point leaves unanswered rows pending: at least once.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from kiosk.store import outbox
from kiosk.store.db import write_transaction
from kiosk.store.sync_state import set_state, utc_now
from kiosk.sync.client import UPLOADS, HqClient, result_id
from kiosk.sync.errors import HqRefused, SyncError
from kiosk.threads import start_thread

log = logging.getLogger(__name__)
# 4xx that are about the lane's set-up, not about a record: never dead-letter for them.
SETUP_STATUSES = frozenset({401, 403, 404, 405, 407})


# The reason a row is dead-lettered with when its document is not in outbox_payload.
MISSING_DOCUMENT = "document missing from the lane's outbox_payload table: nothing to send"


@dataclass(frozen=True, slots=True)
class Pending:
    outbox_id: int
    transaction_id: str
    payload: str | None  # None: the document is missing (see readable)


@dataclass
class DrainReport:
    sent: int = 0
    duplicates: int = 0
    dead: int = 0


def pending(
    conn: sqlite3.Connection, limit: int, kind: str = "sale", after_id: int = 0
) -> list[Pending]:
    """The oldest ``limit`` rows of ``kind`` still to upload (with an id above ``after_id``)."""
    return [Pending(*row) for row in outbox.pending_rows(conn, kind, limit, after_id)]


def readable(conn: sqlite3.Connection, rows: list[Pending], report: DrainReport) -> list[Pending]:
    """``rows`` whose document is there. A row without one (written outside a transaction,
    or a damaged file) is dead-lettered saying so, where `kiosk sync status` and the
    attendant see it: read but never sent, it would be counted pending for ever."""
    if all(row.payload is not None for row in rows):
        return rows
    lost = [row for row in rows if row.payload is None]
    _dead_letter(conn, [(row, MISSING_DOCUMENT, None) for row in lost], report)
    return [row for row in rows if row.payload is not None]


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
        _split(conn, client, rows, refusal, report=report, kind=kind)
        return
    _record(conn, rows, results, report, kind)


def _split(
    conn: sqlite3.Connection,
    client: HqClient,
    rows: Sequence[Pending],
    refusal: HqRefused,
    *,
    report: DrainReport,
    kind: str,
) -> None:
    """HQ refused the content of ``rows``: dead-letter it if it is one row, else upload
    each half on its own."""
    if len(rows) == 1:
        _dead_letter(conn, [(rows[0], str(refusal), refusal.status)], report)
        return
    middle = len(rows) // 2
    upload_batch(conn, client, rows[:middle], report, kind)
    upload_batch(conn, client, rows[middle:], report, kind)


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
    conn: sqlite3.Connection,
    client: HqClient,
    batch_size: int,
    limit: int | None = None,
    *,
    in_flight: int = 1,
    make_client: Callable[[], HqClient] | None = None,
) -> DrainReport:
    """Upload until the outbox is empty (or ``limit`` rows were handled): sales first,
    then audit records, then service events (each kind to its endpoint,
    :data:`kiosk.sync.client.UPLOADS`).

    ``in_flight`` > 1 keeps that many batches posted at once, each by a poster thread
    with its own client from ``make_client`` (see the module docstring); ``client`` is
    then used only, on the caller's thread, to split a batch whose content HQ refused.

    Raises:
        HqUnreachable / HqRefused: from the first batch that fails (earlier batches stay
            recorded; the failed batch's rows get an attempt and the error).
        ValueError: ``in_flight`` below 1, or above 1 without ``make_client``.
    """
    if in_flight < 1:
        raise ValueError(f"drain: in_flight must be at least 1, not {in_flight}")
    if in_flight > 1 and make_client is None:
        raise ValueError(
            f"drain: in_flight={in_flight} needs make_client (one HqClient per poster thread)"
        )
    report = DrainReport()
    if in_flight == 1:
        for kind in UPLOADS:
            while limit is None or report.sent + report.dead < limit:
                rows = pending(conn, batch_size, kind)
                if not rows:
                    break
                rows = readable(conn, rows, report)
                if not rows:
                    continue
                try:
                    upload_batch(conn, client, rows, report, kind)
                except SyncError as error:
                    note_failure(conn, rows, str(error))
                    raise
        return report
    assert make_client is not None
    posters = _Posters(in_flight, make_client)
    try:
        for kind in UPLOADS:
            _drain_pipelined(
                conn, client, posters, batch_size=batch_size, limit=limit, kind=kind, report=report
            )
    finally:
        posters.close()
    return report


def _drain_pipelined(
    conn: sqlite3.Connection,
    client: HqClient,
    posters: _Posters,
    *,
    batch_size: int,
    limit: int | None,
    kind: str,
    report: DrainReport,
) -> None:
    """Drain ``kind`` with up to ``posters.count`` batches in flight (module docstring)."""
    flying: deque[_Job] = deque()
    after_id = 0
    more = True
    failure: SyncError | None = None
    while True:
        while more and failure is None and len(flying) < posters.count:
            handled = report.sent + report.dead + sum(len(job.rows) for job in flying)
            if limit is not None and handled >= limit:
                break
            rows = pending(conn, batch_size, kind, after_id)
            if not rows:
                more = False
                break
            after_id = rows[-1].outbox_id
            rows = readable(conn, rows, report)
            if rows:
                flying.append(posters.post(kind, rows))
        if not flying:
            break
        job = flying.popleft()
        try:
            try:
                results = job.result()
            except HqRefused as refusal:
                if failure is not None or not is_content_refusal(refusal.status):
                    raise
                _split(conn, client, job.rows, refusal, report=report, kind=kind)
            else:
                _record(conn, job.rows, results, report, kind)
        except SyncError as error:
            note_failure(conn, job.rows, str(error))
            if failure is None:
                failure = error
    if failure is not None:
        raise failure


@dataclass(eq=False)
class _Job:
    """One batch handed to a poster thread, and its outcome (HQ's results or the error)."""

    kind: str
    rows: list[Pending]
    _outcome: queue.Queue[list[dict[str, Any]] | BaseException] = field(
        default_factory=lambda: queue.Queue(maxsize=1)
    )

    def finish(self, outcome: list[dict[str, Any]] | BaseException) -> None:
        """The poster's outcome: HQ's results, or what the upload raised."""
        self._outcome.put(outcome)

    def result(self) -> list[dict[str, Any]]:
        """Wait for the poster; HQ's results, or raise what the upload raised."""
        outcome = self._outcome.get()
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome


class _Posters:
    """``count`` threads, started on the first batch, each posting batches on its own
    :class:`HqClient` made (and closed) on that thread."""

    def __init__(self, count: int, make_client: Callable[[], HqClient]) -> None:
        self.count = count
        self._make_client = make_client
        self._jobs: queue.Queue[_Job | None] = queue.Queue()
        self._threads: list[threading.Thread] = []

    def post(self, kind: str, rows: list[Pending]) -> _Job:
        if not self._threads:
            self._threads = [
                start_thread(f"sync-post-{n + 1}", self._serve) for n in range(self.count)
            ]
        job = _Job(kind, rows)
        self._jobs.put(job)
        return job

    def close(self) -> None:
        """Stop the threads once their batches are answered (each closes its client)."""
        for _ in self._threads:
            self._jobs.put(None)
        for thread in self._threads:
            thread.join()
        self._threads = []

    def _serve(self) -> None:
        client: HqClient | None = None
        try:
            while (job := self._jobs.get()) is not None:
                try:
                    if client is None:
                        client = self._make_client()
                    job.finish(client.upload(job.kind, [row.payload for row in job.rows]))
                except BaseException as error:  # every outcome goes back to the drain
                    job.finish(error)
        finally:
            if client is not None:
                client.close()
