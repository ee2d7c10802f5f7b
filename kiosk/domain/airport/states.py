"""The state of one airport check-in: steps, settings and everything a screen shows.

:class:`CheckinState` is an immutable value; the machine
(:mod:`kiosk.domain.airport.machine`) returns a new one for every event. A
screen reads what it shows from the state alone:

* ``step`` picks the screen; ``waiting`` (a :class:`~.events.DcsCall` or None)
  says a DCS call is in flight (show "one moment");
* ``notice`` (a message key, with ``notice_params``) is news for one event (a
  booking not found, a document that could not be read, a seat just taken);
* ``intervention`` is the open intervention (step ``INTERVENTION``; ``resume`` is
  the step it stopped);
* the booking, the passengers with their document status, the current safety
  question, the seat maps and the seats, the offers taken, the bags with their
  fees, the payments, the boarding passes and the printouts.

No full MRZ, no document number is ever held here: a passenger's document is a
:class:`~kiosk.domain.airport.dcs.DocumentSummary` (invariant 6). The one
exception is ``identity`` (the APIS data of the passport that identified the
booking, kept out of ``repr``, in memory only, so that passenger is not asked
for it twice).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from kiosk.domain.airport.dcs import (
    BagTag,
    BoardingPassData,
    Booking,
    DocumentSummary,
    Passenger,
    PassengerType,
    SeatMap,
    TravelDocument,
)
from kiosk.domain.airport.events import DcsCall
from kiosk.domain.airport.interventions import AirportIntervention, ResolvedAirportIntervention
from kiosk.domain.money import Money
from kiosk.domain.travel.journey import IllegalEvent as IllegalEvent  # noqa: PLC0414 (re-exported)
from kiosk.domain.travel.journey import Outcome as Outcome  # noqa: PLC0414 (re-exported)


class Step(enum.Enum):
    """Where the check-in is (one screen each)."""

    WELCOME = "welcome"  # scan a boarding pass or passport, or type locator + surname
    PICK_BOOKING = "pick_booking"  # several bookings found by name: pick one
    PASSENGERS = "passengers"  # who travels now
    DOCUMENTS = "documents"  # read each chosen passenger's document (``document_for``)
    SAFETY = "safety"  # the airline's questions (``question``); then check in
    SEATS = "seats"  # per flight (``seat_segment``): keep or change seats
    OFFERS = "offers"  # upgrades / extras the DCS offered
    BAGS = "bags"  # how many, then weigh each (``bag_on_scale``)
    PAYING = "paying"  # fees at the card terminal
    PRINTING = "printing"  # bag tags issued, boarding passes and tags printed
    INTERVENTION = "intervention"  # waiting for an agent (``intervention``)
    CLOSING = "closing"  # cancelling at the DCS and/or committing the record
    DONE = "done"  # thank-you (completed) or goodbye (cancelled / abandoned); feedback


class DocumentCheck(enum.Enum):
    """Where a passenger's travel document stands."""

    NOT_REQUIRED = "not_required"  # the DCS needs no APIS for them
    NEEDED = "needed"  # not read yet (or read again after a retry)
    CHECKING = "checking"  # read and sent to the DCS; waiting for its verdict
    ACCEPTED = "accepted"  # the DCS (or an agent) accepted it


class FeeKind(enum.Enum):
    EXTRA_BAG = "extra_bag"
    OVERWEIGHT = "overweight"
    SEAT = "seat"
    OFFER = "offer"


class PrintKind(enum.Enum):
    BOARDING_PASS = "boarding_pass"
    BAG_TAG = "bag_tag"


class DeviceRole(enum.Enum):
    """What a device does for the check-in (``DeviceChanged.role``)."""

    DOCUMENT_READER = "document_reader"
    BOARDING_PASS_PRINTER = "boarding_pass_printer"
    BAG_TAG_PRINTER = "bag_tag_printer"


@dataclass(frozen=True, slots=True)
class DeviceProblem:
    """A device the check-in needs that cannot be used now, and why."""

    device: str
    role: DeviceRole
    detail: str

    @property
    def printer(self) -> bool:
        return self.role is not DeviceRole.DOCUMENT_READER


