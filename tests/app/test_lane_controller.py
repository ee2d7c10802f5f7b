"""The lane controller over a real SQLite store: scans become journaled lines, a paid
sale is committed with its outbox row, and an open basket comes back after a restart."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from kiosk.app.lane import LaneController, LaneIdentity
from kiosk.domain.checkout import effects as fx
from kiosk.domain.checkout.events import Event, PaymentApproved, PaymentDeclined, PayRequested
from kiosk.domain.checkout.machine import Checkout
from kiosk.domain.checkout.states import CheckoutSettings, Phase
from kiosk.domain.gs1.scan import ScanRules
from kiosk.domain.money import Money
from kiosk.domain.tax import TaxRules
from kiosk.store.catalog import CatalogRepository
from kiosk.store.db import connect
from kiosk.store.journal import BasketJournal
from kiosk.store.sales import complete_sale
from kiosk.store.sample_catalog import sample_items

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


class ScriptedPayments:
    """A payment port whose terminal answers from a script (the real flow has its own tests)."""

    def __init__(self, outcomes: list[str]) -> None:
        self.outcomes = outcomes
        self.started: list[Money] = []

    def start(self, basket_id: str, amount: Money, deliver: Callable[[Event], None]) -> None:
        self.started.append(amount)
        outcome = self.outcomes.pop(0)
        reference = f"ref-{len(self.started)}"
        if outcome == "approve":
            deliver(
                PaymentApproved(
                    reference,
                    amount,
                    NOW,
                    auth_code="123456",
                    masked_pan="************1234",
                    brand="VISA",
                )
            )
        else:
            deliver(PaymentDeclined(reference, "declined by issuer", NOW))

    def abort(self, basket_id: str) -> None:
        pass


def build(db: Path, payments: ScriptedPayments) -> LaneController:
    conn = connect(db)
    catalog = CatalogRepository(conn)
    if catalog.count() == 0:
        catalog.upsert(sample_items())
    settings = CheckoutSettings(
        "EUR",
        TaxRules.from_strings(
            {"standard": "21", "reduced": "10", "super_reduced": "4", "zero": "0"}
        ),
    )
    return LaneController(
        identity=LaneIdentity("store-1", "lane-1"),
        settings=settings,
        scan_rules=ScanRules.for_country("es"),
        catalog=catalog,
        journal=BasketJournal(conn),
        commit_sale=lambda doc, basket_id: complete_sale(conn, doc, basket_id=basket_id),
        payments=payments,
        clock=lambda: NOW,
    )


def counted_gtin() -> str:
    item = next(
        i
        for i in sample_items()
        if i.gtins and i.age_limit is None and not i.sold_by_weight and i.quantity_limit is None
    )
    return item.gtins[0][1:]  # as an EAN-13 scanner sends it


def run(
    lane: LaneController, action: Callable[[], None], until: Callable[[Checkout], bool]
) -> Checkout:
    """Do ``action`` on the running lane and wait for the broadcast that satisfies ``until``."""
    seen = threading.Event()
    result: list[Checkout] = []

    def listener(checkout: Checkout, effects: list[Any]) -> None:
        if until(checkout):
            result.append(checkout)
            seen.set()

    lane.listeners.append(listener)
    action()
    assert seen.wait(10), "the lane never reached the expected state"
    lane.listeners.remove(listener)
    return result[0]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "lane.sqlite3"


def test_scan_pay_commit_writes_sale_and_outbox(db: Path) -> None:
    payments = ScriptedPayments(["approve"])
    lane = build(db, payments)
    lane.start()
    try:
        code = counted_gtin()
        checkout = run(lane, lambda: lane.scan(code), lambda c: len(c.basket.lines) == 1)
        assert checkout.phase is Phase.SHOPPING
        run(
            lane,
            lambda: lane.scan(code),
            lambda c: len(c.basket.lines) >= 2 or c.basket.lines[0].quantity == 2,
        )
        done = run(lane, lambda: lane.submit(PayRequested), lambda c: c.phase is Phase.FINISHED)
    finally:
        lane.stop()
    conn = connect(db)
    rows = conn.execute(
        "SELECT transaction_id, payload FROM outbox JOIN outbox_payload USING (id)"
    ).fetchall()
    assert len(rows) == 1
    document = json.loads(rows[0]["payload"])
    assert document["transaction_id"] == done.basket.basket_id
    assert document["totals"]["total"] == payments.started[0].minor
    assert document["payments"][0]["masked_pan"] == "************1234"
    assert BasketJournal(conn).restore() == []


def test_declined_card_keeps_basket_then_approval_completes(db: Path) -> None:
    payments = ScriptedPayments(["decline", "approve"])
    lane = build(db, payments)
    lane.start()
    try:
        run(lane, lambda: lane.scan(counted_gtin()), lambda c: len(c.basket.lines) == 1)
        declined = run(lane, lambda: lane.submit(PayRequested), lambda c: c.declines == 1)
        assert declined.phase is Phase.SHOPPING
        assert len(declined.basket.active_lines) == 1
        run(lane, lambda: lane.submit(PayRequested), lambda c: c.phase is Phase.FINISHED)
    finally:
        lane.stop()
    payload = (
        connect(db)
        .execute("SELECT payload FROM outbox JOIN outbox_payload USING (id)")
        .fetchone()["payload"]
    )
    outcomes = [p["outcome"] for p in json.loads(payload)["payments"]]
    assert outcomes == ["declined", "approved"]


def test_open_basket_is_restored_after_restart(db: Path) -> None:
    lane = build(db, ScriptedPayments([]))
    lane.start()
    try:
        before = run(lane, lambda: lane.scan(counted_gtin()), lambda c: len(c.basket.lines) == 1)
    finally:
        lane.stop()  # as if the app stopped here; the line is already journaled
    again = build(db, ScriptedPayments([]))
    assert again.checkout.phase is Phase.SHOPPING
    assert again.checkout.basket.basket_id == before.basket.basket_id
    assert again.checkout.basket.lines == before.basket.lines


def test_unreadable_scan_is_refused_with_a_message(db: Path) -> None:
    lane = build(db, ScriptedPayments([]))
    seen: list[list[Any]] = []
    lane.listeners.append(lambda checkout, effects: seen.append(effects))
    lane.start()
    try:
        lane.scan("]E04006381333932")  # EAN-13 with a wrong check digit
        lane.stop()
    finally:
        lane.stop()
    assert seen, "no broadcast for a bad scan"
    assert fx.Beep(False) in seen[-1]
    assert any(isinstance(e, fx.ShowMessage) and e.key == "scan.unreadable" for e in seen[-1])
    assert lane.checkout.phase is Phase.IDLE
