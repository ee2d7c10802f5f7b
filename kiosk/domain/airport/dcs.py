"""What the lane asks of an airline's departure control system (DCS), and what it gets back.

Theory of operation. A common-use kiosk never owns a booking: the airline's DCS
does. The check-in machine (``kiosk.domain.airport``) speaks only to the
:class:`DepartureControl` protocol below; a driver (``kiosk.backoffice.dcs``)
implements it over the airline's HTTP API, and the simulator (``kiosk sim dcs``)
serves the same API on 127.0.0.1 with sample flights. The types are plain frozen
dataclasses so that a driver, the simulator and the machine agree on one shape.

Every call may raise :class:`DcsError`: ``unreachable`` (network, timeout, 5xx;
the lane may retry and calls an agent), ``not_found`` (no such booking),
``refused`` (the airline said no: inhibited passenger, seat taken, flight closed;
``code`` says why), ``invalid`` (the lane sent something the DCS cannot read).

Invariant 6 (DESIGN.md): the lane sends the document data (APIS) to the DCS; what
it keeps is :class:`DocumentSummary` (type, issuing state, nationality, expiry,
the last 4 characters of the number), never the MRZ.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

from kiosk.domain.money import Money


class DcsErrorKind(enum.Enum):
    UNREACHABLE = "unreachable"
    NOT_FOUND = "not_found"
    REFUSED = "refused"
    INVALID = "invalid"


class DcsError(Exception):
    """The DCS could not do what the lane asked (see the module docstring for ``kind``).

    ``code`` is the airline's short reason when it gave one (``seat_taken``,
    ``inhibited``, ``flight_closed``, ``visa_required``, ...); ``message`` is for logs
    and the agent, never for the traveller.
    """

    def __init__(self, kind: DcsErrorKind, message: str, code: str = "") -> None:
        super().__init__(message)
        self.kind = kind
        self.code = code
        self.message = message


class PassengerType(enum.Enum):
    ADULT = "ADT"
    CHILD = "CHD"
    INFANT = "INF"


@dataclass(frozen=True)
class Flight:
    """One flight of the booking (a segment). Times are local to the airport, naive."""

    segment_id: str
    airline: str  # IATA designator, e.g. "KX"
    number: str  # "0123" (digits, kept as printed)
    origin: str  # IATA airport code
    destination: str
    departure: datetime
    arrival: datetime
    cabin: str  # booking class letter, e.g. "Y"
    compartment: str  # "Y" economy, "W" premium, "J" business, "F" first
    gate: str = ""
    boarding_time: datetime | None = None
    open_for_checkin: bool = True


@dataclass(frozen=True)
class BagAllowance:
    """What a passenger may check in on this booking.

    ``pieces`` free bags of at most ``max_weight_g`` each; a bag heavier than
    ``max_weight_g`` and at most ``heavy_limit_g`` costs ``overweight_fee``; a bag
    over ``heavy_limit_g`` is refused (an agent). Each bag beyond ``pieces`` costs
    ``extra_piece_fee`` (None: no more bags may be bought at the kiosk).
    """

    pieces: int
    max_weight_g: int
    heavy_limit_g: int
    extra_piece_fee: Money | None
    overweight_fee: Money | None


@dataclass(frozen=True)
class Passenger:
    """One passenger on the booking, as the DCS knows them.

    ``names`` are as booked (upper case, no titles). ``inhibited`` non-empty: the
    DCS will not check them in at a kiosk (the reason is for the agent).
    ``document_required``: APIS must be sent before check-in. ``infant_of`` names
    the adult's ``passenger_id`` for an infant on lap.
    """

    passenger_id: str
    surname: str
    given_names: str
    type: PassengerType
    ticket_number: str = ""
    frequent_flyer: str = ""  # "KX 123456789" or ""
    seat: str = ""  # "12A" or "" (unassigned)
    checked_in: bool = False
    sequence_number: int = 0  # given at check-in
    inhibited: str = ""
    document_required: bool = True
    infant_of: str = ""
    allowance: BagAllowance | None = None
    seats: tuple[tuple[str, str], ...] = ()  # (segment_id, seat) per flight; ``seat`` is the first

    def seat_on(self, segment_id: str) -> str:
        """The passenger's seat on flight ``segment_id`` ("" when unassigned)."""
        return dict(self.seats).get(segment_id, "")


@dataclass(frozen=True)
class Booking:
    """A booking (PNR) with its passengers and flights (in travel order)."""

    record_locator: str  # 6 characters, e.g. "ABC123"
    passengers: tuple[Passenger, ...]
    flights: tuple[Flight, ...]
    # keys of the airline's safety questions, e.g. "dangerous_goods"
    safety_questions: tuple[str, ...] = ()
    offers: tuple[Offer, ...] = ()

    def passenger(self, passenger_id: str) -> Passenger | None:
        """The passenger with this id, or None."""
        return next((p for p in self.passengers if p.passenger_id == passenger_id), None)

    def flight(self, segment_id: str) -> Flight | None:
        """The flight (segment) with this id, or None."""
        return next((f for f in self.flights if f.segment_id == segment_id), None)


@dataclass(frozen=True)
class Offer:
    """An upgrade or extra the airline offers at the kiosk (only when the DCS returns one)."""

    offer_id: str
    kind: str  # "upgrade" | "extra_bag" | "priority" ...
    title: str
    price: Money
    passenger_id: str = ""


