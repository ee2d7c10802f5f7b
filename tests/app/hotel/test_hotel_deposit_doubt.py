"""A queued deposit capture whose outcome the terminal cannot say (the network fails
after the request left: the terminal captured, the lane never heard) is raised for the
front desk after ``doubt_rounds`` rounds - a station alert and one
``intervention.raised`` for HQ - while the sender keeps asking the terminal; the
terminal's later answer closes it; the front desk settles it with a verdict the
terminal is asked about first. Never two captures; what the terminal took is what the
capture was for.

Real parts: the terminal simulator over HTTP on a real socket, a TCP link in between
that can lose the terminal's answers (``terminal_link``), the lane store in real SQLite,
HQ's own event models.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter
from terminal_link import TerminalLink
from test_hotel_deposits import BACKOFF, _child, _run_to_the_end, clock, completions, eur, held

from kiosk.app.hotel.deposits import DEPOSIT_DOUBT, DEPOSIT_TAKEN, DepositDeskError, DepositQueue
from kiosk.app.service_events import DEPOSIT_FAILED, Ids
from kiosk.domain.hotel import effects as fx
from kiosk.domain.hotel import events as ev
from kiosk.hq.event_models import ServiceEvent
from kiosk.payment.journal import PaymentJournal, PaymentState
from kiosk.payment.nexo.driver import NexoTerminal
from kiosk.payment.sim.ledger import Ledger
from kiosk.payment.sim.server import TerminalServer
from kiosk.payment.sim.terminal import Scenario, SimulatedTerminal
from kiosk.store import hotel_queues as q
from kiosk.store.db import connect
from kiosk.store.service_events import queued_events

EVENT = TypeAdapter(ServiceEvent)
IDS = Ids("store-001", "lane-01")
ROUNDS = 3


@dataclass
class Parts:
    db: Path
    simulator: SimulatedTerminal
    link: TerminalLink
    preauth: str

    def queue(self, rounds: int = ROUNDS) -> DepositQueue:
        """The lane's deposit queue (as after a start: a new one reads the store)."""
        terminal = NexoTerminal(self.link.url, "lane-01", "SIM-0001", None,
                                payment_timeout=10, short_timeout=5)  # fmt: skip
        return DepositQueue(lambda: connect(self.db, migrate=False), terminal, clock,
                            wait_s=0, backoff=BACKOFF, ids=IDS, doubt_rounds=rounds)  # fmt: skip


@pytest.fixture
def parts(tmp_path: Path) -> Iterator[Parts]:
    simulator = SimulatedTerminal(Ledger(tmp_path / "ledger.jsonl"), show=lambda s: None)
    db = tmp_path / "lane.db"
    preauth = held(db, simulator, 15000)  # 150.00 held for stay S1 by visit-in
    with TerminalServer(simulator) as server, TerminalLink(server.port) as link:
        yield Parts(db, simulator, link, preauth)
    simulator.stop()


def desk_events(db: Path) -> list[dict[str, Any]]:
    """The front desk's service events for HQ (each checked against HQ's model)."""
    events = queued_events(connect(db, migrate=False))
    kinds = (DEPOSIT_FAILED, DEPOSIT_DOUBT, DEPOSIT_TAKEN)
    mine = [e for e in events if e["data"].get("kind") in kinds]
    for event in mine:
        EVENT.validate_python(event)
    return [{"type": e["type"], **e["data"]} for e in mine]


def capture_in_doubt(parts: Parts, amount: int = 12050, rounds: int = ROUNDS) -> DepositQueue:
    """GIVEN the check-out queued the capture of ``amount`` and the network lost the
    terminal's answers: the terminal captured, the lane cannot say; ``rounds`` rounds."""
    deposits = parts.queue(rounds)
    parts.link.mute()
    went_on = deposits.settle(fx.CaptureDeposit(parts.preauth, eur(amount)), None)
    assert isinstance(went_on, ev.PaymentApproved)  # the guest left, the capture queued
    for _ in range(rounds):
        assert deposits.run_once() == 1
    return deposits


def journal(db: Path) -> PaymentJournal:
    return PaymentJournal(connect(db, migrate=False), clock)


def capture_rows(db: Path) -> list[Any]:
    return [r for r in journal(db).all() if r.kind.value == "completion"]


