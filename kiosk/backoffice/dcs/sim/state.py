"""The simulated DCS's behaviour: one method per API operation, on in-memory state.

Theory of operation. :class:`DcsState` holds a :class:`~.world.World` behind one
lock; each public method is one API call, checks the airline's rules, changes
the world and returns domain objects (the server writes them as JSON) or raises
:class:`~.rules.Refusal`. A call validates everything before it changes
anything, so a refused call leaves no trace. Time comes from the clock given
(aware UTC), read as local time at the simulator's airport; once the demo
flight (``KX0123``) has left, the next call builds a fresh day.

Rules enforced: check-in closes 45 minutes before departure (``flight_closed``);
an inhibited passenger is refused (``inhibited``); APIS must be sent first for
a passenger who needs documents (``document_required``); the safety questions
must all be answered, and answered safely (``answers_missing``,
``safety_answer``); an infant goes with its adult (``infant_without_adult``) and
never gets a seat (``infant_no_seat``); a seat someone else holds
(``seat_taken``), a blocked seat (``seat_blocked``), a child or an adult with
an infant in an exit row (``exit_row_restricted``); bags over the heavy limit
(``bag_too_heavy``), unpaid fees (``fee_required``); a check-in with bags cannot
be cancelled (``bags_checked``).
"""

from __future__ import annotations

import threading
from datetime import date, datetime

from kiosk.backoffice.dcs.sim.passes import boarding_pass
from kiosk.backoffice.dcs.sim.rules import Refusal, bag_fee, entry_verdict
from kiosk.backoffice.dcs.sim.world import (
    AIRLINES,
    SEAT_COLUMNS,
    SimBooking,
    SimFlight,
    SimPassenger,
    SimSegment,
    World,
    build_world,
    country,
    local_now,
    travel_date,
)
from kiosk.clock import Clock
from kiosk.domain.airport.dcs import (
    BagTag,
    BoardingPassData,
    Booking,
    DocumentVerdict,
    Flight,
    Passenger,
    PassengerType,
    Seat,
    SeatMap,
    SeatRow,
    SeatStatus,
    TravelDocument,
)
from kiosk.domain.money import Money

#: the safe answer to each safety question the simulator asks
SAFE_ANSWERS = {"dangerous_goods": False, "packed_yourself": True}


def _same(a: str, b: str) -> bool:
    return "".join(a.upper().split()) == "".join(b.upper().split())


