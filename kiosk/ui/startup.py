"""What the lane window's start leaves until its first screen is up (issue 16).

``kiosk run`` is judged by how soon the attract screen answers a touch.
:class:`FirstPaint` (the window makes one) does in idle time shortly after the
window's first paint what need not happen before it:

* gives the cyclic garbage collector back, if ``kiosk run`` held it
  (:func:`kiosk.warmup.hold_collections`);
* starts the imports the first screen does not need (:func:`kiosk.warmup.warm_up`,
  on a background thread);
* runs the callbacks given to :meth:`FirstPaint.add`, one per event-loop turn
  (e.g. ``gc.freeze()`` of what the start built, building screens shown later).

A window that is never painted (tests, ``show=False``) settles after ``fallback_ms``.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from kiosk import warmup

log = logging.getLogger(__name__)
_PAINTING = (QEvent.Type.Paint, QEvent.Type.UpdateRequest)


class FirstPaint(QObject):
    """Watches ``window`` for its first paint, then (after ``delay_ms``) settles the start.

    Args:
        window: the top-level window.
        delay_ms: idle time left after the first paint before the work starts.
        fallback_ms: settle anyway this long after construction if nothing painted.
    """

    def __init__(self, window: QWidget, delay_ms: int = 250, fallback_ms: int = 5000) -> None:
        super().__init__(window)
        # No strong reference to the window: a child holding its parent would make a
        # cycle only the cyclic collector frees, keeping a dropped window alive.
        self._window = weakref.ref(window)
        self._delay_ms = delay_ms
        self._callbacks: list[Callable[[], object]] = []
        self._painted = self._settled = False
        window.installEventFilter(self)
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.timeout.connect(self.settle)
        self._fallback.start(fallback_ms)

    def add(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` after the first paint (at once, on the next turn, if settled)."""
        self._callbacks.append(callback)
        if self._settled:
            QTimer.singleShot(0, self._run_next)

    def painted(self) -> bool:
        """Whether the window has painted."""
        return self._painted

    def settled(self) -> bool:
        """Whether the start was settled (collector back, warm-up started)."""
        return self._settled

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # UpdateRequest: the window paints its whole tree while handling it (a window
        # covered by opaque children may get no Paint event of its own).
        ref = getattr(self, "_window", None)  # None: called while being torn down
        window = ref() if ref is not None else None
        if window is not None and watched is window and event.type() in _PAINTING:
            window.removeEventFilter(self)
            self._painted = True
            self._fallback.stop()
            QTimer.singleShot(self._delay_ms, self.settle)
        return False

    def settle(self) -> None:
        """Re-enable the collector, start the warm-up imports and run the callbacks (once)."""
        if self._settled:
            return
        self._settled = True
        self._fallback.stop()
        window = self._window()
        if window is not None:
            window.removeEventFilter(self)
        warmup.release_collections()
        warmup.warm_up()
        self._run_next()

    def _run_next(self) -> None:
        if not self._callbacks:
            return
        callback = self._callbacks.pop(0)
        try:
            callback()
        except Exception:  # a start-up nicety must never take the lane down
            log.exception("after-first-paint task failed")
        if self._callbacks:
            QTimer.singleShot(0, self._run_next)
