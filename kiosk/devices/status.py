"""What a device's state is and what it tells its listeners.

``DeviceStatus`` is the one answer to "can this device be used now?": a
``Health`` (ready, busy, offline, error) plus device-specific ``conditions``
(paper low, scale in motion, ...). Events are small frozen dataclasses that
devices hand to their listeners from worker threads: ``DataEvent`` (a scan, a
weight...), ``StatusEvent`` (health or conditions changed) and ``ErrorEvent``
(something went wrong but the device carries on, e.g. a garbled frame).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field

from kiosk.devices.errors import DeviceError


class Health(enum.Enum):
    """Whether a device can be used (UnifiedPOS State / PowerState, simplified)."""

    READY = "ready"
    BUSY = "busy"
    OFFLINE = "offline"
    ERROR = "error"


class Condition(enum.StrEnum):
    """Device-specific conditions; a device reports the subset that applies to it.

    A StrEnum so drivers may also use plain strings for rare conditions.
    """

    PAPER_LOW = "paper_low"
    PAPER_OUT = "paper_out"
    COVER_OPEN = "cover_open"
    DRAWER_OPEN = "drawer_open"
    IN_MOTION = "in_motion"
    OVERLOAD = "overload"
    UNDER_ZERO = "under_zero"
    NOT_CLAIMED = "not_claimed"
    # the common-use model of boarding pass and bag tag printers (kiosk.devices.aea)
    MEDIA_LOW = "media_low"
    MEDIA_EMPTY = "media_empty"
    MEDIA_JAMMED = "media_jammed"


@dataclass(frozen=True, slots=True)
class DeviceStatus:
    """Health, conditions and a short human text (shown to the technician / attendant)."""

    health: Health
    conditions: frozenset[str] = frozenset()
    detail: str = ""

    @property
    def usable(self) -> bool:
        """True when the device can do its job now (ready or momentarily busy)."""
        return self.health in (Health.READY, Health.BUSY)

    def __str__(self) -> str:
        parts = [self.health.value, *sorted(self.conditions)]
        text = ", ".join(parts)
        return f"{text} ({self.detail})" if self.detail else text


READY = DeviceStatus(Health.READY)
OFFLINE = DeviceStatus(Health.OFFLINE)


@dataclass(frozen=True, slots=True)
class DataEvent:
    """The device produced data: ``data`` is a driver-specific frozen value (e.g. ``Scan``).

    ``at`` is ``time.monotonic()`` when the data was parsed.
    """

    device: str
    data: object
    at: float


@dataclass(frozen=True, slots=True)
class StatusEvent:
    """The device's status changed from ``previous`` to ``status``."""

    device: str
    status: DeviceStatus
    previous: DeviceStatus
    at: float


@dataclass(frozen=True, slots=True)
class ErrorEvent:
    """Something went wrong that the device survived (garbage frame, failed read, ...)."""

    device: str
    error: DeviceError
    at: float
    raw: bytes = field(default=b"", repr=False)


DeviceEvent = DataEvent | StatusEvent | ErrorEvent
Listener = Callable[[DeviceEvent], None]
