"""kill -9 of the lane at random points during 200 payments (DESIGN.md invariant 3).

GIVEN a simulator with a persistent ledger and a lane child process paying 200
sales, WHEN the child is killed with SIGKILL at random moments and restarted
(each start reconciles first and reverses payments whose basket is gone), THEN
the simulator's ledger and the lane journal agree on every payment, no reference
is charged twice, every sale is complete with exactly its approved payment in its
sale document, and every sale the attendant cancelled has its payment reversed.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import KEY

from kiosk.payment.journal import PaymentJournal, PaymentState
from kiosk.payment.sim.ledger import Ledger
from kiosk.payment.sim.server import TerminalServer
from kiosk.payment.sim.terminal import SimulatedTerminal
from kiosk.store.db import connect
from kiosk.store.sales import load_sale_document

CHILD = Path(__file__).with_name("lane_child.py")
SALES = 200
KILLS = 8


@pytest.mark.slow
def test_kill_nine_never_double_charges(tmp_path: Path) -> None:
    ledger_path = tmp_path / "sim-ledger.jsonl"
    db = tmp_path / "lane.db"
    rng = random.Random(int(os.environ.get("KILL9_SEED", "5")))
    terminal = SimulatedTerminal(Ledger(ledger_path), key=KEY, show=lambda s: None)
    env = {**os.environ, "PYTHONPATH": str(Path.cwd())}
    kills = 0
    with TerminalServer(terminal) as server:
        command = [
            sys.executable,
            str(CHILD),
            str(db),
            server.url,
            str(SALES),
            str(tmp_path / "lane.log"),
        ]
        deadline = time.monotonic() + 120
        while True:
            assert time.monotonic() < deadline, "the lane never finished its payments"
            child = subprocess.Popen(
                command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
            )
            if kills < KILLS:
                # wait for a random number of payments, then kill at a random instant
                target = rng.randint(1, 25)
                assert child.stdout is not None
                for _ in range(target):  # one line per finished sale
                    if not child.stdout.readline():
                        break
                time.sleep(rng.random() * 0.01)
                child.send_signal(signal.SIGKILL)
                child.communicate()
                if child.returncode == -signal.SIGKILL:
                    kills += 1
                    continue
            _, err = child.communicate(timeout=120)
            assert child.returncode == 0, err.decode()[-2000:]
            break
    assert kills == KILLS

    conn = connect(db)
    records = PaymentJournal(conn, lambda: None).all()  # type: ignore[arg-type,return-value]
    documents = {sale: load_sale_document(conn, f"sale-{sale:03d}") for sale in range(SALES)}
    open_baskets = conn.execute("SELECT count(*) FROM open_basket").fetchone()[0]
    notes = [row[0] for row in conn.execute("SELECT note FROM payment_event")]
    conn.close()
    print(
        f"{kills} kills; settled by status inquiry: {notes.count('status inquiry: ok')}, "
        f"unknown to the terminal: {notes.count('terminal has no record: NotFound')}"
    )
    sim = Ledger(ledger_path)
    # no reference charged twice
    assert all(count == 1 for count in sim.approval_counts().values())
    # the lane and the terminal agree on every payment that took money, and its fate
    lane_charged = {
        r.reference: (r.terminal_transaction_id, r.state.value.lower())
        for r in records
        if r.state in (PaymentState.APPROVED, PaymentState.REVERSED)
    }
    sim_charged = {
        e.reference: (e.poi_transaction_id, e.state)
        for e in sim.entries()
        if e.state in ("approved", "reversed")
    }
    assert lane_charged == sim_charged
    assert not [r for r in records if r.state in (PaymentState.SENT, PaymentState.UNKNOWN)]
    assert open_baskets == 0
    # every sale is paid exactly once and complete, or cancelled with its money given back
    for sale in range(SALES):
        sale_id = f"sale-{sale:03d}"
        purchases = [r for r in records if r.sale_id == sale_id and r.kind.value == "purchase"]
        approved = [r for r in purchases if r.state is PaymentState.APPROVED]
        if sale % 20 == 7:
            assert documents[sale] is None
            assert not approved
            assert any(r.state is PaymentState.REVERSED for r in purchases)
        else:
            document = documents[sale]
            assert document is not None, sale_id
            assert [p["reference"] for p in document["payments"]] == [r.reference for r in approved]
            assert sum(p["amount"] for p in document["payments"]) == 100 + sale
