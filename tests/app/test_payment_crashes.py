"""The lane's money promises after a crash mid-payment, through the real lane (DESIGN.md
invariants 3 and 9): the lane is a real process SIGKILLed while the card terminal (the
nexo simulator, over HTTP) is still working on a payment; the next lane is built from the
same SQLite file; the attendant acts through ``AttendantService`` with a signed-in member
of staff. Each test ends by checking the invariant itself: what the terminal's own ledger
says the cards carry, per basket, equals what the stored sales are due.

The sequences are the ones an adversarial run found (issue 9, items 1-4).
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from app_fixtures import MILK, wait_for
from money import money_mismatches

from kiosk.app.attendant import AttendantError
from kiosk.app.demo import DemoRig
from kiosk.app.wiring import Lane, build_lane
from kiosk.config import KioskConfig
from kiosk.domain.checkout.events import InterventionResolved, PayRequested
from kiosk.domain.checkout.interventions import InterventionKind
from kiosk.domain.checkout.states import Phase
from kiosk.domain.staff import Role, Staff
from kiosk.payment.errors import JournalError
from kiosk.payment.journal import PaymentState
from kiosk.payment.sim.ledger import Ledger
from kiosk.payment.sim.server import TerminalServer
from kiosk.payment.sim.terminal import Scenario, SimulatedTerminal
from kiosk.store.db import connect
from kiosk.store.sales import load_sale_document

EGGS = "8410000000139"  # Casa Mía free-range eggs 6, 1.85 EUR (milk is 0.95)
CHILD = Path(__file__).with_name("lane_proc.py")


def quick(config: KioskConfig, terminal_url: str | None = None) -> KioskConfig:
    """Short terminal waits (the simulator answers at once or not at all)."""
    payment = dataclasses.replace(
        config.payment,
        payment_timeout_s=1.0,
        request_timeout_s=1.0,
        status_backoff_s=(0.05, 0.05),
        terminal_url=terminal_url or config.payment.terminal_url,
    )
    return dataclasses.replace(config, payment=payment)


def dead_url() -> str:
    """A terminal URL nothing answers on (the terminal is unplugged)."""
    with TerminalServer(SimulatedTerminal(Ledger(), show=lambda s: None)) as gone:
        return gone.url


def crash_while_paying(rig: DemoRig, config: KioskConfig, tmp_path: Path) -> str:
    """A lane process scans milk and pays; it is SIGKILLed while the terminal works on
    the payment. Returns the basket id."""
    pickled = tmp_path / "lane-config.pickle"
    pickled.write_bytes(pickle.dumps(config))
    env = {**os.environ, "PYTHONPATH": str(Path.cwd())}
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(pickled), f"scan {MILK}", "pay"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        assert child.stdout is not None
        lines = [child.stdout.readline().decode().strip() for _ in range(3)]
        assert lines[-1] == "ready", (lines, child.stderr.read().decode()[-2000:])  # type: ignore[union-attr]
        deadline = time.monotonic() + 20
        while not [e for e in rig.terminal.ledger.entries() if e.state == "in_progress"]:
            assert time.monotonic() < deadline, "the terminal never saw the payment"
            time.sleep(0.01)
    finally:
        child.send_signal(signal.SIGKILL)
        child.communicate()
    conn = connect(config.store.path, migrate=False)
    (basket_id,) = [r[0] for r in conn.execute("SELECT basket_id FROM open_basket")]
    conn.close()
    return basket_id


def with_staff(lane: Lane) -> Any:
    service = lane.attendant
    assert service is not None
    service.staff_repo.add(Staff("s-2", "Sam", Role.SUPERVISOR), pin="2468")
    service.sign_in_pin("s-2", "2468")
    return service


def until_terminal_finishes(act: Callable[[], Any], timeout: float = 20.0) -> Any:
    """Repeat the attendant's action while the lane refuses it because the terminal is
    still working on the payment (as a person would, a moment later)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return act()
        except AttendantError as error:
            if "still working" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.02)


def terminal_charges(rig: DemoRig) -> list[int]:
    return [
        e.amount_minor
        for e in rig.terminal.ledger.entries()
        if e.category == "Payment" and e.state == "approved"
    ]


