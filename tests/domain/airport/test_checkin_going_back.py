"""Back from every step the traveller may still change (``WentBack``): where it goes, what
it keeps, and where there is no way back (past the check-in at the DCS, paying once money
moved, printing)."""

from __future__ import annotations

from dataclasses import replace

from airport_domain_factories import (
    ANNA_PASSPORT,
    BOOKING,
    FLIGHT,
    LARS_PASSPORT,
    NOW,
    Journey,
    World,
)
from test_checkin_journey import through_safety

from kiosk.domain.airport import effects as fx
from kiosk.domain.airport import events as ev
from kiosk.domain.airport.dcs import Offer
from kiosk.domain.airport.going_back import back_target
from kiosk.domain.airport.states import DocumentCheck, FeePayment, Outcome, Step
from kiosk.domain.money import Money

BACK = ev.WentBack(NOW)


def to_documents(j: Journey) -> None:
    j.send(ev.BookingEntered("KX7Q2M", "ERIKSSON", NOW))
    j.send(ev.PassengersConfirmed(NOW))
    assert j.state.step is Step.DOCUMENTS


def test_back_from_documents_asks_who_travels_again_and_keeps_the_documents_read() -> None:
    j = Journey()
    to_documents(j)
    j.send(ev.DocumentScanned(ANNA_PASSPORT, NOW))
    assert back_target(j.state) is Step.PASSENGERS
    j.send(BACK)
    assert j.state.step is Step.PASSENGERS
    assert not j.state.passengers_done
    j.send(ev.PassengerToggled("P2", False, NOW))
    j.send(ev.PassengersConfirmed(NOW))
    assert j.state.passenger("P1").document is DocumentCheck.ACCEPTED
    assert j.state.step is Step.SAFETY  # Anna's passport is not asked for again
    assert len(j.of(fx.SendDocument)) == 1


def test_back_from_safety_goes_to_the_passengers_and_asks_the_questions_again() -> None:
    j = Journey()
    to_documents(j)
    j.send(ev.DocumentScanned(ANNA_PASSPORT, NOW))
    j.send(ev.DocumentScanned(LARS_PASSPORT, NOW))
    j.send(ev.SafetyAnswered("dangerous_goods", False, NOW))
    assert j.state.step is Step.SAFETY
    j.send(BACK)
    assert j.state.step is Step.PASSENGERS
    assert j.state.answers == ()
    j.send(ev.PassengersConfirmed(NOW))
    assert j.state.step is Step.SAFETY
    assert j.state.question == "dangerous_goods"
    assert not j.of(fx.CheckIn)


def test_no_back_while_the_check_in_is_in_flight_nor_past_it() -> None:
    j = Journey()
    to_documents(j)
    j.send(ev.DocumentScanned(ANNA_PASSPORT, NOW))
    j.send(ev.DocumentScanned(LARS_PASSPORT, NOW))
    j.send(ev.SafetyAnswered("dangerous_goods", False, NOW))
    j.auto = False
    j.send(ev.SafetyAnswered("packed_yourself", True, NOW))
    assert j.state.waiting is ev.DcsCall.CHECK_IN
    j.send(BACK)
    assert j.state.notice == "busy"
    assert j.state.step is Step.SAFETY
    j.auto = True
    j.send(ev.CheckedIn(j.world.answer(j.of(fx.CheckIn)[0], NOW).booking, NOW))
    assert j.state.step is Step.SEATS
    assert back_target(j.state) is None  # the first flight's seats: checked in at the DCS
    j.send(BACK)
    assert j.state.notice == "no_way_back"
    assert j.state.step is Step.SEATS
    assert j.state.checked_in
    assert not j.of(fx.CancelCheckIn)


def test_back_from_the_second_flights_seats_shows_the_first_flights_map_again() -> None:
    second = replace(FLIGHT, segment_id="S2", origin="CDG", destination="OSL")
    booking = replace(BOOKING, flights=(FLIGHT, second))
    j = Journey(World(booking=booking))
    through_safety(j)
    j.send(ev.SeatsDone(NOW))
    assert j.state.seat_segment == "S2"
    j.send(BACK)
    assert (j.state.step, j.state.seat_segment) == (Step.SEATS, "S1")
    assert j.state.seats_done == ()
    j.send(ev.SeatChosen("P1", "S1", "7A", NOW))
    j.send(ev.SeatsDone(NOW))
    assert j.state.seat_segment == "S2"
    j.send(ev.SeatsDone(NOW))
    assert j.state.step is Step.BAGS
    j.send(BACK)  # no offers: the bag counts go back to the last flight's seats
    assert (j.state.step, j.state.seat_segment) == (Step.SEATS, "S2")
    assert j.state.passenger("P1").passenger.seat_on("S1") == "7A"


