"""The state of one visit to the hotel kiosk: steps, settings and what every screen shows.

:class:`HotelState` is an immutable value; the machine
(:mod:`kiosk.domain.hotel.machine`) returns a new one for every event. A
screen reads what it shows from the state alone:

* ``step`` picks the screen; ``waiting`` (a :class:`~.events.Call`) says a call
  is in flight (show "one moment"); ``paying`` says the card terminal is busy;
* ``notice`` (a message key, with ``notice_params``) is news for one event;
* ``intervention`` is the open intervention (step ``INTERVENTION``; ``resume``
  is the step it stopped);
* the stay, the guests with their register data, the registration card, the
  payments and the deposit, the room and the keys, the folio at check-out.

No full MRZ and no document number is kept here: a guest's document is a
:class:`~kiosk.domain.airport.dcs.DocumentSummary` (invariant 6). The
exceptions live in memory only, out of ``repr``: ``identity`` (the document
that found the stay, used for its holder), a guest's ``identity`` until the PMS
has it, and ``pending`` (a document staff are deciding on).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from kiosk.domain.airport.dcs import DocumentSummary
from kiosk.domain.hotel.events import Call, Delivery, PaymentPurpose
from kiosk.domain.hotel.interventions import HotelIntervention, ResolvedHotelIntervention
from kiosk.domain.hotel.pms import Folio, GuestIdentity, RoomAssignment, Stay
from kiosk.domain.hotel.register import RegisterData, RegisterRule, rule_for
from kiosk.domain.money import Money
from kiosk.domain.travel.journey import IllegalEvent as IllegalEvent  # noqa: PLC0414 (re-exported)
from kiosk.domain.travel.journey import Outcome as Outcome  # noqa: PLC0414 (re-exported)
from kiosk.domain.travel.mrz import MrzDocument


class Step(enum.Enum):
    """Where the visit is (one screen each)."""

    WELCOME = "welcome"  # confirmation number / QR, surname + arrival, or an ID; or check out
    PICK_STAY = "pick_stay"  # several stays found: pick one
    STAY = "stay"  # the stay shown: dates, room type, guests, rate, paid, due
    GUESTS = "guests"  # an ID for every adult (``document_for``), the children
    DETAILS = "details"  # what the register needs that the ID does not say (``details_for``)
    REGISTRATION = "registration"  # terms, signature, print or e-mail
    PAYING = "paying"  # the balance, then the deposit (check-in); the rest (check-out)
    ROOM = "room"  # checking the stay in at the PMS: the room
    KEYS = "keys"  # how many, then each key encoded and confirmed
    FIND_ROOM = "find_room"  # check-out / key help: tap a key card or type room + surname
    FOLIO = "folio"  # check-out: the bill
    INVOICE = "invoice"  # check-out: print or e-mail the invoice
    DROP_KEYS = "drop_keys"  # check-out: drop the keys in the box
    INTERVENTION = "intervention"  # waiting for staff (``intervention``)
    CLOSING = "closing"  # releasing a deposit and/or committing the record
    DONE = "done"  # thank you (completed) or goodbye (cancelled / abandoned)


class Purpose(enum.Enum):
    """What the guest came to the kiosk for (the record's ``details.purpose``)."""

    CHECK_IN = "check_in"
    CHECK_OUT = "check_out"
    REKEY = "rekey"  # "my key does not work"


class GuestCheck(enum.Enum):
    """Where a guest's registration stands."""

    NEEDED = "needed"  # no document read yet (adult) / not registered yet
    DETAILS = "details"  # the register wants something the guest types
    SAVING = "saving"  # sent to the PMS (``add_companion`` / ``update_guest_identity``)
    DONE = "done"


class DepositState(enum.Enum):
    """The deposit's pre-authorisation (this visit's, or looked up at check-out)."""

    NONE = "none"  # none asked or none found
    AUTHORISED = "authorised"
    ADJUSTED = "adjusted"  # raised to the folio's balance
    ADJUST_DECLINED = "adjust_declined"  # capture what was authorised; the rest by card
    CAPTURED = "captured"
    RELEASED = "released"
    WAIVED = "waived"  # staff let the guest go on without one
    FAILED = "failed"  # capture or release did not happen: the rest by card


@dataclass(frozen=True, slots=True)
class HotelSettings:
    """Fixed per lane.

    ``country`` (alpha-2) picks the guest register rule; ``deposit`` is asked when
    the stay names none (None: no deposit); ``adult_age``: from this age a guest
    shows an ID; ``utc_offset_minutes`` turns ``at`` into the hotel's date.
    """

    hotel: str
    country: str
    currency: str
    max_keys: int = 4
    document_retries: int = 2
    max_declines: int = 3
    max_find_misses: int = 3
    adult_age: int = 18
    deposit: Money | None = None
    utc_offset_minutes: int = 0

    def local_date(self, at: datetime) -> date:
        """The hotel's calendar date at ``at`` (UTC)."""
        return (at + timedelta(minutes=self.utc_offset_minutes)).date()

    @property
    def rule(self) -> RegisterRule:
        return rule_for(self.country)


@dataclass(frozen=True, slots=True)
class GuestState:
    """One guest of the stay as this visit sees them.

    ``guest_id`` is the PMS's id for a booked guest, ``new-<n>`` for a place the
    booking holds without a profile (``pms_id`` is set once the PMS made one).
    ``minor``: under ``adult_age`` (registered with their adult).
    """

    guest_id: str
    surname: str
    given_names: str
    pms_id: str = ""
    minor: bool = False
    needs_document: bool = True  # an adult, or a minor the register wants an ID of
    check: GuestCheck = GuestCheck.NEEDED
    data: RegisterData = field(default_factory=RegisterData)
    document: DocumentSummary | None = None
    read_failures: int = 0
    cleared: tuple[str, ...] = ()  # intervention kinds staff accepted for them
    missing: tuple[str, ...] = ()  # register fields still missing (``DETAILS``)
    identity: GuestIdentity | None = field(default=None, repr=False)

    @property
    def named(self) -> bool:
        return bool(self.surname.strip())


@dataclass(frozen=True, slots=True)
class KeyCard:
    """Key ``key_no`` of this visit: ``encoded`` only once the encoder confirmed it."""

    key_no: int
    encoded: bool = False
    failures: int = 0


@dataclass(frozen=True, slots=True)
class HotelPayment:
    """One card-terminal operation.

    ``outcome``: ``approved``, ``declined``, ``unknown``, ``confirmed`` / ``failed``
    (staff's verdict on an unknown one), ``waived`` (staff settled it at the desk).
    ``posted``: the PMS recorded it on the bill (a sale or a capture).
    """

    purpose: PaymentPurpose
    reference: str
    amount: Money
    outcome: str
    at: datetime
    masked_pan: str | None = None
    brand: str | None = None
    auth_code: str | None = None
    posted: bool = False

    @property
    def took_money(self) -> bool:
        return self.purpose in (PaymentPurpose.BALANCE, PaymentPurpose.CAPTURE) and (
            self.outcome in ("approved", "confirmed")
        )


@dataclass(frozen=True, slots=True)
class HotelState:
    """One visit (see the module docstring). Build with :meth:`start`."""

    settings: HotelSettings
    checkin_id: str
    purpose: Purpose = Purpose.CHECK_IN
    step: Step = Step.WELCOME
    resume: Step = Step.WELCOME
    waiting: Call | None = None
    started_at: datetime | None = None
    identified_by: str = ""  # "confirmation" | "qr" | "surname" | "document" | "key_card" | "room"
    notice: str = ""
    notice_params: tuple[tuple[str, str], ...] = ()
    find_misses: int = 0
    candidates: tuple[Stay, ...] = ()
    stay: Stay | None = None
    stay_confirmed: bool = False
    guests: tuple[GuestState, ...] = ()
    document_for: str = ""  # the guest whose ID is asked (GUESTS)
    details_for: str = ""  # the guest whose details are asked (DETAILS)
    rekey_verified: bool = False
    signature_ref: str = ""
    card_language: str = ""
    card_delivery: Delivery | None = None
    card_delivered: bool = False
    payments: tuple[HotelPayment, ...] = ()
    paying: PaymentPurpose | None = None
    paying_amount: Money | None = None  # what the operation at the terminal is for
    declines: int = 0
    payment_failure: str = ""
    deposit_ref: str = ""
    deposit_amount: Money | None = None
    deposit_state: DepositState = DepositState.NONE
    deposit_looked_up: bool = False
    checked_in: bool = False
    room: RoomAssignment | None = None
    luggage_left: bool = False
    key_count: int = 0
    keys: tuple[KeyCard, ...] = ()
    encoding: int = 0  # the key at the encoder (0: none)
    keys_settled: bool = False  # staff finished the keys at the desk
    folio: Folio | None = None
    folio_confirmed: bool = False
    checked_out: bool = False
    invoice_delivery: Delivery | None = None
    invoice_delivered: bool = False
    printing_now: str = ""
    intervention: HotelIntervention | None = None
    interventions: tuple[ResolvedHotelIntervention, ...] = ()
    outcome: Outcome | None = None
    #: The MRZ that found the stay, used as its holder's ID (memory only).
    identity: MrzDocument | None = field(default=None, repr=False)
    #: ``(guest_id, document)`` staff are deciding on (memory only).
    pending: tuple[str, MrzDocument] | None = field(default=None, repr=False)
    #: The last call (an effect), repeated when staff say "retry" (memory only).
    retry_call: object | None = field(default=None, repr=False)

    @classmethod
    def start(cls, settings: HotelSettings, checkin_id: str) -> HotelState:
        """The welcome screen; the first search starts visit ``checkin_id``."""
        return cls(settings, checkin_id)

    # --- what the screens read --------------------------------------------------------

    def guest(self, guest_id: str) -> GuestState | None:
        return next((g for g in self.guests if g.guest_id == guest_id), None)

    def adults(self) -> tuple[GuestState, ...]:
        return tuple(g for g in self.guests if not g.minor)

    def minors(self) -> tuple[GuestState, ...]:
        return tuple(g for g in self.guests if g.minor)

    @property
    def children_missing(self) -> int:
        """Children the booking holds who are not registered yet."""
        booked = 0 if self.stay is None else self.stay.children
        return max(0, booked - len(self.minors()))

    def money_taken(self) -> Money:
        """What the card terminal took in this visit (sales and captures)."""
        total = Money.zero(self.settings.currency)
        for payment in self.payments:
            if payment.took_money:
                total = total + payment.amount
        return total

    def settled(self, purpose: PaymentPurpose) -> Money:
        """What was taken, confirmed or waived for ``purpose`` in this visit."""
        total = Money.zero(self.settings.currency)
        for p in self.payments:
            if p.purpose is purpose and p.outcome in ("approved", "confirmed", "waived"):
                total = total + p.amount
        return total

    def balance_due(self) -> Money:
        """What is still to pay now (never negative): the stay's due at check-in, the
        folio's balance at check-out, less what this visit took or staff waived."""
        zero = Money.zero(self.settings.currency)
        if self.purpose is Purpose.CHECK_OUT:
            owed = zero if self.folio is None else self.folio.balance
        else:
            owed = zero if self.stay is None else self.stay.due
        due = owed - self.settled(PaymentPurpose.BALANCE) - self.settled(PaymentPurpose.CAPTURE)
        return due if due.minor > 0 else zero

    def deposit_wanted(self) -> Money | None:
        """The deposit to pre-authorise at check-in (None: none, or already done)."""
        if self.purpose is not Purpose.CHECK_IN or self.deposit_state is not DepositState.NONE:
            return None
        amount = None if self.stay is None else self.stay.deposit
        amount = amount if amount is not None else self.settings.deposit
        if amount is None or amount.minor <= 0:
            return None
        return amount

    @property
    def most_keys(self) -> int:
        """The most keys the guest may ask for (the lane's limit, never over 4)."""
        return min(4, max(1, self.settings.max_keys))

    @property
    def suggested_keys(self) -> int:
        """The key count the keys screen offers first: one per adult, within the limit."""
        adults = 1 if self.stay is None else self.stay.adults
        return min(self.most_keys, max(1, adults))

    def keys_encoded(self) -> int:
        return sum(1 for k in self.keys if k.encoded)
