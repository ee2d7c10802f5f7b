"""The one place that starts threads (STYLE.md: "one place that starts threads").

Every background thread of the lane, the simulators and HQ's in-process server is a
named daemon thread started here, so a thread dump names what each one is for and a
test can check that nothing else starts threads. Pure code (``kiosk.domain``) never
uses threads.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable


def start_thread(name: str, target: Callable[[], object]) -> threading.Thread:
    """Start ``target`` on a daemon thread called ``kiosk-<name>`` and return the thread."""
    thread = threading.Thread(target=target, name=f"kiosk-{name}", daemon=True)
    thread.start()
    return thread


def start_timer(name: str, delay_s: float, target: Callable[[], object]) -> threading.Timer:
    """Run ``target`` once after ``delay_s`` seconds on a daemon thread; returns the timer
    (``cancel()`` stops it if it has not fired)."""
    timer = threading.Timer(delay_s, target)
    timer.name, timer.daemon = f"kiosk-{name}", True
    timer.start()
    return timer


class Repeating:
    """``target`` run every ``every_s`` seconds on daemon timers until :meth:`cancel`
    (a round that raises is logged and the next one still comes)."""

    def __init__(self, name: str, every_s: float, target: Callable[[], object]) -> None:
        self.name, self.every_s, self.target = name, every_s, target
        self._timer: threading.Timer | None = None
        self._cancelled = False
        self._lock = threading.Lock()

    def cancel(self) -> None:
        """No further round (one already running finishes)."""
        with self._lock:
            self._cancelled = True
            if self._timer is not None:
                self._timer.cancel()

    def _schedule(self) -> None:
        with self._lock:
            if not self._cancelled:
                self._timer = start_timer(self.name, self.every_s, self._round)

    def _round(self) -> None:
        try:
            self.target()
        except Exception:
            logging.getLogger(__name__).exception("%s: a round failed", self.name)
        self._schedule()


def start_repeating(name: str, every_s: float, target: Callable[[], object]) -> Repeating:
    """Run ``target`` every ``every_s`` seconds (the first time ``every_s`` from now)."""
    repeating = Repeating(name, every_s, target)
    repeating._schedule()
    return repeating