def test_a_capture_in_doubt_is_raised_once_and_the_terminals_later_answer_closes_it(
    parts: Parts,
) -> None:
    deposits = parts.queue()
    parts.link.mute()
    deposits.settle(fx.CaptureDeposit(parts.preauth, eur(12050)), None)
    # the rounds before the limit: asked, not raised
    for _ in range(ROUNDS - 1):
        assert deposits.run_once() == 1
        assert deposits.alerts() == []
    assert desk_events(parts.db) == []
    (unknown,) = capture_rows(parts.db)
    assert unknown.state is PaymentState.UNKNOWN
    assert [e.amount_minor for e in completions(parts.simulator.ledger)] == [12050]
    # WHEN the round that reaches the limit asks in vain again
    assert deposits.run_once() == 1
    # THEN an alert for the front desk with the stay and the amount, once
    (alert,) = deposits.alerts()
    assert (alert.kind, alert.stay_id, alert.amount, alert.action) == (
        DEPOSIT_DOUBT, "S1", eur(12050), "capture"
    )  # fmt: skip
    assert alert.checkin_id == "visit-in"
    (raised,) = desk_events(parts.db)
    assert (raised["type"], raised["kind"]) == ("intervention.raised", DEPOSIT_DOUBT)
    # ... the sender keeps asking, never raises it again, never sends it again
    assert deposits.run_once() == 1
    assert deposits.run_once() == 1
    assert deposits.alerts() == [alert]
    assert len(desk_events(parts.db)) == 1
    # a restarted lane lists it again, raised at the same time, and does not raise it again
    again = parts.queue()
    assert again.alerts() == [alert]
    assert again.run_once() == 1
    assert len(desk_events(parts.db)) == 1
    # WHEN the terminal's answers get through again
    parts.link.unmute()
    assert again.run_once() == 0
    # THEN its answer closes the alert: captured once, for what the capture was for
    assert again.alerts() == []
    raised, resolved = desk_events(parts.db)
    assert resolved["type"] == "intervention.resolved"
    assert resolved["intervention_id"] == raised["intervention_id"]
    assert (resolved["outcome"], resolved["how"]) == ("terminal_approved", "at_lane")
    (row,) = capture_rows(parts.db)
    assert row.state is PaymentState.APPROVED
    assert journal(parts.db).unresolved() == []  # the lane's payments are free again
    assert [e.amount_minor for e in completions(parts.simulator.ledger)] == [12050]
    task = q.deposit_task(connect(parts.db, migrate=False), parts.preauth)
    assert task is not None
    assert task.state == "done"
    assert parts.queue().alerts() == []


def test_the_terminal_declines_after_the_alert_it_becomes_a_declined_alert(
    parts: Parts,
) -> None:
    parts.simulator.queue(Scenario.DECLINE)  # the terminal declines; the lane never hears
    deposits = capture_in_doubt(parts)
    (alert,) = deposits.alerts()
    assert alert.kind == DEPOSIT_DOUBT
    parts.link.unmute()
    assert deposits.run_once() == 0
    (declined,) = deposits.alerts()
    assert (declined.kind, declined.amount) == (DEPOSIT_FAILED, eur(12050))
    assert "declined" in declined.why
    raised, resolved, declined_raised = desk_events(parts.db)
    assert (resolved["type"], resolved["outcome"]) == ("intervention.resolved", "terminal_declined")
    assert resolved["intervention_id"] == raised["intervention_id"]
    assert (declined_raised["type"], declined_raised["kind"]) == (
        "intervention.raised", DEPOSIT_FAILED
    )  # fmt: skip
    assert completions(parts.simulator.ledger) == []
    assert parts.queue().alerts() == [declined]  # kept across a restart


def test_staff_settle_it_at_the_desk_and_the_terminal_answers_approved_first(
    parts: Parts,
) -> None:
    deposits = capture_in_doubt(parts)
    (alert,) = deposits.alerts()
    # the terminal is back when the receptionist settles it as "not done: charge at the desk"
    parts.link.unmute()
    came = deposits.settle_alert(alert.preauth_ref, "s-1", taken=False)
    # THEN the terminal, asked first, has the last word: it captured, nothing to charge
    assert came == "terminal_approved"
    assert deposits.alerts() == []
    (row,) = capture_rows(parts.db)
    assert (row.state, row.resolved_by) == (PaymentState.APPROVED, None)
    assert row.approved_amount == eur(12050)
    _, resolved = desk_events(parts.db)
    assert (resolved["outcome"], resolved.get("staff_id")) == ("terminal_approved", None)
    # ... and nothing is ever sent again
    assert deposits.run_once() == 0
    assert [e.amount_minor for e in completions(parts.simulator.ledger)] == [12050]
    with pytest.raises(DepositDeskError):
        deposits.settle_alert(alert.preauth_ref, "s-1", taken=False)


def test_a_supervisor_says_done_then_the_terminal_answers_approved_no_second_capture(
    parts: Parts,
) -> None:
    deposits = capture_in_doubt(parts)
    (alert,) = deposits.alerts()
    # the terminal still cannot be heard: the supervisor read its records
    came = deposits.settle_alert(alert.preauth_ref, "s-2", taken=True)
    assert came == "taken"
    assert deposits.alerts() == []
    (row,) = capture_rows(parts.db)
    assert (row.state, row.resolved_by) == (PaymentState.APPROVED, "s-2")
    assert journal(parts.db).unresolved() == []
    _, resolved = desk_events(parts.db)
    assert (resolved["outcome"], resolved["staff_id"]) == ("taken", "s-2")
    # WHEN the terminal answers again (it did approve the capture)
    parts.link.unmute()
    assert deposits.run_once() == 0
    assert parts.queue().run_once() == 0
    # THEN one capture, of what the capture was for
    (done,) = completions(parts.simulator.ledger)
    assert done.amount_minor == 12050
    assert parts.simulator.ledger.approvals(done.reference) == 1
    assert [r.state for r in capture_rows(parts.db)] == [PaymentState.APPROVED]