@dataclass(frozen=True)
class DocumentSummary:
    """What the lane keeps of a travel document (never the MRZ): invariant 6."""

    document_code: str  # "P", "I", "ID", ...
    issuing_state: str
    nationality: str
    expiry: date | None
    number_last4: str


@dataclass(frozen=True)
class TravelDocument:
    """The APIS data sent to the DCS for one passenger (held in memory only)."""

    passenger_id: str
    document_code: str
    issuing_state: str
    nationality: str
    number: str
    surname: str
    given_names: str
    birth_date: date | None
    sex: str  # "M" | "F" | "X"
    expiry: date | None

    def summary(self) -> DocumentSummary:
        return DocumentSummary(
            self.document_code, self.issuing_state, self.nationality, self.expiry, self.number[-4:]
        )


class DocumentStatus(enum.Enum):
    ACCEPTED = "accepted"
    AGENT_NEEDED = "agent_needed"  # visa / ESTA / entry rules the kiosk cannot settle


@dataclass(frozen=True)
class DocumentVerdict:
    """The DCS's answer to a passenger's APIS (nationality and destination rules)."""

    status: DocumentStatus
    reason: str = ""  # "visa_required", "esta_required", "watchlist", ... (for the agent)


class SeatStatus(enum.Enum):
    AVAILABLE = "available"
    OCCUPIED = "occupied"
    BLOCKED = "blocked"


@dataclass(frozen=True)
class Seat:
    number: str  # "12A"
    status: SeatStatus
    exit_row: bool = False
    extra_legroom: bool = False
    window: bool = False
    aisle: bool = False
    price: Money | None = None  # None: free to choose


@dataclass(frozen=True)
class SeatRow:
    row: int
    seats: tuple[Seat | None, ...]  # None: an aisle gap between seat columns


@dataclass(frozen=True)
class SeatMap:
    segment_id: str
    columns: str  # "ABC DEF": letters with a blank for each aisle
    rows: tuple[SeatRow, ...]

    def seat(self, number: str) -> Seat | None:
        for row in self.rows:
            for seat in row.seats:
                if seat is not None and seat.number == number:
                    return seat
        return None


@dataclass(frozen=True)
class BagTag:
    """A bag accepted by the DCS: its licence plate (IATA Resolution 740) and routing."""

    passenger_id: str
    licence_plate: str  # 10 digits: leading 0-2 digit, airline numeric code (3), serial (6)
    weight_g: int
    destination: str
    routing: tuple[str, ...]  # airports the bag goes through, ending with the destination
    flight: str  # "KX0123"
    fee: Money | None = None


@dataclass(frozen=True)
class BoardingPassData:
    """What a boarding pass prints for one passenger and one flight.

    ``bcbp`` is the full IATA BCBP string the DCS issued (the lane prints it as
    PDF417); the other fields are the readable pass.
    """

    passenger_id: str
    segment_id: str
    name: str  # "SURNAME/GIVEN"
    flight: str  # "KX0123"
    origin: str
    destination: str
    departure: datetime
    boarding_time: datetime | None
    gate: str
    seat: str
    sequence_number: int
    group: str
    compartment: str
    bcbp: str
    extras: tuple[str, ...] = field(default_factory=tuple)  # "FAST TRACK", "PRIORITY", ...


class DepartureControl(Protocol):
    """The lane's port to an airline's DCS (a driver or, in tests, the simulator's client).

    Calls block (the runner's thread calls them) and raise :class:`DcsError`.
    """

    def find_booking(self, record_locator: str, surname: str) -> Booking:
        """The booking with this locator, if ``surname`` is one of its passengers."""

    def find_by_name(self, surname: str, given_names: str, on: date) -> tuple[Booking, ...]:
        """Bookings with a passenger of this name flying from this airport on ``on``."""

    def send_document(self, record_locator: str, document: TravelDocument) -> DocumentVerdict:
        """Submit a passenger's APIS; the verdict applies the destination's entry rules."""

    def seat_map(self, record_locator: str, segment_id: str) -> SeatMap:
        """The seat map of a flight, as this booking may choose from it."""

    def assign_seat(
        self, record_locator: str, segment_id: str, passenger_id: str, seat: str
    ) -> Passenger:
        """Give a passenger a seat (``refused``, code ``seat_taken``: someone was quicker)."""

    def check_in(
        self, record_locator: str, passenger_ids: tuple[str, ...], answers: dict[str, bool]
    ) -> Booking:
        """Check these passengers in on every open flight; ``answers`` to the safety questions."""

    def add_bag(
        self, record_locator: str, passenger_id: str, weight_g: int, paid: Money | None
    ) -> BagTag:
        """Accept a bag of ``weight_g`` (a fee already paid, if any) and issue its tag."""

    def boarding_passes(
        self, record_locator: str, passenger_ids: tuple[str, ...]
    ) -> tuple[BoardingPassData, ...]:
        """The boarding passes of checked-in passengers (one per passenger and flight)."""

    def cancel_check_in(self, record_locator: str, passenger_ids: tuple[str, ...]) -> None:
        """Undo a check-in the traveller abandoned before anything was printed."""