def test_underpayment_after_a_crash_is_impossible(
    rig_config: tuple[DemoRig, KioskConfig], tmp_path: Path
) -> None:
    """Item 1: a payment of 0.95 still running when the lane dies, unknown after the
    restart, later approved; the shopper adds eggs (2.80) and pays; the attendant approves.
    The sale must not be stored as paid 2.80 while the terminal took 0.95."""
    rig, config = rig_config
    config = quick(config)
    rig.terminal.late_delay = 2.0
    rig.terminal.queue(Scenario.SLOW)  # approves after 2 s; an abort cannot stop it
    basket_id = crash_while_paying(rig, config, tmp_path)

    lane = build_lane(config, with_sync=False)
    lane.start()
    try:
        service = with_staff(lane)
        lane.controller.scan(EGGS)  # the shopper adds eggs (refused while help is needed)
        lane.controller.submit(PayRequested)
        wait_for(lane, lambda c: c.phase is Phase.INTERVENTION)
        until_terminal_finishes(lambda: service.resolve_pending(True))
        checkout = lane.controller.checkout
        if checkout.phase is Phase.SHOPPING:  # something still due: the shopper pays it
            lane.controller.submit(PayRequested)
        done = wait_for(lane, lambda c: c.phase is Phase.FINISHED)
    finally:
        lane.stop()
    document = load_sale_document(connect(config.store.path, migrate=False), basket_id)
    assert document is not None
    assert sum(terminal_charges(rig)) == done.totals().total.minor == document["totals"]["total"]
    assert all(p["auth_code"] for p in document["payments"] if p["outcome"] == "approved")
    assert money_mismatches(config.store.path, rig.terminal.ledger) == []


def test_no_double_charge_when_an_attendant_confirmed_payment_meets_a_grown_basket(
    rig_config: tuple[DemoRig, KioskConfig], tmp_path: Path
) -> None:
    """Item 2: the attendant records the earlier payment (0.95) as paid while the terminal
    cannot be asked (no terminal transaction id), the lane dies before the sale commits,
    and the basket is bigger after the restart. The shopper must pay only the rest."""
    rig, config = rig_config
    rig.terminal.late_delay = 1.0
    rig.terminal.queue(Scenario.SLOW)
    basket_id = crash_while_paying(rig, quick(config), tmp_path)

    # the attendant looks at the terminal's screen once it has finished: approved
    until(lambda: [e.state for e in rig.terminal.ledger.entries()] == ["approved"])
    unplugged = build_lane(quick(config, dead_url()), with_sync=False)
    unplugged.controller.commit_sale = lambda document, basket: (_ for _ in ()).throw(
        OSError("power cut")  # the lane dies before the sale is stored
    )
    unplugged.start()
    try:
        wait_for(unplugged, lambda c: c.phase is Phase.INTERVENTION)
        with_staff(unplugged).resolve_pending(True, note="terminal screen shows approved")
        wait_for(unplugged, lambda c: c.phase is Phase.COMPLETING)
    finally:
        unplugged.stop()
    (record,) = unplugged.payment_flow.journal.for_sale(basket_id)
    assert (record.state, record.resolved_by, record.terminal_transaction_id) == (
        PaymentState.APPROVED,
        "s-2",
        None,
    )
    conn = connect(config.store.path, migrate=False)  # the shopper had added a second milk
    conn.execute("UPDATE open_basket_line SET quantity = 2 WHERE basket_id = ?", (basket_id,))
    conn.close()

    lane = build_lane(quick(config), with_sync=False)
    lane.start()
    try:
        assert lane.controller.checkout.phase is Phase.SHOPPING
        done = wait_for(
            lane, lambda c: c.phase is Phase.FINISHED, lambda: lane.controller.submit(PayRequested)
        )
    finally:
        lane.stop()
    assert terminal_charges(rig) == [95, 95]  # the earlier 0.95 counted; only 0.95 more
    assert done.totals().total.minor == 190
    assert money_mismatches(config.store.path, rig.terminal.ledger) == []