def test_staff_say_not_done_the_capture_is_never_sent_again(parts: Parts) -> None:
    # the terminal declined the capture (the lane never heard); the desk charges the guest
    parts.simulator.queue(Scenario.DECLINE)
    deposits = capture_in_doubt(parts)
    (alert,) = deposits.alerts()
    came = deposits.settle_alert(alert.preauth_ref, "s-1", taken=False)
    assert came == "not_taken"
    assert deposits.alerts() == []
    (row,) = capture_rows(parts.db)
    assert (row.state, row.resolved_by) == (PaymentState.CANCELLED, "s-1")
    task = q.deposit_task(connect(parts.db, migrate=False), parts.preauth)
    assert task is not None
    assert task.state == "failed"  # ended with staff's verdict, settled: no open alert
    assert q.failed_deposits(connect(parts.db, migrate=False)) == []
    # a CANCELLED capture is otherwise sent again with a new reference: not this one
    parts.link.unmute()
    assert deposits.run_once() == 0
    assert parts.queue().run_once() == 0
    assert completions(parts.simulator.ledger) == []
    assert len(capture_rows(parts.db)) == 1
    assert parts.queue().alerts() == []  # the terminal, asked again, confirms staff
    _, resolved = desk_events(parts.db)
    assert (resolved["outcome"], resolved["staff_id"]) == ("not_taken", "s-1")


def test_staff_say_not_done_but_the_terminal_took_it_the_desk_is_told_to_give_back(
    parts: Parts,
) -> None:
    deposits = capture_in_doubt(parts)  # the terminal did capture 120.50
    (alert,) = deposits.alerts()
    # WHEN the receptionist, wrongly, says it is not in the terminal's records
    assert deposits.settle_alert(alert.preauth_ref, "s-1", taken=False) == "not_taken"
    assert deposits.alerts() == []
    assert deposits.run_once() == 1  # still asked about, the terminal cannot be heard
    assert deposits.alerts() == []
    # WHEN the terminal is heard again
    parts.link.unmute()
    assert deposits.run_once() == 0
    # THEN the front desk is told: the guest paid twice, give back what the desk charged
    (taken,) = deposits.alerts()
    assert (taken.kind, taken.amount, taken.stay_id) == (DEPOSIT_TAKEN, eur(12050), "S1")
    _, _, again = desk_events(parts.db)
    assert (again["type"], again["kind"]) == ("intervention.raised", DEPOSIT_TAKEN)
    # ... the capture stands (what the bill was owed), never sent again nor reversed
    assert [e.amount_minor for e in completions(parts.simulator.ledger)] == [12050]
    assert not [e for e in parts.simulator.ledger.entries() if e.category == "Reversal"]
    assert len(capture_rows(parts.db)) == 1
    restarted = parts.queue()
    assert restarted.alerts() == [taken]
    assert restarted.run_once() == 0
    assert len(desk_events(parts.db)) == 3
    # WHEN the desk gave back what it charged
    assert restarted.settle_alert(taken.preauth_ref, "s-1") == "given_back"
    assert restarted.alerts() == []
    *_, closed = desk_events(parts.db)
    assert (closed["type"], closed["outcome"], closed["staff_id"]) == (
        "intervention.resolved", "given_back", "s-1"
    )  # fmt: skip
    assert closed["intervention_id"] == again["intervention_id"]
    assert parts.queue().alerts() == []


def test_sigkill_after_the_alert_keeps_it_raised_once_until_the_terminal_answers(
    parts: Parts,
) -> None:
    deposits = parts.queue()
    parts.link.mute()
    deposits.settle(fx.CaptureDeposit(parts.preauth, eur(9000)), None)  # queued, not sent
    for rounds in ("3", "2"):  # a lane that raised it, killed; started again, killed again
        child = _child(parts.db, parts.link.url, "rounds", rounds)
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.split() == ["alerts", DEPOSIT_DOUBT], (
            child.stderr.read() if child.stderr else ""
        )
        child.kill()  # SIGKILL, after the rounds' commits
        child.wait()
        (raised,) = desk_events(parts.db)  # raised once, by the first
        assert raised["type"] == "intervention.raised"
    assert [e.amount_minor for e in completions(parts.simulator.ledger)] == [9000]
    # WHEN the terminal's answers get through and the lane starts again
    parts.link.unmute()
    _run_to_the_end(parts.db, parts.link.url)
    # THEN the alert is closed by the terminal's answer, one capture of 90.00
    raised, resolved = desk_events(parts.db)
    assert (resolved["type"], resolved["outcome"]) == ("intervention.resolved", "terminal_approved")
    assert resolved["intervention_id"] == raised["intervention_id"]
    assert parts.queue().alerts() == []
    assert [e.amount_minor for e in completions(parts.simulator.ledger)] == [9000]
    assert [r.state for r in capture_rows(parts.db)] == [PaymentState.APPROVED]
