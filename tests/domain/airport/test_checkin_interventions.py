"""Every intervention kind: what raises it and what each of its verdicts does."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from airport_domain_factories import (
    ANNA_PASSPORT,
    BOOKING,
    GARBLED,
    LARS,
    LARS_PASSPORT,
    NOW,
    Journey,
    World,
    failure,
    passport,
)

from kiosk.domain.airport import effects as fx
from kiosk.domain.airport import events as ev
from kiosk.domain.airport.dcs import DocumentStatus, DocumentVerdict
from kiosk.domain.airport.interventions import (
    VERDICT_MEANING,
    VERDICTS,
    AirportInterventionKind,
    Verdict,
)
from kiosk.domain.airport.states import DocumentCheck, IllegalEvent, Outcome, Step

K = AirportInterventionKind
V = Verdict


def at_documents(world: World | None = None) -> Journey:
    j = Journey(world)
    j.send(ev.BookingEntered("KX7Q2M", "ERIKSSON", NOW))
    j.send(ev.PassengersConfirmed(NOW))
    return j


def verdict(j: Journey, kind: K, v: V) -> None:
    j.send(ev.AgentVerdict(kind, v, "S42", NOW))


def open_kind(j: Journey) -> K:
    assert j.state.step is Step.INTERVENTION
    assert j.state.intervention is not None
    return j.state.intervention.kind


def test_every_kind_has_verdicts_with_meanings() -> None:
    assert set(VERDICTS) == set(K)
    for kind, verdicts in VERDICTS.items():
        for v in verdicts:
            assert (kind, v) in VERDICT_MEANING


def test_unreadable_document_retried_twice_then_document_failed() -> None:
    j = at_documents()
    j.send(ev.DocumentScanned(GARBLED, NOW))
    assert j.state.notice == "document_unreadable"
    assert dict(j.state.notice_params) == {"attempts_left": "2"}
    j.send(ev.DocumentScanned(GARBLED, NOW))
    assert j.state.step is Step.DOCUMENTS
    j.send(ev.DocumentScanned(GARBLED, NOW))
    assert open_kind(j) is K.DOCUMENT_FAILED
    assert j.state.intervention.passenger_id == "P1"
    assert j.of(fx.CallAgent)[-1].intervention.kind is K.DOCUMENT_FAILED
    verdict(j, K.DOCUMENT_FAILED, V.RETRY)
    assert j.state.step is Step.DOCUMENTS
    assert j.state.passenger("P1").read_failures == 0
    j.send(ev.DocumentScanned(ANNA_PASSPORT, NOW))
    assert j.state.document_for == "P2"
    assert j.state.interventions[0].verdict is V.RETRY
    assert j.state.interventions[0].staff_id == "S42"


def test_document_failed_refuse_goes_on_with_the_other_passenger() -> None:
    j = at_documents()
    for _ in range(3):
        j.send(ev.DocumentScanned(GARBLED, NOW))
    verdict(j, K.DOCUMENT_FAILED, V.REFUSE)
    assert j.state.passenger("P1").refused == "document_failed"
    assert j.state.document_for == "P2"
    j.send(ev.DocumentScanned(LARS_PASSPORT, NOW))
    j.send(ev.SafetyAnswered("dangerous_goods", False, NOW))
    j.send(ev.SafetyAnswered("packed_yourself", True, NOW))
    assert j.of(fx.CheckIn)[0].passenger_ids == ("P2",)


@pytest.mark.parametrize(("v", "then"), [(V.ACCEPT, "P2"), (V.RETRY, "P1"), (V.REFUSE, "P2")])
def test_name_mismatch(v: V, then: str) -> None:
    j = at_documents()
    j.send(ev.DocumentScanned(passport("SMITH", "JOHN"), NOW))
    assert open_kind(j) is K.NAME_MISMATCH
    assert not j.of(fx.SendDocument)
    verdict(j, K.NAME_MISMATCH, v)
    assert j.state.step is Step.DOCUMENTS
    assert j.state.document_for == then
    sent = [e.document.passenger_id for e in j.of(fx.SendDocument)]
    assert sent == (["P1"] if v is V.ACCEPT else [])


def test_the_other_passengers_document_serves_them() -> None:
    j = at_documents()
    j.send(ev.DocumentScanned(LARS_PASSPORT, NOW))  # Anna was asked; Lars's is read
    assert j.state.passenger("P2").document is DocumentCheck.ACCEPTED
    assert j.state.document_for == "P1"


def test_transliterated_name_matches() -> None:
    world = World(booking=replace(BOOKING, passengers=(replace(LARS, surname="JÖRGENSEN"),)))
    j = at_documents(world)
    j.send(ev.DocumentScanned(passport("JOERGENSEN", "LARS"), NOW))
    assert j.state.step is Step.SAFETY


@pytest.mark.parametrize("v", [V.ACCEPT, V.RETRY, V.REFUSE])
def test_document_expired(v: V) -> None:
    j = at_documents()
    j.send(ev.DocumentScanned(passport(expiry=date(2026, 12, 4)), NOW))
    assert open_kind(j) is K.DOCUMENT_EXPIRED
    verdict(j, K.DOCUMENT_EXPIRED, v)
    p1 = j.state.passenger("P1")
    if v is V.ACCEPT:
        assert p1.document is DocumentCheck.ACCEPTED
    elif v is V.RETRY:
        assert p1.document is DocumentCheck.NEEDED
        assert j.state.document_for == "P1"
    else:
        assert p1.refused == "document_expired"


def test_valid_on_the_day_of_the_last_flight_is_enough() -> None:
    j = at_documents()
    j.send(ev.DocumentScanned(passport(expiry=date(2026, 12, 5)), NOW))
    assert j.state.document_for == "P2"


@pytest.mark.parametrize("v", [V.ACCEPT, V.REFUSE])
def test_agent_needed_for_a_visa(v: V) -> None:
    world = World(verdicts={"P1": DocumentVerdict(DocumentStatus.AGENT_NEEDED, "visa_required")})
    j = at_documents(world)
    j.send(ev.DocumentScanned(ANNA_PASSPORT, NOW))
    assert open_kind(j) is K.AGENT_NEEDED
    assert j.state.intervention.detail == "visa_required"
    verdict(j, K.AGENT_NEEDED, v)
    p1 = j.state.passenger("P1")
    assert (p1.document is DocumentCheck.ACCEPTED) == (v is V.ACCEPT)
    assert (p1.refused == "agent_needed") == (v is V.REFUSE)
    assert j.state.document_for == "P2"


@pytest.mark.parametrize("v", [V.ACCEPT, V.REFUSE])
def test_inhibited_passenger(v: V) -> None:
    world = World(booking=replace(BOOKING, passengers=(replace(LARS, inhibited="watch"),)))
    j = Journey(world)
    j.send(ev.BookingEntered("KX7Q2M", "ERIKSSON", NOW))
    j.send(ev.PassengersConfirmed(NOW))
    assert open_kind(j) is K.INHIBITED_PASSENGER
    verdict(j, K.INHIBITED_PASSENGER, v)
    if v is V.ACCEPT:
        assert j.state.step is Step.DOCUMENTS
    else:
        assert j.state.step is Step.DONE  # nobody left: cancelled, nothing at the DCS
        assert j.state.outcome is Outcome.CANCELLED
        assert not j.of(fx.CancelCheckIn)


def test_check_in_refused_as_inhibited_then_accepted_retries_the_call() -> None:
    world = World(fail={ev.DcsCall.CHECK_IN: failure(ev.DcsCall.CHECK_IN, "refused", "inhibited")})
    j = at_documents(world)
    j.send(ev.DocumentScanned(ANNA_PASSPORT, NOW))
    j.send(ev.DocumentScanned(LARS_PASSPORT, NOW))
    j.send(ev.SafetyAnswered("dangerous_goods", False, NOW))
    j.send(ev.SafetyAnswered("packed_yourself", True, NOW))
    assert open_kind(j) is K.INHIBITED_PASSENGER
    verdict(j, K.INHIBITED_PASSENGER, V.ACCEPT)
    assert len(j.of(fx.CheckIn)) == 2
    assert j.state.step is Step.SEATS


def test_dcs_unreachable_retry_repeats_the_call() -> None:
    world = World(fail={ev.DcsCall.FIND_BOOKING: failure(ev.DcsCall.FIND_BOOKING)})
    j = Journey(world)
    j.send(ev.BookingEntered("KX7Q2M", "ERIKSSON", NOW))
    assert open_kind(j) is K.DCS_UNREACHABLE
    assert j.state.resume is Step.WELCOME
    verdict(j, K.DCS_UNREACHABLE, V.RETRY)
    assert j.state.step is Step.PASSENGERS
    assert len(j.of(fx.FindBooking)) == 2


@pytest.mark.parametrize(("v", "outcome"), [(V.ACCEPT, None), (V.REFUSE, Outcome.CANCELLED)])
def test_safety_answer(v: V, outcome: Outcome | None) -> None:
    j = at_documents()
    j.send(ev.DocumentScanned(ANNA_PASSPORT, NOW))
    j.send(ev.DocumentScanned(LARS_PASSPORT, NOW))
    j.send(ev.SafetyAnswered("dangerous_goods", True, NOW))
    assert open_kind(j) is K.SAFETY_ANSWER
    assert j.state.intervention.detail == "dangerous_goods"
    verdict(j, K.SAFETY_ANSWER, v)
    assert j.state.outcome is outcome
    if v is V.ACCEPT:
        assert j.state.question == "packed_yourself"
        assert j.state.answers == (("dangerous_goods", False),)


def at_bags() -> Journey:
    j = at_documents()
    j.send(ev.DocumentScanned(ANNA_PASSPORT, NOW))
    j.send(ev.DocumentScanned(LARS_PASSPORT, NOW))
    j.send(ev.SafetyAnswered("dangerous_goods", False, NOW))
    j.send(ev.SafetyAnswered("packed_yourself", True, NOW))
    j.send(ev.SeatsDone(NOW))
    return j


@pytest.mark.parametrize("v", [V.ACCEPT, V.RETRY, V.REFUSE])
def test_bag_over_maximum(v: V) -> None:
    j = at_bags()
    j.send(ev.BagCountChosen("P1", 1, NOW))
    j.send(ev.BagsCounted(NOW))
    j.send(ev.ScaleRead(33_000, True, NOW))
    assert open_kind(j) is K.BAG_OVER_MAXIMUM
    verdict(j, K.BAG_OVER_MAXIMUM, v)
    assert j.state.step is Step.BAGS
    if v is V.ACCEPT:
        assert [f.kind.value for f in j.state.fees()] == ["overweight"]
    elif v is V.RETRY:
        assert j.state.bags[0].weight_g is None
        j.send(ev.ScaleRead(33_000, True, NOW))  # still on the scale: not a new weight
        assert j.state.step is Step.BAGS
        j.send(ev.ScaleRead(0, True, NOW))
        j.send(ev.ScaleRead(22_000, True, NOW))
        assert j.state.bags[0].weight_g == 22_000
    else:
        assert j.state.bags == ()


def to_paying(j: Journey) -> None:
    j.send(ev.BagCountChosen("P1", 2, NOW))
    j.send(ev.BagsCounted(NOW))
    j.send(ev.ScaleRead(10_000, True, NOW))
    j.send(ev.ScaleRead(0, True, NOW))
    j.send(ev.ScaleRead(10_000, True, NOW))
    j.send(ev.BagsConfirmed(NOW))
    assert j.state.step is Step.PAYING


@pytest.mark.parametrize("v", [V.ACCEPT, V.REFUSE])
def test_payment_unknown_is_never_retried(v: V) -> None:
    j = at_bags()
    j.world.payment = "unknown"
    to_paying(j)
    j.send(ev.PayRequested(NOW))
    assert open_kind(j) is K.PAYMENT_FAILED
    assert len(j.of(fx.StartPayment)) == 1
    j.world.payment = "approved"
    verdict(j, K.PAYMENT_FAILED, v)
    assert len(j.of(fx.StartPayment)) == 1  # the verdict itself charges nothing
    if v is V.ACCEPT:
        assert j.state.step is Step.DONE
        assert j.state.payments[0].outcome == "confirmed"
    else:
        assert j.state.step is Step.PAYING
        assert j.state.payments[0].outcome == "failed"


def test_three_declines_call_an_agent_who_may_waive() -> None:
    j = at_bags()
    j.world.payment = "declined"
    to_paying(j)
    for _ in range(3):
        j.send(ev.PayRequested(NOW))
    assert open_kind(j) is K.PAYMENT_FAILED
    verdict(j, K.PAYMENT_FAILED, V.ACCEPT)
    assert j.state.step is Step.DONE
    assert j.state.paid().minor == 0
    assert j.state.payments[-1].outcome == "waived"


@pytest.mark.parametrize("v", [V.FIXED, V.ACCEPT])
def test_printer_out_reprints_only_what_did_not_print(v: V) -> None:
    j = at_bags()
    j.world.print_fail["bp:P2:S1"] = "paper out"
    j.send(ev.BagsCounted(NOW))
    assert open_kind(j) is K.PRINTER_OUT
    assert j.world.printed == ["bp:P1:S1"]
    verdict(j, K.PRINTER_OUT, v)
    assert j.state.step is Step.DONE
    assert j.state.outcome is Outcome.COMPLETED
    if v is V.FIXED:
        assert j.world.printed == ["bp:P1:S1", "bp:P2:S1"]
    else:
        assert j.world.printed == ["bp:P1:S1"]


def test_a_verdict_for_another_kind_is_an_error_naming_event_and_step() -> None:
    j = at_documents()
    for _ in range(3):
        j.send(ev.DocumentScanned(GARBLED, NOW))
    with pytest.raises(IllegalEvent, match=r"AgentVerdict.*intervention.*name_mismatch"):
        verdict(j, K.NAME_MISMATCH, V.ACCEPT)
    with pytest.raises(IllegalEvent, match="does not apply"):
        verdict(j, K.DOCUMENT_FAILED, V.ACCEPT)


def test_illegal_event_names_event_and_step() -> None:
    j = Journey()
    with pytest.raises(IllegalEvent, match="can't handle event SeatsDone in step welcome"):
        j.send(ev.SeatsDone(NOW))
    with pytest.raises(IllegalEvent, match="no find_booking call in flight"):
        j.send(ev.BookingFound(BOOKING, NOW))
