"""Events that drive the airport check-in: small frozen facts, each stamped with ``at``.

Three sources, one stream (handed to
:meth:`kiosk.domain.airport.machine.CheckinMachine.handle`):

* the traveller, through the screens (``BookingEntered``, ``PassengerToggled``,
  ``SeatChosen``, ...) and the devices (``BoardingPassScanned``,
  ``DocumentScanned``, ``ScaleRead``);
* what the runner's calls answered: the DCS (``BookingFound``, ``CheckedIn``,
  ``DcsFailed``, ...), the printers (``DocumentPrinted``, ``PrintFailed``), the
  card terminal (``PaymentApproved``, ...), the store (``RecordCommitted``);
* the agent (``AgentVerdict``; ``Cancelled`` with a ``staff_id``).

``Cancelled``, ``IdleTimedOut``, ``Reset``, ``DocumentPrinted``, ``PrintFailed``
and ``RecordCommitted`` are the airport's and the hotel's alike: they live in
:mod:`kiosk.domain.travel.journey` and are re-exported here.

Time is passed in (``at``, timezone-aware UTC): the domain has no clock.
``DocumentScanned.lines`` is a full MRZ: it is kept out of ``repr`` so that no
log line can ever hold it (DESIGN.md invariant 6); the machine keeps only a
:class:`~kiosk.domain.airport.dcs.DocumentSummary`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

from kiosk.domain.airport.dcs import (
    BagTag,
    BoardingPassData,
    Booking,
    DcsErrorKind,
    DocumentVerdict,
    Passenger,
    SeatMap,
)
from kiosk.domain.airport.interventions import AirportInterventionKind, Verdict
from kiosk.domain.money import Money
from kiosk.domain.travel.journey import Cancelled as Cancelled  # noqa: PLC0414 (re-exported)
from kiosk.domain.travel.journey import DocumentPrinted as DocumentPrinted  # noqa: PLC0414 (re-exported)
from kiosk.domain.travel.journey import IdleTimedOut as IdleTimedOut  # noqa: PLC0414 (re-exported)
from kiosk.domain.travel.journey import PrintFailed as PrintFailed  # noqa: PLC0414 (re-exported)
from kiosk.domain.travel.journey import RecordCommitted as RecordCommitted  # noqa: PLC0414 (re-exported)
from kiosk.domain.travel.journey import Reset as Reset  # noqa: PLC0414 (re-exported)


class DcsCall(enum.Enum):
    """The DCS call a ``DcsFailed`` answers (and the one ``CheckinState.waiting`` names)."""

    FIND_BOOKING = "find_booking"
    FIND_BY_NAME = "find_by_name"
    SEND_DOCUMENT = "send_document"
    SEAT_MAP = "seat_map"
    ASSIGN_SEAT = "assign_seat"
    CHECK_IN = "check_in"
    ADD_BAG = "add_bag"
    BOARDING_PASSES = "boarding_passes"
    CANCEL_CHECK_IN = "cancel_check_in"


# --- the traveller: identify -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BoardingPassScanned:
    """A boarding pass (paper or phone) was scanned: ``data`` is the BCBP text."""

    data: str = field(repr=False)
    at: datetime


@dataclass(frozen=True, slots=True)
class BookingEntered:
    """The traveller typed a booking reference and a surname."""

    record_locator: str
    surname: str
    at: datetime


@dataclass(frozen=True, slots=True)
class DocumentScanned:
    """The document reader read an MRZ. On the welcome screen it finds the booking by
    name and date; on the documents step it is the current passenger's document."""

    lines: tuple[str, ...] = field(repr=False)
    at: datetime


@dataclass(frozen=True, slots=True)
class BookingPicked:
    """Among several bookings found by name, the traveller picked this one."""

    record_locator: str
    at: datetime


# --- the traveller: passengers, safety, seats, offers, bags, pay -------------------------