class DcsState:
    """The simulated airline at ``airport``; thread-safe."""

    def __init__(self, airport: str, clock: Clock) -> None:
        self.airport, self.clock = airport, clock
        self._lock = threading.Lock()
        self._world = build_world(clock(), airport)

    def reset(self) -> None:
        """A fresh day: the sample flights from now, nobody checked in."""
        with self._lock:
            self._world = build_world(self.clock(), self.airport)

    # -- reading -----------------------------------------------------------------------
    def find_booking(self, locator: str, surname: str) -> Booking:
        with self._lock:
            booking = self._booking(locator)
            if not any(_same(p.surname, surname) for p in booking.passengers):
                raise _no_booking(locator)
            return self._render(booking)

    def find_by_name(self, surname: str, given_names: str, on: date) -> tuple[Booking, ...]:
        with self._lock:
            world = self._current()
            first = (given_names.split() or [""])[0].upper()
            found = []
            for booking in world.bookings.values():
                flight = booking.segments[0].flight
                if flight.origin != self.airport or flight.departure.date() != on:
                    continue
                if any(
                    _same(p.surname, surname) and p.given_names.upper().startswith(first)
                    for p in booking.passengers
                ):
                    found.append(self._render(booking))
            return tuple(found)

    def seat_map(self, locator: str, segment_id: str) -> SeatMap:
        with self._lock:
            booking = self._booking(locator)
            return _seat_map(_segment(booking, segment_id))

    # -- changing ----------------------------------------------------------------------
    def send_document(self, locator: str, document: TravelDocument) -> DocumentVerdict:
        with self._lock:
            booking = self._booking(locator)
            passenger = _passenger(booking, document.passenger_id)
            passenger.document = document
            final = booking.segments[-1].flight.destination
            return entry_verdict(
                document.nationality, country(final), document.expiry, travel_date(booking)
            )

    def assign_seat(self, locator: str, segment_id: str, passenger_id: str, seat: str) -> Passenger:
        with self._lock:
            booking = self._booking(locator)
            segment = _segment(booking, segment_id)
            passenger = _passenger(booking, passenger_id)
            flight = segment.flight
            self._open(flight)
            _check_seat(booking, passenger, flight, seat)
            _release(booking, passenger, segment)
            flight.taken[seat] = booking.key(passenger)
            passenger.seats[segment_id] = seat
            return _passenger_out(booking, passenger)

    def check_in(
        self, locator: str, passenger_ids: tuple[str, ...], answers: dict[str, bool]
    ) -> Booking:
        with self._lock:
            booking = self._booking(locator)
            chosen = [_passenger(booking, pid) for pid in passenger_ids]
            self._open(booking.segments[0].flight)
            _check_answers(booking, answers)
            for passenger in chosen:
                _check_can_check_in(booking, passenger, passenger_ids)
            unseated = [p for p in chosen if not p.checked_in]
            seating = [_choose_seats(booking, s, unseated) for s in booking.segments]
            for segment, seats in zip(booking.segments, seating, strict=True):
                for passenger, seat in seats:
                    segment.flight.taken[seat] = booking.key(passenger)
                    passenger.seats[segment.segment_id] = seat
            for passenger in chosen:
                if not passenger.checked_in:
                    passenger.checked_in = True
                    for segment in booking.segments:
                        passenger.sequence[segment.segment_id] = segment.flight.next_sequence
                        segment.flight.next_sequence += 1
            return self._render(booking)

    def add_bag(self, locator: str, passenger_id: str, weight_g: int, paid: Money | None) -> BagTag:
        with self._lock:
            world = self._current()
            booking = self._booking(locator)
            passenger = _passenger(booking, passenger_id)
            first = booking.segments[0].flight
            self._open(first)
            if not passenger.checked_in:
                raise Refusal(409, "not_checked_in", f"{passenger_id} is not checked in")
            fee = bag_fee(passenger.allowance, len(passenger.bags), weight_g)
            if fee is not None and (
                paid is None or paid.currency != fee.currency or paid.minor < fee.minor
            ):
                raise Refusal(
                    409,
                    "fee_required",
                    f"this bag costs {fee.minor} {fee.currency} (minor units); paid {paid}",
                )
            numeric = AIRLINES.get(first.airline, ("000", ""))[0]
            plate = f"0{numeric}{world.next_serial % 1_000_000:06d}"
            world.next_serial += 1
            passenger.bags.append(plate)
            routing = tuple(segment.flight.destination for segment in booking.segments)
            return BagTag(passenger_id, plate, weight_g, routing[-1], routing, first.code, fee)

    def boarding_passes(
        self, locator: str, passenger_ids: tuple[str, ...]
    ) -> tuple[BoardingPassData, ...]:
        with self._lock:
            world = self._current()
            booking = self._booking(locator)
            chosen = [_passenger(booking, pid) for pid in passenger_ids]
            for passenger in chosen:
                if not passenger.checked_in:
                    raise Refusal(
                        409, "not_checked_in", f"{passenger.passenger_id} is not checked in"
                    )
            issued = world.built_at.date()
            return tuple(
                boarding_pass(booking, passenger, segment, issued)
                for passenger in chosen
                for segment in booking.segments
            )

    def cancel_check_in(self, locator: str, passenger_ids: tuple[str, ...]) -> tuple[str, ...]:
        with self._lock:
            booking = self._booking(locator)
            chosen = [_passenger(booking, pid) for pid in passenger_ids]
            infants = [
                p for p in booking.passengers if p.infant_of in passenger_ids and p not in chosen
            ]
            for passenger in chosen + infants:
                if passenger.bags:
                    raise Refusal(
                        409,
                        "bags_checked",
                        f"{passenger.passenger_id} has bags checked: an agent must offload them",
                    )
            cancelled = []
            for passenger in chosen + infants:
                if passenger.checked_in:
                    passenger.checked_in = False
                    passenger.sequence.clear()
                    cancelled.append(passenger.passenger_id)
            return tuple(cancelled)

    # -- helpers (lock held) -----------------------------------------------------------
    def _current(self) -> World:
        now = local_now(self.clock(), self.airport)
        if now >= self._world.demo_flight.departure:
            self._world = build_world(self.clock(), self.airport)
        return self._world

    def _local(self) -> datetime:
        return local_now(self.clock(), self.airport)

    def _booking(self, locator: str) -> SimBooking:
        booking = self._current().bookings.get(locator.strip().upper())
        if booking is None:
            raise _no_booking(locator)
        return booking

    def _open(self, flight: SimFlight) -> None:
        if not flight.open_at(self._local()):
            raise Refusal(
                409,
                "flight_closed",
                f"check-in for {flight.code} closed 45 minutes before its departure "
                f"at {flight.departure:%H:%M}",
            )

    def _render(self, booking: SimBooking) -> Booking:
        now = self._local()
        flights = tuple(_flight_out(segment, now) for segment in booking.segments)
        return Booking(
            record_locator=booking.record_locator,
            passengers=tuple(_passenger_out(booking, p) for p in booking.passengers),
            flights=flights,
            safety_questions=booking.safety_questions,
            offers=booking.offers,
        )


