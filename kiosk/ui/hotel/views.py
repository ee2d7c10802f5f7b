"""What each hotel screen shows: small frozen values, no Qt, no words.

The presenter makes these from the machine's ``HotelState`` (``state_views``); the
samples make them by hand for screenshots and tests. Names, room numbers, dates and
amounts are data; everything a person reads as words is chosen by the screen from a
key (``problem``, ``reason``, ``status``, ``purpose``) and translated there.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from kiosk.domain.money import Money


class FindMode(enum.Enum):
    CONFIRMATION = "confirmation"  # the confirmation number on the keyboard
    SURNAME = "surname"  # surname + arrival date


@dataclass(frozen=True, slots=True)
class FindView:
    """Find the booking. ``problem``: the machine's notice key for the last search;
    ``today``: the hotel's date (the arrival date starts there)."""

    mode: FindMode = FindMode.CONFIRMATION
    problem: str = ""
    searching: bool = False
    today: date | None = None


@dataclass(frozen=True, slots=True)
class StaySummary:
    """One stay as the guest reads it (the choice list and the stay screen)."""

    stay_id: str
    confirmation: str
    arrival: date
    departure: date
    room_type: str
    adults: int
    children: int
    names: tuple[str, ...]
    rate: str
    total: Money
    paid: Money
    deposit: Money | None = None

    @property
    def nights(self) -> int:
        return (self.departure - self.arrival).days

    @property
    def due(self) -> Money:
        return self.total - self.paid


class GuestStatus(enum.Enum):
    WAITING = "waiting"  # no ID read yet
    CHECKING = "checking"  # sent to the hotel's system
    DETAILS = "details"  # the register wants something typed
    DONE = "done"


@dataclass(frozen=True, slots=True)
class GuestRow:
    guest_id: str
    name: str
    status: GuestStatus = GuestStatus.WAITING
    minor: bool = False


@dataclass(frozen=True, slots=True)
class GuestsView:
    """An ID for every adult. ``current``: whose ID the reader waits for; ``problem``: the
    last read's notice key (``attempts_left`` for an unreadable one)."""

    rows: tuple[GuestRow, ...]
    current: str = ""
    problem: str = ""
    attempts_left: int = 0
    children_missing: int = 0
    rekey: bool = False  # key help: one ID of a guest of the room is checked again


@dataclass(frozen=True, slots=True)
class ChildView:
    """A child the booking holds and nobody registered yet: ``guardian_id`` and
    ``adult`` the adult they are registered with, ``surname`` the adult's (offered)."""

    guardian_id: str
    surname: str
    adult: str = ""
    problem: str = ""


@dataclass(frozen=True, slots=True)
class NewChild:
    """A child as the guest typed them: names, date of birth, ``F`` / ``M``, the adult
    and how they are related (a ``Relationship`` value)."""

    given_names: str
    surname: str
    birth_date: date
    sex: str
    guardian_id: str
    relationship: str


@dataclass(frozen=True, slots=True)
class DetailsView:
    """What the register needs that the ID does not say: ``fields`` are register field
    values (``address``, ``contact``, ``birth_place``, ``support_number``...)."""

    guest_id: str
    name: str
    fields: tuple[str, ...]
    problem: str = ""
    address_country: str = ""  # alpha-2 of the address asked (ES: its town is picked)


@dataclass(frozen=True, slots=True)
class RegistrationView:
    """The registration card: sign, then print / e-mail. ``email``: the guest's known
    address (e-mail is offered only with one)."""

    name: str
    signed: bool = False
    email: str = ""
    problem: str = ""


class PaymentStage(enum.Enum):
    READY = "ready"  # touch Pay
    AT_TERMINAL = "at_terminal"  # follow the terminal
    DECLINED = "declined"


@dataclass(frozen=True, slots=True)
class PaymentView:
    """One card operation: ``purpose`` ``balance`` (check-in), ``deposit`` or ``bill``
    (check-out); ``deposit``: the deposit that follows the balance, if any."""

    purpose: str
    amount: Money
    stage: PaymentStage = PaymentStage.READY
    deposit: Money | None = None


@dataclass(frozen=True, slots=True)
class KeysView:
    """Key cards: ``count`` 0 while the guest chooses (``suggested``, up to ``most``);
    then ``made`` (one flag per key) and ``encoding`` (the key at the encoder, 0: none).
    ``preparing``: the room is being asked of the hotel's system."""

    room: str = ""
    most: int = 4
    suggested: int = 1
    count: int = 0
    made: tuple[bool, ...] = ()
    encoding: int = 0
    preparing: bool = False


@dataclass(frozen=True, slots=True)
class HotelInfo:
    """What the done screen tells every guest (from the lane's options or the sample)."""

    wifi_network: str = ""
    wifi_password: str = ""
    breakfast: str = ""  # "07:00-10:30"


@dataclass(frozen=True, slots=True)
class DoneView:
    """The end: ``purpose`` ``check_in`` / ``check_out`` / ``rekey``; ``room`` and
    ``floor`` after a check-in; ``luggage_left``: the room was not ready."""

    purpose: str
    room: str = ""
    floor: str = ""
    keys: int = 0
    info: HotelInfo = HotelInfo()
    luggage_left: bool = False
    deposit_queued: str = ""  # "capture" / "release": waiting for the card terminal


@dataclass(frozen=True, slots=True)
class FindRoomView:
    """Check-out / key help: tap a key card, or type room + surname."""

    purpose: str = "check_out"
    typing: bool = False
    problem: str = ""
    searching: bool = False


@dataclass(frozen=True, slots=True)
class FolioLineView:
    description: str
    amount: Money
    payment: bool = False
    on: date | None = None


@dataclass(frozen=True, slots=True)
class FolioView:
    """The bill: its lines, what is still to pay, the deposit held at this lane."""

    lines: tuple[FolioLineView, ...]
    balance: Money
    deposit: Money | None = None


@dataclass(frozen=True, slots=True)
class AgentView:
    """Waiting for staff: ``reason`` is the intervention kind, ``name`` the guest's."""

    reason: str
    name: str = ""
    can_cancel: bool = True