@dataclass(frozen=True, slots=True)
class PassengerToggled:
    """The traveller chose whether ``passenger_id`` travels now (an infant follows its adult)."""

    passenger_id: str
    travelling: bool
    at: datetime


@dataclass(frozen=True, slots=True)
class PassengersConfirmed:
    """The traveller confirmed who travels."""

    at: datetime


@dataclass(frozen=True, slots=True)
class SafetyAnswered:
    """The answer to safety question ``question`` (a key from the booking)."""

    question: str
    answer: bool
    at: datetime


@dataclass(frozen=True, slots=True)
class SeatChosen:
    """The traveller touched seat ``seat`` for ``passenger_id`` on flight ``segment_id``."""

    passenger_id: str
    segment_id: str
    seat: str
    at: datetime


@dataclass(frozen=True, slots=True)
class ExitRowAnswered:
    """The answer to "able and willing to help in an emergency" for the exit-row seat chosen."""

    able_and_willing: bool
    at: datetime


@dataclass(frozen=True, slots=True)
class SeatsDone:
    """Keep the seats shown for this flight and go on (the next flight, or the next step)."""

    at: datetime


@dataclass(frozen=True, slots=True)
class OfferAccepted:
    """The traveller took offer ``offer_id`` (its price is added to the fees)."""

    offer_id: str
    at: datetime


@dataclass(frozen=True, slots=True)
class OfferWithdrawn:
    """The traveller changed their mind about offer ``offer_id`` before going on."""

    offer_id: str
    at: datetime


@dataclass(frozen=True, slots=True)
class OffersDone:
    """Go on from the offers (skipping them if none was accepted)."""

    at: datetime


@dataclass(frozen=True, slots=True)
class BagCountChosen:
    """How many bags ``passenger_id`` checks in (0 for none)."""

    passenger_id: str
    count: int
    at: datetime


@dataclass(frozen=True, slots=True)
class BagsCounted:
    """The counts are confirmed: weigh the bags one after the other (or none: go on)."""

    at: datetime


@dataclass(frozen=True, slots=True)
class ScaleRead:
    """A scale reading: only a ``stable`` one is a bag's weight; a reading near zero
    means the last bag left the scale (the next one may be weighed)."""

    weight_g: int
    stable: bool
    at: datetime


@dataclass(frozen=True, slots=True)
class BagRemoved:
    """The traveller takes bag ``bag_no`` off (it is not checked in; its fee goes)."""

    bag_no: int
    at: datetime


@dataclass(frozen=True, slots=True)
class BagsConfirmed:
    """Every bag is weighed and the fees shown: go on (pay, or print)."""

    at: datetime


@dataclass(frozen=True, slots=True)
class PayRequested:
    """The traveller touched "pay" (again, after a decline)."""

    at: datetime


@dataclass(frozen=True, slots=True)
class WentBack:
    """The traveller touched "Back": the step before this one (:mod:`.going_back`)."""

    at: datetime


# --- the devices the check-in needs ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DeviceChanged:
    """A device the check-in needs changed its health (the runner follows them).

    ``role`` is a :class:`~.states.DeviceRole` value (``document_reader``,
    ``boarding_pass_printer``, ``bag_tag_printer``); ``ok`` False: it cannot be used
    now (offline, error, paper out, jammed), ``detail`` says why; ``low``: it still
    works but its media runs low (the agent should refill it).
    """

    device: str
    role: str
    ok: bool
    detail: str
    at: datetime
    low: bool = False


# --- anyone: Cancelled, IdleTimedOut, Reset (kiosk.domain.travel.journey) ---------------


# --- the DCS answered ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BookingFound:
    """``find_booking`` answered (or the traveller's pick among several)."""

    booking: Booking
    at: datetime


@dataclass(frozen=True, slots=True)
class BookingsFound:
    """``find_by_name`` answered (possibly none)."""

    bookings: tuple[Booking, ...]
    at: datetime


