"""The check-in machine end to end on the pure world: the demo booking's happy path and
its variants (boarding pass, passport, several bookings, seats, offers, fees, printing)."""

from __future__ import annotations

from dataclasses import replace

from airport_domain_factories import (
    ANNA_PASSPORT,
    BOOKING,
    LARS_PASSPORT,
    NOW,
    Journey,
    World,
)

from kiosk.domain.airport import effects as fx
from kiosk.domain.airport import events as ev
from kiosk.domain.airport.dcs import Offer
from kiosk.domain.airport.record import record_document
from kiosk.domain.airport.states import DocumentCheck, FeeKind, Outcome, Step
from kiosk.domain.money import Money
from kiosk.domain.travel import encode_bcbp, parse_bcbp


def through_safety(j: Journey) -> None:
    """GIVEN the demo booking found by locator WHEN both travel, documents read and the
    questions answered safely THEN the passengers are checked in and seats show."""
    j.send(ev.BookingEntered("kx7q2m", "Eriksson", NOW))
    assert j.state.step is Step.PASSENGERS
    j.send(ev.PassengersConfirmed(NOW))
    assert j.state.step is Step.DOCUMENTS
    assert j.state.document_for == "P1"
    j.send(ev.DocumentScanned(ANNA_PASSPORT, NOW))
    assert j.state.document_for == "P2"
    j.send(ev.DocumentScanned(LARS_PASSPORT, NOW))
    assert j.state.step is Step.SAFETY
    assert j.state.question == "dangerous_goods"
    j.send(ev.SafetyAnswered("dangerous_goods", False, NOW))
    j.send(ev.SafetyAnswered("packed_yourself", True, NOW))


def test_two_passengers_one_bag_each_and_a_paid_extra_bag() -> None:
    j = Journey()
    through_safety(j)
    assert j.state.checked_in
    assert j.state.step is Step.SEATS
    assert j.state.seat_map("S1") is not None
    check_in = j.of(fx.CheckIn)[0]
    assert check_in.passenger_ids == ("P1", "P2")
    assert dict(check_in.answers) == {"dangerous_goods": False, "packed_yourself": True}
    j.send(ev.SeatsDone(NOW))
    assert j.state.step is Step.BAGS
    j.send(ev.BagCountChosen("P1", 2, NOW))
    j.send(ev.BagCountChosen("P2", 1, NOW))
    j.send(ev.BagsCounted(NOW))
    assert j.state.bag_on_scale is not None
    assert j.state.bag_on_scale.bag_no == 1
    j.send(ev.ScaleRead(18_000, False, NOW))  # not stable: not a weight
    assert j.state.bags[0].weight_g is None
    j.send(ev.ScaleRead(18_000, True, NOW))
    j.send(ev.ScaleRead(18_000, True, NOW))  # still the same bag: not bag 2's weight
    assert j.state.bags[1].weight_g is None
    j.send(ev.ScaleRead(0, True, NOW))
    j.send(ev.ScaleRead(21_500, True, NOW))
    j.send(ev.ScaleRead(40, True, NOW))
    j.send(ev.ScaleRead(19_000, True, NOW))
    assert [b.weight_g for b in j.state.bags] == [18_000, 21_500, 19_000]
    assert [f.kind for f in j.state.fees()] == [FeeKind.EXTRA_BAG]
    assert j.state.amount_due() == Money(6000, "EUR")
    j.send(ev.BagsConfirmed(NOW))
    assert j.state.step is Step.PAYING
    j.send(ev.PayRequested(NOW))
    assert j.state.step is Step.DONE
    assert j.state.outcome is Outcome.COMPLETED
    assert [e.amount for e in j.of(fx.StartPayment)] == [Money(6000, "EUR")]
    adds = j.of(fx.AddBag)
    assert [(a.bag_no, a.paid) for a in adds] == [(1, None), (2, Money(6000, "EUR")), (3, None)]
    assert j.world.printed == [
        "bp:P1:S1",
        "bp:P2:S1",
        "tag:0123000002",
        "tag:0123000003",
        "tag:0123000004",
    ]
    record = j.of(fx.CommitCheckin)[0].record
    doc = record_document(record, store_id="s1", lane_id="l1")
    assert doc["status"] == "completed"
    assert [p["document"]["number_last4"] for p in doc["travellers"]] == ["02C3", "02D4"]
    assert [b["fee"] for b in doc["bags"]] == [0, 6000, 0]
    assert doc["payments"][0]["amount"] == 6000
    assert doc["fees_total"] == 6000
    assert doc["item_count"] == 2
    assert "L898902C3" not in repr(doc)
    assert ANNA_PASSPORT[1] not in repr(doc)
    j.send(ev.Reset("C2", NOW))
    assert j.state.step is Step.WELCOME
    assert j.state.checkin_id == "C2"