@pytest.mark.parametrize("verdict", [False, True], ids=["not-paid", "paid"])
def test_a_payment_still_running_after_a_crash_is_never_charged_twice(
    rig_config: tuple[DemoRig, KioskConfig], tmp_path: Path, verdict: bool
) -> None:
    """Item 3: the terminal is still working on the payment when the lane restarts, and
    the attendant gives a verdict while it still says "in progress"; it approves later."""
    rig, config = rig_config
    config = quick(config)
    rig.terminal.late_delay = 1.5
    rig.terminal.queue(Scenario.SLOW)
    crash_while_paying(rig, config, tmp_path)

    lane = build_lane(config, with_sync=False)
    lane.start()
    try:
        wait_for(lane, lambda c: c.phase is Phase.INTERVENTION)
        service = with_staff(lane)
        until_terminal_finishes(lambda: service.resolve_pending(verdict))
        if lane.controller.checkout.phase is not Phase.FINISHED:
            wait_for(
                lane,
                lambda c: c.phase is Phase.FINISHED,
                lambda: lane.controller.submit(PayRequested),
            )
    finally:
        lane.stop()
    # either verdict: the late approval is the terminal's answer, and it paid the sale
    assert [e.state for e in rig.terminal.ledger.entries()] == ["approved"]
    assert money_mismatches(config.store.path, rig.terminal.ledger) == []


def test_a_payment_the_shopper_is_still_keying_is_aborted_at_start_up(
    rig_config: tuple[DemoRig, KioskConfig], tmp_path: Path
) -> None:
    """Item 3: an abortable payment (PIN entry) running when the lane dies is stopped at
    the terminal by the next start, before anything else: it can never complete later."""
    rig, config = rig_config
    config = quick(config)
    rig.terminal.late_delay = 30.0
    rig.terminal.queue(Scenario.LATE)
    crash_while_paying(rig, config, tmp_path)
    lane = build_lane(config, with_sync=False)
    assert [e.state for e in rig.terminal.ledger.entries()] == ["cancelled"]
    assert lane.controller.checkout.phase is Phase.SHOPPING
    lane.start()
    try:
        wait_for(
            lane, lambda c: c.phase is Phase.FINISHED, lambda: lane.controller.submit(PayRequested)
        )
    finally:
        lane.stop()
    assert terminal_charges(rig) == [95]
    assert money_mismatches(config.store.path, rig.terminal.ledger) == []


def test_a_full_disk_while_the_terminal_approves_is_settled_by_the_attendant(
    rig_config: tuple[DemoRig, KioskConfig],
) -> None:
    """Item 4: the journal cannot be written when the approval arrives (disk full): the
    payment stays SENT; the attendant's screen must be able to settle it once the store
    can be written again, without `kiosk payment reconcile` by hand."""
    rig, config = rig_config
    lane = build_lane(quick(config), with_sync=False)
    journal = lane.payment_flow.journal
    settle = journal.settle
    disk_full = [True]

    def settle_or_full(*args: Any, **kwargs: Any) -> Any:
        if disk_full[0]:
            raise JournalError("payment journal: cannot settle: database or disk is full")
        return settle(*args, **kwargs)

    journal.settle = settle_or_full  # type: ignore[method-assign]
    lane.start()
    try:
        wait_for(lane, lambda c: len(c.basket.lines) == 1, lambda: lane.controller.scan(MILK))
        basket_id = lane.controller.checkout.basket.basket_id
        paused = wait_for(
            lane,
            lambda c: c.phase is Phase.INTERVENTION,
            lambda: lane.controller.submit(PayRequested),
        )
        assert paused.pending is not None
        assert paused.pending.kind is InterventionKind.PAYMENT_UNKNOWN
        assert [r.state for r in journal.for_sale(basket_id)] == [PaymentState.SENT]
        assert terminal_charges(rig) == [95]  # the terminal did take the money
        service = with_staff(lane)
        with pytest.raises(AttendantError, match="disk is full"):
            service.resolve_pending(False)  # still full: nothing can be recorded
        disk_full[0] = False  # space freed
        service.resolve_pending(False, note="terminal screen was blank")
        # the terminal's answer (approved) counts, whatever the verdict: the sale is paid
        wait_for(lane, lambda c: c.phase is Phase.FINISHED)
    finally:
        lane.stop()
    assert [r.state for r in journal.for_sale(basket_id)] == [PaymentState.APPROVED]
    assert money_mismatches(config.store.path, rig.terminal.ledger) == []


