"""A hotel lane process for the adjust kill tests (run by test_hotel_adjust_kill9.py).

``adjust_child.py DB URL adjust PREAUTH AMOUNT``: start as the lane does (reconcile the
payment journal), raise pre-authorisation PREAUTH to AMOUNT as the check-out's
``AdjustDeposit`` does, print ``adjusted <event>``, then wait to be killed (before the
capture). ``adjust_child.py DB URL checkout PREAUTH AMOUNT``: start as the lane does,
then go through the check-out's deposit again as a visit asked again does: adjust to
AMOUNT, capture AMOUNT (queued), run the sender until nothing is left, print
``captured <event> <event>``.
"""

from __future__ import annotations

import sys
import threading
from datetime import UTC, datetime

from kiosk.app.hotel.deposits import DepositQueue
from kiosk.app.hotel.ports import HotelPayments
from kiosk.domain.hotel import effects as fx
from kiosk.domain.money import Money
from kiosk.payment.flow import PaymentFlow
from kiosk.payment.journal import PaymentJournal
from kiosk.payment.nexo.driver import NexoTerminal
from kiosk.store.db import connect

BACKOFF = (0.05, 0.1, 0.2)


def clock() -> datetime:
    return datetime.now(UTC)


def main() -> int:
    db, url, mode, preauth, minor = sys.argv[1:6]
    amount = Money(int(minor), "EUR")
    terminal = NexoTerminal(url, "lane-01", "SIM-0001", None, payment_timeout=60.0)
    flow = PaymentFlow(terminal, PaymentJournal(connect(db), clock), backoff=BACKOFF)
    flow.reconcile()  # what build_hotel does before the lane starts
    deposits = DepositQueue(lambda: connect(db, migrate=False), terminal, clock, wait_s=0,
                            backoff=BACKOFF)  # fmt: skip
    payments = HotelPayments(flow, clock, "EUR", deposits)
    adjusted = payments.run(fx.AdjustDeposit(preauth, amount))
    if mode == "adjust":
        print(f"adjusted {type(adjusted).__name__}", flush=True)
        threading.Event().wait()
    captured = payments.run(fx.CaptureDeposit(preauth, amount))
    while deposits.run_once():
        threading.Event().wait(0.05)
    print(f"captured {type(adjusted).__name__} {type(captured).__name__}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