def test_boarding_pass_scan_finds_the_booking() -> None:
    from kiosk.domain.travel import BoardingPass, Leg

    bcbp = encode_bcbp(
        BoardingPass(
            "ERIKSSON/ANNA MARIA",
            (Leg("KX7Q2M", "LIS", "CDG", "KX", "0123", 339, "Y", "014A", "0001", "1"),),
        )
    )
    assert parse_bcbp(bcbp, NOW.date()).legs[0].pnr.strip() == "KX7Q2M"
    j = Journey()
    j.send(ev.BoardingPassScanned(bcbp, NOW))
    assert j.of(fx.FindBooking)[0] == fx.FindBooking("KX7Q2M", "ERIKSSON")
    assert j.state.step is Step.PASSENGERS
    assert j.state.identified_by == "boarding_pass"


def test_garbage_boarding_pass_is_a_notice() -> None:
    j = Journey()
    j.send(ev.BoardingPassScanned("M1 nonsense", NOW))
    assert j.state.step is Step.WELCOME
    assert j.state.notice == "boarding_pass_unreadable"
    assert j.state.started_at is None


def test_passport_identifies_and_serves_as_that_passengers_document() -> None:
    j = Journey()
    j.send(ev.DocumentScanned(LARS_PASSPORT, NOW))
    assert j.of(fx.FindByName)[0].surname == "ERIKSSON"
    assert j.state.step is Step.PASSENGERS
    assert j.state.identified_by == "passport"
    j.send(ev.PassengersConfirmed(NOW))
    # Anna is asked first; Lars's passport was already read at the start
    assert j.state.step is Step.DOCUMENTS
    assert j.state.document_for == "P1"
    j.send(ev.DocumentScanned(ANNA_PASSPORT, NOW))
    assert j.state.step is Step.SAFETY
    sent = [e.document.passenger_id for e in j.of(fx.SendDocument)]
    assert sorted(sent) == ["P1", "P2"]


def test_several_bookings_are_picked_from() -> None:
    other = replace(BOOKING, record_locator="ZZ9ZZ9")
    j = Journey()
    j.auto = False
    j.send(ev.DocumentScanned(ANNA_PASSPORT, NOW))
    j.send(ev.BookingsFound((BOOKING, other), NOW))
    assert j.state.step is Step.PICK_BOOKING
    assert len(j.state.candidates) == 2
    j.send(ev.BookingPicked("ZZ9ZZ9", NOW))
    assert j.state.booking is not None
    assert j.state.booking.record_locator == "ZZ9ZZ9"


def test_not_found_is_a_notice_and_the_traveller_may_try_again() -> None:
    from airport_domain_factories import failure

    world = World(fail={ev.DcsCall.FIND_BOOKING: failure(ev.DcsCall.FIND_BOOKING, "not_found")})
    j = Journey(world)
    j.send(ev.BookingEntered("AAAAAA", "NOBODY", NOW))
    assert j.state.step is Step.WELCOME
    assert j.state.notice == "booking_not_found"
    j.send(ev.BookingEntered("KX7Q2M", "ERIKSSON", NOW))
    assert j.state.step is Step.PASSENGERS


def test_choosing_one_passenger_checks_in_only_them() -> None:
    j = Journey()
    j.send(ev.BookingEntered("KX7Q2M", "ERIKSSON", NOW))
    j.send(ev.PassengerToggled("P2", False, NOW))
    j.send(ev.PassengersConfirmed(NOW))
    j.send(ev.DocumentScanned(ANNA_PASSPORT, NOW))
    assert j.state.step is Step.SAFETY
    j.send(ev.SafetyAnswered("dangerous_goods", False, NOW))
    j.send(ev.SafetyAnswered("packed_yourself", True, NOW))
    assert j.of(fx.CheckIn)[0].passenger_ids == ("P1",)
    assert j.state.passenger("P2").document is DocumentCheck.NEEDED


def test_change_seat_exit_row_and_paid_seat() -> None:
    j = Journey()
    through_safety(j)
    j.send(ev.SeatChosen("P1", "S1", "12A", NOW))
    assert j.state.exit_row_pending == ("P1", "S1", "12A")
    assert not j.of(fx.AssignSeat)
    j.send(ev.ExitRowAnswered(False, NOW))
    assert j.state.notice == "exit_row_declined"
    assert not j.of(fx.AssignSeat)
    j.send(ev.SeatChosen("P1", "S1", "12A", NOW))
    j.send(ev.ExitRowAnswered(True, NOW))
    assert j.state.passenger("P1").passenger.seat_on("S1") == "12A"
    j.send(ev.SeatChosen("P2", "S1", "2C", NOW))
    assert [f.kind for f in j.state.fees()] == [FeeKind.SEAT]
    j.send(ev.SeatChosen("P2", "S1", "7C", NOW))  # a free seat instead: the fee goes
    assert j.state.fees() == ()
    j.send(ev.SeatChosen("P2", "S1", "5C", NOW))  # occupied
    assert j.state.notice == "seat_unavailable"
    seat = j.state.seat_map("S1").seat("2C")
    assert seat is not None
    assert seat.status.value == "available"


