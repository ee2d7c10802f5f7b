"""Every simulator scenario through the real driver over a real socket (encrypted)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from conftest import KEY, wait_for

from kiosk.domain.money import Money
from kiosk.payment.errors import (
    ConnectionLostError,
    TerminalProtocolError,
    TerminalRejectedError,
    TerminalTimeoutError,
    TerminalUnreachableError,
)
from kiosk.payment.nexo.crypto import SharedKey
from kiosk.payment.nexo.driver import NexoTerminal
from kiosk.payment.sim.ledger import Ledger
from kiosk.payment.sim.server import TerminalServer
from kiosk.payment.sim.terminal import Scenario, SimulatedTerminal
from kiosk.payment.types import InquiryState, Outcome

EUR = Money(1234, "EUR")


@pytest.mark.parametrize(
    "case",
    [
        (Scenario.APPROVE, Outcome.APPROVED, None),
        (Scenario.PIN, Outcome.APPROVED, None),
        (Scenario.DECLINE, Outcome.DECLINED, "Refusal"),
        (Scenario.CANCEL, Outcome.CANCELLED, "Cancel"),
    ],
)
def test_answered_scenarios(
    driver: NexoTerminal,
    simulator: SimulatedTerminal,
    case: tuple[Scenario, Outcome, str | None],
    console: list[str],
) -> None:
    scenario, outcome, condition = case
    simulator.queue(scenario)
    result = driver.purchase(EUR, "ref-1")
    assert result.outcome is outcome
    assert result.error_condition == condition
    if outcome is Outcome.APPROVED:
        assert result.amount == EUR
        assert result.auth_code
        assert len(result.auth_code) == 6
        assert result.masked_pan is not None
        assert "*" in str(result.masked_pan)
        assert result.terminal_transaction_id
        assert result.receipt_text
        assert str(result.masked_pan) in result.receipt_text
    assert any("present card" in line for line in console)
    if scenario is Scenario.PIN:
        assert any("PIN" in line for line in console)


def test_status_inquiries_answer_truthfully(
    driver: NexoTerminal, simulator: SimulatedTerminal
) -> None:
    approved = driver.purchase(EUR, "ref-a")
    simulator.queue(Scenario.DECLINE)
    driver.purchase(EUR, "ref-d")
    found = driver.status("ref-a")
    assert found.state is InquiryState.FINISHED
    assert found.result is not None
    assert found.result.outcome is Outcome.APPROVED
    assert found.result.terminal_transaction_id == approved.terminal_transaction_id
    declined = driver.status("ref-d")
    assert declined.result is not None
    assert declined.result.outcome is Outcome.DECLINED
    assert driver.status("never-sent").state is InquiryState.NOT_FOUND


def test_hang_times_out_and_stays_in_progress(
    impatient: NexoTerminal, simulator: SimulatedTerminal
) -> None:
    simulator.queue(Scenario.HANG)
    with pytest.raises(TerminalTimeoutError):
        impatient.purchase(EUR, "ref-h")
    impatient.abort("ref-h")  # a frozen terminal ignores it
    assert impatient.status("ref-h").state is InquiryState.IN_PROGRESS


def test_late_answer_is_found_by_inquiry(
    impatient: NexoTerminal, simulator: SimulatedTerminal, ledger: Ledger
) -> None:
    simulator.queue(Scenario.LATE)
    with pytest.raises(TerminalTimeoutError):
        impatient.purchase(EUR, "ref-l")
    assert impatient.status("ref-l").state is InquiryState.IN_PROGRESS
    assert simulator.answer_now() == 1
    wait_for(lambda: ledger.approvals("ref-l") == 1)
    late = impatient.status("ref-l")
    assert late.result is not None
    assert late.result.outcome is Outcome.APPROVED


def test_late_answer_can_be_aborted(
    impatient: NexoTerminal, simulator: SimulatedTerminal, ledger: Ledger
) -> None:
    simulator.queue(Scenario.LATE)
    with pytest.raises(TerminalTimeoutError):
        impatient.purchase(EUR, "ref-x")
    impatient.abort("ref-x")
    wait_for(lambda: impatient.status("ref-x").state is InquiryState.FINISHED)
    result = impatient.status("ref-x").result
    assert result is not None
    assert result.outcome is Outcome.CANCELLED
    assert ledger.approvals("ref-x") == 0


def test_drop_after_approving_loses_the_answer_not_the_payment(
    driver: NexoTerminal, simulator: SimulatedTerminal
) -> None:
    simulator.queue(Scenario.DROP)
    with pytest.raises(ConnectionLostError):
        driver.purchase(EUR, "ref-drop")
    result = driver.status("ref-drop").result
    assert result is not None
    assert result.outcome is Outcome.APPROVED


def test_reversal_of_an_approved_payment(driver: NexoTerminal, ledger: Ledger) -> None:
    approved = driver.purchase(EUR, "ref-r")
    reversal = driver.reverse(approved, "ref-r-rev")
    assert reversal.outcome is Outcome.APPROVED
    assert {e.reference: e.state for e in ledger.entries()}["ref-r"] == "reversed"
    assert driver.reverse(approved, "ref-r-rev2").outcome is Outcome.DECLINED


def test_refund_preauth_and_completion(driver: NexoTerminal, ledger: Ledger) -> None:
    assert driver.refund(EUR, "ref-refund").outcome is Outcome.APPROVED
    preauth = driver.preauthorise(Money(10000, "EUR"), "ref-pre")
    assert preauth.outcome is Outcome.APPROVED
    assert driver.complete(preauth, EUR, "ref-comp").outcome is Outcome.APPROVED
    assert driver.cancel_preauthorisation(preauth, "ref-pre-cancel").outcome is Outcome.APPROVED
    types = {e.reference: e.payment_type for e in ledger.entries()}
    assert types["ref-refund"] == "Refund"
    assert types["ref-comp"] == "Completion"


def test_ledger_survives_a_restart_of_the_simulator(tmp_path: Path) -> None:
    path = tmp_path / "ledger.jsonl"
    first = SimulatedTerminal(Ledger(path), key=KEY, show=lambda s: None)
    with TerminalServer(first) as server:
        terminal = NexoTerminal(server.url, "lane-01", "SIM-0001", KEY)
        approved = terminal.purchase(EUR, "ref-keep")
        terminal.close()
    second = SimulatedTerminal(Ledger(path), key=KEY, show=lambda s: None)
    with TerminalServer(second) as server:
        terminal = NexoTerminal(server.url, "lane-01", "SIM-0001", KEY)
        found = terminal.status("ref-keep")
        terminal.close()
    assert found.result is not None
    assert found.result.terminal_transaction_id == approved.terminal_transaction_id
    assert "4111111" not in path.read_text()
    assert "*" in path.read_text()


def test_wrong_shared_key_is_a_protocol_error(server: TerminalServer) -> None:
    terminal = NexoTerminal(
        server.url, "lane-01", "SIM-0001", SharedKey("lane-key", 1, "wrong passphrase")
    )
    with pytest.raises(TerminalRejectedError, match="Reject"):
        terminal.purchase(EUR, "ref-k")
    terminal.close()


def test_unencrypted_answer_is_refused_when_a_key_is_set(tmp_path: Path) -> None:
    plain = SimulatedTerminal(Ledger(), show=lambda s: None)
    with TerminalServer(plain) as server:
        terminal = NexoTerminal(server.url, "lane-01", "SIM-0001", None)
        assert terminal.purchase(EUR, "ref-p").outcome is Outcome.APPROVED
        terminal.close()
        keyed = NexoTerminal(server.url, "lane-01", "SIM-0001", KEY)
        with pytest.raises(TerminalProtocolError):
            keyed.purchase(EUR, "ref-q")
        keyed.close()


def test_nobody_listening_means_not_sent() -> None:
    with TerminalServer(SimulatedTerminal(Ledger(), show=lambda s: None)) as server:
        url = server.url
    terminal = NexoTerminal(url, "lane-01", "SIM-0001", KEY)
    with pytest.raises(TerminalUnreachableError) as caught:
        terminal.purchase(EUR, "ref-u")
    assert caught.value.sent is False
    terminal.close()


def test_control_endpoint_queues_scenarios(server: TerminalServer, driver: NexoTerminal) -> None:
    control = server.url.replace("/nexo", "/sim/scenario")
    assert httpx.post(control, json={"scenario": "decline", "count": 2}).status_code == 200
    assert httpx.post(control, json={"scenario": "bogus"}).status_code == 400
    outcomes = [driver.purchase(EUR, f"ref-c{i}").outcome for i in range(3)]
    assert outcomes == [Outcome.DECLINED, Outcome.DECLINED, Outcome.APPROVED]
