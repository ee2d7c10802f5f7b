"""The DCS driver against the simulator over real HTTP: the protocol's happy paths and
the airline's rules (each refusal with its code)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from dcs_helpers import SAFE, MovableClock, document

from kiosk.backoffice.dcs import HttpDepartureControl
from kiosk.backoffice.dcs.sim import DcsSimulator
from kiosk.domain.airport.dcs import (
    DcsError,
    DcsErrorKind,
    DocumentStatus,
    PassengerType,
    SeatMap,
    SeatStatus,
)
from kiosk.domain.money import Money
from kiosk.domain.travel import licence_plates, parse_bcbp


def free_seats(seat_map: SeatMap, row_from: int = 4) -> list[str]:
    return [
        seat.number
        for row in seat_map.rows
        if row.row >= row_from and row.row != 12
        for seat in row.seats
        if seat is not None and seat.status is SeatStatus.AVAILABLE and seat.price is None
    ]


def refused(error: pytest.ExceptionInfo[DcsError], code: str) -> None:
    assert (error.value.kind, error.value.code) == (DcsErrorKind.REFUSED, code), error.value


def test_two_passengers_check_in_with_one_bag_each(dcs: HttpDepartureControl) -> None:
    # GIVEN the demo booking, found by locator and surname (any case)
    booking = dcs.find_booking("kx7q2m", "Eriksson")
    assert [p.given_names for p in booking.passengers] == ["ANNA MARIA", "LARS"]
    flight = booking.flights[0]
    assert (flight.airline, flight.number, flight.origin, flight.destination, flight.gate) == (
        "KX",
        "0123",
        "LIS",
        "CDG",
        "12",
    )
    assert flight.departure == datetime(2026, 12, 5, 13, 0)  # 3 h after 10:00 in Lisbon
    assert flight.open_for_checkin
    assert booking.safety_questions == ("dangerous_goods", "packed_yourself")
    allowance = booking.passengers[0].allowance
    assert allowance is not None
    assert (allowance.pieces, allowance.max_weight_g, allowance.heavy_limit_g) == (
        1,
        23_000,
        32_000,
    )
    assert allowance.extra_piece_fee == Money(6000, "EUR")
    assert allowance.overweight_fee == Money(7500, "EUR")
    # WHEN each sends a passport, one picks a seat, and both check in
    for passenger in booking.passengers:
        verdict = dcs.send_document("KX7Q2M", document(passenger))
        assert verdict.status is DocumentStatus.ACCEPTED
    seat_map = dcs.seat_map("KX7Q2M", "S1")
    choice = free_seats(seat_map, row_from=20)[0]
    anna = dcs.assign_seat("KX7Q2M", "S1", "P1", choice)
    assert anna.seat == choice
    assert anna.seat_on("S1") == choice
    booking = dcs.check_in("KX7Q2M", ("P1", "P2"), SAFE)
    anna, lars = booking.passengers
    assert anna.checked_in
    assert lars.checked_in
    assert anna.seat == choice
    assert lars.seat
    assert abs(int(lars.seat[:-1]) - int(anna.seat[:-1])) <= 1  # near his companion
    assert {anna.sequence_number, lars.sequence_number} == {1, 2}
    # AND each drops one bag within the allowance
    tags = [dcs.add_bag("KX7Q2M", pid, 20_500, None) for pid in ("P1", "P2")]
    for tag in tags:
        assert tag.fee is None
        assert tag.routing == ("CDG",)
        assert tag.destination == "CDG"
        assert tag.flight == "KX0123"
        assert len(tag.licence_plate) == 10
        assert tag.licence_plate[1:4] == "617"
    assert tags[0].licence_plate != tags[1].licence_plate
    # THEN each gets a boarding pass whose BCBP reads back
    passes = dcs.boarding_passes("KX7Q2M", ("P1", "P2"))
    assert [p.passenger_id for p in passes] == ["P1", "P2"]
    for data, tag, passenger in zip(passes, tags, booking.passengers, strict=True):
        read = parse_bcbp(data.bcbp, date(2026, 12, 5))
        leg = read.legs[0]
        assert read.passenger_name == f"{passenger.surname}/{passenger.given_names}"
        assert (leg.pnr, leg.origin, leg.destination, leg.carrier) == ("KX7Q2M", "LIS", "CDG", "KX")
        assert leg.flight_number == "0123"
        assert leg.flight_date == date(2026, 12, 5)
        assert leg.flight_day == date(2026, 12, 5).timetuple().tm_yday
        assert leg.seat == f"{int(data.seat[:-1]):03d}{data.seat[-1]}"
        assert int(leg.check_in_sequence) == data.sequence_number == passenger.sequence_number
        assert read.bag_tags
        assert licence_plates(read.bag_tags[0]) == (tag.licence_plate,)
        assert read.warnings == ()
        assert data.gate == "12"
        assert data.boarding_time == datetime(2026, 12, 5, 12, 20)
    assert passes[0].extras == ("FAST TRACK", "PRIORITY")  # Anna is a frequent flyer


def test_find_by_name_on_the_day(dcs: HttpDepartureControl) -> None:
    found = dcs.find_by_name("ERIKSSON", "LARS", date(2026, 12, 5))
    assert [b.record_locator for b in found] == ["KX7Q2M"]
    assert dcs.find_by_name("ERIKSSON", "LARS", date(2026, 12, 6)) == ()
    assert dcs.find_by_name("NOBODY", "", date(2026, 12, 5)) == ()


def test_unknown_booking_or_wrong_surname_is_not_found(dcs: HttpDepartureControl) -> None:
    for locator, surname in (("ZZZZZZ", "ERIKSSON"), ("KX7Q2M", "SMITH"), ("A/B", "X")):
        with pytest.raises(DcsError) as error:
            dcs.find_booking(locator, surname)
        assert (error.value.kind, error.value.code) == (DcsErrorKind.NOT_FOUND, "booking_not_found")
    with pytest.raises(DcsError) as error:
        dcs.seat_map("KX7Q2M", "S9")
    assert (error.value.kind, error.value.code) == (DcsErrorKind.NOT_FOUND, "segment_not_found")


def test_entry_rules(dcs: HttpDepartureControl) -> None:
    kenji = dcs.find_booking("VISA01", "NAKAMURA").passengers[0]
    verdict = dcs.send_document("VISA01", document(kenji, "JPN"))
    assert (verdict.status, verdict.reason) == (DocumentStatus.AGENT_NEEDED, "visa_required")
    anna = dcs.find_booking("KX7Q2M", "ERIKSSON").passengers[0]
    assert dcs.send_document("KX7Q2M", document(anna, "JPN")).status is DocumentStatus.ACCEPTED
    expired = dcs.send_document("KX7Q2M", document(anna, expiry=date(2012, 4, 15)))
    assert (expired.status, expired.reason) == (DocumentStatus.AGENT_NEEDED, "document_expired")
    erik = dcs.find_booking("CONNX1", "LINDQVIST").passengers[0]
    esta = dcs.send_document("CONNX1", document(erik, "SWE"))
    assert (esta.status, esta.reason) == (DocumentStatus.AGENT_NEEDED, "esta_required")


def test_inhibited_passenger_is_refused(dcs: HttpDepartureControl) -> None:
    booking = dcs.find_booking("INHIB1", "BLOCK")
    assert booking.passengers[0].inhibited
    dcs.send_document("INHIB1", document(booking.passengers[0]))
    with pytest.raises(DcsError) as error:
        dcs.check_in("INHIB1", ("P1",), SAFE)
    refused(error, "inhibited")


def test_check_in_needs_documents_and_safe_answers(dcs: HttpDepartureControl) -> None:
    booking = dcs.find_booking("KX7Q2M", "ERIKSSON")
    with pytest.raises(DcsError) as error:
        dcs.check_in("KX7Q2M", ("P1",), SAFE)
    refused(error, "document_required")
    dcs.send_document("KX7Q2M", document(booking.passengers[0]))
    with pytest.raises(DcsError) as error:
        dcs.check_in("KX7Q2M", ("P1",), {**SAFE, "dangerous_goods": True})
    refused(error, "safety_answer")
    with pytest.raises(DcsError) as error:
        dcs.check_in("KX7Q2M", ("P1",), {"dangerous_goods": False})
    assert (error.value.kind, error.value.code) == (DcsErrorKind.INVALID, "answers_missing")
    with pytest.raises(DcsError) as error:
        dcs.check_in("KX7Q2M", ("P7",), SAFE)
    assert (error.value.kind, error.value.code) == (DcsErrorKind.NOT_FOUND, "passenger_not_found")
    assert not dcs.find_booking("KX7Q2M", "ERIKSSON").passengers[0].checked_in


def test_a_seat_someone_else_took(dcs: HttpDepartureControl) -> None:
    seat_map = dcs.seat_map("KX7Q2M", "S1")
    occupied = next(
        s.number for r in seat_map.rows for s in r.seats if s and s.status is SeatStatus.OCCUPIED
    )
    with pytest.raises(DcsError) as error:
        dcs.assign_seat("KX7Q2M", "S1", "P1", occupied)
    refused(error, "seat_taken")
    # the family (same flight) takes a free seat first; then it is taken for the Erikssons
    seat = free_seats(seat_map)[0]
    dcs.assign_seat("FAMILY", "S1", "P2", seat)
    assert dcs.seat_map("KX7Q2M", "S1").seat(seat).status is SeatStatus.OCCUPIED  # type: ignore[union-attr]
    with pytest.raises(DcsError) as error:
        dcs.assign_seat("KX7Q2M", "S1", "P1", seat)
    refused(error, "seat_taken")
    with pytest.raises(DcsError) as error:
        dcs.assign_seat("KX7Q2M", "S1", "P1", "99Z")
    refused(error, "no_such_seat")
    # changing seat frees the old one
    other = free_seats(seat_map)[1]
    dcs.assign_seat("FAMILY", "S1", "P2", other)
    assert dcs.seat_map("KX7Q2M", "S1").seat(seat).status is SeatStatus.AVAILABLE  # type: ignore[union-attr]


def test_seat_map_shape(dcs: HttpDepartureControl) -> None:
    seat_map = dcs.seat_map("KX7Q2M", "S1")
    assert seat_map.columns == "ABC DEF"
    assert [r.row for r in seat_map.rows] == list(range(1, 31))
    row1, row12 = seat_map.rows[0], seat_map.rows[11]
    assert row1.seats[3] is None  # the aisle
    assert all(s.extra_legroom and s.price == Money(2500, "EUR") for s in row1.seats if s)
    assert all(s.exit_row for s in row12.seats if s)
    a, c = row1.seats[0], row1.seats[2]
    assert a is not None
    assert c is not None
    assert a.window
    assert c.aisle
    statuses = {s.status for r in seat_map.rows for s in r.seats if s}
    assert statuses == {SeatStatus.AVAILABLE, SeatStatus.OCCUPIED, SeatStatus.BLOCKED}


def test_check_in_closes_45_minutes_before_departure(
    dcs: HttpDepartureControl, clock: MovableClock
) -> None:
    booking = dcs.find_booking("KX7Q2M", "ERIKSSON")
    dcs.send_document("KX7Q2M", document(booking.passengers[0]))
    clock.advance(hours=2, minutes=15)  # 12:15, departure 13:00
    assert not dcs.find_booking("KX7Q2M", "ERIKSSON").flights[0].open_for_checkin
    with pytest.raises(DcsError) as error:
        dcs.check_in("KX7Q2M", ("P1",), SAFE)
    refused(error, "flight_closed")
    with pytest.raises(DcsError) as error:
        dcs.assign_seat("KX7Q2M", "S1", "P1", "20A")
    refused(error, "flight_closed")
    late = dcs.find_booking("LATE01", "TARDY")
    assert not late.flights[0].open_for_checkin


def test_the_next_day_brings_fresh_flights(dcs: HttpDepartureControl, clock: MovableClock) -> None:
    clock.advance(hours=4)  # KX0123 has left: the simulator builds a new day from now
    flight = dcs.find_booking("KX7Q2M", "ERIKSSON").flights[0]
    assert flight.departure == datetime(2026, 12, 5, 17, 0)
    assert flight.open_for_checkin


def test_family_with_an_infant(dcs: HttpDepartureControl) -> None:
    booking = dcs.find_booking("FAMILY", "GARCIA")
    types = [p.type for p in booking.passengers]
    assert types == [
        PassengerType.ADULT,
        PassengerType.ADULT,
        PassengerType.CHILD,
        PassengerType.INFANT,
    ]
    infant = booking.passengers[3]
    assert infant.infant_of == "P1"
    with pytest.raises(DcsError) as error:
        dcs.assign_seat("FAMILY", "S1", "P4", free_seats(dcs.seat_map("FAMILY", "S1"))[0])
    refused(error, "infant_no_seat")
    with pytest.raises(DcsError) as error:
        dcs.assign_seat("FAMILY", "S1", "P3", "12A")
    refused(error, "exit_row_restricted")
    for passenger in booking.passengers:
        dcs.send_document("FAMILY", document(passenger))
    with pytest.raises(DcsError) as error:
        dcs.check_in("FAMILY", ("P4",), SAFE)
    refused(error, "infant_without_adult")
    done = dcs.check_in("FAMILY", ("P1", "P2", "P3", "P4"), SAFE)
    assert all(p.checked_in for p in done.passengers)
    assert done.passengers[3].seat == ""  # the infant never gets a seat
    seated = [p.seat for p in done.passengers[:3]]
    assert len(set(seated)) == 3
    assert len({s[:-1] for s in seated}) == 1
    passes = dcs.boarding_passes("FAMILY", ("P1", "P4"))
    assert passes[1].seat == "INF"
    assert parse_bcbp(passes[1].bcbp, date(2026, 12, 5)).passenger_description == "4"
    assert parse_bcbp(passes[0].bcbp, date(2026, 12, 5)).passenger_description == "6"


def test_bags_fees_and_limits(dcs: HttpDepartureControl) -> None:
    booking = dcs.find_booking("KX7Q2M", "ERIKSSON")
    with pytest.raises(DcsError) as error:
        dcs.add_bag("KX7Q2M", "P1", 10_000, None)
    refused(error, "not_checked_in")
    dcs.send_document("KX7Q2M", document(booking.passengers[0]))
    dcs.check_in("KX7Q2M", ("P1",), SAFE)
    with pytest.raises(DcsError) as error:
        dcs.add_bag("KX7Q2M", "P1", 32_001, Money(100_000, "EUR"))
    refused(error, "bag_too_heavy")
    with pytest.raises(DcsError) as error:
        dcs.add_bag("KX7Q2M", "P1", 25_000, None)  # overweight: 75.00 EUR
    refused(error, "fee_required")
    heavy = dcs.add_bag("KX7Q2M", "P1", 25_000, Money(7500, "EUR"))
    assert heavy.fee == Money(7500, "EUR")
    with pytest.raises(DcsError) as error:
        dcs.add_bag("KX7Q2M", "P1", 10_000, Money(5999, "EUR"))  # second bag: 60.00 EUR
    refused(error, "fee_required")
    extra = dcs.add_bag("KX7Q2M", "P1", 10_000, Money(6000, "EUR"))
    assert extra.fee == Money(6000, "EUR")
    with pytest.raises(DcsError) as error:
        dcs.add_bag("KX7Q2M", "P1", 0, None)
    assert (error.value.kind, error.value.code) == (DcsErrorKind.INVALID, "bad_request")


def test_connection_bag_is_through_checked(dcs: HttpDepartureControl) -> None:
    booking = dcs.find_booking("CONNX1", "LINDQVIST")
    assert [(f.origin, f.destination) for f in booking.flights] == [("LIS", "FRA"), ("FRA", "JFK")]
    assert booking.flights[1].departure > booking.flights[0].arrival
    dcs.send_document("CONNX1", document(booking.passengers[0], "USA"))
    done = dcs.check_in("CONNX1", ("P1",), SAFE)
    erik = done.passengers[0]
    assert erik.seat_on("S1")
    assert erik.seat_on("S2")
    assert erik.seat == erik.seat_on("S1")
    tag = dcs.add_bag("CONNX1", "P1", 18_000, None)
    assert (tag.routing, tag.destination, tag.flight) == (("FRA", "JFK"), "JFK", "KX0410")
    passes = dcs.boarding_passes("CONNX1", ("P1",))
    assert [(p.segment_id, p.flight) for p in passes] == [("S1", "KX0410"), ("S2", "KX0412")]
    assert parse_bcbp(passes[1].bcbp, date(2026, 12, 5)).legs[0].origin == "FRA"


def test_full_flight_has_one_seat_left(dcs: HttpDepartureControl) -> None:
    seat_map = dcs.seat_map("FULL01", "S1")
    available = [
        s.number for r in seat_map.rows for s in r.seats if s and s.status is SeatStatus.AVAILABLE
    ]
    assert available == ["17C"]
    booking = dcs.find_booking("FULL01", "PEREIRA")
    for passenger in booking.passengers:
        dcs.send_document("FULL01", document(passenger))
    # two travellers, one seat: refused, and nobody was checked in or seated
    with pytest.raises(DcsError) as error:
        dcs.check_in("FULL01", ("P1", "P2"), SAFE)
    refused(error, "no_seat_available")
    after = dcs.find_booking("FULL01", "PEREIRA")
    assert [(p.checked_in, p.seat) for p in after.passengers] == [(False, ""), (False, "")]
    assert dcs.check_in("FULL01", ("P1",), SAFE).passengers[0].seat == "17C"


def test_boarding_passes_only_after_check_in_and_cancel(dcs: HttpDepartureControl) -> None:
    booking = dcs.find_booking("KX7Q2M", "ERIKSSON")
    with pytest.raises(DcsError) as error:
        dcs.boarding_passes("KX7Q2M", ("P2",))
    refused(error, "not_checked_in")
    for passenger in booking.passengers:
        dcs.send_document("KX7Q2M", document(passenger))
    dcs.check_in("KX7Q2M", ("P1", "P2"), SAFE)
    dcs.add_bag("KX7Q2M", "P1", 12_000, None)
    with pytest.raises(DcsError) as error:
        dcs.cancel_check_in("KX7Q2M", ("P1",))
    refused(error, "bags_checked")
    assert dcs.cancel_check_in("KX7Q2M", ("P2",)) is None
    after = dcs.find_booking("KX7Q2M", "ERIKSSON")
    assert [p.checked_in for p in after.passengers] == [True, False]
    dcs.cancel_check_in("KX7Q2M", ("P2",))  # twice is harmless


def test_the_simulator_serves_another_airport() -> None:
    with DcsSimulator(airport="FRA", clock=MovableClock()) as sim:
        driver = HttpDepartureControl(sim.url, sim.api_key, 5.0)
        flights = driver.find_booking("CONNX1", "LINDQVIST").flights
        driver.close()
    assert [(f.origin, f.destination) for f in flights] == [("FRA", "MUC"), ("MUC", "JFK")]
    with pytest.raises(ValueError, match="3-letter"):
        DcsSimulator(airport="LISBON")
