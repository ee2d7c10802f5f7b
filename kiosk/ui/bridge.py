"""The one door from worker threads into the UI thread, and background operations.

Device readers, the payment flow and sync run on worker threads. They call
``bridge.post(event)`` (thread-safe); the event crosses into the UI thread
through one queued Qt signal and is re-broadcast there as ``changed(event)``:
the single "what changed" broadcast every screen controller listens to.

``run_in_background(operation, on_success, on_failure)`` is the Anki-style
operation: ``operation()`` runs on a pool thread, then exactly one of the
callbacks runs on the UI thread with its result or exception. Nothing here
waits on the UI thread.

Events are typed: a journey's presenter posts its own (``LaneUpdate``,
``ScaleReading``); the shell posts the small messages below. A listener acts on
the types it knows and ignores the rest (one bridge serves the whole window).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class JourneyChanged:
    """The journey's runner broadcast a new state (the attendant screen redraws)."""


@dataclass(frozen=True, slots=True)
class BadgeScanned:
    """A staff badge was read at the lane's scanner."""

    code: str


@dataclass(frozen=True, slots=True)
class LaneFlagsChanged:
    """Staff closed, paused, reopened or resumed the lane."""

    closed: bool
    paused: bool


@dataclass(frozen=True, slots=True)
class _Completion:
    callback: Callable[[Any], None] | None
    value: Any


class Bridge(QObject):
    """Carries events from any thread to the UI thread.

    Signals:
        changed(object): emitted on the UI thread for every posted event.
    """

    changed = Signal(object)
    _inbox = Signal(object)  # the queued hop; emitted from any thread

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._inbox.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def post(self, event: object) -> None:
        """Queue ``event`` for the UI thread. Safe to call from any thread."""
        self._inbox.emit(event)

    def run_in_background(
        self,
        operation: Callable[[], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``operation()`` on a pool thread; call ``on_success(result)`` or
        ``on_failure(error)`` on the UI thread afterwards. An exception with no
        ``on_failure`` is logged, never swallowed silently."""
        self._pool.start(_Operation(self, operation, on_success, on_failure))

    def wait_for_idle(self, timeout_ms: int = 5000) -> bool:
        """Block until the pool has no running operation (for shutdown, never per frame)."""
        return self._pool.waitForDone(timeout_ms)

    @Slot(object)
    def _deliver(self, item: object) -> None:
        if isinstance(item, _Completion):
            if item.callback is not None:
                item.callback(item.value)
            return
        self.changed.emit(item)


class _Operation(QRunnable):
    def __init__(
        self,
        bridge: Bridge,
        operation: Callable[[], Any],
        on_success: Callable[[Any], None] | None,
        on_failure: Callable[[BaseException], None] | None,
    ) -> None:
        super().__init__()
        self._bridge, self._operation = bridge, operation
        self._on_success, self._on_failure = on_success, on_failure

    def run(self) -> None:
        try:
            result = self._operation()
        except Exception as error:  # handed to the UI thread, not lost
            if self._on_failure is None:
                log.exception("background operation failed with no failure callback")
                return
            self._bridge.post(_Completion(self._on_failure, error))
            return
        self._bridge.post(_Completion(self._on_success, result))
