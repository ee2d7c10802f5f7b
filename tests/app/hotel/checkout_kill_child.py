"""A hotel lane process for the check-out-after-a-crash test (run by
test_hotel_checkout_capture_kill9.py).

``checkout_kill_child.py DB URL capture PREAUTH AMOUNT``: start as the lane does (reconcile
the payment journal), capture AMOUNT of PREAUTH as the check-out's ``CaptureDeposit``
does (queued, no sender running), print ``queued REF``, then wait to be killed (before the
capture is posted to the bill). ``checkout_kill_child.py DB URL checkout BILL [POSTED]``:
start as the lane does and check stay S1 out again as the machine does with a bill of
BILL (POSTED: payment references the bill already shows, comma-separated): look up the
deposit (the runner's :class:`~kiosk.app.hotel.runner.HotelStays`), adjust it if the bill
is above it, capture, charge the rest by card, run the sender until nothing is left, and
print ``deposit D captured C REF card K``.
"""

from __future__ import annotations

import sys
import threading
from datetime import UTC, datetime

from kiosk.app.hotel.deposits import DepositQueue
from kiosk.app.hotel.ports import HotelPayments
from kiosk.app.hotel.runner import HotelStays
from kiosk.domain.hotel import effects as fx
from kiosk.domain.hotel import events as ev
from kiosk.domain.money import Money
from kiosk.payment.flow import PaymentFlow
from kiosk.payment.journal import PaymentJournal
from kiosk.payment.nexo.driver import NexoTerminal
from kiosk.store.db import connect

BACKOFF = (0.05, 0.1, 0.2)


def clock() -> datetime:
    return datetime.now(UTC)


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def main() -> int:
    db, url, mode = sys.argv[1:4]
    terminal = NexoTerminal(url, "lane-01", "SIM-0001", None, payment_timeout=60.0)
    conn = connect(db)
    journal = PaymentJournal(conn, clock)
    flow = PaymentFlow(terminal, journal, backoff=BACKOFF)
    flow.reconcile()  # what build_hotel does before the lane starts
    deposits = DepositQueue(lambda: connect(db, migrate=False), terminal, clock, wait_s=0,
                            backoff=BACKOFF)  # fmt: skip
    payments = HotelPayments(flow, clock, "EUR", deposits)
    if mode == "capture":
        preauth, amount = sys.argv[4], int(sys.argv[5])
        event = payments.run(fx.CaptureDeposit(preauth, eur(amount)))
        print(f"queued {getattr(event, 'reference', '')}", flush=True)
        threading.Event().wait()
    bill = int(sys.argv[4])
    posted = set(sys.argv[5].split(",")) if len(sys.argv) > 5 else set()
    found = HotelStays(conn, "EUR", journal).held_deposit("S1", lambda ref: ref in posted)
    due, captured, reference, card = bill, 0, "-", 0
    if found is not None:  # as the machine's _settle_deposit decides
        preauth, held = found
        if due > held.minor:
            adjusted = payments.run(fx.AdjustDeposit(preauth, eur(due)))
            held = eur(due) if isinstance(adjusted, ev.PaymentApproved) else held
        event = payments.run(fx.CaptureDeposit(preauth, eur(min(due, held.minor))))
        assert isinstance(event, ev.PaymentApproved), event
        captured, reference = event.amount.minor, event.reference
        due -= captured
    if due > 0:
        charged = payments.run(fx.ChargeBalance("visit-out", "S1", eur(due)))
        assert isinstance(charged, ev.PaymentApproved), charged
        card = charged.amount.minor
    while deposits.run_once():
        threading.Event().wait(0.05)
    held_minor = found[1].minor if found is not None else 0
    print(f"deposit {held_minor} captured {captured} {reference} card {card}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
