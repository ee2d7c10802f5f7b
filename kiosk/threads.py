"""The one place that starts threads (STYLE.md: "one place that starts threads").

Every background thread of the lane, the simulators and HQ's in-process server is a
named daemon thread started here, so a thread dump names what each one is for and a
test can check that nothing else starts threads. Pure code (``kiosk.domain``) never
uses threads.
"""

from __future__ import annotations

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
