"""What the airport and hotel check-in machines share: how a journey ended
(:class:`Outcome`), the error for an event its step does not accept
(:class:`IllegalEvent`), and the events that mean the same in both: anyone's
(:class:`Cancelled`, :class:`IdleTimedOut`, :class:`Reset`), the printer's
(:class:`DocumentPrinted`, :class:`PrintFailed`) and the store's
(:class:`RecordCommitted`).

Each journey's ``states`` and ``events`` modules re-export these under the same
names (what an event does is still each journey's machine's business); the runners
(:mod:`kiosk.app.travel.runner`) catch the one :class:`IllegalEvent`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime


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


# --- anyone --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cancelled:
    """Cancel the check-in or visit (the person at the kiosk, or an agent with
    ``staff_id``)."""

    at: datetime
    staff_id: str | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class IdleTimedOut:
    """Nobody touched the kiosk for the idle time (and "are you still there" went
    unanswered): the journey is abandoned (a hotel visit past the point of no return
    is completed)."""

    at: datetime


@dataclass(frozen=True, slots=True)
class Reset:
    """Back to the welcome screen for the next person, whose journey is ``checkin_id``."""

    checkin_id: str
    at: datetime


# --- printer, store ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DocumentPrinted:
    """The printer confirmed printout ``document_id`` (see the state's ``printouts``)."""

    document_id: str
    at: datetime


@dataclass(frozen=True, slots=True)
class PrintFailed:
    """Printout ``document_id`` did not print (paper out, jammed, offline: ``reason``)."""

    document_id: str
    reason: str
    at: datetime


@dataclass(frozen=True, slots=True)
class RecordCommitted:
    """The store committed the journey's record with its outbox row."""

    at: datetime
