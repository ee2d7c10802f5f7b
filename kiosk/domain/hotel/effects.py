"""Effects: what the runner must do after a transition, as small frozen values.

The machine never performs them; the hotel runner does, in list order, and
feeds each answer back as an event: a PMS call's answer or ``PmsFailed``, the
encoder's ``KeyEncoded`` / ``KeyEncodingFailed`` / ``KeyCardRead``, a payment's
outcome (through the journaled payment flow: pre-authorise, complete,
reverse), ``DocumentPrinted`` / ``PrintFailed``, ``RecordCommitted``. The
e-mails, ``VoidKeys`` and ``NotifyWhenRoomReady`` are not answered (the runner
queues them). ``UpdateGuest.identity`` holds a document number for the one
call: the runner never logs or stores it (invariant 6).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from kiosk.domain.hotel.interventions import HotelIntervention, HotelInterventionKind
from kiosk.domain.hotel.pms import Folio, GuestIdentity, NewGuest, PaymentRecord
from kiosk.domain.hotel.record import CheckinRecord
from kiosk.domain.money import Money

# --- the PMS ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FindByConfirmation:
    code: str = field(repr=False)  # typed, or the QR code's text


@dataclass(frozen=True, slots=True)
class FindBySurname:
    surname: str
    arrival: date


@dataclass(frozen=True, slots=True)
class FindByGuestName:
    surname: str
    given_names: str
    on: date


@dataclass(frozen=True, slots=True)
class FindByRoom:
    """``surname`` is ``""`` when the guest's key card for ``room`` was read."""

    room: str
    surname: str


@dataclass(frozen=True, slots=True)
class FetchStay:
    stay_id: str


@dataclass(frozen=True, slots=True)
class AddCompanion:
    """Make a profile for guest ``guest_id`` (a ``new-<n>`` place or a child); answer
    ``GuestAdded(guest_id, ...)``."""

    stay_id: str
    guest_id: str
    guest: NewGuest


@dataclass(frozen=True, slots=True)
class UpdateGuest:
    """Store what the guest's ID says on profile ``pms_id``; answer ``GuestUpdated``."""

    stay_id: str
    pms_id: str
    identity: GuestIdentity = field(repr=False)


@dataclass(frozen=True, slots=True)
class CheckInStay:
    stay_id: str


@dataclass(frozen=True, slots=True)
class FetchFolio:
    stay_id: str


@dataclass(frozen=True, slots=True)
class PostPayment:
    stay_id: str
    payment: PaymentRecord


@dataclass(frozen=True, slots=True)
class CheckOutStay:
    stay_id: str


# --- the key encoder ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReadKeyCard:
    """Read the key card on the encoder; answer ``KeyCardRead`` / ``KeyCardUnreadable``."""


@dataclass(frozen=True, slots=True)
class EncodeKey:
    """Encode key ``key_no`` of ``count`` for ``room``; answer ``KeyEncoded`` or
    ``KeyEncodingFailed``. ``replace_existing``: a new check-in key that voids the
    room's earlier keys (the first key at check-in); otherwise a copy."""

    room: str
    key_no: int
    count: int
    valid_from: datetime
    valid_until: datetime
    replace_existing: bool
    guest_name: str = field(repr=False, default="")


@dataclass(frozen=True, slots=True)
class VoidKeys:
    """Check the room out in the lock system (its keys stop working); not answered."""

    room: str


# --- the payment journal ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LookUpDeposit:
    """Find the stay's approved pre-authorisation; answer ``DepositLookedUp``."""

    stay_id: str


@dataclass(frozen=True, slots=True)
class ChargeBalance:
    """A sale of ``amount`` for the stay (``PaymentPurpose.BALANCE``)."""

    checkin_id: str
    stay_id: str
    amount: Money


@dataclass(frozen=True, slots=True)
class PreauthoriseDeposit:
    """Pre-authorise ``amount`` (``PaymentPurpose.DEPOSIT``)."""

    checkin_id: str
    stay_id: str
    amount: Money


@dataclass(frozen=True, slots=True)
class AdjustDeposit:
    """Raise pre-authorisation ``reference`` to ``amount`` (``PaymentPurpose.ADJUST``)."""

    reference: str
    amount: Money


@dataclass(frozen=True, slots=True)
class CaptureDeposit:
    """Complete pre-authorisation ``reference`` for ``amount`` (``PaymentPurpose.CAPTURE``);
    the rest of the reservation is released by the acquirer."""

    reference: str
    amount: Money


@dataclass(frozen=True, slots=True)
class ReleaseDeposit:
    """Cancel pre-authorisation ``reference`` (``PaymentPurpose.RELEASE``)."""

    reference: str


# --- printer, e-mail, staff, store --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RegistrationCard:
    """What the registration card shows; ``signature_ref`` names the stored signature image."""

    stay_id: str
    confirmation_number: str
    guest_names: tuple[str, ...]
    arrival: date
    departure: date
    room_type: str
    rate: str
    language: str
    signature_ref: str


@dataclass(frozen=True, slots=True)
class PrintRegistrationCard:
    document_id: str  # "card:<stay_id>"
    card: RegistrationCard


@dataclass(frozen=True, slots=True)
class EmailRegistrationCard:
    card: RegistrationCard
    email: str


@dataclass(frozen=True, slots=True)
class PrintInvoice:
    document_id: str  # "invoice:<stay_id>"
    folio: Folio


@dataclass(frozen=True, slots=True)
class EmailInvoice:
    folio: Folio
    email: str


@dataclass(frozen=True, slots=True)
class NotifyWhenRoomReady:
    """Tell the guest (``email`` / ``phone``) when the room is ready; not answered."""

    stay_id: str
    email: str
    phone: str


@dataclass(frozen=True, slots=True)
class CallAgent:
    """Light the lamp / page staff for ``intervention``."""

    intervention: HotelIntervention


@dataclass(frozen=True, slots=True)
class AgentCleared:
    """The intervention of ``kind`` is resolved: turn the lamp off."""

    kind: HotelInterventionKind


@dataclass(frozen=True, slots=True)
class CommitCheckin:
    """Commit the record with its outbox row and service events; answer ``RecordCommitted``."""

    record: CheckinRecord


PmsEffect = (
    FindByConfirmation
    | FindBySurname
    | FindByGuestName
    | FindByRoom
    | FetchStay
    | AddCompanion
    | UpdateGuest
    | CheckInStay
    | FetchFolio
    | PostPayment
    | CheckOutStay
)
PaymentEffect = (
    ChargeBalance | PreauthoriseDeposit | AdjustDeposit | CaptureDeposit | ReleaseDeposit
)

Effect = (
    PmsEffect
    | ReadKeyCard
    | EncodeKey
    | VoidKeys
    | LookUpDeposit
    | PaymentEffect
    | PrintRegistrationCard
    | EmailRegistrationCard
    | PrintInvoice
    | EmailInvoice
    | NotifyWhenRoomReady
    | CallAgent
    | AgentCleared
    | CommitCheckin
)
