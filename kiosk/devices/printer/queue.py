"""Receipts waiting to print, and receipts whose print failed: never silently dropped.

Every receipt handed to the printer enters the :class:`ReceiptQueue` as
*pending* and leaves it only when the printer confirmed the print (status read
back after the job). A job that fails (paper out, cover open, link lost)
stays as *failed* with the reason, until :meth:`ReceiptQueue.reprint` makes it
pending again or the application discards it explicitly (an attendant
decision). ``on_change`` is called with the whole queue after every change so
the application can persist it (and :meth:`restore` it after a restart); a
hook that raises is logged and the queue keeps working in memory.
"""

from __future__ import annotations

import enum
import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

log = logging.getLogger(__name__)


class JobState(enum.Enum):
    PENDING = "pending"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class HeldReceipt:
    """A rendered receipt the printer still owes."""

    job_id: str
    transaction_id: str
    data: bytes
    state: JobState = JobState.PENDING
    attempts: int = 0
    reason: str = ""


QueueHook = Callable[[tuple[HeldReceipt, ...]], None]


class ReceiptQueue:
    """Thread-safe, ordered store of held receipts (see the module docstring)."""

    def __init__(self, on_change: QueueHook | None = None) -> None:
        self._items: dict[str, HeldReceipt] = {}
        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)
        self._on_change = on_change

    def add(self, job: HeldReceipt) -> None:
        """Hold ``job`` (pending). Raises ValueError if its id is already held."""
        with self._lock:
            if job.job_id in self._items:
                raise ValueError(f"print job {job.job_id} is already queued")
            self._items[job.job_id] = replace(job, state=JobState.PENDING)
            self._wake.notify_all()
        self._changed()

    def restore(self, jobs: Iterable[HeldReceipt]) -> None:
        """Put back jobs persisted before a restart, failed ones stay failed."""
        with self._lock:
            for job in jobs:
                self._items.setdefault(job.job_id, job)
            self._wake.notify_all()
        self._changed()

    def next_pending(self, timeout: float | None) -> HeldReceipt | None:
        """The oldest pending job, waiting up to ``timeout`` seconds for one."""
        with self._wake:
            self._wake.wait_for(self._first_pending, timeout)
            return self._first_pending()

    def _first_pending(self) -> HeldReceipt | None:
        return next((j for j in self._items.values() if j.state is JobState.PENDING), None)

    def done(self, job_id: str) -> None:
        """The printer confirmed ``job_id``: forget it."""
        with self._lock:
            self._items.pop(job_id, None)
        self._changed()

    def fail(self, job_id: str, reason: str) -> None:
        """Keep ``job_id`` as failed with ``reason`` (one more attempt counted)."""
        with self._lock:
            job = self._items.get(job_id)
            if job is None:
                return
            self._items[job_id] = replace(
                job, state=JobState.FAILED, reason=reason, attempts=job.attempts + 1
            )
        self._changed()

    def reprint(self, job_id: str | None = None) -> int:
        """Make one failed job (or all when ``job_id`` is None) pending again; return how many."""
        with self._lock:
            chosen = [
                j
                for j in self._items.values()
                if j.state is JobState.FAILED and (job_id is None or j.job_id == job_id)
            ]
            for job in chosen:
                self._items[job.job_id] = replace(job, state=JobState.PENDING)
            self._wake.notify_all()
        if chosen:
            self._changed()
        return len(chosen)

    def discard(self, job_id: str) -> HeldReceipt | None:
        """Drop a held job on purpose (attendant decision); return it."""
        with self._lock:
            job = self._items.pop(job_id, None)
        self._changed()
        return job

    def held(self) -> tuple[HeldReceipt, ...]:
        """Every held job, oldest first."""
        with self._lock:
            return tuple(self._items.values())

    def get(self, job_id: str) -> HeldReceipt | None:
        with self._lock:
            return self._items.get(job_id)

    def wake(self) -> None:
        """Wake a worker blocked in :meth:`next_pending` (e.g. to stop)."""
        with self._wake:
            self._wake.notify_all()

    def _changed(self) -> None:
        if self._on_change is None:
            return
        try:
            self._on_change(self.held())
        except Exception:  # persistence failing must not lose the in-memory copy
            log.exception("receipt queue hook failed; receipts are still held in memory")
