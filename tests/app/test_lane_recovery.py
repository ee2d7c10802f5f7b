"""Crashes around a card payment, through the real lane: real payment flow, the nexo
terminal simulator over HTTP, and the SQLite store (DESIGN.md invariants 1-3).

GIVEN a card approved for the basket WHEN the lane dies before the sale is stored
THEN on restart the lane completes that sale with that payment: the card is charged
once, the sale is stored once, and the shopper is not asked to pay again."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.app.demo import DemoRig
from kiosk.app.wiring import Lane, build_lane
from kiosk.config import KioskConfig, load_config
from kiosk.domain.checkout.events import PayRequested
from kiosk.domain.checkout.machine import Checkout
from kiosk.domain.checkout.states import Phase
from kiosk.payment.journal import PaymentState
from kiosk.store.catalog_import import import_csv
from kiosk.store.db import connect

ROOT = Path(__file__).resolve().parents[2]
MILK = "8410000000016"


@pytest.fixture
def rig_config(tmp_path: Path) -> Iterator[tuple[DemoRig, KioskConfig]]:
    config = load_config(ROOT / "config" / "demo.toml", environ={})
    config = dataclasses.replace(
        config,
        store=dataclasses.replace(config.store, path=tmp_path / "lane.sqlite3"),
        devices=(),
    )
    conn = connect(config.store.path)
    import_csv(conn, ROOT / "assets" / "catalog" / "sample_catalog.csv", progress=False)
    conn.close()
    with DemoRig(tmp_path / "rig", with_hq=False) as rig:
        yield rig, dataclasses.replace(rig.configure(config), devices=())


def wait_for(lane: Lane, until: Any, action: Any = None, timeout: float = 20) -> Checkout:
    reached = threading.Event()

    def listener(checkout: Checkout, effects: list[Any]) -> None:
        if until(checkout):
            reached.set()

    lane.controller.listeners.append(listener)
    if action is not None:
        action()
    if until(lane.controller.checkout):
        reached.set()
    assert reached.wait(timeout), f"lane stuck in {lane.controller.checkout.phase}"
    lane.controller.listeners.remove(listener)
    return lane.controller.checkout


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


def test_approval_for_a_changed_basket_is_reversed_on_restart(
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
    # The journaled basket no longer matches what was paid (a line appeared).
    conn = connect(config.store.path)
    conn.execute("UPDATE open_basket_line SET quantity = 2 WHERE basket_id = ?", (basket_id,))

    again = build_lane(config, with_sync=False)
    assert again.controller.checkout.phase is Phase.SHOPPING  # pay again, for 2
    entries = rig.terminal.ledger.entries()
    assert [e.category for e in entries] == ["Payment", "Reversal"]
    assert again.payment_flow.journal.unclosed_approved() == []
