"""The journaled flow: every outcome path, never a second charge while unknown."""

from __future__ import annotations

import sqlite3
import threading
from typing import Any

import pytest
from conftest import KEY, FakeClock, wait_for

from kiosk.domain.money import Money
from kiosk.payment.document import sale_payments
from kiosk.payment.errors import (
    JournalError,
    PaymentBlockedError,
    PaymentError,
    PaymentInProgressError,
)
from kiosk.payment.flow import PaymentFlow
from kiosk.payment.journal import PaymentJournal, PaymentState
from kiosk.payment.nexo.crypto import SharedKey
from kiosk.payment.nexo.driver import NexoTerminal
from kiosk.payment.sim.ledger import Ledger
from kiosk.payment.sim.server import TerminalServer
from kiosk.payment.sim.terminal import Scenario, SimulatedTerminal
from kiosk.payment.types import Outcome, PaymentKind, PaymentResult
from kiosk.store.db import connect

EUR = Money(1000, "EUR")


def test_approved_payment_is_journaled_with_its_card_data(
    flow: PaymentFlow, journal: PaymentJournal
) -> None:
    done = flow.pay("sale-1", EUR)
    assert done.state is PaymentState.APPROVED
    assert not done.needs_attendant
    record = journal.get(done.record.reference)
    assert record.masked_pan is not None
    assert record.auth_code
    assert record.receipt_text
    assert record.approved_amount == EUR
    events = journal.conn.execute(
        "SELECT from_state, to_state FROM payment_event WHERE reference = ? ORDER BY id",
        (record.reference,),
    ).fetchall()
    assert [tuple(e) for e in events] == [(None, "SENT"), ("SENT", "APPROVED")]


def test_the_row_is_committed_before_the_request_is_sent(
    flow: PaymentFlow, simulator: SimulatedTerminal, db_path: object
) -> None:
    seen: list[str] = []
    original = simulator.handle

    def spy(body: bytes) -> object:
        other = sqlite3.connect(db_path)  # another connection sees only committed rows
        seen.extend(r[0] for r in other.execute("SELECT state FROM payment"))
        other.close()
        return original(body)

    simulator.handle = spy  # type: ignore[method-assign]
    flow.pay("sale-1", EUR)
    assert seen == ["SENT"]


def test_declined_card_keeps_the_sale_open_and_another_card_pays(
    flow: PaymentFlow, simulator: SimulatedTerminal
) -> None:
    simulator.queue(Scenario.DECLINE)
    assert flow.pay("sale-1", EUR, total=EUR).state is PaymentState.DECLINED
    assert flow.remaining("sale-1", EUR) == EUR
    assert flow.pay("sale-1", EUR, total=EUR).state is PaymentState.APPROVED
    assert flow.remaining("sale-1", EUR) == Money(0, "EUR")


def test_split_tender(flow: PaymentFlow) -> None:
    total = Money(2500, "EUR")
    flow.pay("sale-2", Money(1000, "EUR"), total=total)
    assert flow.remaining("sale-2", total) == Money(1500, "EUR")
    with pytest.raises(PaymentError, match="more than"):
        flow.pay("sale-2", Money(1600, "EUR"), total=total)
    flow.pay("sale-2", Money(1500, "EUR"), total=total)
    assert flow.remaining("sale-2", total) == Money(0, "EUR")


def test_outcome_and_sale_change_share_one_transaction(
    flow: PaymentFlow, journal: PaymentJournal
) -> None:
    journal.conn.execute("CREATE TABLE test_sale (id TEXT, paid INTEGER)")

    def fail(conn: sqlite3.Connection) -> None:
        conn.execute("INSERT INTO test_sale VALUES ('sale-1', 1)")
        raise RuntimeError("sale update failed")

    with pytest.raises(RuntimeError):
        flow.pay("sale-1", EUR, also=fail)
    (record,) = journal.all()
    assert record.state is PaymentState.SENT  # the outcome rolled back with the sale
    assert journal.conn.execute("SELECT count(*) FROM test_sale").fetchone()[0] == 0
    assert [o.state for o in flow.reconcile()] == [PaymentState.APPROVED]


def test_timeout_then_late_approval_found_by_status_inquiry(
    impatient: NexoTerminal,
    journal: PaymentJournal,
    simulator: SimulatedTerminal,
    ledger: Ledger,
) -> None:
    simulator.queue(Scenario.LATE)
    waits: list[float] = []

    def shopper_finishes_while_the_lane_waits(seconds: float) -> None:
        waits.append(seconds)
        simulator.answer_now()
        wait_for(lambda: all(e.state != "in_progress" for e in ledger.entries()))

    flow = PaymentFlow(
        impatient, journal, backoff=(1, 2), sleep=shopper_finishes_while_the_lane_waits
    )
    done = flow.pay("sale-1", EUR)
    assert done.state is PaymentState.APPROVED
    assert not done.needs_attendant
    assert waits == [1]  # asked at once (in progress), waited once, asked again
    assert ledger.approvals(done.record.reference) == 1