def _no_booking(locator: str) -> Refusal:
    return Refusal(404, "booking_not_found", f"no booking {locator!r} with that surname")


def _passenger(booking: SimBooking, passenger_id: str) -> SimPassenger:
    for passenger in booking.passengers:
        if passenger.passenger_id == passenger_id:
            return passenger
    raise Refusal(
        404,
        "passenger_not_found",
        f"no passenger {passenger_id!r} on booking {booking.record_locator}",
    )


def _segment(booking: SimBooking, segment_id: str) -> SimSegment:
    for segment in booking.segments:
        if segment.segment_id == segment_id:
            return segment
    raise Refusal(
        404, "segment_not_found", f"no flight {segment_id!r} on booking {booking.record_locator}"
    )


def _check_seat(booking: SimBooking, passenger: SimPassenger, flight: SimFlight, seat: str) -> None:
    if passenger.type is PassengerType.INFANT:
        raise Refusal(409, "infant_no_seat", "an infant travels on an adult's lap, without a seat")
    if passenger.inhibited:
        raise Refusal(409, "inhibited", f"{passenger.passenger_id}: {passenger.inhibited}")
    if seat not in flight.seat_numbers():
        raise Refusal(422, "no_such_seat", f"{flight.code} has no seat {seat!r}")
    if seat in flight.blocked:
        raise Refusal(409, "seat_blocked", f"seat {seat} is blocked")
    holder = flight.taken.get(seat)
    if holder is not None and holder != booking.key(passenger):
        raise Refusal(409, "seat_taken", f"seat {seat} on {flight.code} is taken")
    if int(seat[:-1]) in flight.exit_rows:
        with_infant = any(p.infant_of == passenger.passenger_id for p in booking.passengers)
        if passenger.type is PassengerType.CHILD or with_infant:
            raise Refusal(
                409,
                "exit_row_restricted",
                f"seat {seat} is in an exit row: not for children or adults with an infant",
            )


def _release(booking: SimBooking, passenger: SimPassenger, segment: SimSegment) -> None:
    old = passenger.seats.pop(segment.segment_id, "")
    if old and segment.flight.taken.get(old) == booking.key(passenger):
        del segment.flight.taken[old]


def _check_answers(booking: SimBooking, answers: dict[str, bool]) -> None:
    missing = [q for q in booking.safety_questions if not isinstance(answers.get(q), bool)]
    if missing:
        raise Refusal(400, "answers_missing", f"no yes/no answer to {', '.join(missing)}")
    for question in booking.safety_questions:
        if answers[question] != SAFE_ANSWERS.get(question, answers[question]):
            raise Refusal(409, "safety_answer", f"the answer to {question} needs an agent's check")


def _check_can_check_in(
    booking: SimBooking, passenger: SimPassenger, passenger_ids: tuple[str, ...]
) -> None:
    if passenger.checked_in:
        return
    if passenger.inhibited:
        raise Refusal(409, "inhibited", f"{passenger.passenger_id}: {passenger.inhibited}")
    if passenger.document is None:
        raise Refusal(
            409, "document_required", f"{passenger.passenger_id}: send the APIS document first"
        )
    if passenger.infant_of:
        adult = _passenger(booking, passenger.infant_of)
        if not adult.checked_in and adult.passenger_id not in passenger_ids:
            raise Refusal(
                409,
                "infant_without_adult",
                f"infant {passenger.passenger_id} is checked in with {adult.passenger_id}",
            )


