"""Stays, IDs and a tiny pure "world" that answers the hotel machine's effects.

The world answers each effect the way the PMS simulator, the key encoder, the
payment journal, the printer and the store would, so the machine's tests can
drive whole visits without I/O. The sample stay: confirmation 4701, two adults
(Ana García López, who booked, and a companion with no profile yet), three
nights from today, 360.00 with 100.00 paid, a 150.00 deposit; room 204.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta

from kiosk.domain.hotel import effects as fx
from kiosk.domain.hotel import events as ev
from kiosk.domain.hotel.machine import HotelMachine
from kiosk.domain.hotel.pms import (
    Address,
    Folio,
    FolioLine,
    FolioLineKind,
    Guest,
    PmsErrorKind,
    RoomAssignment,
    RoomState,
    Stay,
    StayState,
)
from kiosk.domain.hotel.states import HotelSettings, HotelState, Step
from kiosk.domain.money import Money
from kiosk.domain.travel import MrzDocument, format_mrz

NOW = datetime(2026, 12, 5, 15, 0, tzinfo=UTC)
TODAY = NOW.date()
EUR = "EUR"
SETTINGS = HotelSettings(hotel="H1", country="PT", currency=EUR)
ROOM = RoomAssignment("r204", "204", RoomState.INSPECTED, "2")
ADDRESS = Address("Rua Augusta 1", "Lisboa", "1100-048", "PT")


def eur(minor: int) -> Money:
    return Money(minor, EUR)


OWNER = Guest("g1", "García López", "Ana", nationality="ES", email="ana@example.com")
STAY = Stay(
    stay_id="s1",
    confirmation_number="4701",
    state=StayState.EXPECTED,
    arrival=TODAY,
    departure=TODAY + timedelta(days=3),
    arrival_at=NOW,
    departure_at=NOW + timedelta(days=3, hours=-4),
    room_type="Double room",
    room=ROOM,
    adults=2,
    children=0,
    guests=(OWNER,),
    rate="Flexible",
    total=eur(36000),
    paid=eur(10000),
    deposit=eur(15000),
    owner_id="g1",
)
FOLIO = Folio(
    "s1",
    (
        FolioLine("n1", FolioLineKind.CHARGE, "Nights", eur(36000)),
        FolioLine("m1", FolioLineKind.CHARGE, "Minibar", eur(1250)),
        FolioLine("p1", FolioLineKind.PAYMENT, "Card", eur(36000)),
    ),
    EUR,
)


def mrz(
    surname: str = "GARCIA LOPEZ",
    given: str = "ANA",
    *,
    expiry: date = date(2031, 4, 15),
    number: str = "PAB123456",
    nationality: str = "ESP",
    birth: date = date(1985, 3, 2),
    code: str = "P",
    layout: str = "TD3",
    optional: str = "",
    sex: str = "F",
) -> tuple[str, ...]:
    """MRZ lines of a document (every check digit holds)."""
    document = MrzDocument(
        format=layout,
        document_code=code,
        issuing_state=nationality,
        primary_name=surname,
        secondary_name=given,
        name_truncated=False,
        document_number=number,
        nationality=nationality,
        birth_date_text=birth.strftime("%y%m%d"),
        birth_date=birth,
        sex=sex,
        expiry_date_text=expiry.strftime("%y%m%d"),
        expiry_date=expiry,
        optional_data=optional,
    )
    return tuple(format_mrz(document))


ANA = mrz()
LUIS = mrz("MARTIN", "LUIS", number="PXC765432", birth=date(1983, 7, 9), sex="M")
GARBLED = (ANA[0], ANA[1][:-1] + ("7" if ANA[1][-1] != "7" else "8"))


@dataclass
class World:
    """Answers effects like the PMS, the encoder, the terminal, the printer and the store.

    ``fail`` maps a call to the ``PmsFailed`` to answer once; ``payment`` maps a purpose
    to "approved" / "declined" / "unknown"; ``encoder_fail`` lists key numbers that
    fail once; ``print_fail`` document ids that fail once.
    """

    stay: Stay = STAY
    folio: Folio = FOLIO
    stays_by_name: tuple[Stay, ...] | None = None
    deposit: tuple[str, Money | None] = ("PRE-1", eur(15000))
    fail: dict[ev.Call, ev.PmsFailed] = field(default_factory=dict)
    payment: dict[ev.PaymentPurpose, str] = field(default_factory=dict)
    encoder_fail: list[int] = field(default_factory=list)
    print_fail: list[str] = field(default_factory=list)
    room_after_check_in: RoomAssignment | None = ROOM
    serial: int = 0
    encoded: list[tuple[int, bool]] = field(default_factory=list)
    payments: list[fx.Effect] = field(default_factory=list)
    pms_log: list[fx.Effect] = field(default_factory=list)
    printed: list[str] = field(default_factory=list)
    other: list[fx.Effect] = field(default_factory=list)

    def answer(self, effect: fx.Effect, at: datetime) -> ev.Event | None:
        from kiosk.domain.hotel.steps import CALLS

        call = CALLS.get(type(effect))
        if call is not None and call in self.fail:
            return replace(self.fail.pop(call), at=at)
        if isinstance(effect, fx.PmsEffect):
            self.pms_log.append(effect)
            return self._pms(effect, at)
        if isinstance(effect, fx.ReadKeyCard):
            return ev.KeyCardRead("204", at)
        if isinstance(effect, fx.EncodeKey):
            if effect.key_no in self.encoder_fail:
                self.encoder_fail.remove(effect.key_no)
                return ev.KeyEncodingFailed(effect.key_no, "no_card", at, "EP")
            self.encoded.append((effect.key_no, effect.replace_existing))
            return ev.KeyEncoded(effect.key_no, effect.room, at)
        if isinstance(effect, fx.LookUpDeposit):
            return ev.DepositLookedUp(self.deposit[0], self.deposit[1], at)
        if isinstance(effect, fx.PaymentEffect):
            return self._pay(effect, at)
        if isinstance(effect, (fx.PrintRegistrationCard, fx.PrintInvoice)):
            if effect.document_id in self.print_fail:
                self.print_fail.remove(effect.document_id)
                return ev.PrintFailed(effect.document_id, "paper out", at)
            self.printed.append(effect.document_id)
            return ev.DocumentPrinted(effect.document_id, at)
        if isinstance(effect, fx.CommitCheckin):
            self.other.append(effect)
            return ev.RecordCommitted(at)
        self.other.append(effect)
        return None

    def _pms(self, effect: fx.Effect, at: datetime) -> ev.Event | None:
        if isinstance(effect, (fx.FindByConfirmation, fx.FindByRoom, fx.FetchStay)):
            return ev.StayFound(self.stay, at)
        if isinstance(effect, (fx.FindBySurname, fx.FindByGuestName)):
            found = self.stays_by_name if self.stays_by_name is not None else (self.stay,)
            return ev.StaysFound(found, at)
        if isinstance(effect, fx.AddCompanion):
            self.serial += 1
            guest = Guest(f"g-new{self.serial}", effect.guest.surname, effect.guest.given_names)
            return ev.GuestAdded(effect.guest_id, guest, at)
        if isinstance(effect, fx.UpdateGuest):
            identity = effect.identity
            return ev.GuestUpdated(Guest(effect.pms_id, identity.surname, identity.given_names), at)
        if isinstance(effect, fx.CheckInStay):
            self.stay = replace(
                self.stay, state=StayState.CHECKED_IN, room=self.room_after_check_in
            )
            return ev.CheckedIn(self.stay, at)
        if isinstance(effect, fx.FetchFolio):
            return ev.FolioReceived(self.folio, at)
        if isinstance(effect, fx.PostPayment):
            return ev.PaymentPosted(effect.payment.reference, f"pms-{effect.payment.reference}", at)
        if isinstance(effect, fx.CheckOutStay):
            self.stay = replace(self.stay, state=StayState.CHECKED_OUT)
            return ev.CheckedOut(self.stay, at)
        return None

    def _pay(self, effect: fx.PaymentEffect, at: datetime) -> ev.Event:
        from kiosk.domain.hotel.steps import PURPOSES

        self.payments.append(effect)
        purpose = PURPOSES[type(effect)]
        self.serial += 1
        ref = f"PAY{self.serial}"
        amount = eur(15000) if isinstance(effect, fx.ReleaseDeposit) else effect.amount
        how = self.payment.get(purpose, "approved")
        if how == "approved":
            return ev.PaymentApproved(purpose, ref, amount, at, "411111******1111", "Visa", "A1")
        if how == "declined":
            return ev.PaymentDeclined(purpose, ref, "Refusal", at)
        return ev.PaymentUnknown(purpose, ref, amount, at)


def failure(call: ev.Call, kind: str = "unreachable", code: str = "") -> ev.PmsFailed:
    return ev.PmsFailed(call, PmsErrorKind(kind), code, "failed", NOW)


class Journey:
    """A machine, its state and a world answering its effects, stepped by the test."""

    def __init__(self, world: World | None = None, settings: HotelSettings = SETTINGS) -> None:
        self.machine = HotelMachine()
        self.state = HotelState.start(settings, "V1")
        self.world = world or World()
        self.now = NOW
        self.effects: list[fx.Effect] = []

    def send(self, event: ev.Event) -> HotelState:
        """Handle ``event`` and every answer the world gives to the effects, in order."""
        queue: list[ev.Event] = [event]
        while queue:
            self.now += timedelta(seconds=1)
            self.state, effects = self.machine.handle(self.state, queue.pop(0), self.now)
            self.effects.extend(effects)
            for effect in effects:
                reply = self.world.answer(effect, self.now)
                if reply is not None:
                    queue.append(reply)
        return self.state

    def of(self, kind: type) -> list:
        return [e for e in self.effects if isinstance(e, kind)]

    def record(self) -> fx.CommitCheckin:
        commits = self.of(fx.CommitCheckin)
        assert len(commits) == 1
        return commits[0]


def details(guest_id: str) -> ev.GuestDetailsEntered:
    """What Portugal's register asks beyond the ID: birth place and country of residence."""
    return ev.GuestDetailsEntered(guest_id, NOW, address=ADDRESS, birth_place="Sevilla")


def checked_in_journey(world: World | None = None) -> Journey:
    """A journey through check-in up to the keys step (two guests, card, payments)."""
    j = Journey(world)
    j.send(ev.ConfirmationEntered("4701", NOW))
    j.send(ev.StayConfirmed(NOW))
    j.send(ev.DocumentScanned(ANA, NOW))
    j.send(details("g1"))
    j.send(ev.DocumentScanned(LUIS, NOW))
    j.send(details("new-1"))
    j.send(ev.CardSigned("sig-1", "es", NOW))
    j.send(ev.CardDeliveryChosen(ev.Delivery.PRINT, NOW))
    for _ in range(2):  # the balance, then the deposit (unless staff were called)
        if j.state.step is Step.PAYING:
            j.send(ev.PayRequested(NOW))
    return j