def test_a_sale_the_journal_does_not_pay_is_never_stored(
    rig_config: tuple[DemoRig, KioskConfig],
) -> None:
    """The last line of defence: whatever the checkout believes (here a confirmation that
    bypassed the payment journal, as the demo console's `approve` does), the store refuses
    a sale whose journaled card payments do not add up to its total; the lane calls the
    attendant and takes the journal's word for what is paid."""
    rig, config = rig_config
    lane = build_lane(quick(config), with_sync=False)
    rig.terminal.queue(Scenario.HANG)
    lane.start()
    try:
        wait_for(lane, lambda c: len(c.basket.lines) == 1, lambda: lane.controller.scan(MILK))
        basket_id = lane.controller.checkout.basket.basket_id
        wait_for(
            lane,
            lambda c: c.phase is Phase.INTERVENTION,
            lambda: lane.controller.submit(PayRequested),
        )
        lane.controller.submit(
            lambda at: InterventionResolved(InterventionKind.PAYMENT_UNKNOWN, "s-9", True, at)
        )
        refused = wait_for(
            lane,
            lambda c: c.pending is not None and c.pending.kind is InterventionKind.PAYMENT_FAILURE,
        )
        assert refused.pending is not None
        assert "card payments 0.00 EUR in the journal" in refused.pending.detail
        assert load_sale_document(connect(config.store.path, migrate=False), basket_id) is None
        # the attendant sorts it out through the lane: the frozen terminal is restarted,
        # the payment found not taken, and the shopper pays
        service = with_staff(lane)
        service.resolve_pending(True)
        wait_for(
            lane,
            lambda c: c.phase is Phase.INTERVENTION,
            lambda: lane.controller.submit(PayRequested),
        )
        rig.terminal.power_cycle()
        service.resolve_pending(False)
        wait_for(
            lane, lambda c: c.phase is Phase.FINISHED, lambda: lane.controller.submit(PayRequested)
        )
    finally:
        lane.stop()
    assert terminal_charges(rig) == [95]
    assert money_mismatches(config.store.path, rig.terminal.ledger) == []


def test_money_that_cannot_be_given_back_calls_the_attendant_until_it_is(
    rig_config: tuple[DemoRig, KioskConfig],
) -> None:
    """A card approved for a basket that was then lost (the lane died; the basket is gone)
    must be reversed at start-up; with the terminal unplugged that fails, and the lane
    calls the attendant instead of only logging it. Clearing the call tries again: refused
    while the terminal is still off, done once it is back."""
    rig, config = rig_config
    lane = build_lane(quick(config), with_sync=False)
    lane.controller.commit_sale = lambda document, basket: (_ for _ in ()).throw(
        OSError("power cut")
    )
    lane.start()
    try:
        wait_for(lane, lambda c: len(c.basket.lines) == 1, lambda: lane.controller.scan(MILK))
        basket_id = lane.controller.checkout.basket.basket_id
        wait_for(
            lane,
            lambda c: c.phase is Phase.COMPLETING,
            lambda: lane.controller.submit(PayRequested),
        )
    finally:
        lane.stop()
    conn = connect(config.store.path, migrate=False)  # the basket was lost with the lane
    conn.execute("DELETE FROM open_basket_line WHERE basket_id = ?", (basket_id,))
    conn.execute("DELETE FROM open_basket WHERE basket_id = ?", (basket_id,))
    conn.close()
    port = rig.terminal_server.port
    rig.terminal_server.stop()  # the terminal is unplugged

    again = build_lane(quick(config), with_sync=False)
    again.start()
    try:
        paused = wait_for(again, lambda c: c.phase is Phase.INTERVENTION)
        assert paused.pending is not None
        assert paused.pending.kind is InterventionKind.DEVICE_FAULT
        assert "could not be given back" in paused.pending.detail
        service = with_staff(again)
        with pytest.raises(AttendantError, match="could not be given back"):
            service.clear_device_fault()
        with TerminalServer(rig.terminal, port=port):  # plugged back in
            service.clear_device_fault()
        assert again.controller.checkout.phase is Phase.IDLE
    finally:
        again.stop()
    assert [(e.category, e.state) for e in rig.terminal.ledger.entries()] == [
        ("Payment", "reversed"),
        ("Reversal", "approved"),
    ]
    assert money_mismatches(config.store.path, rig.terminal.ledger) == []
