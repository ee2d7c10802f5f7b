"""The start-up reconciliation names a deposit captured through the check-out's queue
as what it is - that check-out's capture of the stay's deposit - not as a payment of
the visit that pre-authorised it (the check-in), whose journal sale it shares.

Real parts: the terminal simulator over HTTP, the lane store in real SQLite, the
lane's own ``reconcile_payments`` (what ``build_hotel`` runs at start).
"""

from __future__ import annotations

from pathlib import Path

from test_hotel_deposits import BACKOFF, clock, eur, held

from kiosk.app.hotel.deposits import DepositQueue
from kiosk.app.journeys.hotel import reconcile_payments
from kiosk.domain.hotel import effects as fx
from kiosk.payment.flow import PaymentFlow
from kiosk.payment.journal import PaymentJournal, PaymentState
from kiosk.payment.nexo.driver import NexoTerminal
from kiosk.payment.sim.ledger import Ledger
from kiosk.payment.sim.server import TerminalServer
from kiosk.payment.sim.terminal import SimulatedTerminal
from kiosk.store import hotel_queues as q
from kiosk.store.db import connect


def test_a_capture_queued_at_check_out_is_named_as_the_check_outs_capture(
    tmp_path: Path,
) -> None:
    simulator = SimulatedTerminal(Ledger(tmp_path / "ledger.jsonl"), show=lambda s: None)
    db = tmp_path / "lane.db"
    preauth = held(db, simulator)  # stay S1's deposit, pre-authorised by visit-in
    try:
        with TerminalServer(simulator) as server:
            terminal = NexoTerminal(server.url, "lane-01", "SIM-0001", None, payment_timeout=10)
            deposits = DepositQueue(lambda: connect(db, migrate=False), terminal, clock,
                                    wait_s=0, backoff=BACKOFF)  # fmt: skip
            deposits.settle(fx.CaptureDeposit(preauth, eur(12050)), None)
            assert deposits.run_once() == 0  # captured
            flow = PaymentFlow(terminal, PaymentJournal(connect(db), clock), backoff=BACKOFF)
            # WHEN the lane starts again (visit-in's record is not in this lane's store)
            lines = reconcile_payments(flow, connect(db))
            # ... and once visit-in has an approval of its own too (its balance)
            own = flow.pay("visit-in", eur(3000))
            assert own.state is PaymentState.APPROVED
            both = reconcile_payments(flow, connect(db))
    finally:
        simulator.stop()
    task = q.deposit_task(connect(db, migrate=False), preauth)
    assert task is not None
    capture = (
        f"deposit capture {task.reference} of stay S1 (120.50 EUR) queued at its check-out: "
        "done (not a payment of visit visit-in)"
    )
    # THEN the capture is named as the check-out's, the check-in visit is not listed
    assert lines == [capture]
    assert not any("stopped part-way" in line for line in lines)
    # ... while a payment of the visit's own still lists the visit
    assert both == [
        "visit visit-in stopped part-way after a card payment: check the stay's bill",
        capture,
    ]
