"""Events that drive the hotel journey: small frozen facts, each stamped with ``at``.

Three sources, one stream (handed to
:meth:`kiosk.domain.hotel.machine.HotelMachine.handle`):

* the guest, through the screens (``ConfirmationEntered``, ``CardSigned``,
  ``KeyCountChosen``, ...) and the devices (``DocumentScanned``; a QR code read
  by the scanner is a ``ConfirmationEntered`` with ``scanned=True``);
* what the runner's calls answered: the PMS (``StayFound``, ``CheckedIn``,
  ``PmsFailed``, ...), the key encoder (``KeyEncoded``, ``KeyEncodingFailed``,
  ``KeyCardRead``), the card terminal through the journaled payment flow
  (``PaymentApproved`` / ``PaymentDeclined`` / ``PaymentUnknown``, each naming
  its :class:`PaymentPurpose`), the printer, the store (``RecordCommitted``);
* staff (``AgentVerdict``; ``Cancelled`` with a ``staff_id``).

``Cancelled``, ``IdleTimedOut``, ``Reset``, ``DocumentPrinted``, ``PrintFailed``
and ``RecordCommitted`` are the airport's and the hotel's alike: they live in
:mod:`kiosk.domain.travel.journey` and are re-exported here.

Time is passed in (``at``, timezone-aware UTC). ``DocumentScanned.lines`` is a
full MRZ and ``GuestDetailsEntered.support_number`` a document number: both are
kept out of ``repr`` (DESIGN.md invariant 6).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime

from kiosk.domain.airport.interventions import Verdict
from kiosk.domain.hotel.interventions import HotelInterventionKind
from kiosk.domain.hotel.pms import Address, Folio, Guest, PmsErrorKind, Stay
from kiosk.domain.hotel.register import Relationship
from kiosk.domain.money import Money
from kiosk.domain.travel.journey import Cancelled as Cancelled  # noqa: PLC0414 (re-exported)
from kiosk.domain.travel.journey import DocumentPrinted as DocumentPrinted  # noqa: PLC0414 (re-exported)
from kiosk.domain.travel.journey import IdleTimedOut as IdleTimedOut  # noqa: PLC0414 (re-exported)
from kiosk.domain.travel.journey import PrintFailed as PrintFailed  # noqa: PLC0414 (re-exported)
from kiosk.domain.travel.journey import RecordCommitted as RecordCommitted  # noqa: PLC0414 (re-exported)
from kiosk.domain.travel.journey import Reset as Reset  # noqa: PLC0414 (re-exported)


class Call(enum.Enum):
    """A call in flight (``HotelState.waiting``): the PMS's, the encoder's, the journal's."""

    FIND_BY_CONFIRMATION = "find_by_confirmation"
    FIND_BY_SURNAME = "find_by_surname"
    FIND_BY_GUEST_NAME = "find_by_guest_name"
    FIND_BY_ROOM = "find_by_room"
    STAY = "stay"
    ADD_COMPANION = "add_companion"
    UPDATE_GUEST = "update_guest"
    CHECK_IN = "check_in"
    FOLIO = "folio"
    POST_PAYMENT = "post_payment"
    CHECK_OUT = "check_out"
    READ_KEY = "read_key"  # the encoder reads the key card the guest put on it
    ENCODE_KEY = "encode_key"
    LOOK_UP_DEPOSIT = "look_up_deposit"  # the payment journal's approved pre-authorisation


#: The calls that go to the PMS (a ``PmsFailed`` answers only these).
PMS_CALLS = frozenset(
    c for c in Call if c not in (Call.READ_KEY, Call.ENCODE_KEY, Call.LOOK_UP_DEPOSIT)
)


class PaymentPurpose(enum.Enum):
    """What a card-terminal operation is for (each outcome event names it)."""

    BALANCE = "balance"  # a sale: what the stay still owes
    DEPOSIT = "deposit"  # the deposit's pre-authorisation at check-in
    ADJUST = "adjust"  # raise the pre-authorisation to the folio's balance (check-out)
    CAPTURE = "capture"  # complete the pre-authorisation (check-out)
    RELEASE = "release"  # cancel the pre-authorisation


class Delivery(enum.Enum):
    """How the guest takes the registration card or the invoice."""

    PRINT = "print"
    EMAIL = "email"
    NONE = "none"


