"""The one clock (STYLE.md: "one clock"): what time it is, and elapsed time.

The lane reads the wall clock through :func:`utc_now` (timezone-aware UTC) and passes
it in wherever a time is stored or compared (``LaneController(clock=...)``, the store's
``AuditLog`` and ``StaffRepository``, the attendant service), so a test can pass its
own. :func:`monotonic` is for deadlines and polling, which must not jump with the wall
clock. Nothing else in ``kiosk`` calls ``datetime.now``, ``time.time`` or
``time.monotonic`` (checked by tests/test_one_clock.py); the pure domain reads no clock.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

#: A source of "now": timezone-aware UTC datetimes.
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


def monotonic() -> float:
    """Seconds on a clock that never goes back (for deadlines and elapsed time)."""
    return time.monotonic()