@dataclass(frozen=True, slots=True)
class CheckinSettings:
    """Fixed per lane.

    ``document_retries`` unreadable reads are retried before ``document_failed``;
    ``bag_min_weight_g``: a stable reading below it is an empty scale; the
    airport's ``utc_offset_minutes`` turns ``at`` into the local travel date.
    """

    airport: str
    currency: str
    max_bags_per_passenger: int = 3
    document_retries: int = 2
    max_declines: int = 3
    bag_min_weight_g: int = 500
    utc_offset_minutes: int = 0

    def local_date(self, at: datetime) -> date:
        """The airport's calendar date at ``at`` (UTC)."""
        return (at + timedelta(minutes=self.utc_offset_minutes)).date()


@dataclass(frozen=True, slots=True)
class PassengerState:
    """One passenger of the booking as this check-in sees them.

    ``refused`` is the intervention kind (value) for which an agent refused them
    (they no longer travel); ``exit_row_ok``: they answered "able and willing".
    """

    passenger: Passenger
    travelling: bool = True
    document: DocumentCheck = DocumentCheck.NEEDED
    summary: DocumentSummary | None = None
    read_failures: int = 0
    refused: str = ""
    exit_row_ok: bool = False
    cleared: tuple[str, ...] = ()  # intervention kinds an agent accepted for them

    @property
    def passenger_id(self) -> str:
        return self.passenger.passenger_id

    @property
    def name(self) -> str:
        """``SURNAME/GIVEN NAMES`` as booked."""
        return f"{self.passenger.surname}/{self.passenger.given_names}"

    @property
    def is_infant(self) -> bool:
        return self.passenger.type is PassengerType.INFANT


@dataclass(frozen=True, slots=True)
class Fee:
    """Something to pay: ``ref`` is the bag number, the seat or the offer id."""

    kind: FeeKind
    passenger_id: str
    amount: Money
    ref: str


@dataclass(frozen=True, slots=True)
class Bag:
    """A bag the traveller checks in, numbered from 1 in the order they are weighed.

    ``weight_g`` is None until a stable weight was read; ``fees`` are its extra-piece
    and overweight fees; ``heavy_accepted``: an agent took it over the heavy limit;
    ``tag`` is the DCS's tag once issued (after the fees are paid).
    """

    bag_no: int
    passenger_id: str
    weight_g: int | None = None
    fees: tuple[Fee, ...] = ()
    heavy_accepted: bool = False
    tag: BagTag | None = None


@dataclass(frozen=True, slots=True)
class Printout:
    """A boarding pass or a bag tag to print.

    ``document_id`` is ``bp:<passenger>:<segment>`` or ``tag:<licence plate>``;
    ``failures`` counts failed attempts (each is reprinted only after an agent said
    the printer is fixed).
    """

    document_id: str
    kind: PrintKind
    passenger_id: str
    label: str  # the flight of a pass, the licence plate of a tag
    printed: bool = False
    failures: int = 0


@dataclass(frozen=True, slots=True)
class FeePayment:
    """One card payment attempt for the fees."""

    reference: str
    amount: Money
    outcome: str  # "approved", "declined", "unknown", "confirmed", "failed", "waived"
    at: datetime
    masked_pan: str | None = None
    brand: str | None = None
    auth_code: str | None = None


