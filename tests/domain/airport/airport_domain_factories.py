"""Bookings, passports and a tiny pure "world" that answers the check-in machine's effects.

The world answers each DCS effect the way the DCS simulator would (same demo
booking KX7Q2M: ERIKSSON/ANNA MARIA and ERIKSSON/LARS, KX 0123 LIS-CDG), so the
machine's tests can drive whole journeys without I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta

from kiosk.domain.airport import effects as fx
from kiosk.domain.airport import events as ev
from kiosk.domain.airport.dcs import (
    BagAllowance,
    BagTag,
    BoardingPassData,
    Booking,
    DocumentStatus,
    DocumentVerdict,
    Flight,
    Passenger,
    PassengerType,
    Seat,
    SeatMap,
    SeatRow,
    SeatStatus,
)
from kiosk.domain.airport.machine import CheckinMachine
from kiosk.domain.airport.states import CheckinSettings, CheckinState
from kiosk.domain.money import Money
from kiosk.domain.travel import MrzDocument, format_mrz

NOW = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)
TODAY = NOW.date()
EUR = "EUR"
SETTINGS = CheckinSettings(airport="LIS", currency=EUR)
ALLOWANCE = BagAllowance(
    pieces=1,
    max_weight_g=23_000,
    heavy_limit_g=32_000,
    extra_piece_fee=Money(6000, EUR),
    overweight_fee=Money(7500, EUR),
)
FLIGHT = Flight(
    segment_id="S1",
    airline="KX",
    number="0123",
    origin="LIS",
    destination="CDG",
    departure=datetime(2026, 12, 5, 15, 0),
    arrival=datetime(2026, 12, 5, 18, 30),
    cabin="Y",
    compartment="Y",
    gate="12",
    boarding_time=datetime(2026, 12, 5, 14, 20),
)
ANNA = Passenger(
    "P1", "ERIKSSON", "ANNA MARIA", PassengerType.ADULT, "1234567890123", seats=(("S1", "14A"),),
    seat="14A", allowance=ALLOWANCE,
)  # fmt: skip
LARS = Passenger(
    "P2", "ERIKSSON", "LARS", PassengerType.ADULT, "1234567890124", seats=(("S1", "14B"),),
    seat="14B", allowance=ALLOWANCE,
)  # fmt: skip
BOOKING = Booking("KX7Q2M", (ANNA, LARS), (FLIGHT,), ("dangerous_goods", "packed_yourself"))


def seat_map(segment_id: str = "S1", rows: int = 15) -> SeatMap:
    """Rows 1..rows, ``ABC DEF``; row 12 exit; rows 1-3 extra legroom at 25 EUR; 14A/14B taken."""
    out = []
    for row in range(1, rows + 1):
        seats: list[Seat | None] = []
        for column in "ABC DEF":
            if column == " ":
                seats.append(None)
                continue
            number = f"{row}{column}"
            taken = number in ("14A", "14B", "5C")
            seats.append(
                Seat(
                    number,
                    SeatStatus.OCCUPIED if taken else SeatStatus.AVAILABLE,
                    exit_row=row == 12,
                    extra_legroom=row <= 3,
                    window=column in "AF",
                    aisle=column in "CD",
                    price=Money(2500, EUR) if row <= 3 else None,
                )
            )
        out.append(SeatRow(row, tuple(seats)))
    return SeatMap(segment_id, "ABC DEF", tuple(out))


def passport(
    surname: str = "ERIKSSON",
    given: str = "ANNA MARIA",
    *,
    expiry: date = date(2032, 4, 15),
    number: str = "L898902C3",
    nationality: str = "UTO",
    code: str = "P",
) -> tuple[str, ...]:
    """TD3 lines of a passport (every check digit holds)."""
    document = MrzDocument(
        format="TD3",
        document_code=code,
        issuing_state=nationality,
        primary_name=surname,
        secondary_name=given,
        name_truncated=False,
        document_number=number,
        nationality=nationality,
        birth_date_text="740812",
        birth_date=date(1974, 8, 12),
        sex="F",
        expiry_date_text=expiry.strftime("%y%m%d"),
        expiry_date=expiry,
    )
    return tuple(format_mrz(document))


ANNA_PASSPORT = passport()
LARS_PASSPORT = passport("ERIKSSON", "LARS", number="L898902D4", expiry=date(2031, 9, 30))
GARBLED = (ANNA_PASSPORT[0], ANNA_PASSPORT[1][:-1] + "7")


@dataclass
class World:
    """Answers effects like the DCS, the terminal, the printers and the store would.

    ``fail`` maps a DCS call to the failure to answer once (then it is removed).
    """

    booking: Booking = BOOKING
    verdicts: dict[str, DocumentVerdict] = field(default_factory=dict)
    fail: dict[ev.DcsCall, ev.DcsFailed] = field(default_factory=dict)
    print_fail: dict[str, str] = field(default_factory=dict)
    payment: str = "approved"
    serial: int = 0
    printed: list[str] = field(default_factory=list)
    tags_issued: list[int] = field(default_factory=list)
    dcs_log: list[object] = field(default_factory=list)

    def answer(self, effect: fx.Effect, at: datetime) -> ev.Event | None:
        call = _CALLS.get(type(effect))
        if call is not None:
            self.dcs_log.append(effect)
            if call in self.fail:
                return replace(self.fail.pop(call), at=at)
        if isinstance(effect, fx.FindBooking):
            return ev.BookingFound(self.booking, at)
        if isinstance(effect, fx.FindByName):
            return ev.BookingsFound((self.booking,), at)
        if isinstance(effect, fx.SendDocument):
            pid = effect.document.passenger_id
            verdict = self.verdicts.get(pid, DocumentVerdict(DocumentStatus.ACCEPTED))
            return ev.DocumentVerdictReceived(pid, verdict, at)
        if isinstance(effect, fx.CheckIn):
            passengers = tuple(
                replace(p, checked_in=p.passenger_id in effect.passenger_ids, sequence_number=n + 1)
                for n, p in enumerate(self.booking.passengers)
            )
            self.booking = replace(self.booking, passengers=passengers)
            return ev.CheckedIn(self.booking, at)
        if isinstance(effect, fx.FetchSeatMap):
            return ev.SeatMapReceived(seat_map(effect.segment_id), at)
        if isinstance(effect, fx.AssignSeat):
            p = next(p for p in self.booking.passengers if p.passenger_id == effect.passenger_id)
            seats = tuple((s, x) for s, x in p.seats if s != effect.segment_id)
            moved = replace(p, seats=((effect.segment_id, effect.seat), *seats), seat=effect.seat)
            return ev.SeatAssigned(moved, effect.segment_id, at)
        if isinstance(effect, fx.AddBag):
            self.serial += 1
            self.tags_issued.append(effect.bag_no)
            tag = BagTag(
                effect.passenger_id, f"0123{self.serial:06d}", effect.weight_g, "CDG", ("CDG",),
                "KX0123", effect.paid,
            )  # fmt: skip
            return ev.BagTagIssued(effect.bag_no, tag, at)
        if isinstance(effect, fx.FetchBoardingPasses):
            return ev.BoardingPassesReceived(
                tuple(_pass(p, self.booking) for p in effect.passenger_ids), at
            )
        if isinstance(effect, fx.CancelCheckIn):
            return ev.CheckInCancelled(at)
        if isinstance(effect, fx.StartPayment):
            ref = f"PAY{self.serial}"
            self.serial += 1
            if self.payment == "approved":
                return ev.PaymentApproved(ref, effect.amount, at, "****1234", "VISA", "A1")
            if self.payment == "declined":
                return ev.PaymentDeclined(ref, "Refusal", at)
            return ev.PaymentUnknown(ref, effect.amount, at)
        if isinstance(effect, (fx.PrintBoardingPass, fx.PrintBagTag)):
            reason = self.print_fail.pop(effect.document_id, "")
            if reason:
                return ev.PrintFailed(effect.document_id, reason, at)
            self.printed.append(effect.document_id)
            return ev.DocumentPrinted(effect.document_id, at)
        if isinstance(effect, fx.CommitCheckin):
            return ev.RecordCommitted(at)
        return None


_CALLS = {
    fx.FindBooking: ev.DcsCall.FIND_BOOKING,
    fx.FindByName: ev.DcsCall.FIND_BY_NAME,
    fx.SendDocument: ev.DcsCall.SEND_DOCUMENT,
    fx.FetchSeatMap: ev.DcsCall.SEAT_MAP,
    fx.AssignSeat: ev.DcsCall.ASSIGN_SEAT,
    fx.CheckIn: ev.DcsCall.CHECK_IN,
    fx.AddBag: ev.DcsCall.ADD_BAG,
    fx.FetchBoardingPasses: ev.DcsCall.BOARDING_PASSES,
    fx.CancelCheckIn: ev.DcsCall.CANCEL_CHECK_IN,
}


def _pass(passenger_id: str, booking: Booking) -> BoardingPassData:
    p = next(p for p in booking.passengers if p.passenger_id == passenger_id)
    return BoardingPassData(
        passenger_id, "S1", f"{p.surname}/{p.given_names}", "KX0123", "LIS", "CDG",
        FLIGHT.departure, FLIGHT.boarding_time, "12", p.seat_on("S1"), p.sequence_number, "3",
        "Y", "M1ERIKSSON/ANNA",
    )  # fmt: skip


def failure(call: ev.DcsCall, kind: str = "unreachable", code: str = "") -> ev.DcsFailed:
    from kiosk.domain.airport.dcs import DcsErrorKind

    return ev.DcsFailed(call, DcsErrorKind(kind), code, "failed", NOW)


class Journey:
    """A machine, its state and a world answering its effects, stepped by the test."""

    def __init__(self, world: World | None = None, settings: CheckinSettings = SETTINGS) -> None:
        self.machine = CheckinMachine()
        self.state = CheckinState.start(settings, "C1")
        self.world = world or World()
        self.now = NOW
        self.effects: list[fx.Effect] = []
        self.auto = True

    def send(self, event: ev.Event) -> CheckinState:
        """Handle ``event`` and every answer the world gives to the effects, in order."""
        queue: list[ev.Event] = [event]
        while queue:
            self.now += timedelta(seconds=1)
            self.state, effects = self.machine.handle(self.state, queue.pop(0), self.now)
            self.effects.extend(effects)
            if self.auto:
                for effect in effects:
                    reply = self.world.answer(effect, self.now)
                    if reply is not None:
                        queue.append(reply)
        return self.state

    def of(self, kind: type) -> list:
        return [e for e in self.effects if isinstance(e, kind)]