def test_hanging_terminal_becomes_unknown_and_blocks_new_charges(
    flow: PaymentFlow, simulator: SimulatedTerminal, ledger: Ledger, sleeps: list[float]
) -> None:
    simulator.queue(Scenario.HANG)
    done = flow.pay("sale-1", EUR)
    assert done.state is PaymentState.UNKNOWN
    assert done.needs_attendant
    assert sleeps == [1, 2, 4, 0.5]  # back-off, then abort and one more look
    with pytest.raises(PaymentBlockedError):
        flow.pay("sale-1", EUR)
    assert len(ledger.entries()) == 1  # nothing was sent again
    # the terminal still says "in progress" (it ignores aborts): no verdict is taken
    with pytest.raises(PaymentInProgressError):
        flow.resolve(done.record.reference, paid=False, staff_id="s-17")
    assert flow.journal.get(done.record.reference).state is PaymentState.UNKNOWN
    # switched off and on, it reports the payment as not taken: that is the outcome
    simulator.power_cycle()
    resolved = flow.resolve(done.record.reference, paid=True, staff_id="s-17")
    assert resolved.state is PaymentState.CANCELLED  # the terminal's word, not the verdict
    assert resolved.resolved_by is None
    assert flow.pay("sale-1", EUR).state is PaymentState.APPROVED


def test_slow_approval_after_an_ignored_abort_wins_over_a_not_paid_verdict(
    flow: PaymentFlow, simulator: SimulatedTerminal, ledger: Ledger
) -> None:
    # GIVEN a payment the terminal approves after the lane gave up on it (abort too late)
    simulator.late_delay = 1.0
    simulator.queue(Scenario.SLOW)
    done = flow.pay("sale-1", EUR)
    assert done.state is PaymentState.UNKNOWN
    # WHEN the attendant says "not paid" while the terminal is still working on it
    with pytest.raises(PaymentInProgressError):
        flow.resolve(done.record.reference, paid=False, staff_id="s-17")
    # THEN nothing is decided; once it finishes, its approval is what counts
    wait_for(lambda: ledger.entries()[0].state == "approved")
    resolved = flow.resolve(done.record.reference, paid=False, staff_id="s-17")
    assert resolved.state is PaymentState.APPROVED
    assert flow.remaining("sale-1", EUR) == Money(0, "EUR")


def offline_flow(journal: PaymentJournal) -> PaymentFlow:
    """A flow whose terminal is unplugged: nothing answers on its port."""
    with TerminalServer(SimulatedTerminal(Ledger(), show=lambda s: None)) as gone:
        dead_url = gone.url
    return PaymentFlow(NexoTerminal(dead_url, "lane-01", "SIM-0001", KEY), journal)


def test_attendant_decides_when_the_terminal_cannot_be_asked(
    flow: PaymentFlow, simulator: SimulatedTerminal, journal: PaymentJournal
) -> None:
    simulator.queue(Scenario.HANG)
    done = flow.pay("sale-1", EUR)
    # the terminal is unplugged: only the attendant's own check can tell
    record = offline_flow(journal).resolve(done.record.reference, paid=True, staff_id="s-1")
    assert record.state is PaymentState.APPROVED
    assert record.resolved_by == "s-1"
    assert flow.remaining("sale-1", EUR) == Money(0, "EUR")
    with pytest.raises(PaymentError):
        flow.resolve(done.record.reference, paid=True, staff_id="s-1")


def test_reversal_of_an_attendant_confirmed_payment_asks_the_terminal_for_its_id(
    flow: PaymentFlow, simulator: SimulatedTerminal, journal: PaymentJournal, ledger: Ledger
) -> None:
    # GIVEN an approval recorded without the terminal's transaction id (an attendant
    # confirmed it while the terminal could not be asked)
    simulator.late_delay = 0.5
    simulator.queue(Scenario.SLOW)
    done = flow.pay("sale-1", EUR)
    assert done.state is PaymentState.UNKNOWN
    wait_for(lambda: ledger.entries()[0].state == "approved")
    confirmed = offline_flow(journal).resolve(done.record.reference, paid=True, staff_id="s-1")
    assert confirmed.state is PaymentState.APPROVED
    assert confirmed.terminal_transaction_id is None
    # WHEN the sale cannot complete and the payment is given back
    reversal = flow.reverse(done.record.reference)
    # THEN the terminal reversed the real transaction
    assert reversal.state is PaymentState.APPROVED
    assert journal.get(done.record.reference).state is PaymentState.REVERSED
    assert {e.category: e.state for e in ledger.entries()} == {
        "Payment": "reversed",
        "Reversal": "approved",
    }