@dataclass(frozen=True, slots=True)
class CheckinState:
    """One kiosk's check-in (see the module docstring). Build with :meth:`start`."""

    settings: CheckinSettings
    checkin_id: str
    step: Step = Step.WELCOME
    resume: Step = Step.WELCOME
    waiting: DcsCall | None = None
    started_at: datetime | None = None
    identified_by: str = ""  # "boarding_pass" | "locator" | "passport"
    notice: str = ""
    notice_params: tuple[tuple[str, str], ...] = ()
    candidates: tuple[Booking, ...] = ()
    booking: Booking | None = None
    passengers: tuple[PassengerState, ...] = ()
    document_for: str = ""  # the passenger whose document is awaited (DOCUMENTS)
    answers: tuple[tuple[str, bool], ...] = ()
    checked_in: bool = False
    seat_maps: tuple[SeatMap, ...] = ()
    seat_segment: str = ""  # the flight whose seat map is shown (SEATS)
    exit_row_pending: tuple[str, str, str] | None = None  # (passenger, segment, seat) asked
    seat_fees: tuple[Fee, ...] = ()
    offers_taken: tuple[str, ...] = ()
    bag_counts: tuple[tuple[str, int], ...] = ()
    bags: tuple[Bag, ...] = ()
    weighing: bool = False  # counts confirmed; bags are being weighed
    scale_clear: bool = True  # the scale was empty since the last bag was weighed
    payments: tuple[FeePayment, ...] = ()
    declines: int = 0
    payment_failure: str = ""  # why the last payment took no money (one step's news)
    passes: tuple[BoardingPassData, ...] = ()
    printouts: tuple[Printout, ...] = ()
    intervention: AirportIntervention | None = None
    interventions: tuple[ResolvedAirportIntervention, ...] = ()
    outcome: Outcome | None = None
    passengers_done: bool = False  # the traveller confirmed who travels
    seats_done: tuple[str, ...] = ()  # flights whose seats the traveller kept (SEATS)
    offers_done: bool = False
    bags_done: bool = False
    seat_request: tuple[str, str, str] | None = None  # (passenger, segment, seat) asked of the DCS
    paying_now: bool = False  # a payment is at the terminal
    printing_now: str = ""  # the printout at the printer
    #: Devices the check-in needs that cannot be used now (kept from one check-in to the
    #: next); ``devices_low``: printers whose media runs low; ``device_wait``: the device
    #: whose return closes the open intervention by itself.
    devices_down: tuple[DeviceProblem, ...] = ()
    devices_low: tuple[str, ...] = ()
    device_wait: str = ""
    identity: TravelDocument | None = field(default=None, repr=False)
    #: The document read for ``document_for`` while an agent decides on it (memory only).
    pending_document: TravelDocument | None = field(default=None, repr=False)
    #: The last DCS call (an effect), repeated when an agent says "retry" (memory only).
    retry_call: object | None = field(default=None, repr=False)

    @classmethod
    def start(cls, settings: CheckinSettings, checkin_id: str) -> CheckinState:
        """The welcome screen; the first identification starts check-in ``checkin_id``."""
        return cls(settings, checkin_id)

    # --- what the screens read --------------------------------------------------------

    def device_down(self, role: DeviceRole) -> DeviceProblem | None:
        """The problem of the device doing ``role``, if it cannot be used now."""
        return next((d for d in self.devices_down if d.role is role), None)

    def passenger(self, passenger_id: str) -> PassengerState | None:
        return next((p for p in self.passengers if p.passenger_id == passenger_id), None)

    def travelling(self) -> tuple[PassengerState, ...]:
        """The passengers chosen to travel and not refused."""
        return tuple(p for p in self.passengers if p.travelling and not p.refused)

    @property
    def question(self) -> str:
        """The safety question to answer now (``""`` when all are answered)."""
        if self.booking is None:
            return ""
        answered = {key for key, _ in self.answers}
        return next((q for q in self.booking.safety_questions if q not in answered), "")

    def seat_map(self, segment_id: str) -> SeatMap | None:
        return next((m for m in self.seat_maps if m.segment_id == segment_id), None)

    @property
    def bag_on_scale(self) -> Bag | None:
        """The bag to weigh now (the first without a weight) while weighing."""
        if not self.weighing:
            return None
        return next((b for b in self.bags if b.weight_g is None), None)

    def fees(self) -> tuple[Fee, ...]:
        """Every fee due: bags, paid seats, offers taken."""
        offers = () if self.booking is None else self.booking.offers
        taken = tuple(
            Fee(FeeKind.OFFER, o.passenger_id, o.price, o.offer_id)
            for o in offers
            if o.offer_id in self.offers_taken
        )
        bag_fees = tuple(fee for bag in self.bags for fee in bag.fees)
        return bag_fees + self.seat_fees + taken

    def total_fees(self) -> Money:
        total = Money.zero(self.settings.currency)
        for fee in self.fees():
            total = total + fee.amount
        return total

    def paid(self) -> Money:
        """What the terminal approved (or an agent confirmed) so far."""
        total = Money.zero(self.settings.currency)
        for payment in self.payments:
            if payment.outcome in ("approved", "confirmed"):
                total = total + payment.amount
        return total

    def settled(self) -> Money:
        """What was paid plus what an agent waived (collected at the desk)."""
        total = self.paid()
        for payment in self.payments:
            if payment.outcome == "waived":
                total = total + payment.amount
        return total

    def amount_due(self) -> Money:
        """Fees not yet paid or waived (never negative)."""
        due = self.total_fees() - self.settled()
        return due if due.minor > 0 else Money.zero(self.settings.currency)

    @property
    def anything_printed(self) -> bool:
        return any(p.printed for p in self.printouts)