def test_seat_taken_reloads_the_map() -> None:
    from airport_domain_factories import failure

    j = Journey()
    through_safety(j)
    j.world.fail[ev.DcsCall.ASSIGN_SEAT] = failure(ev.DcsCall.ASSIGN_SEAT, "refused", "seat_taken")
    maps_before = len(j.of(fx.FetchSeatMap))
    j.send(ev.SeatChosen("P1", "S1", "7A", NOW))
    assert len(j.of(fx.FetchSeatMap)) == maps_before + 1
    assert j.state.passenger("P1").passenger.seat_on("S1") == "14A"
    assert j.state.step is Step.SEATS
    assert j.state.waiting is None


def test_offers_only_when_the_dcs_returns_them() -> None:
    offer = Offer("O1", "upgrade", "Business class", Money(9900, "EUR"), "P1")
    world = World(booking=replace(BOOKING, offers=(offer,)))
    j = Journey(world)
    world.booking = replace(BOOKING, offers=(offer,))
    through_safety(j)
    j.send(ev.SeatsDone(NOW))
    assert j.state.step is Step.OFFERS
    j.send(ev.OfferAccepted("O1", NOW))
    j.send(ev.OffersDone(NOW))
    assert j.state.step is Step.BAGS
    j.send(ev.BagsCounted(NOW))
    assert j.state.step is Step.PAYING
    assert j.state.amount_due() == Money(9900, "EUR")


def test_no_bags_no_fees_goes_straight_to_printing() -> None:
    j = Journey()
    through_safety(j)
    j.send(ev.SeatsDone(NOW))
    j.send(ev.BagsCounted(NOW))
    assert j.state.step is Step.DONE
    assert j.world.printed == ["bp:P1:S1", "bp:P2:S1"]
    assert not j.of(fx.StartPayment)


def test_bag_taken_off_drops_its_fee() -> None:
    j = Journey()
    through_safety(j)
    j.send(ev.SeatsDone(NOW))
    j.send(ev.BagCountChosen("P1", 2, NOW))
    j.send(ev.BagsCounted(NOW))
    j.send(ev.ScaleRead(10_000, True, NOW))
    j.send(ev.ScaleRead(0, True, NOW))
    j.send(ev.ScaleRead(25_000, True, NOW))  # extra piece and overweight
    assert sorted(f.kind.value for f in j.state.fees()) == ["extra_bag", "overweight"]
    j.send(ev.BagRemoved(2, NOW))
    assert j.state.fees() == ()
    j.send(ev.BagsConfirmed(NOW))
    assert j.state.step is Step.DONE
    assert [a.bag_no for a in j.of(fx.AddBag)] == [1]


def test_bag_count_over_the_limit_is_a_notice() -> None:
    j = Journey()
    through_safety(j)
    j.send(ev.SeatsDone(NOW))
    j.send(ev.BagCountChosen("P1", 4, NOW))
    assert j.state.notice == "bag_count_limit"
    assert j.state.bag_counts == ()


def test_exit_rows_are_not_for_children_or_an_adult_with_an_infant() -> None:
    from airport_domain_factories import ANNA, LARS, passport

    from kiosk.domain.airport.dcs import PassengerType

    child = replace(LARS, passenger_id="P3", given_names="LUCIA", type=PassengerType.CHILD)
    infant = replace(
        LARS, passenger_id="P4", given_names="MATEO", type=PassengerType.INFANT, infant_of="P1"
    )
    booking = replace(BOOKING, passengers=(ANNA, LARS, child, infant))
    j = Journey(World(booking=booking))
    j.send(ev.BookingEntered("KX7Q2M", "ERIKSSON", NOW))
    j.send(ev.PassengersConfirmed(NOW))
    for given in ("ANNA MARIA", "LARS", "LUCIA", "MATEO"):
        j.send(ev.DocumentScanned(passport("ERIKSSON", given, number=f"X{len(given)}0000"), NOW))
    j.send(ev.SafetyAnswered("dangerous_goods", False, NOW))
    j.send(ev.SafetyAnswered("packed_yourself", True, NOW))
    assert j.state.step is Step.SEATS
    for pid in ("P1", "P3"):
        j.send(ev.SeatChosen(pid, "S1", "12C", NOW))
        assert j.state.notice == "exit_row_not_allowed"
        assert j.state.exit_row_pending is None
    j.send(ev.SeatChosen("P2", "S1", "12C", NOW))
    assert j.state.exit_row_pending == ("P2", "S1", "12C")


def test_a_payment_that_was_never_sent_can_be_tried_again() -> None:
    j = Journey()
    through_safety(j)
    j.send(ev.SeatsDone(NOW))
    j.send(ev.BagCountChosen("P1", 2, NOW))
    j.send(ev.BagsCounted(NOW))
    for grams in (9_000, 0, 9_000):
        j.send(ev.ScaleRead(grams, True, NOW))
    j.send(ev.BagsConfirmed(NOW))
    j.auto = False
    for _ in range(2):  # the terminal could not be reached: nothing was sent, no reference
        j.send(ev.PayRequested(NOW))
        j.send(ev.PaymentDeclined("", "terminal unreachable", NOW))
        assert not j.state.paying_now
        assert j.state.payment_failure == "terminal unreachable"
    assert len(j.of(fx.StartPayment)) == 2