def test_reversal_the_terminal_knows_nothing_of_is_refused_with_the_amount(
    flow: PaymentFlow, journal: PaymentJournal
) -> None:
    journal.open("ref-ghost", "sale-1", PaymentKind.PURCHASE, EUR)
    journal.settle(
        "ref-ghost", PaymentState.APPROVED, PaymentResult("ref-ghost", Outcome.APPROVED, EUR)
    )
    with pytest.raises(PaymentError, match=r"ref-ghost .*holds no approval"):
        flow.reverse("ref-ghost")
    assert journal.get("ref-ghost").state is PaymentState.APPROVED


def test_dropped_connection_after_approval_is_recovered(
    flow: PaymentFlow, simulator: SimulatedTerminal
) -> None:
    simulator.queue(Scenario.DROP)
    done = flow.pay("sale-1", EUR)
    assert done.state is PaymentState.APPROVED
    assert done.record.terminal_transaction_id


def test_unreachable_terminal_cancels_without_inquiry(journal: PaymentJournal) -> None:
    with TerminalServer(SimulatedTerminal(Ledger(), show=lambda s: None)) as server:
        url = server.url
    flow = PaymentFlow(NexoTerminal(url, "lane-01", "SIM-0001", KEY), journal, sleep=pytest.fail)
    done = flow.pay("sale-1", EUR)
    assert done.state is PaymentState.CANCELLED
    assert not done.needs_attendant
    assert done.record.error_condition == "Unreachable"


def test_reversal_after_approval(
    flow: PaymentFlow, journal: PaymentJournal, ledger: Ledger
) -> None:
    paid = flow.pay("sale-1", EUR)
    reversal = flow.reverse(paid.record.reference)
    assert reversal.state is PaymentState.APPROVED
    assert reversal.record.kind is PaymentKind.REVERSAL
    assert journal.get(paid.record.reference).state is PaymentState.REVERSED
    assert flow.remaining("sale-1", EUR) == EUR
    with pytest.raises(PaymentError):
        flow.reverse(paid.record.reference)


def test_preauthorisation_completion_and_refund(flow: PaymentFlow) -> None:
    hold = flow.preauthorise("stay-1", Money(20000, "EUR"))
    assert hold.state is PaymentState.APPROVED
    assert flow.complete(hold.record.reference, EUR).state is PaymentState.APPROVED
    assert flow.refund("sale-9", EUR).state is PaymentState.APPROVED
    cancel = flow.reverse(hold.record.reference)
    assert cancel.record.kind is PaymentKind.PREAUTH_CANCEL


def test_restart_reconciles_sent_payments(
    db_path: object, driver: NexoTerminal, simulator: SimulatedTerminal
) -> None:
    # GIVEN a lane that crashed after the terminal approved but before it recorded it
    conn = connect(db_path)  # type: ignore[arg-type]
    journal = PaymentJournal(conn, FakeClock())
    journal.open("ref-crash", "sale-1", PaymentKind.PURCHASE, EUR)
    driver.purchase(EUR, "ref-crash")
    journal.open("ref-never", "sale-2", PaymentKind.PURCHASE, EUR)  # crashed before sending
    conn.close()
    # WHEN it restarts
    conn = connect(db_path)  # type: ignore[arg-type]
    flow = PaymentFlow(driver, PaymentJournal(conn, FakeClock()), sleep=pytest.fail)
    outcomes = {o.record.reference: o.state for o in flow.reconcile()}
    # THEN the charge is found and the unsent one is cancelled
    assert outcomes == {"ref-crash": PaymentState.APPROVED, "ref-never": PaymentState.CANCELLED}
    conn.close()


def test_journal_refuses_illegal_moves_and_reused_references(journal: PaymentJournal) -> None:
    journal.open("r1", "s", PaymentKind.PURCHASE, EUR)
    journal.settle("r1", PaymentState.DECLINED)
    with pytest.raises(JournalError, match="DECLINED to APPROVED"):
        journal.settle("r1", PaymentState.APPROVED)
    with pytest.raises(JournalError):
        journal.open("r1", "s", PaymentKind.PURCHASE, EUR)
    with pytest.raises(JournalError):
        journal.settle("missing", PaymentState.APPROVED)


def test_schema_refuses_an_unmasked_card_number(journal: PaymentJournal) -> None:
    journal.open("r1", "s", PaymentKind.PURCHASE, EUR)
    with pytest.raises(sqlite3.IntegrityError):
        journal.conn.execute("UPDATE payment SET masked_pan = '4111111111111111'")


