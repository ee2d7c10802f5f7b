"""A guest's card payment while another guest's queued deposit capture is unresolved
(kiosk.app.hotel.ports.HotelPayments with a DepositQueue), on a real SQLite lane store.

GIVEN guest A left with the deposit capture queued and its outcome UNKNOWN (the terminal
went away mid-capture; the background sender asks it again each round), WHEN guest B
pays, THEN nothing is sent and B hears "declined, try again": never an unknown outcome
naming A's capture, whose staff verdict would count A's capture as B's payment (B's
bill credited with money B never paid) or, refused, cancel A's capture and have the
sender capture A's deposit again.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from kiosk.app.hotel.deposits import DepositQueue
from kiosk.app.hotel.ports import HotelPayments
from kiosk.backoffice.mail.sim import free_port
from kiosk.domain.hotel import effects as fx
from kiosk.domain.hotel import events as ev
from kiosk.domain.money import Money
from kiosk.payment.flow import PaymentFlow
from kiosk.payment.journal import PaymentJournal, PaymentState
from kiosk.payment.nexo.driver import NexoTerminal
from kiosk.payment.types import Outcome, PaymentKind, PaymentResult
from kiosk.store import hotel_queues as q
from kiosk.store.db import connect


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def clock() -> datetime:
    return datetime.now(UTC)


def test_a_guests_payment_is_never_taken_for_another_guests_unresolved_capture(
    tmp_path: Path,
) -> None:
    db = tmp_path / "lane.db"
    conn = connect(db)
    journal = PaymentJournal(conn, clock)
    # GIVEN guest A's deposit (150.00) and its capture (120.00) queued and UNKNOWN
    journal.open("preauthofa", "visit-a", PaymentKind.PREAUTH, eur(15000))
    approved = PaymentResult("preauthofa", Outcome.APPROVED, eur(15000), "A1")
    journal.settle("preauthofa", PaymentState.APPROVED, approved)
    q.queue_deposit(conn, preauth_ref="preauthofa", action="capture", amount_minor=12000,
                    currency="EUR", reference="captureofa")  # fmt: skip
    journal.open("captureofa", "visit-a", PaymentKind.COMPLETION, eur(12000), "preauthofa")
    journal.settle("captureofa", PaymentState.UNKNOWN, note="terminal cannot tell")
    # nothing listens on the terminal's port: a request that went out would fail
    terminal = NexoTerminal(f"http://127.0.0.1:{free_port()}/nexo", "lane-01", "SIM-0001",
                            None, payment_timeout=2, connect_timeout=0.5)  # fmt: skip
    deposits = DepositQueue(lambda: connect(db, migrate=False), terminal, clock)
    flow = PaymentFlow(terminal, PaymentJournal(connect(db, migrate=False), clock))
    payments = HotelPayments(flow, clock, "EUR", deposits)
    # WHEN guest B pays the balance (50.00), or pre-authorises a deposit
    for effect in (
        fx.ChargeBalance("visit-b", "S2", eur(5000)),
        fx.PreauthoriseDeposit("visit-b", "S2", eur(10000)),
    ):
        answer = payments.run(effect)
        # THEN B is declined (try again), A's capture is not named
        assert isinstance(answer, ev.PaymentDeclined), answer
        assert answer.reference == ""
    # nothing was sent for B; A's capture is still the sender's to ask about
    assert [r.sale_id for r in journal.all()] == ["visit-a", "visit-a"]
    assert journal.get("captureofa").state is PaymentState.UNKNOWN
