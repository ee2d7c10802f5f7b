"""What the airport and hotel check-in machines share: how a journey ended
(:class:`Outcome`) and the error for an event its step does not accept
(:class:`IllegalEvent`).

Each journey's ``states`` module re-exports these under the same names; the
runners (:mod:`kiosk.app.travel.runner`) catch the one :class:`IllegalEvent`.
"""

from __future__ import annotations

import enum


class Outcome(enum.Enum):
    """How a check-in or a visit ended (the record's ``status``)."""

    COMPLETED = "completed"
    CANCELLED = "cancelled"
    ABANDONED = "abandoned"


class IllegalEvent(Exception):
    """An event the current step does not accept; the message names both."""

    def __init__(self, step: enum.Enum, event: object, why: str = "") -> None:
        name = type(event).__name__
        message = f"can't handle event {name} in step {step.value}"
        super().__init__(f"{message}: {why}" if why else message)
        self.step = step
        self.event = event
