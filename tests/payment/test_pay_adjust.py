"""Adjusting a pre-authorisation (nexo PaymentRequest, PaymentType UpdateReservation)
through the journaled flow, against the terminal simulator on a real socket.

GIVEN a deposit pre-authorised at the terminal, WHEN the lane raises it, THEN the
request is journaled (kind ``preauth_adjust``), the terminal holds the new amount and a
completion may take it all; above the card's limit the terminal refuses it and a
completion above what is held is refused too; an adjustment asked twice is sent once;
one whose answer is lost is asked again by status inquiry, never re-sent.
"""

from __future__ import annotations

import pytest

from kiosk.domain.money import Money
from kiosk.payment.errors import PaymentError
from kiosk.payment.flow import PaymentFlow
from kiosk.payment.journal import PaymentJournal, PaymentState
from kiosk.payment.nexo.driver import NexoTerminal
from kiosk.payment.sim.terminal import Scenario, SimulatedTerminal
from kiosk.payment.types import PaymentKind


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


@pytest.fixture
def patient(driver: NexoTerminal, journal: PaymentJournal, sleeps: list[float]) -> PaymentFlow:
    return PaymentFlow(driver, journal, backoff=(1, 2), after_abort=(0.5,), sleep=sleeps.append)


def updates(simulator: SimulatedTerminal) -> list[tuple[str, int]]:
    return [
        (e.state, e.amount_minor)
        for e in simulator.ledger.entries()
        if e.payment_type == "UpdateReservation"
    ]


def reserved(simulator: SimulatedTerminal, reference: str) -> int:
    (entry,) = [e for e in simulator.ledger.entries() if e.reference == reference]
    return entry.reserved_minor


def test_adjust_raises_what_the_terminal_holds_and_the_completion_takes_it(
    patient: PaymentFlow, simulator: SimulatedTerminal
) -> None:
    preauth = patient.preauthorise("visit-1", eur(10000)).record
    assert reserved(simulator, preauth.reference) == 10000
    adjusted = patient.adjust(preauth.reference, eur(13000))
    assert adjusted.state is PaymentState.APPROVED
    row = adjusted.record
    assert row.kind is PaymentKind.PREAUTH_ADJUST
    assert row.original_reference == preauth.reference
    assert row.approved_amount == eur(13000)
    assert reserved(simulator, preauth.reference) == 13000
    done = patient.complete(preauth.reference, eur(13000))
    assert done.state is PaymentState.APPROVED
    assert reserved(simulator, preauth.reference) == 0  # used up
    again = patient.complete(preauth.reference, eur(100))
    assert again.state is PaymentState.DECLINED  # nothing held any more


def test_adjust_above_the_cards_limit_is_refused_and_the_hold_stays(
    patient: PaymentFlow, simulator: SimulatedTerminal
) -> None:
    simulator.reservation_limit = 12000
    preauth = patient.preauthorise("visit-1", eur(10000)).record
    refused = patient.adjust(preauth.reference, eur(13000))
    assert refused.state is PaymentState.DECLINED
    assert refused.record.error_condition == "NotAllowed"
    assert reserved(simulator, preauth.reference) == 10000
    over = patient.complete(preauth.reference, eur(13000))
    assert over.state is PaymentState.DECLINED  # more than the reservation holds
    held = patient.complete(preauth.reference, eur(10000))
    assert held.state is PaymentState.APPROVED


def test_adjust_asked_twice_is_sent_once(
    patient: PaymentFlow, simulator: SimulatedTerminal
) -> None:
    preauth = patient.preauthorise("visit-1", eur(10000)).record
    first = patient.adjust(preauth.reference, eur(13000))
    second = patient.adjust(preauth.reference, eur(13000))
    assert second.record.reference == first.record.reference
    assert updates(simulator) == [("approved", 13000)]
    other = patient.adjust(preauth.reference, eur(14000))  # a bill that grew meanwhile
    assert other.state is PaymentState.APPROVED
    assert updates(simulator) == [("approved", 13000), ("approved", 14000)]


def test_adjust_whose_answer_is_lost_is_asked_again_never_resent(
    patient: PaymentFlow, simulator: SimulatedTerminal, journal: PaymentJournal
) -> None:
    preauth = patient.preauthorise("visit-1", eur(10000)).record
    simulator.queue(Scenario.DROP)  # approved, then the connection is cut
    adjusted = patient.adjust(preauth.reference, eur(13000))
    assert adjusted.state is PaymentState.APPROVED
    assert updates(simulator) == [("approved", 13000)]
    assert simulator.ledger.approvals(adjusted.record.reference) == 1
    assert [r.state for r in journal.all() if r.kind is PaymentKind.PREAUTH_ADJUST] == [
        PaymentState.APPROVED
    ]


def test_adjust_of_a_payment_that_is_no_preauthorisation_is_refused_before_sending(
    patient: PaymentFlow, simulator: SimulatedTerminal
) -> None:
    paid = patient.pay("sale-1", eur(500)).record
    with pytest.raises(PaymentError, match="not a pre-authorisation"):
        patient.adjust(paid.reference, eur(900))
    assert updates(simulator) == []


def test_adjust_of_a_released_preauthorisation_is_refused_before_sending(
    patient: PaymentFlow, simulator: SimulatedTerminal
) -> None:
    preauth = patient.preauthorise("visit-1", eur(10000)).record
    assert patient.reverse(preauth.reference).state is PaymentState.APPROVED
    with pytest.raises(PaymentError, match="REVERSED"):
        patient.adjust(preauth.reference, eur(13000))
    assert updates(simulator) == []
