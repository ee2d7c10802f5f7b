"""The check-out's adjust-then-capture survives a SIGKILL of the lane between the two
(the lane in its own process, the terminal simulator on a real socket with its ledger).

GIVEN a deposit of 100.00 held and a bill of 130.00, WHEN the lane is killed while the
terminal holds the adjustment (it approves it while the lane is down) or right after
the adjustment was approved, THEN the restarted lane asks the terminal about the
adjustment instead of sending it again, and captures the 130.00 exactly once: one
UpdateReservation and one Completion approved at the terminal, whatever the restarts.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest
from test_hotel_deposits import clock, completions, held, wait_for

from kiosk.payment.journal import PaymentJournal, PaymentState
from kiosk.payment.sim.ledger import Ledger
from kiosk.payment.sim.server import TerminalServer
from kiosk.payment.sim.terminal import Scenario, SimulatedTerminal
from kiosk.payment.types import PaymentKind
from kiosk.store.db import connect

CHILD = Path(__file__).with_name("adjust_child.py")


def _child(db: Path, url: str, mode: str, preauth: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(CHILD), str(db), url, mode, preauth, "13000"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path.cwd(),
        env={"PYTHONPATH": str(Path.cwd()), "PATH": "/usr/bin:/bin"},
    )


def _check_out_again(db: Path, url: str, preauth: str) -> str:
    child = _child(db, url, "checkout", preauth)
    out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    return out.strip()


def _updates(simulator: SimulatedTerminal) -> list[tuple[str, int]]:
    return [
        (e.state, e.amount_minor)
        for e in simulator.ledger.entries()
        if e.payment_type == "UpdateReservation"
    ]


@pytest.mark.parametrize("when", ["terminal_holds_the_adjustment", "after_the_adjustment"])
def test_sigkill_between_adjust_and_capture_adjusts_and_captures_once(
    tmp_path: Path, when: str
) -> None:
    simulator = SimulatedTerminal(
        Ledger(tmp_path / "ledger.jsonl"), late_delay=120.0, show=lambda s: None
    )
    db = tmp_path / "lane.db"
    preauth = held(db, simulator, 10000)
    try:
        with TerminalServer(simulator) as server:
            if when == "terminal_holds_the_adjustment":
                simulator.queue(Scenario.LATE)  # the terminal takes its time
                child = _child(db, server.url, "adjust", preauth)
                wait_for(lambda: _updates(simulator) == [("in_progress", 13000)])
                child.send_signal(signal.SIGKILL)  # the adjustment is at the terminal
                child.wait()
                assert simulator.answer_now() == 1  # approved while the lane is down
                wait_for(lambda: _updates(simulator) == [("approved", 13000)])
            else:
                child = _child(db, server.url, "adjust", preauth)
                assert child.stdout is not None
                line = child.stdout.readline()
                assert line.strip() == "adjusted PaymentApproved", line
                child.send_signal(signal.SIGKILL)  # before the capture
                child.wait()
            assert completions(simulator.ledger) == []
            # THEN a restarted lane adjusts (asks, never re-sends) and captures once
            out = _check_out_again(db, server.url, preauth)
            assert out == "captured PaymentApproved PaymentApproved"
            assert _check_out_again(db, server.url, preauth) == out  # again: nothing new
    finally:
        simulator.stop()
    assert _updates(simulator) == [("approved", 13000)]
    (done,) = completions(simulator.ledger)
    assert done.amount_minor == 13000
    journal = PaymentJournal(connect(db, migrate=False), clock)
    kinds = [(r.kind, r.state) for r in journal.all() if r.kind is not PaymentKind.PREAUTH]
    assert kinds == [
        (PaymentKind.PREAUTH_ADJUST, PaymentState.APPROVED),
        (PaymentKind.COMPLETION, PaymentState.APPROVED),
    ]
