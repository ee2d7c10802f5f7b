"""Crashes around a card payment, through the real lane: real payment flow, the nexo
terminal simulator over HTTP, and the SQLite store (DESIGN.md invariants 1-3).

GIVEN a card approved for the basket WHEN the lane dies before the sale is stored
THEN on restart the lane completes that sale with that payment: the card is charged
once, the sale is stored once, and the shopper is not asked to pay again."""

from __future__ import annotations

import threading
from typing import Any

from app_fixtures import MILK, wait_for

from kiosk.app.demo import DemoRig
from kiosk.app.wiring import build_lane
from kiosk.config import KioskConfig
from kiosk.domain.checkout.events import PayRequested
from kiosk.domain.checkout.states import Phase
from kiosk.payment.journal import PaymentState
from kiosk.store.db import connect
from kiosk.store.sales import load_sale_document


def test_approved_then_crash_before_commit_completes_on_restart(
    rig_config: tuple[DemoRig, KioskConfig],
) -> None:
    rig, config = rig_config
    lane = build_lane(config, with_sync=False)
    crashed = threading.Event()

    def crash(document: dict[str, Any], basket_id: str) -> None:
        crashed.set()
        raise OSError("power cut")  # the lane dies between approval and commit

    lane.controller.commit_sale = crash
    lane.start()
    wait_for(lane, lambda c: len(c.basket.lines) == 1, lambda: lane.controller.scan(MILK))
    basket_id = lane.controller.checkout.basket.basket_id
    lane.controller.submit(PayRequested)
    assert crashed.wait(20)
    lane.stop()
    assert connect(config.store.path).execute("SELECT COUNT(*) FROM sale").fetchone()[0] == 0

    again = build_lane(config, with_sync=False)
    again.start()
    try:
        done = wait_for(again, lambda c: c.phase in (Phase.FINISHED, Phase.IDLE))
    finally:
        again.stop()
    assert done.basket.basket_id == basket_id
    charges = [e for e in rig.terminal.ledger.entries() if e.category == "Payment"]
    assert [e.state for e in charges] == ["approved"]  # charged once, never again
    conn = connect(config.store.path)
    assert [tuple(r) for r in conn.execute("SELECT transaction_id FROM sale")] == [(basket_id,)]
    rows = again.payment_flow.journal.for_sale(basket_id)
    assert [r.state for r in rows] == [PaymentState.APPROVED]
    assert again.payment_flow.journal.unclosed_approved() == []


def test_approval_for_a_grown_basket_counts_and_only_the_rest_is_charged(
    rig_config: tuple[DemoRig, KioskConfig],
) -> None:
    rig, config = rig_config
    lane = build_lane(config, with_sync=False)
    lane.controller.commit_sale = lambda document, basket_id: (_ for _ in ()).throw(
        OSError("power cut")
    )
    lane.start()
    wait_for(lane, lambda c: len(c.basket.lines) == 1, lambda: lane.controller.scan(MILK))
    basket_id = lane.controller.checkout.basket.basket_id
    wait_for(
        lane, lambda c: c.phase is Phase.COMPLETING, lambda: lane.controller.submit(PayRequested)
    )
    lane.stop()
    # The journaled basket no longer matches what was paid (a second milk appeared).
    conn = connect(config.store.path)
    conn.execute("UPDATE open_basket_line SET quantity = 2 WHERE basket_id = ?", (basket_id,))

    again = build_lane(config, with_sync=False)
    assert again.controller.checkout.phase is Phase.SHOPPING  # pay the rest: one milk
    again.start()
    try:
        done = wait_for(
            again,
            lambda c: c.phase is Phase.FINISHED,
            lambda: again.controller.submit(PayRequested),
        )
    finally:
        again.stop()
    entries = rig.terminal.ledger.entries()
    assert [(e.category, e.state) for e in entries] == [
        ("Payment", "approved"),
        ("Payment", "approved"),
    ]
    total = done.totals().total.minor
    assert sum(e.amount_minor for e in entries) == total  # 0.95 + 0.95 for two milks
    document = load_sale_document(conn, basket_id)
    assert document is not None
    assert [p["amount"] for p in document["payments"]] == [e.amount_minor for e in entries]
    assert all(p["auth_code"] for p in document["payments"])
    assert again.payment_flow.journal.unclosed_approved() == []
