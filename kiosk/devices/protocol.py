"""What every sans-IO device protocol looks like, and its one shared event.

A parser turns bytes into events and keeps whatever partial frame is left:
``feed(data) -> list[event]``. It never reads, writes, sleeps or looks at a
clock, so the driver, the simulator and the fuzz test use the same object.
A frame the parser cannot accept becomes a :class:`Rejected` event (the
driver reports it as an ErrorEvent carrying a ProtocolError) — never an
exception, because garbage on a wire is an everyday event, not a bug.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Rejected:
    """A frame that was dropped, and why (one line a technician can read)."""

    reason: str
    raw: bytes = field(default=b"", repr=False)


class Parser(Protocol):
    """A sans-IO byte parser."""

    def feed(self, data: bytes) -> list[object]:
        """Consume ``data``; return the events completed by it (possibly none)."""
        ...
