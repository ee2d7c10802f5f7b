"""What the lane asks of a hotel's property management system (PMS), and what it gets back.

Theory of operation. The hotel's PMS owns every booking, guest profile, room and
bill; the kiosk only reads them and asks for changes. The hotel journey's machine
speaks only to the :class:`PropertyManagement` protocol below; a driver
(``kiosk.backoffice.pms``, the Mews Connector API) implements it over HTTP, and the
simulator (``kiosk sim pms``) serves the same API on 127.0.0.1 with sample stays.
The types are plain frozen dataclasses so that the driver, the simulator's tests
and the machine agree on one shape. Amounts are :class:`~kiosk.domain.money.Money`;
dates are the hotel's local calendar dates; instants are timezone-aware UTC.

Every call may raise :class:`PmsError`: ``unreachable`` (network, timeout, 5xx,
rate limit; the lane may retry later and calls staff), ``not_found`` (no such
booking or room), ``refused`` (the hotel's rules said no: room not ready, too
early, open balance, wrong state, bad credentials; ``code`` says which),
``invalid`` (the lane and the PMS do not understand each other: the PMS called the
request malformed, or its reply could not be read - the message names the field).

Invariant 6 (DESIGN.md): the document number goes to the PMS (the guest register
needs it) inside :class:`IdentityDocument`, which never prints its number in a
``repr``; what the lane keeps is :class:`DocumentSummary` (type, issuing state,
expiry, the last 4 characters of the number), never the MRZ.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

from kiosk.domain.money import Money


class PmsErrorKind(enum.Enum):
    UNREACHABLE = "unreachable"
    NOT_FOUND = "not_found"
    REFUSED = "refused"
    INVALID = "invalid"


class RefusalCode:
    """The ``code`` of a ``refused`` :class:`PmsError` (a driver maps the PMS's reasons here)."""

    ROOM_NOT_READY = "room_not_ready"  # the assigned room is not clean/inspected yet
    NO_ROOM = "no_room"  # no room assigned to the stay yet
    TOO_EARLY = "too_early"  # arrival is in the future / departure not today
    OPEN_BALANCE = "open_balance"  # check-out refused: the folio is not settled
    WRONG_STATE = "wrong_state"  # already checked in / out, canceled
    INCOMPLETE_PROFILE = "incomplete_profile"  # a guest's registration data is missing
    FULL = "full"  # no space for another companion on the booking
    UNAUTHORIZED = "unauthorized"  # the kiosk's credentials were refused (a configuration fault)
    CONFLICT = "conflict"  # the data changed meanwhile; read again and retry
    OTHER = "other"  # any other business rule (``message`` says which)


class PmsError(Exception):
    """The PMS could not do what the lane asked (see the module docstring for ``kind``).

    ``code`` is one of :class:`RefusalCode` for ``refused`` (empty otherwise, or a short
    transport reason such as ``timeout`` / ``rate_limited`` for ``unreachable``);
    ``message`` is for logs and staff, never for the guest.
    """

    def __init__(self, kind: PmsErrorKind, message: str, code: str = "") -> None:
        super().__init__(message)
        self.kind = kind
        self.code = code
        self.message = message

    def __repr__(self) -> str:
        return f"PmsError({self.kind.value}, {self.message!r}, code={self.code!r})"


class StayState(enum.Enum):
    """Where a stay is in its life (Mews: Confirmed / Started / Processed / Canceled ...)."""

    EXPECTED = "expected"  # confirmed, not checked in yet
    CHECKED_IN = "checked_in"
    CHECKED_OUT = "checked_out"
    CANCELED = "canceled"
    UNCONFIRMED = "unconfirmed"  # inquired / optional / waitlisted: not for the kiosk


class RoomState(enum.Enum):
    """Housekeeping state of a room."""

    DIRTY = "dirty"
    CLEAN = "clean"
    INSPECTED = "inspected"
    OUT_OF_SERVICE = "out_of_service"
    OUT_OF_ORDER = "out_of_order"


@dataclass(frozen=True)
class RoomAssignment:
    """The room the hotel assigned to a stay (``number`` as on the door, e.g. "204")."""

    room_id: str
    number: str
    state: RoomState
    floor: str = ""

    @property
    def ready(self) -> bool:
        """The guest may go up now (clean or inspected)."""
        return self.state in (RoomState.CLEAN, RoomState.INSPECTED)


class DocumentType(enum.Enum):
    PASSPORT = "passport"
    IDENTITY_CARD = "identity_card"
    VISA = "visa"
    DRIVERS_LICENSE = "drivers_license"


@dataclass(frozen=True)
class DocumentSummary:
    """What the lane keeps of an identity document (never the MRZ nor the full number)."""

    type: DocumentType
    issuing_state: str  # ISO 3166-1 alpha-2 as the PMS stores it ("ES"), or ""
    expiry: date | None
    number_last4: str


@dataclass(frozen=True)
class IdentityDocument:
    """A guest's document as sent to the PMS (held in memory only; ``repr`` hides the number)."""

    type: DocumentType
    number: str = field(repr=False)
    issuing_state: str
    expiry: date | None
    issued: date | None = None
    issuing_city: str = ""
    support_number: str = field(default="", repr=False)  # Spanish DNI/NIE "número de soporte"

    def summary(self) -> DocumentSummary:
        return DocumentSummary(self.type, self.issuing_state, self.expiry, self.number[-4:])


@dataclass(frozen=True)
class Address:
    line1: str
    city: str
    postal_code: str
    country: str  # ISO 3166-1 alpha-2
    line2: str = ""
    subdivision: str = ""  # ISO 3166-2, e.g. "ES-M"
    municipality_code: str = ""  # INE code of the town in Spain (picked at the kiosk), or ""


@dataclass(frozen=True)
class Guest:
    """A person on the booking as the PMS knows them (the owner or a companion)."""

    guest_id: str
    surname: str
    given_names: str
    nationality: str = ""  # ISO 3166-1 alpha-2, or "" if unknown
    birth_date: date | None = None
    sex: str = ""  # "M" | "F" | ""
    email: str = ""
    language: str = ""  # e.g. "es-ES"
    address: Address | None = None
    documents: tuple[DocumentSummary, ...] = ()


@dataclass(frozen=True)
class GuestIdentity:
    """The data read from one guest's ID for the PMS (names as printed, birth date, sex ...)."""

    surname: str
    given_names: str
    nationality: str
    birth_date: date | None
    sex: str  # "M" | "F" | "X" | ""
    document: IdentityDocument
    address: Address | None = None
    birth_place: str = ""


@dataclass(frozen=True)
class NewGuest:
    """A companion the booking does not have a profile for yet."""

    surname: str
    given_names: str
    nationality: str = ""
    birth_date: date | None = None
    email: str = ""


@dataclass(frozen=True)
class Stay:
    """A booking of one room for a number of nights, with its guests and money.

    ``guests`` lists the owner first, then the companions the PMS has profiles for
    (there may be fewer profiles than ``adults + children`` until the kiosk adds
    them). ``total`` is what the stay costs so far (nights, extras, taxes), ``paid``
    what was paid towards it; ``due`` the difference. ``deposit`` is the
    pre-authorisation the hotel asks for at check-in (None: none).
    """

    stay_id: str
    confirmation_number: str
    state: StayState
    arrival: date
    departure: date
    arrival_at: datetime  # scheduled, UTC
    departure_at: datetime  # scheduled, UTC
    room_type: str
    room: RoomAssignment | None
    adults: int
    children: int
    guests: tuple[Guest, ...]
    rate: str
    total: Money
    paid: Money
    deposit: Money | None = None
    owner_id: str = ""

    @property
    def due(self) -> Money:
        return self.total - self.paid

    @property
    def nights(self) -> int:
        return (self.departure - self.arrival).days

    def guest(self, guest_id: str) -> Guest | None:
        for guest in self.guests:
            if guest.guest_id == guest_id:
                return guest
        return None


class FolioLineKind(enum.Enum):
    CHARGE = "charge"
    PAYMENT = "payment"


@dataclass(frozen=True)
class FolioLine:
    """One line of the guest's bill: a charge (positive) or a payment (positive, subtracted)."""

    line_id: str
    kind: FolioLineKind
    description: str
    amount: Money
    on: date | None = None  # the night or day it belongs to
    reference: str = ""  # a payment's identifier as the lane posted it


@dataclass(frozen=True)
class Folio:
    """The stay's bill: its lines and what is still to pay (negative: the hotel owes)."""

    stay_id: str
    lines: tuple[FolioLine, ...]
    currency: str

    @property
    def charges(self) -> Money:
        return _sum(self.lines, FolioLineKind.CHARGE, self.currency)

    @property
    def payments(self) -> Money:
        return _sum(self.lines, FolioLineKind.PAYMENT, self.currency)

    @property
    def balance(self) -> Money:
        return self.charges - self.payments

    def paid_with(self, reference: str) -> bool:
        """A payment with this reference is on the folio (the lane's check after a timeout)."""
        return any(
            line.kind is FolioLineKind.PAYMENT and line.reference == reference
            for line in self.lines
        )


def _sum(lines: tuple[FolioLine, ...], kind: FolioLineKind, currency: str) -> Money:
    total = Money.zero(currency)
    for line in lines:
        if line.kind is kind:
            total = total + line.amount
    return total


class PaymentMethod(enum.Enum):
    CARD = "card"  # taken on the lane's card terminal
    CASH = "cash"
    OTHER = "other"


@dataclass(frozen=True)
class PaymentRecord:
    """A payment the lane took outside the PMS, to be recorded on the stay's bill.

    ``reference`` is the lane's unique journal reference (sent to the PMS so that
    the folio shows it and a lane that timed out can tell whether it arrived).
    ``masked_card`` is as the terminal printed it ("411111******1111"), never a
    full card number (invariant 6).
    """

    amount: Money
    method: PaymentMethod
    reference: str
    card_brand: str = ""  # "Visa", "MasterCard", ...
    masked_card: str = ""
    card_expiry: str = ""  # "MM/YYYY"
    cardholder: str = ""
    notes: str = ""


class PropertyManagement(Protocol):
    """The lane's port to a hotel's PMS (a driver or, in tests, the simulator's client).

    Calls block (the runner's thread calls them) and raise :class:`PmsError`.
    """

    def find_by_confirmation(self, confirmation_number: str) -> Stay:
        """The stay with this confirmation number, typed or as the text of the booking
        e-mail's QR code (``not_found`` if none)."""

    def find_by_surname(self, surname: str, arrival: date) -> tuple[Stay, ...]:
        """Stays arriving on ``arrival`` with a guest of this surname (may be empty)."""

    def find_by_guest_name(self, surname: str, given_names: str, on: date) -> tuple[Stay, ...]:
        """Stays in the house on ``on`` (arriving, staying or leaving) with this guest."""

    def find_by_room(self, room_number: str, surname: str) -> Stay:
        """The checked-in stay in this room with a guest of this surname (check-out)."""

    def stay(self, stay_id: str) -> Stay:
        """The stay again, as it is now."""

    def add_companion(self, stay_id: str, guest: NewGuest) -> Guest:
        """Create a profile for a guest and add it to the stay (``refused``/``full``)."""

    def update_guest_identity(self, stay_id: str, guest_id: str, identity: GuestIdentity) -> Guest:
        """Store what a guest's ID says (names, nationality, birth date, document, address)."""

    def check_in(self, stay_id: str) -> Stay:
        """Check the stay in (``refused``: ``room_not_ready``, ``no_room``, ``too_early``...)."""

    def folio(self, stay_id: str) -> Folio:
        """The stay's bill as it is now."""

    def post_payment(self, stay_id: str, payment: PaymentRecord) -> str:
        """Record a payment on the stay's bill; returns the PMS's identifier for it."""

    def check_out(self, stay_id: str) -> Stay:
        """Check the stay out (``refused`` with ``open_balance`` if the folio is not settled)."""
