"""The runner against the DCS simulator's other sample bookings, over HTTP: a family with
an infant on lap, a connection (two flights), a visa, an inhibited passenger, a full
flight, a flight closed for check-in. Printers and the card terminal are recorded here
(the lane e2e tests drive the real ones)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest

from kiosk.app.airport.runner import AirportRunner
from kiosk.backoffice.dcs import HttpDepartureControl
from kiosk.backoffice.dcs.sim import DcsSimulator
from kiosk.domain.airport import events as ev
from kiosk.domain.airport.dcs import BagTag, BoardingPassData, PassengerType
from kiosk.domain.airport.interventions import AirportInterventionKind, Verdict
from kiosk.domain.airport.record import CheckinRecord
from kiosk.domain.airport.states import CheckinSettings, CheckinState, Outcome, Step
from kiosk.domain.money import Money
from kiosk.domain.travel import MrzDocument, format_mrz

NOW = datetime(2026, 1, 1, tzinfo=UTC)
K = AirportInterventionKind


def passport(surname: str, given: str, nationality: str = "UTO") -> tuple[str, ...]:
    expiry = date(2035, 1, 31)
    document = MrzDocument(
        "TD3", "P", nationality, surname, given, False, "X12345678", nationality,
        "800101", date(1980, 1, 1), "M", expiry.strftime("%y%m%d"), expiry,
    )  # fmt: skip
    return tuple(format_mrz(document))


class Printers:
    def __init__(self) -> None:
        self.passes: list[BoardingPassData] = []
        self.tags: list[BagTag] = []

    def boarding_pass(self, data: BoardingPassData, checkin_id: str) -> None:
        self.passes.append(data)

    def bag_tag(self, tag: BagTag, passenger_name: str) -> None:
        self.tags.append(tag)


class Terminal:
    """Approves every charge at once."""

    def __init__(self) -> None:
        self.charged: list[Money] = []

    def start(self, checkin_id: str, amount: Money, deliver: Callable[[Any], None]) -> None:
        self.charged.append(amount)
        deliver(ev.PaymentApproved(f"ref{len(self.charged)}", amount, NOW))


class Kiosk:
    def __init__(self, runner: AirportRunner, printers: Printers, records: list[Any]) -> None:
        self.runner, self.printers, self.records = runner, printers, records

    def send(self, event: ev.Event) -> None:
        self.runner.send(event)

    def until(self, test: Callable[[CheckinState], bool], timeout: float = 20) -> CheckinState:
        reached = threading.Event()

        def listener(state: CheckinState, effects: list[Any]) -> None:
            if test(state):
                reached.set()

        self.runner.listeners.append(listener)
        try:
            if test(self.runner.state):
                reached.set()
            if not reached.wait(timeout):
                state = self.runner.state
                raise AssertionError(f"stuck in {state.step.value}: {state.intervention}")
        finally:
            self.runner.listeners.remove(listener)
        return self.runner.state

    def at(self, step: Step) -> CheckinState:
        return self.until(lambda s: s.step is step and s.waiting is None)


@pytest.fixture
def kiosk() -> Iterator[Kiosk]:
    with DcsSimulator("LIS") as sim:
        dcs = HttpDepartureControl(sim.url, sim.api_key, 5.0)
        printers, records = Printers(), []
        runner = AirportRunner(
            settings=CheckinSettings("LIS", "EUR"),
            dcs=dcs,
            printers=printers,
            payments=Terminal(),
            commit=records.append,
        )
        runner.start()
        try:
            yield Kiosk(runner, printers, records)
        finally:
            runner.stop()
            dcs.close()


def answer_safely(k: Kiosk) -> None:
    state = k.at(Step.SAFETY)
    for question in state.booking.safety_questions:
        k.send(ev.SafetyAnswered(question, question == "packed_yourself", NOW))


def test_a_family_with_an_infant_on_lap(kiosk: Kiosk) -> None:
    k = kiosk
    k.send(ev.BookingEntered("FAMILY", "GARCIA", NOW))
    state = k.at(Step.PASSENGERS)
    infant = next(p for p in state.passengers if p.passenger.type is PassengerType.INFANT)
    adult = infant.passenger.infant_of
    k.send(ev.PassengerToggled(infant.passenger_id, False, NOW))
    state = k.until(lambda s: s.notice == "infant_follows_adult")
    k.send(ev.PassengerToggled(adult, False, NOW))
    state = k.until(lambda s: not s.passenger(infant.passenger_id).travelling)
    k.send(ev.PassengerToggled(adult, True, NOW))
    k.send(ev.PassengersConfirmed(NOW))
    for p in k.at(Step.DOCUMENTS).passengers:
        k.until(lambda s: s.step is Step.DOCUMENTS and s.waiting is None)
        k.send(ev.DocumentScanned(passport(p.passenger.surname, p.passenger.given_names), NOW))
    answer_safely(k)
    state = k.at(Step.SEATS)
    k.send(ev.SeatChosen(infant.passenger_id, state.seat_segment, "20A", NOW))
    state = k.until(lambda s: s.notice == "seat_not_for_passenger")
    k.send(ev.SeatsDone(NOW))
    state = k.until(lambda s: s.step in (Step.OFFERS, Step.BAGS) and s.waiting is None)
    if state.step is Step.OFFERS:
        k.send(ev.OffersDone(NOW))
    k.at(Step.BAGS)
    k.send(ev.BagCountChosen(infant.passenger_id, 2, NOW))  # no extra piece for an infant
    state = k.until(lambda s: s.notice == "bag_count_limit")
    k.send(ev.BagCountChosen(infant.passenger_id, 1, NOW))
    k.send(ev.BagsCounted(NOW))
    k.send(ev.ScaleRead(9_000, True, NOW))
    k.until(lambda s: s.bags and s.bags[0].weight_g == 9_000)
    k.send(ev.BagsConfirmed(NOW))
    state = k.until(lambda s: s.step is Step.DONE)
    assert state.outcome is Outcome.COMPLETED
    assert len(k.printers.passes) == 4
    assert [t.passenger_id for t in k.printers.tags] == [infant.passenger_id]
    record: CheckinRecord = k.records[0]
    assert sum(p.checked_in for p in record.passengers) == 4


def test_a_connection_gets_seats_and_a_pass_for_each_flight(kiosk: Kiosk) -> None:
    k = kiosk
    k.send(ev.BookingEntered("CONNX1", "LINDQVIST", NOW))
    k.at(Step.PASSENGERS)
    k.send(ev.PassengersConfirmed(NOW))
    k.at(Step.DOCUMENTS)
    k.send(ev.DocumentScanned(passport("LINDQVIST", "ERIK"), NOW))
    state = k.at(Step.INTERVENTION)  # the USA wants an ESTA: an agent checks it
    assert state.intervention.detail == "esta_required"
    k.runner.agent_verdict(ev.AgentVerdict(K.AGENT_NEEDED, Verdict.ACCEPT, "", NOW), "s-1")
    answer_safely(k)
    first = k.at(Step.SEATS).seat_segment
    k.send(ev.SeatsDone(NOW))
    second = k.until(lambda s: s.seat_segment != first and s.waiting is None).seat_segment
    assert k.runner.state.seat_map(second) is not None
    k.send(ev.SeatsDone(NOW))
    k.at(Step.BAGS)
    k.send(ev.BagCountChosen("P1", 1, NOW))
    k.send(ev.BagsCounted(NOW))
    k.send(ev.ScaleRead(20_000, True, NOW))
    k.until(lambda s: s.bags and s.bags[0].weight_g == 20_000)
    k.send(ev.BagsConfirmed(NOW))
    k.until(lambda s: s.step is Step.DONE)
    assert sorted(p.segment_id for p in k.printers.passes) == sorted([first, second])
    assert k.printers.tags[0].destination == "JFK"  # through-checked


def test_a_visa_needs_an_agent(kiosk: Kiosk) -> None:
    k = kiosk
    k.send(ev.BookingEntered("VISA01", "NAKAMURA", NOW))
    k.at(Step.PASSENGERS)
    k.send(ev.PassengersConfirmed(NOW))
    k.at(Step.DOCUMENTS)
    k.send(ev.DocumentScanned(passport("NAKAMURA", "KENJI", "JPN"), NOW))
    state = k.at(Step.INTERVENTION)
    assert state.intervention.kind is K.AGENT_NEEDED
    k.runner.agent_verdict(ev.AgentVerdict(K.AGENT_NEEDED, Verdict.ACCEPT, "", NOW), "s-1")
    k.at(Step.SAFETY)


def test_an_inhibited_passenger_is_the_agents(kiosk: Kiosk) -> None:
    k = kiosk
    k.send(ev.BookingEntered("INHIB1", "BLOCK", NOW))
    k.at(Step.PASSENGERS)
    k.send(ev.PassengersConfirmed(NOW))
    state = k.at(Step.INTERVENTION)
    assert state.intervention.kind is K.INHIBITED_PASSENGER
    assert state.intervention.detail == "see agent: ticket on hold"
    verdict = ev.AgentVerdict(K.INHIBITED_PASSENGER, Verdict.REFUSE, "", NOW)
    k.runner.agent_verdict(verdict, "s-1")
    state = k.until(lambda s: s.step is Step.DONE)
    assert state.outcome is Outcome.CANCELLED


def test_a_full_flight_checks_in_one_and_an_agent_sees_to_two(kiosk: Kiosk) -> None:
    """One seat left: two travellers are refused (an agent decides), one goes on."""
    k = kiosk
    k.send(ev.BookingEntered("FULL01", "PEREIRA", NOW))
    k.at(Step.PASSENGERS)
    k.send(ev.PassengersConfirmed(NOW))
    for given in ("RITA", "JOSE"):
        k.at(Step.DOCUMENTS)
        k.send(ev.DocumentScanned(passport("PEREIRA", given), NOW))
    answer_safely(k)
    state = k.at(Step.INTERVENTION)
    assert state.intervention.detail == "no_seat_available"
    assert not state.checked_in
    verdict = ev.AgentVerdict(K.AGENT_NEEDED, Verdict.REFUSE, "", NOW)
    k.runner.agent_verdict(verdict, "s-1")
    state = k.until(lambda s: s.step is Step.DONE)
    assert state.outcome is Outcome.CANCELLED
    k.runner.reset()
    k.at(Step.WELCOME)
    k.send(ev.BookingEntered("FULL01", "PEREIRA", NOW))
    k.at(Step.PASSENGERS)
    k.send(ev.PassengerToggled("P2", False, NOW))
    k.send(ev.PassengersConfirmed(NOW))
    k.at(Step.DOCUMENTS)
    k.send(ev.DocumentScanned(passport("PEREIRA", "RITA"), NOW))
    answer_safely(k)
    state = k.at(Step.SEATS)
    assert state.passenger("P1").passenger.seat_on(state.seat_segment)


def test_a_flight_closed_for_check_in_is_a_notice(kiosk: Kiosk) -> None:
    k = kiosk
    k.send(ev.BookingEntered("LATE01", "TARDY", NOW))
    state = k.until(lambda s: s.notice == "checkin_closed")
    assert state.step is Step.WELCOME


def flush(runner: AirportRunner) -> None:
    """Wait until every job queued before this one ran."""
    ran = threading.Event()
    runner.call(ran.set)
    assert ran.wait(10)


def test_idle_time_never_abandons_a_check_in_waiting_for_an_agent(kiosk: Kiosk) -> None:
    k = kiosk
    k.runner.abandon_after_s = 60.0
    k.send(ev.BookingEntered("INHIB1", "BLOCK", NOW))
    k.at(Step.PASSENGERS)
    k.send(ev.PassengersConfirmed(NOW))
    k.at(Step.INTERVENTION)
    k.runner._last_touch -= 3600  # an hour without a touch
    k.runner._check_idle()
    flush(k.runner)
    assert k.runner.state.step is Step.INTERVENTION
    verdict = ev.AgentVerdict(K.INHIBITED_PASSENGER, Verdict.ACCEPT, "", NOW)
    k.runner.agent_verdict(verdict, "s-1")
    k.at(Step.DOCUMENTS)
    k.runner._last_touch -= 3600
    k.runner._check_idle()
    state = k.until(lambda s: s.step is Step.DONE)
    assert state.outcome is Outcome.ABANDONED