def test_payment_of_a_lost_basket_is_reversed_at_start_up(
    flow: PaymentFlow, journal: PaymentJournal, ledger: Ledger
) -> None:
    # GIVEN three approved payments: one whose sale completed, one whose basket is
    # still open, one whose basket was lost in a crash
    done = flow.pay("sale-done", EUR)
    open_ = flow.pay("sale-open", EUR)
    lost = flow.pay("sale-lost", EUR)
    states = {"sale-done": "completed", "sale-open": "open", "sale-lost": "gone"}
    # WHEN the lane restarts and only "sale-open" is still shown
    report = flow.reverse_orphans(states.__getitem__)  # type: ignore[arg-type]
    # THEN only the lost basket's payment is reversed, at the terminal too
    assert [o.record.original_reference for o in report.reversed] == [lost.record.reference]
    assert report.failed == []
    assert journal.get(lost.record.reference).state is PaymentState.REVERSED
    assert journal.get(done.record.reference).state is PaymentState.APPROVED
    assert journal.get(open_.record.reference).state is PaymentState.APPROVED
    assert {e.reference: e.state for e in ledger.entries()}[lost.record.reference] == "reversed"
    assert [r.reference for r in journal.unclosed_approved()] == [open_.record.reference]
    again = flow.reverse_orphans(states.__getitem__)  # type: ignore[arg-type]
    assert (again.reversed, again.failed) == ([], [])


def test_sale_document_payments_list_what_paid(
    flow: PaymentFlow, simulator: SimulatedTerminal, journal: PaymentJournal
) -> None:
    simulator.queue(Scenario.DECLINE)
    flow.pay("sale-1", Money(700, "EUR"))
    paid = flow.pay("sale-1", Money(700, "EUR"))
    (entry,) = sale_payments(journal.for_sale("sale-1"))
    assert entry == {
        "reference": paid.record.reference,
        "method": "card",
        "amount": 700,
        "outcome": "approved",
        "auth_code": paid.record.auth_code,
        "masked_pan": str(paid.record.masked_pan),
        "brand": paid.record.brand,
        "terminal_transaction_id": paid.record.terminal_transaction_id,
    }
    assert "*" in entry["masked_pan"]


def test_shopper_cancels_on_the_screen_while_the_terminal_waits(
    driver: NexoTerminal, journal: PaymentJournal, simulator: SimulatedTerminal, ledger: Ledger
) -> None:
    simulator.queue(Scenario.LATE)  # the terminal waits for a card for a long time
    flow = PaymentFlow(driver, journal, sleep=pytest.fail)
    assert not flow.abort_current()
    outcome: list[PaymentState] = []
    worker = threading.Thread(target=lambda: outcome.append(flow.pay("sale-1", EUR).state))
    worker.start()
    wait_for(lambda: any(e.state == "in_progress" for e in ledger.entries()))
    assert flow.abort_current()
    worker.join(timeout=10)
    assert outcome == [PaymentState.CANCELLED]
    assert ledger.approvals(journal.all()[0].reference) == 0


def test_a_terminal_that_rejects_the_message_cancels_without_attendant(
    server: TerminalServer, journal: PaymentJournal, ledger: Ledger
) -> None:
    wrong_key = NexoTerminal(
        server.url, "lane-01", "SIM-0001", SharedKey("lane-key", 1, "not the terminal's")
    )
    flow = PaymentFlow(wrong_key, journal, sleep=pytest.fail)
    done = flow.pay("sale-1", EUR)
    assert done.state is PaymentState.CANCELLED
    assert not done.needs_attendant
    assert done.record.error_condition == "Rejected"
    assert ledger.entries() == []
    wrong_key.close()


def test_crash_after_a_reversal_was_approved_finishes_it_at_start_up(
    flow: PaymentFlow, journal: PaymentJournal, ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a lane that died after the terminal approved a reversal but before the
    # original payment was marked REVERSED (the second of reverse()'s transactions)
    paid = flow.pay("sale-gone", EUR)
    settle = journal.settle

    def crash_on_reversed(reference: str, state: PaymentState, *args: Any, **kw: Any) -> Any:
        if state is PaymentState.REVERSED:
            raise RuntimeError("power cut")
        return settle(reference, state, *args, **kw)

    monkeypatch.setattr(journal, "settle", crash_on_reversed)
    with pytest.raises(RuntimeError):
        flow.reverse(paid.record.reference)
    monkeypatch.setattr(journal, "settle", settle)
    assert journal.get(paid.record.reference).state is PaymentState.APPROVED
    # WHEN the lane starts again
    flow.reconcile()
    flow.reverse_orphans(lambda sale_id: "gone")
    # THEN the original is REVERSED and the terminal saw exactly one reversal
    assert journal.get(paid.record.reference).state is PaymentState.REVERSED
    reversals = [e for e in ledger.entries() if e.category == "Reversal"]
    assert len(reversals) == 1
