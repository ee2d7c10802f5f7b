"""Deposits captured or released at check-out through the queue (kiosk.app.hotel.deposits)
against the terminal simulator on a real socket, the lane store in real SQLite.

GIVEN a deposit pre-authorised through the journaled flow, WHEN the check-out captures
or releases it with the terminal down, THEN the check-out goes on at once with it
queued, and once the terminal is back the background sender does it exactly once; a
lane killed (SIGKILL, its own process) after queueing or while the terminal holds the
capture still captures exactly once after its restart.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.app.hotel.background import HotelSender
from kiosk.app.hotel.deposits import DepositQueue
from kiosk.app.hotel.ports import HotelPayments
from kiosk.backoffice.mail.sim import free_port
from kiosk.domain.hotel import effects as fx
from kiosk.domain.hotel import events as ev
from kiosk.domain.money import Money
from kiosk.payment.flow import PaymentFlow
from kiosk.payment.journal import PaymentJournal, PaymentState
from kiosk.payment.nexo.driver import NexoTerminal
from kiosk.payment.sim.ledger import Ledger
from kiosk.payment.sim.server import TerminalServer
from kiosk.payment.sim.terminal import Scenario, SimulatedTerminal
from kiosk.store import hotel_queues as q
from kiosk.store.db import connect
from kiosk.store.stays import held_deposit, note_deposit

CHILD = Path(__file__).with_name("deposit_child.py")
BACKOFF = (0.05, 0.1, 0.2)


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def clock() -> datetime:
    return datetime.now(UTC)


def wait_for(condition: Callable[[], object], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not reached in time"
        threading.Event().wait(0.01)


def completions(ledger: Ledger) -> list[object]:
    return [e for e in ledger.entries() if e.payment_type == "Completion" and e.state == "approved"]


@pytest.fixture
def port() -> int:
    return free_port()


@pytest.fixture
def simulator(tmp_path: Path) -> Iterator[SimulatedTerminal]:
    terminal = SimulatedTerminal(
        Ledger(tmp_path / "ledger.jsonl"), late_delay=120.0, show=lambda s: None
    )
    yield terminal
    terminal.stop()


def held(db: Path, simulator: SimulatedTerminal, amount: int = 15000) -> str:
    """Pre-authorise a deposit through the journaled flow; note it for stay S1."""
    # the same terminal's ledger behind a server of its own (stopping a server stops
    # its simulator for good)
    at_checkin = SimulatedTerminal(simulator.ledger, show=lambda s: None)
    with TerminalServer(at_checkin) as server:
        terminal = NexoTerminal(server.url, "lane-01", "SIM-0001", None, payment_timeout=10)
        conn = connect(db)
        flow = PaymentFlow(terminal, PaymentJournal(conn, clock), backoff=BACKOFF)
        done = flow.preauthorise("visit-in", eur(amount))
        terminal.close()
    assert done.state is PaymentState.APPROVED
    ref = done.record.reference
    note_deposit(conn, stay_id="S1", checkin_id="visit-in", reference=ref,
                 amount_minor=amount, currency="EUR")  # fmt: skip
    conn.close()
    return ref


def queue_for(db: Path, port: int, wait_s: float = 0.0) -> DepositQueue:
    terminal = NexoTerminal(f"http://127.0.0.1:{port}/nexo", "lane-01", "SIM-0001", None,
                            payment_timeout=10, connect_timeout=1.0)  # fmt: skip
    return DepositQueue(lambda: connect(db, migrate=False), terminal, clock,
                        wait_s=wait_s, backoff=BACKOFF)  # fmt: skip


def test_capture_with_the_terminal_down_is_queued_then_done_exactly_once(
    tmp_path: Path, simulator: SimulatedTerminal, port: int
) -> None:
    db = tmp_path / "lane.db"
    preauth = held(db, simulator)
    deposits = queue_for(db, port, wait_s=30)
    sender = HotelSender([deposits.run_once], every_s=10)
    deposits.wake = sender.wake
    sender.start()
    try:
        # WHEN the check-out captures 120.00 with nothing listening on the terminal's port
        event = deposits.settle(fx.CaptureDeposit(preauth, eur(12000)), None)
        # THEN it goes on at once, approved as queued, and the stay's deposit is settled
        assert isinstance(event, ev.PaymentApproved)
        assert event.purpose is ev.PaymentPurpose.CAPTURE
        assert event.amount == eur(12000)
        assert event.masked_pan  # the card holding the deposit, for the PMS's bill
        assert "*" in event.masked_pan
        assert deposits.queued(preauth) == "capture"
        assert held_deposit(connect(db, migrate=False), "S1") is None
        # ... after one try in vain, not after wait_s (then rounds every 10 s had come)
        assert deposits.tasks()[0].attempts == 1
        sender.wake()
        wait_for(lambda: deposits.tasks()[0].attempts >= 2)  # tried again
        assert completions(simulator.ledger) == []
        # WHEN the terminal is back
        with TerminalServer(simulator, port=port):
            sender.wake()  # as the next round would
            wait_for(lambda: not deposits.tasks())
            wait_for(lambda: deposits.queued(preauth) == "")
            sender.wake()  # one more round: nothing is sent again
            threading.Event().wait(0.5)
    finally:
        sender.stop()
    (done,) = completions(simulator.ledger)
    assert done.amount_minor == 12000
    task = q.deposit_task(connect(db, migrate=False), preauth)
    assert task is not None
    assert task.state == "done"
    assert simulator.ledger.approvals(task.reference) == 1
    journal = PaymentJournal(connect(db, migrate=False), clock)
    refused = [r for r in journal.all() if r.kind.value == "completion"]
    assert [r.state for r in refused].count(PaymentState.APPROVED) == 1


def test_release_with_the_terminal_up_is_the_terminals_answer(
    tmp_path: Path, simulator: SimulatedTerminal
) -> None:
    db = tmp_path / "lane.db"
    preauth = held(db, simulator)
    with TerminalServer(simulator) as server:
        deposits = queue_for(db, server.port, wait_s=20)
        sender = HotelSender([deposits.run_once])
        deposits.wake = sender.wake
        sender.start()
        try:
            event = deposits.settle(fx.ReleaseDeposit(preauth), eur(-1))
        finally:
            sender.stop()
    assert isinstance(event, ev.PaymentApproved)
    assert event.purpose is ev.PaymentPurpose.RELEASE
    assert event.reference != preauth
    assert deposits.queued(preauth) == ""
    journal = PaymentJournal(connect(db, migrate=False), clock)
    assert journal.get(preauth).state is PaymentState.REVERSED
    reversals = [e for e in simulator.ledger.entries() if e.category == "Reversal"]
    assert [e.state for e in reversals] == ["approved"]


@pytest.mark.parametrize(("limit", "adjusted_ok"), [(100_000, True), (12_000, False)])
def test_adjust_then_capture_through_the_queue(
    tmp_path: Path, simulator: SimulatedTerminal, limit: int, adjusted_ok: bool
) -> None:
    db = tmp_path / "lane.db"
    preauth = held(db, simulator, 10000)
    simulator.reservation_limit = limit
    with TerminalServer(simulator) as server:
        deposits = queue_for(db, server.port, wait_s=20)
        flow = PaymentFlow(deposits.terminal, PaymentJournal(connect(db, migrate=False), clock))
        payments = HotelPayments(flow, clock, "EUR", deposits)
        sender = HotelSender([deposits.run_once])
        deposits.wake = sender.wake
        sender.start()
        try:
            # the folio's 130.00 is more than the 100.00 held: the machine asks to adjust
            adjusted = payments.run(fx.AdjustDeposit(preauth, eur(13000)))
            if adjusted_ok:  # raised: all of it is captured
                captured = payments.run(fx.CaptureDeposit(preauth, eur(13000)))
            else:  # above the card's limit: what is held is captured, the rest by card
                captured = payments.run(fx.CaptureDeposit(preauth, eur(10000)))
                rest = payments.run(fx.ChargeBalance("visit-out", "S1", eur(3000)))
                assert isinstance(rest, ev.PaymentApproved)
                assert rest.amount == eur(3000)
        finally:
            sender.stop()
    assert isinstance(adjusted, ev.PaymentApproved if adjusted_ok else ev.PaymentDeclined)
    assert isinstance(captured, ev.PaymentApproved)
    assert captured.masked_pan  # the terminal's own answer, not a queued one
    done = [e.amount_minor for e in completions(simulator.ledger)]
    assert done == ([13000] if adjusted_ok else [10000])


def test_a_failed_capture_is_declined_and_kept_for_the_front_desk(
    tmp_path: Path, simulator: SimulatedTerminal
) -> None:
    db = tmp_path / "lane.db"
    preauth = held(db, simulator)
    simulator.queue(Scenario.DECLINE)
    with TerminalServer(simulator) as server:
        deposits = queue_for(db, server.port)
        deposits.settle(fx.CaptureDeposit(preauth, eur(5000)), None)
        assert deposits.run_once() == 0
    (task,) = deposits.tasks(None)
    assert task.state == "failed"
    assert "declined" in task.last_error
    assert completions(simulator.ledger) == []


def _child(db: Path, url: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(CHILD), str(db), url, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path.cwd(),
        env={"PYTHONPATH": str(Path.cwd()), "PATH": "/usr/bin:/bin"},
    )


def _run_to_the_end(db: Path, url: str) -> None:
    child = _child(db, url, "send")
    out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    assert out.strip().endswith("left 0")


def test_sigkill_after_queueing_still_captures_exactly_once(
    tmp_path: Path, simulator: SimulatedTerminal
) -> None:
    db = tmp_path / "lane.db"
    preauth = held(db, simulator)
    with TerminalServer(simulator) as server:
        child = _child(db, server.url, "queue", preauth, "8000")
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.startswith("queued "), child.stderr.read() if child.stderr else ""
        child.send_signal(signal.SIGKILL)  # after the queueing, before any sending
        child.wait()
        assert completions(simulator.ledger) == []
        _run_to_the_end(db, server.url)
        _run_to_the_end(db, server.url)  # a second start sends nothing more
    (done,) = completions(simulator.ledger)
    assert done.amount_minor == 8000
    assert done.reference == line.split()[1]


def test_sigkill_while_the_terminal_holds_the_capture_captures_exactly_once(
    tmp_path: Path, simulator: SimulatedTerminal
) -> None:
    db = tmp_path / "lane.db"
    preauth = held(db, simulator)
    with TerminalServer(simulator) as server:
        child = _child(db, server.url, "queue", preauth, "9000")
        assert child.stdout is not None
        assert child.stdout.readline().startswith("queued ")
        child.send_signal(signal.SIGKILL)
        child.wait()
        simulator.queue(Scenario.LATE)  # the terminal takes its time with the capture
        sending = _child(db, server.url, "send")
        wait_for(lambda: any(e.payment_type == "Completion" for e in simulator.ledger.entries()))
        sending.send_signal(signal.SIGKILL)  # the request is at the terminal, no answer yet
        sending.wait()
        assert simulator.answer_now() == 1  # the terminal approves it while the lane is down
        wait_for(lambda: completions(simulator.ledger))  # done at the terminal
        _run_to_the_end(db, server.url)  # reconciles (status inquiry), never sends again
    (done,) = completions(simulator.ledger)
    assert done.amount_minor == 9000
    journal = PaymentJournal(connect(db, migrate=False), clock)
    rows = [r for r in journal.all() if r.kind.value == "completion"]
    assert [r.state for r in rows] == [PaymentState.APPROVED], rows  # asked, not sent again
