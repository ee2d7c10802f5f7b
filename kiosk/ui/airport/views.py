"""What each airport check-in screen shows: small frozen values, no Qt, no words.

The presenter (``kiosk.ui.airport.presenter``) makes these from the machine's
``CheckinState``; the samples (``kiosk.ui.airport.samples``) make them by hand for
screenshots and tests, so the screens never depend on the machine's shape. Names,
flight numbers and seat numbers are data (shown as they are); everything a person
reads as words is chosen by the screen from a key (``reason``, ``status``, ``kind``)
and translated there.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from kiosk.domain.money import Money


@dataclass(frozen=True, slots=True)
class FlightLine:
    """One flight as the traveller reads it: "KX 0123  LIS → CDG  14:35"."""

    flight: str
    origin: str
    destination: str
    departure: datetime | None = None


class IdentifyMode(enum.Enum):
    SCAN = "scan"  # scan a boarding pass or passport (the default)
    TYPE = "type"  # booking reference and surname on the on-screen keyboard


@dataclass(frozen=True, slots=True)
class IdentifyView:
    """The welcome screen. ``problem``: why the last look-up found nothing (a key:
    not_found, unreachable, unreadable, no_booking_today, closed); ``searching``: a
    look-up is on its way."""

    mode: IdentifyMode = IdentifyMode.SCAN
    problem: str = ""
    searching: bool = False


@dataclass(frozen=True, slots=True)
class BookingOption:
    """One booking a scanned passport matched."""

    locator: str
    names: tuple[str, ...]
    flights: tuple[FlightLine, ...]


@dataclass(frozen=True, slots=True)
class BookingChoiceView:
    options: tuple[BookingOption, ...]


class PassengerKind(enum.Enum):
    ADULT = "adult"
    CHILD = "child"
    INFANT = "infant"


@dataclass(frozen=True, slots=True)
class PassengerRow:
    """A passenger on the booking. ``infant``: the name of the infant on this adult's
    lap (they travel together); ``checked_in``: done already (shown, not chosen)."""

    passenger_id: str
    name: str
    kind: PassengerKind = PassengerKind.ADULT
    travelling: bool = True
    infant: str = ""
    checked_in: bool = False


@dataclass(frozen=True, slots=True)
class PassengersView:
    flights: tuple[FlightLine, ...]
    passengers: tuple[PassengerRow, ...]


class DocumentStatus(enum.Enum):
    WAITING = "waiting"
    CHECKING = "checking"  # read, the airline is checking it
    ACCEPTED = "accepted"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class DocumentRow:
    passenger_id: str
    name: str
    status: DocumentStatus = DocumentStatus.WAITING


@dataclass(frozen=True, slots=True)
class DocumentView:
    """Documents per passenger. ``current``: whose document the reader waits for;
    ``problem``: why the last one was not taken (unreadable, wrong_person, expired,
    not_passport), shown with a way to try again."""

    rows: tuple[DocumentRow, ...]
    current: str = ""
    problem: str = ""


@dataclass(frozen=True, slots=True)
class QuestionView:
    """One safety question (the airline's key, e.g. ``dangerous_goods``), n of count."""

    key: str
    number: int
    count: int


class SeatKind(enum.Enum):
    AVAILABLE = "available"
    OCCUPIED = "occupied"  # taken or blocked: cannot be chosen


@dataclass(frozen=True, slots=True)
class SeatCell:
    """One seat on the map. ``holder``: the initial of the travelling passenger in it."""

    number: str
    kind: SeatKind = SeatKind.AVAILABLE
    exit_row: bool = False
    extra_legroom: bool = False
    price: Money | None = None
    holder: str = ""


@dataclass(frozen=True, slots=True)
class SeatRowView:
    row: int
    seats: tuple[SeatCell | None, ...]  # None: the aisle
    exit_row: bool = False


@dataclass(frozen=True, slots=True)
class SeatHolder:
    """A travelling passenger and their seat ("" if none yet)."""

    passenger_id: str
    name: str
    seat: str = ""


@dataclass(frozen=True, slots=True)
class SeatMapView:
    """The flight's seat map and who sits where; ``current``: whose seat a tap changes.
    ``problem``: seat_taken (someone was quicker) or "" ."""

    flight: FlightLine
    columns: str
    rows: tuple[SeatRowView, ...]
    holders: tuple[SeatHolder, ...]
    current: str = ""
    problem: str = ""

    def cell(self, number: str) -> SeatCell | None:
        """The seat ``number`` ("12A"), or None if the map has none."""
        for row in self.rows:
            for seat in row.seats:
                if seat is not None and seat.number == number:
                    return seat
        return None


@dataclass(frozen=True, slots=True)
class OfferRow:
    offer_id: str
    kind: str  # "upgrade" | "extra_bag" | "priority" | ...
    title: str  # the airline's title (data, in the airline's words)
    price: Money
    passenger: str = ""
    chosen: bool = False


@dataclass(frozen=True, slots=True)
class OffersView:
    offers: tuple[OfferRow, ...]


@dataclass(frozen=True, slots=True)
class BagCount:
    """How many bags a passenger checks in, and what is free for them."""

    passenger_id: str
    name: str
    count: int = 0
    free_pieces: int = 1
    max_weight_g: int = 23_000
    most: int = 3
    extra_fee: Money | None = None  # per bag beyond the free ones (None: none to buy)


@dataclass(frozen=True, slots=True)
class BagCountView:
    passengers: tuple[BagCount, ...]


@dataclass(frozen=True, slots=True)
class BagWeighView:
    """One bag on the belt: bag ``number`` of ``total``, its passenger, the live weight
    (None: nothing on the belt), stable or not, what is free and what it would cost.
    ``problem``: too_heavy (over the most the airline takes), "" otherwise."""

    name: str
    number: int
    total: int
    weight_g: int | None = None
    stable: bool = False
    max_weight_g: int = 23_000
    heavy_limit_g: int = 32_000
    fee: Money | None = None
    accepted: tuple[int, ...] = ()  # the weights of the bags accepted so far
    problem: str = ""
    done: bool = False  # every bag is weighed: "Continue"


class PaymentStage(enum.Enum):
    READY = "ready"  # the amount is shown; "Pay" starts the terminal
    PRESENT_CARD = "present_card"
    PROCESSING = "processing"
    DECLINED = "declined"


@dataclass(frozen=True, slots=True)
class PaymentLine:
    text_key: str  # "extra_bag" | "overweight" | "seat" | "offer"
    detail: str  # the passenger or the seat (data)
    amount: Money


@dataclass(frozen=True, slots=True)
class PaymentView:
    amount: Money
    lines: tuple[PaymentLine, ...] = ()
    stage: PaymentStage = PaymentStage.PRESENT_CARD


class PrintKind(enum.Enum):
    BOARDING_PASS = "boarding_pass"
    BAG_TAG = "bag_tag"


class PrintStatus(enum.Enum):
    WAITING = "waiting"
    PRINTING = "printing"
    PRINTED = "printed"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class PrintItem:
    kind: PrintKind
    name: str  # whose document (data)
    status: PrintStatus = PrintStatus.WAITING


@dataclass(frozen=True, slots=True)
class PrintingView:
    items: tuple[PrintItem, ...]
    paper_out: bool = False


@dataclass(frozen=True, slots=True)
class DoneView:
    boarding_passes: int
    bag_tags: int
    flight: FlightLine | None = None
    gate: str = ""
    boarding: datetime | None = None


@dataclass(frozen=True, slots=True)
class AgentView:
    """Please wait for an agent. ``reason``: the intervention's kind (its value, e.g.
    ``document_failed``); ``name``: the passenger it is about ("" for the booking)."""

    reason: str
    name: str = ""


@dataclass(frozen=True, slots=True)
class Step:
    """Where the traveller is: step ``number`` of ``count`` (for the header)."""

    number: int
    count: int


STEPS = ("identify", "passengers", "documents", "questions", "seats", "bags", "print")


def step_of(screen: str) -> Step | None:
    """The header's "Step n of 7" for a screen name, None for screens outside the count."""
    order = {
        "airport_identify": 1,
        "airport_booking": 1,
        "airport_passengers": 2,
        "airport_documents": 3,
        "airport_questions": 4,
        "airport_seats": 5,
        "airport_offers": 5,
        "airport_bags": 6,
        "airport_payment": 6,
        "airport_printing": 7,
    }
    number = order.get(screen)
    return Step(number, len(STEPS)) if number is not None else None