# --- the guest: find -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ConfirmationEntered:
    """A confirmation number typed, or the booking e-mail's QR code read (``scanned``)."""

    code: str = field(repr=False)
    at: datetime
    scanned: bool = False


@dataclass(frozen=True, slots=True)
class SurnameEntered:
    """The guest typed a surname and the arrival date."""

    surname: str
    arrival: date
    at: datetime


@dataclass(frozen=True, slots=True)
class DocumentScanned:
    """The document reader read an MRZ (on the welcome screen: find the stay by name)."""

    lines: tuple[str, ...] = field(repr=False)
    at: datetime


@dataclass(frozen=True, slots=True)
class StayPicked:
    """Among several stays found, the guest picked ``stay_id``."""

    stay_id: str
    at: datetime


@dataclass(frozen=True, slots=True)
class CheckOutChosen:
    """The guest touched "check out" on the welcome screen."""

    at: datetime


@dataclass(frozen=True, slots=True)
class KeyHelpChosen:
    """The guest touched "my key does not work" on the welcome screen."""

    at: datetime


@dataclass(frozen=True, slots=True)
class KeyCardTapped:
    """The guest put their key card on the encoder to be read (check-out, key help)."""

    at: datetime


@dataclass(frozen=True, slots=True)
class RoomEntered:
    """The guest typed their room number and surname (check-out, key help)."""

    room: str
    surname: str
    at: datetime


@dataclass(frozen=True, slots=True)
class StayConfirmed:
    """The guest confirmed the stay shown is theirs."""

    at: datetime


# --- the guest: guests, card, pay, keys, check-out --------------------------------------------


@dataclass(frozen=True, slots=True)
class GuestDetailsEntered:
    """What the guest typed for the register of ``guest_id`` (empty: not given)."""

    guest_id: str
    at: datetime
    address: Address | None = None
    email: str = ""
    phone: str = ""
    birth_place: str = ""
    birth_date: date | None = None
    nationality: str = ""  # ISO 3166-1 alpha-2
    sex: str = ""  # "M" | "F" | "X"
    support_number: str = field(default="", repr=False)
    relationship: Relationship | None = None
    guardian_id: str = ""


@dataclass(frozen=True, slots=True)
class MinorAdded:
    """A child with no document of their own, registered with adult ``guardian_id``."""

    surname: str
    given_names: str
    birth_date: date
    guardian_id: str
    relationship: Relationship
    at: datetime
    sex: str = ""  # "M" | "F" | "X" ("": not given; the register may ask)


@dataclass(frozen=True, slots=True)
class CardSigned:
    """The registration card was signed; ``signature_ref`` names the stored image."""

    signature_ref: str
    language: str
    at: datetime


@dataclass(frozen=True, slots=True)
class CardDeliveryChosen:
    """Print or e-mail the signed registration card (``email`` for ``EMAIL``)."""

    delivery: Delivery
    at: datetime
    email: str = ""


@dataclass(frozen=True, slots=True)
class PayRequested:
    """The guest touched "pay" (the balance, or the deposit), again after a decline."""

    at: datetime


@dataclass(frozen=True, slots=True)
class KeyCountChosen:
    """How many key cards the guest wants (1 to ``HotelSettings.max_keys``)."""

    count: int
    at: datetime


@dataclass(frozen=True, slots=True)
class FolioConfirmed:
    """The guest agreed with the bill shown: settle it."""

    at: datetime


@dataclass(frozen=True, slots=True)
class InvoiceChosen:
    """Print or e-mail the invoice (``email`` for ``EMAIL``)."""

    delivery: Delivery
    at: datetime
    email: str = ""


@dataclass(frozen=True, slots=True)
class KeysDropped:
    """The guest dropped the keys in the box and touched "done"."""

    at: datetime


# --- the PMS answered ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StayFound:
    """A find by confirmation number or by room, or ``stay``, answered."""

    stay: Stay
    at: datetime


@dataclass(frozen=True, slots=True)
class StaysFound:
    """A find by surname or by guest name answered (possibly none)."""

    stays: tuple[Stay, ...]
    at: datetime


@dataclass(frozen=True, slots=True)
class GuestAdded:
    """``add_companion`` answered for the journey's guest ``guest_id`` (a ``new-<n>`` place
    or a child); ``guest`` is the profile the PMS made."""

    guest_id: str
    guest: Guest
    at: datetime


