"""A hotel lane process for the deposit kill tests (run by test_hotel_deposits.py).

``deposit_child.py DB URL queue PREAUTH AMOUNT``: queue the capture of AMOUNT against
pre-authorisation PREAUTH with no sender running (``wait_s`` 0), print ``queued REF``,
then wait to be killed. ``deposit_child.py DB URL send``: start as the lane does
(reconcile the payment journal) and run the sender's round until nothing is left,
printing ``left N`` after each round; with ``send-hang`` the capture is sent and the
process waits to be killed while the terminal holds it. ``deposit_child.py DB URL rounds
N``: start as the lane does, run N of the sender's rounds, print ``alerts KIND...`` (the
front desk's open alerts), then wait to be killed. The queue raises a deposit whose
outcome stays unknown after 3 rounds, with the lane's ids (store-001 / lane-01).
"""

from __future__ import annotations

import sys
import threading
from datetime import UTC, datetime

from kiosk.app.hotel.deposits import DepositQueue
from kiosk.app.service_events import Ids
from kiosk.domain.hotel import effects as fx
from kiosk.domain.money import Money
from kiosk.payment.flow import PaymentFlow
from kiosk.payment.journal import PaymentJournal
from kiosk.payment.nexo.driver import NexoTerminal
from kiosk.store.db import connect


def clock() -> datetime:
    return datetime.now(UTC)


def main() -> int:
    db, url, mode = sys.argv[1], sys.argv[2], sys.argv[3]
    terminal = NexoTerminal(url, "lane-01", "SIM-0001", None, payment_timeout=60.0)
    conn = connect(db)
    flow = PaymentFlow(terminal, PaymentJournal(conn, clock), backoff=(0.05, 0.1, 0.2))
    flow.reconcile()  # what build_hotel does before the lane starts
    deposits = DepositQueue(lambda: connect(db, migrate=False), terminal, clock, wait_s=0,
                            backoff=(0.05, 0.1, 0.2), ids=Ids("store-001", "lane-01"),
                            doubt_rounds=3)  # fmt: skip
    if mode == "queue":
        preauth, amount = sys.argv[4], int(sys.argv[5])
        event = deposits.settle(fx.CaptureDeposit(preauth, Money(amount, "EUR")), None)
        print(f"queued {getattr(event, 'reference', '')}", flush=True)
        threading.Event().wait()
    if mode == "rounds":
        for _ in range(int(sys.argv[4])):
            deposits.run_once()
        print("alerts " + " ".join(a.kind for a in deposits.alerts()), flush=True)
        threading.Event().wait()
    while True:
        left = deposits.run_once()
        print(f"left {left}", flush=True)
        if left == 0:
            return 0
        threading.Event().wait(0.05)


if __name__ == "__main__":
    sys.exit(main())