def test_back_from_offers_to_the_seats_and_from_bags_to_the_offers_keeps_what_was_taken() -> None:
    offer = Offer("O1", "upgrade", "Business class", Money(9900, "EUR"), "P1")
    world = World(booking=replace(BOOKING, offers=(offer,)))
    j = Journey(world)
    through_safety(j)
    j.send(ev.SeatsDone(NOW))
    j.send(ev.OfferAccepted("O1", NOW))
    j.send(BACK)
    assert (j.state.step, j.state.seat_segment) == (Step.SEATS, "S1")
    j.send(ev.SeatsDone(NOW))
    assert j.state.step is Step.OFFERS
    assert j.state.offers_taken == ("O1",)
    j.send(ev.OffersDone(NOW))
    j.send(ev.BagCountChosen("P1", 1, NOW))
    j.send(BACK)
    assert j.state.step is Step.OFFERS
    j.send(ev.OfferWithdrawn("O1", NOW))
    j.send(ev.OffersDone(NOW))
    assert j.state.step is Step.BAGS
    assert j.state.bag_counts == (("P1", 1),)  # the counts chosen are kept


def weighing(j: Journey) -> None:
    through_safety(j)
    j.send(ev.SeatsDone(NOW))
    j.send(ev.BagCountChosen("P1", 2, NOW))
    j.send(ev.BagCountChosen("P2", 1, NOW))
    j.send(ev.BagsCounted(NOW))
    j.send(ev.ScaleRead(18_000, True, NOW))
    assert j.state.bags[0].weight_g == 18_000


def test_back_while_weighing_takes_every_bag_off_and_shows_the_counts() -> None:
    j = Journey()
    weighing(j)
    assert back_target(j.state) is Step.BAGS
    j.send(BACK)
    assert j.state.step is Step.BAGS
    assert not j.state.weighing
    assert j.state.bags == ()
    assert j.state.bag_counts == (("P1", 2), ("P2", 1))
    j.send(ev.BagCountChosen("P1", 1, NOW))
    j.send(ev.BagsCounted(NOW))
    assert [b.bag_no for b in j.state.bags] == [1, 2]
    j.send(ev.ScaleRead(0, True, NOW))
    j.send(ev.ScaleRead(17_000, True, NOW))  # the first bag is weighed again
    j.send(ev.ScaleRead(0, True, NOW))
    j.send(ev.ScaleRead(19_000, True, NOW))
    j.send(ev.BagsConfirmed(NOW))
    assert j.state.step is Step.DONE
    assert [(a.bag_no, a.weight_g) for a in j.of(fx.AddBag)] == [(1, 17_000), (2, 19_000)]
    assert not j.of(fx.StartPayment)


def to_paying(j: Journey) -> None:
    weighing(j)
    j.send(ev.ScaleRead(0, True, NOW))
    j.send(ev.ScaleRead(21_500, True, NOW))
    j.send(ev.ScaleRead(0, True, NOW))
    j.send(ev.ScaleRead(19_000, True, NOW))
    j.send(ev.BagsConfirmed(NOW))
    assert j.state.step is Step.PAYING


def test_back_from_paying_before_the_terminal_was_asked_lets_a_bag_be_taken_off() -> None:
    j = Journey()
    to_paying(j)
    j.send(BACK)
    assert j.state.step is Step.BAGS
    assert j.state.weighing
    assert [b.weight_g for b in j.state.bags] == [18_000, 21_500, 19_000]
    j.send(ev.BagRemoved(2, NOW))
    j.send(ev.BagsConfirmed(NOW))
    assert j.state.step is Step.DONE
    assert j.state.outcome is Outcome.COMPLETED
    assert not j.of(fx.StartPayment)


def test_back_from_paying_after_a_decline_but_never_once_money_moved() -> None:
    j = Journey(World(payment="declined"))
    to_paying(j)
    j.send(ev.PayRequested(NOW))
    assert back_target(j.state) is Step.BAGS  # a declined card took nothing
    j.world.payment = "unknown"
    j.send(ev.PayRequested(NOW))
    assert j.state.step is Step.INTERVENTION
    j.send(BACK)
    assert j.state.step is Step.INTERVENTION
    j.send(ev.AgentVerdict(j.state.intervention.kind, ev.Verdict.REFUSE, "S1", NOW))
    assert j.state.step is Step.PAYING
    assert back_target(j.state) is Step.BAGS  # the terminal, asked again, took nothing
    part = FeePayment("PAY7", Money(1000, "EUR"), "approved", NOW)
    j.state = replace(j.state, payments=(*j.state.payments, part))  # 10.00 of 60.00 taken
    assert j.state.amount_due() == Money(5000, "EUR")
    assert back_target(j.state) is None
    j.send(BACK)
    assert (j.state.step, j.state.notice) == (Step.PAYING, "no_way_back")


def test_no_back_while_paying_now_or_printing() -> None:
    j = Journey()
    to_paying(j)
    j.auto = False
    j.send(ev.PayRequested(NOW))
    assert j.state.paying_now
    assert back_target(j.state) is None
    j.send(BACK)
    assert j.state.notice == "busy"
    j.auto = True
    j.world.print_fail["bp:P1:S1"] = "paper out"
    j.send(ev.PaymentApproved("PAY9", Money(6000, "EUR"), NOW, "****1234", "VISA", "A1"))
    assert j.state.resume is Step.PRINTING
    assert back_target(j.state) is None
    j.send(BACK)
    assert j.state.step is Step.INTERVENTION