@dataclass(frozen=True, slots=True)
class GuestUpdated:
    """``update_guest_identity`` answered."""

    guest: Guest
    at: datetime


@dataclass(frozen=True, slots=True)
class CheckedIn:
    """``check_in`` answered: the stay as the PMS now has it (with its room)."""

    stay: Stay
    at: datetime


@dataclass(frozen=True, slots=True)
class FolioReceived:
    """``folio`` answered."""

    folio: Folio
    at: datetime


@dataclass(frozen=True, slots=True)
class PaymentPosted:
    """``post_payment`` answered: the PMS recorded payment ``reference`` as ``pms_id``."""

    reference: str
    pms_id: str
    at: datetime


@dataclass(frozen=True, slots=True)
class CheckedOut:
    """``check_out`` answered."""

    stay: Stay
    at: datetime


@dataclass(frozen=True, slots=True)
class PmsFailed:
    """A PMS call raised :class:`~kiosk.domain.hotel.pms.PmsError` (``kind``, ``code``)."""

    call: Call
    kind: PmsErrorKind
    code: str
    message: str
    at: datetime


# --- the encoder, the payment journal, the printer, the store --------------------------------


@dataclass(frozen=True, slots=True)
class KeyCardRead:
    """The encoder read the guest's key card: it opens ``room``."""

    room: str
    at: datetime


@dataclass(frozen=True, slots=True)
class KeyCardUnreadable:
    """The encoder could not read a guest key (``reason`` as the device named it)."""

    reason: str
    at: datetime


@dataclass(frozen=True, slots=True)
class KeyEncoded:
    """The encoder confirmed key ``key_no`` for ``room``."""

    key_no: int
    room: str
    at: datetime


@dataclass(frozen=True, slots=True)
class KeyEncodingFailed:
    """Key ``key_no`` was not confirmed (``reason``: no_card, timeout, offline...)."""

    key_no: int
    reason: str
    at: datetime
    code: str = ""


@dataclass(frozen=True, slots=True)
class DepositLookedUp:
    """The journal's approved pre-authorisation for the stay (``reference`` "" if none)."""

    reference: str
    amount: Money | None
    at: datetime


@dataclass(frozen=True, slots=True)
class PaymentApproved:
    """The terminal approved operation ``reference`` for ``purpose`` (``amount`` taken,
    reserved or released)."""

    purpose: PaymentPurpose
    reference: str
    amount: Money
    at: datetime
    masked_pan: str | None = None
    brand: str | None = None
    auth_code: str | None = None


@dataclass(frozen=True, slots=True)
class PaymentDeclined:
    """Operation ``reference`` for ``purpose`` was declined (``reason`` as the terminal said)."""

    purpose: PaymentPurpose
    reference: str
    reason: str
    at: datetime


@dataclass(frozen=True, slots=True)
class PaymentUnknown:
    """The outcome of ``reference`` is unknown: never retried by itself (an intervention)."""

    purpose: PaymentPurpose
    reference: str
    amount: Money
    at: datetime


@dataclass(frozen=True, slots=True)
class AgentVerdict:
    """Staff's verdict on the open intervention of ``kind`` (audited by the desk)."""

    kind: HotelInterventionKind
    verdict: Verdict
    staff_id: str
    at: datetime
    note: str = ""


GuestEvent = (
    ConfirmationEntered
    | SurnameEntered
    | DocumentScanned
    | StayPicked
    | CheckOutChosen
    | KeyHelpChosen
    | KeyCardTapped
    | RoomEntered
    | StayConfirmed
    | GuestDetailsEntered
    | MinorAdded
    | CardSigned
    | CardDeliveryChosen
    | PayRequested
    | KeyCountChosen
    | FolioConfirmed
    | InvoiceChosen
    | KeysDropped
    | Cancelled
    | IdleTimedOut
    | Reset
)

ReplyEvent = (
    StayFound
    | StaysFound
    | GuestAdded
    | GuestUpdated
    | CheckedIn
    | FolioReceived
    | PaymentPosted
    | CheckedOut
    | PmsFailed
    | KeyCardRead
    | KeyCardUnreadable
    | KeyEncoded
    | KeyEncodingFailed
    | DepositLookedUp
    | PaymentApproved
    | PaymentDeclined
    | PaymentUnknown
    | DocumentPrinted
    | PrintFailed
    | RecordCommitted
)

Event = GuestEvent | ReplyEvent | AgentVerdict