def _choose_seats(
    booking: SimBooking, segment: SimSegment, passengers: list[SimPassenger]
) -> list[tuple[SimPassenger, str]]:
    """A free ordinary seat (no exit row, no price) for each passenger without one,
    side by side where a row has room, near companions who already have a seat."""
    flight = segment.flight
    need = [
        p
        for p in passengers
        if p.type is not PassengerType.INFANT and segment.segment_id not in p.seats
    ]
    if not need:
        return []
    free = [
        s
        for s in flight.seat_numbers()
        if s not in flight.taken
        and s not in flight.blocked
        and int(s[:-1]) not in flight.exit_rows | flight.legroom_rows
    ]
    if len(free) < len(need):  # then priced seats too, and the exit row for those allowed
        restricted = any(
            p.type is PassengerType.CHILD
            or any(o.infant_of == p.passenger_id for o in booking.passengers)
            for p in need
        )
        free = [
            s
            for s in flight.seat_numbers()
            if s not in flight.taken
            and s not in flight.blocked
            and not (restricted and int(s[:-1]) in flight.exit_rows)
        ]
    if len(free) < len(need):
        raise Refusal(409, "no_seat_available", f"{flight.code} is full")
    near = [
        int(p.seats[segment.segment_id][:-1])
        for p in booking.passengers
        if segment.segment_id in p.seats and p.seats[segment.segment_id][:-1].isdigit()
    ]
    if near:  # close to the companions who already chose a seat
        free.sort(key=lambda s: min(abs(int(s[:-1]) - row) for row in near))
    chosen = _together(free, len(need)) or free[: len(need)]
    return list(zip(need, chosen, strict=True))


def _together(free: list[str], count: int) -> list[str]:
    """``count`` free seats side by side in one block of a row (none: [])."""
    for first in free:
        row, letter = first[:-1], first[-1]
        block = SEAT_COLUMNS.split(" ")
        side = next(b for b in block if letter in b)
        run = [f"{row}{c}" for c in side[side.index(letter) :]][:count]
        if len(run) == count and all(s in free for s in run):
            return run
    return []


def _passenger_out(booking: SimBooking, passenger: SimPassenger) -> Passenger:
    first = booking.segments[0].segment_id
    seats = tuple(
        (segment.segment_id, passenger.seats[segment.segment_id])
        for segment in booking.segments
        if segment.segment_id in passenger.seats
    )
    return Passenger(
        passenger_id=passenger.passenger_id,
        surname=passenger.surname,
        given_names=passenger.given_names,
        type=passenger.type,
        ticket_number=passenger.ticket_number,
        frequent_flyer=passenger.frequent_flyer,
        seat=passenger.seats.get(first, ""),
        checked_in=passenger.checked_in,
        sequence_number=passenger.sequence.get(first, 0),
        inhibited=passenger.inhibited,
        document_required=True,
        infant_of=passenger.infant_of,
        allowance=passenger.allowance,
        seats=seats,
    )


def _flight_out(segment: SimSegment, now: datetime) -> Flight:
    flight = segment.flight
    return Flight(
        segment_id=segment.segment_id,
        airline=flight.airline,
        number=flight.number,
        origin=flight.origin,
        destination=flight.destination,
        departure=flight.departure,
        arrival=flight.arrival,
        cabin=segment.cabin,
        compartment=segment.compartment,
        gate=flight.gate,
        boarding_time=flight.boarding_time,
        open_for_checkin=flight.open_at(now),
    )


def _seat_map(segment: SimSegment) -> SeatMap:
    flight = segment.flight
    rows = []
    for row in range(1, flight.rows + 1):
        seats: list[Seat | None] = []
        for letter in SEAT_COLUMNS:
            if letter == " ":
                seats.append(None)
                continue
            number = f"{row}{letter}"
            status = (
                SeatStatus.BLOCKED
                if number in flight.blocked
                else SeatStatus.OCCUPIED
                if number in flight.taken
                else SeatStatus.AVAILABLE
            )
            legroom = row in flight.legroom_rows
            seats.append(
                Seat(
                    number=number,
                    status=status,
                    exit_row=row in flight.exit_rows,
                    extra_legroom=legroom or row in flight.exit_rows,
                    window=letter in (SEAT_COLUMNS[0], SEAT_COLUMNS[-1]),
                    aisle=_aisle(letter),
                    price=flight.legroom_price if legroom else None,
                )
            )
        rows.append(SeatRow(row, tuple(seats)))
    return SeatMap(segment.segment_id, SEAT_COLUMNS, tuple(rows))


def _aisle(letter: str) -> bool:
    at = SEAT_COLUMNS.index(letter)
    return (at > 0 and SEAT_COLUMNS[at - 1] == " ") or (
        at + 1 < len(SEAT_COLUMNS) and SEAT_COLUMNS[at + 1] == " "
    )
