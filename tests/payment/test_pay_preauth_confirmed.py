"""Adjusting and completing a pre-authorisation an attendant confirmed (its journal row
has no terminal transaction id), against the terminal simulator on a real socket.

GIVEN a deposit whose answer was lost and that an attendant confirmed while the terminal
could not be asked, WHEN the check-out adjusts or captures it, THEN the flow first asks
the terminal for the pre-authorisation's transaction (as a reversal does) and the
request names the real reservation; a pre-authorisation the terminal knows nothing of
is refused before anything is journaled - never a SENT row that was not sent, which
would block every later payment at the lane.
"""

from __future__ import annotations

import pytest
from conftest import KEY, wait_for

from kiosk.domain.money import Money
from kiosk.payment.errors import PaymentError
from kiosk.payment.flow import PaymentFlow
from kiosk.payment.journal import PaymentJournal, PaymentState
from kiosk.payment.nexo.driver import NexoTerminal
from kiosk.payment.sim.ledger import Ledger
from kiosk.payment.sim.server import TerminalServer
from kiosk.payment.sim.terminal import Scenario, SimulatedTerminal
from kiosk.payment.types import Outcome, PaymentKind, PaymentResult


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def offline_flow(journal: PaymentJournal) -> PaymentFlow:
    """A flow whose terminal is unplugged: nothing answers on its port."""
    with TerminalServer(SimulatedTerminal(Ledger(), show=lambda s: None)) as gone:
        dead_url = gone.url
    return PaymentFlow(NexoTerminal(dead_url, "lane-01", "SIM-0001", KEY), journal)


def confirmed_preauth(
    flow: PaymentFlow, simulator: SimulatedTerminal, journal: PaymentJournal, ledger: Ledger
) -> str:
    simulator.late_delay = 0.5
    simulator.queue(Scenario.SLOW)
    done = flow.preauthorise("visit-1", eur(10000))
    assert done.state is PaymentState.UNKNOWN
    wait_for(lambda: ledger.entries()[0].state == "approved")
    ref = done.record.reference
    confirmed = offline_flow(journal).resolve(ref, paid=True, staff_id="s-1")
    assert confirmed.terminal_transaction_id is None
    return ref


def test_an_attendant_confirmed_deposit_is_adjusted_then_captured_at_the_terminal(
    flow: PaymentFlow, simulator: SimulatedTerminal, journal: PaymentJournal, ledger: Ledger
) -> None:
    preauth = confirmed_preauth(flow, simulator, journal, ledger)
    adjusted = flow.adjust(preauth, eur(13000))
    assert adjusted.state is PaymentState.APPROVED
    captured = flow.complete(preauth, eur(13000))
    assert captured.state is PaymentState.APPROVED
    assert journal.unresolved() == []
    (entry,) = [e for e in ledger.entries() if e.reference == preauth]
    assert entry.reserved_minor == 0  # the real reservation was raised, then used up


@pytest.mark.parametrize("operation", ["adjust", "complete"])
def test_a_deposit_the_terminal_knows_nothing_of_is_refused_before_journaling(
    flow: PaymentFlow, journal: PaymentJournal, ledger: Ledger, operation: str
) -> None:
    journal.open("ref-ghost", "visit-1", PaymentKind.PREAUTH, eur(10000))
    result = PaymentResult("ref-ghost", Outcome.APPROVED, eur(10000))
    journal.settle("ref-ghost", PaymentState.APPROVED, result)
    with pytest.raises(PaymentError):
        getattr(flow, operation)("ref-ghost", eur(5000))
    assert [r.reference for r in journal.all()] == ["ref-ghost"]
    assert journal.unresolved() == []
    assert ledger.entries() == []
