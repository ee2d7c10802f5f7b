"""A check-out killed between queueing the deposit's capture and posting it to the bill
charges the guest the bill exactly once (the lane in its own process, the terminal
simulator on a real socket with its ledger, the lane store in real SQLite).

GIVEN 150.00 pre-authorised for stay S1 and a bill of 200.00, WHEN the lane is killed
(SIGKILL) right after the check-out queued the capture of 120.00 (before the capture was
posted to the PMS bill), THEN the check-out asked again after the restart finds that
capture (not "no deposit"), hears it with the amount it captures, so that the visit posts
it to the bill, and charges only the remaining 80.00 by card: what the terminal took for
the stay (its ledger) is the bill, not more. A check-out asked once more, the bill
showing the capture already, finds no deposit to post again.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from test_hotel_deposits import held

from kiosk.payment.sim.ledger import Ledger
from kiosk.payment.sim.server import TerminalServer
from kiosk.payment.sim.terminal import SimulatedTerminal

CHILD = Path(__file__).with_name("checkout_kill_child.py")
BILL = 20000


def _child(db: Path, url: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(CHILD), str(db), url, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path.cwd(),
        env={"PYTHONPATH": str(Path.cwd()), "PATH": "/usr/bin:/bin"},
    )


def _check_out(db: Path, url: str, *args: str) -> list[str]:
    child = _child(db, url, "checkout", *args)
    out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    return out.split()


def _taken(ledger: Ledger) -> int:
    """What the terminal took: approved sales and captures (a pre-authorisation and its
    adjustments only hold money)."""
    return sum(
        e.amount_minor
        for e in ledger.entries()
        if e.state == "approved"
        and e.category == "Payment"
        and not e.reservation
        and e.payment_type != "UpdateReservation"
    )


def test_sigkill_between_queueing_the_capture_and_posting_it_charges_the_bill_once(
    tmp_path: Path,
) -> None:
    simulator = SimulatedTerminal(Ledger(tmp_path / "ledger.jsonl"), show=lambda s: None)
    db = tmp_path / "lane.db"
    preauth = held(db, simulator, 15000)
    try:
        with TerminalServer(simulator) as server:
            child = _child(db, server.url, "capture", preauth, "12000")
            assert child.stdout is not None
            line = child.stdout.readline()
            assert line.startswith("queued "), child.stderr.read() if child.stderr else ""
            child.send_signal(signal.SIGKILL)  # queued, not yet posted to the bill
            child.wait()
            # THEN the check-out asked again charges the bill once: the capture the
            # sender makes plus what the card paid
            words = _check_out(db, server.url, str(BILL))
            captured, reference, card = int(words[3]), words[4], int(words[6])
            assert _taken(simulator.ledger) == BILL, words  # the bill, not more
            assert captured + card == BILL  # what the visit posts to the bill
            # because it found the capture queued and posted it (the same one)
            assert words[:2] == ["deposit", "12000"], words
            assert reference == line.split()[1]
            # and once more, the bill showing the capture and paid: nothing more
            again = _check_out(db, server.url, "0", reference)
            assert again == ["deposit", "0", "captured", "0", "-", "card", "0"], again
    finally:
        simulator.stop()
    assert _taken(simulator.ledger) == BILL