@dataclass(frozen=True, slots=True)
class DocumentVerdictReceived:
    """``send_document`` answered for ``passenger_id``."""

    passenger_id: str
    verdict: DocumentVerdict
    at: datetime


@dataclass(frozen=True, slots=True)
class CheckedIn:
    """``check_in`` answered: the booking as the DCS now has it."""

    booking: Booking
    at: datetime


@dataclass(frozen=True, slots=True)
class SeatMapReceived:
    """``seat_map`` answered."""

    seat_map: SeatMap
    at: datetime


@dataclass(frozen=True, slots=True)
class SeatAssigned:
    """``assign_seat`` answered: the passenger as the DCS now has them."""

    passenger: Passenger
    segment_id: str
    at: datetime


@dataclass(frozen=True, slots=True)
class BagTagIssued:
    """``add_bag`` answered for bag ``bag_no``."""

    bag_no: int
    tag: BagTag
    at: datetime


@dataclass(frozen=True, slots=True)
class BoardingPassesReceived:
    """``boarding_passes`` answered."""

    passes: tuple[BoardingPassData, ...]
    at: datetime


@dataclass(frozen=True, slots=True)
class CheckInCancelled:
    """``cancel_check_in`` answered (or was not needed)."""

    at: datetime


@dataclass(frozen=True, slots=True)
class DcsFailed:
    """A DCS call raised :class:`~kiosk.domain.airport.dcs.DcsError` (``kind``, ``code``)."""

    call: DcsCall
    kind: DcsErrorKind
    code: str
    message: str
    at: datetime


# --- printers, card terminal, store ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class PaymentApproved:
    """The terminal approved ``amount`` for payment ``reference``."""

    reference: str
    amount: Money
    at: datetime
    masked_pan: str | None = None
    brand: str | None = None
    auth_code: str | None = None


@dataclass(frozen=True, slots=True)
class PaymentDeclined:
    """Payment ``reference`` took no money (``reason`` as the terminal said)."""

    reference: str
    reason: str
    at: datetime


@dataclass(frozen=True, slots=True)
class PaymentUnknown:
    """The outcome of ``reference`` is unknown: never retried by itself (an intervention)."""

    reference: str
    amount: Money
    at: datetime


@dataclass(frozen=True, slots=True)
class RecordRefused:
    """The store refused the record: its card payments do not add up to what the payment
    journal says was taken for this check-in (invariant 9); ``approved`` is the journal's
    word, ``(reference, amount)`` pairs, and ``detail`` says what differs."""

    detail: str
    approved: tuple[tuple[str, Money], ...]
    at: datetime


# --- the agent -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AgentVerdict:
    """An agent's verdict on the open intervention of ``kind`` (audited by the desk)."""

    kind: AirportInterventionKind
    verdict: Verdict
    staff_id: str
    at: datetime
    note: str = ""


TravellerEvent = (
    BoardingPassScanned
    | BookingEntered
    | DocumentScanned
    | BookingPicked
    | PassengerToggled
    | PassengersConfirmed
    | SafetyAnswered
    | SeatChosen
    | ExitRowAnswered
    | SeatsDone
    | OfferAccepted
    | OfferWithdrawn
    | OffersDone
    | BagCountChosen
    | BagsCounted
    | ScaleRead
    | BagRemoved
    | BagsConfirmed
    | PayRequested
    | WentBack
    | Cancelled
    | IdleTimedOut
    | Reset
)

ReplyEvent = (
    BookingFound
    | BookingsFound
    | DocumentVerdictReceived
    | CheckedIn
    | SeatMapReceived
    | SeatAssigned
    | BagTagIssued
    | BoardingPassesReceived
    | CheckInCancelled
    | DcsFailed
    | DocumentPrinted
    | PrintFailed
    | PaymentApproved
    | PaymentDeclined
    | PaymentUnknown
    | RecordCommitted
    | RecordRefused
    | DeviceChanged
)

Event = TravellerEvent | ReplyEvent | AgentVerdict
