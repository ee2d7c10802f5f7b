"""A coupon journaled on an open basket is checked again after a restart past midnight
(the store's, Europe/Madrid), on the lane's one clock set by the test, over a real SQLite
store with the service-event recorder wired as the lane wires it.

GIVEN a basket opened at 23:50 in Madrid with an item, a DataBar coupon valid until
      today (0.25 off, serial numbered) and a store coupon without an expiry (0.30 off)
WHEN  the lane dies and starts again at 00:10 (still the same day in UTC)
THEN  the expired coupon is taken off the basket and its journal, the shopper is told
      when it was valid until, the store coupon stays; one ``coupon.withdrawn`` event
      (``expired``, what it saved, never its serial) goes to the outbox; a second restart
      changes nothing and the sale saves only the store coupon (the serial is not used).
A restart before midnight, or of a basket with an approved payment, keeps the coupon.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from test_lane_controller import ScriptedPayments, run
from test_lane_coupon_events import coupon_events, settle
from test_lane_coupons import _item_gtin13

from kiosk.app.lane import LaneController, LaneIdentity, RecoveredPayments
from kiosk.app.service_recorder import ServiceEventRecorder
from kiosk.domain.checkout import effects as fx
from kiosk.domain.checkout.events import PayRequested
from kiosk.domain.checkout.sale_rules import SaleRules
from kiosk.domain.checkout.states import CheckoutSettings, PaymentRecord, Phase
from kiosk.domain.gs1.coupon import NorthAmericanCoupon, Purchase, RequirementCode, encode_8110
from kiosk.domain.gs1.scan import ScanRules
from kiosk.domain.money import Money
from kiosk.domain.offers.coupons import CouponOffer, Requirement, SaveKind, encode_store_coupon
from kiosk.domain.tax import TaxRules
from kiosk.hq.event_models import EventBatch
from kiosk.store.catalog import CatalogRepository
from kiosk.store.coupons import CouponRepository, record_redemptions
from kiosk.store.db import connect
from kiosk.store.journal import BasketJournal
from kiosk.store.sales import complete_sale
from kiosk.store.sample_catalog import sample_items
from kiosk.store.service_events import queued_events

MADRID = ZoneInfo("Europe/Madrid")
BEFORE_MIDNIGHT = datetime(2026, 11, 22, 22, 50, tzinfo=UTC)  # 23:50 in Madrid
STILL_BEFORE = datetime(2026, 11, 22, 22, 58, tzinfo=UTC)  # 23:58 in Madrid
AFTER_MIDNIGHT = datetime(2026, 11, 22, 23, 10, tzinfo=UTC)  # 00:10 on the 23rd in Madrid
SERIAL = "123456789"
STORE_COUPON = encode_store_coupon("42", "10")


class SetClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def databar_today() -> str:
    """0.25 off the item, valid until 2026-11-22 (the day the basket opened)."""
    gtin13 = _item_gtin13()
    coupon = NorthAmericanCoupon(gtin13[:7], "654321", 25, Purchase(1, RequirementCode.UNITS,
                                 "000"), expiration="261122", serial=SERIAL)  # fmt: skip
    return "]e0" + "8110" + encode_8110(coupon)


EXPIRING_ID = f"8110:{_item_gtin13()[:7]}:654321"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "lane.sqlite3"
    conn = connect(path)
    catalog = CatalogRepository(conn)
    catalog.upsert(sample_items())
    sku = next(i.sku for i in sample_items() if i.gtins and i.gtins[0][1:] == _item_gtin13())
    offer = CouponOffer("store:00042", "0.30 off", SaveKind.AMOUNT_OFF, 30,
                        (Requirement(1, skus=frozenset({sku})),))  # fmt: skip
    CouponRepository(conn).apply_changes([(offer, 1)], [], [], [], 1)
    return path


def lane_at(
    db: Path, clock: SetClock, recovered: RecoveredPayments | None = None
) -> tuple[LaneController, list[fx.ShowMessage]]:
    """A lane in Madrid on ``clock`` with the store's coupons, the recorder attached as
    kiosk.app.wiring attaches it, and the messages it shows."""
    conn = connect(db)
    rules = TaxRules.from_strings({"standard": "21", "reduced": "10", "super_reduced": "4",
                                   "zero": "0"})  # fmt: skip
    settings = CheckoutSettings("EUR", rules, sale_rules=SaleRules(zone=MADRID))
    recorder = ServiceEventRecorder(
        connect(db), store_id="store-1", lane_id="lane-1", language="en", clock=clock
    )

    def commit(document: dict[str, Any], basket_id: str) -> None:
        with_events = recorder.store_with_sale(document)

        def also(sale_conn: Any) -> None:
            record_redemptions(sale_conn, document)
            with_events(sale_conn)

        complete_sale(conn, document, basket_id=basket_id, also=also)

    lane = LaneController(
        identity=LaneIdentity("store-1", "lane-1"), settings=settings,
        scan_rules=ScanRules.for_country("es"), catalog=CatalogRepository(conn),
        journal=BasketJournal(conn), commit_sale=commit, payments=ScriptedPayments(["approve"]),
        clock=clock, coupons=CouponRepository(conn),
        recovered_payments=lambda basket_id: recovered or RecoveredPayments(),
    )  # fmt: skip
    recorder.attach(lane)
    shown: list[fx.ShowMessage] = []
    lane.listeners.append(
        lambda checkout, effects: shown.extend(e for e in effects if isinstance(e, fx.ShowMessage))
    )
    return lane, shown


def coupon_ids(checkout: Any) -> list[str]:
    state = checkout.basket.coupons
    return [c.coupon_id for c in state.coupons] if state is not None else []


def open_basket_before_midnight(db: Path) -> Any:
    """The basket with the item and both coupons; the lane dies (stops) at 23:50."""
    lane, _shown = lane_at(db, SetClock(BEFORE_MIDNIGHT))
    lane.start()
    try:
        run(lane, lambda: lane.scan(_item_gtin13()), lambda c: len(c.basket.lines) == 1)
        run(lane, lambda: lane.scan(databar_today()), lambda c: len(coupon_ids(c)) == 1)
        return run(lane, lambda: lane.scan(STORE_COUPON), lambda c: len(coupon_ids(c)) == 2)
    finally:
        lane.stop()


def journaled(db: Path) -> list[str]:
    rows = connect(db).execute("SELECT coupon_id FROM open_basket_coupon ORDER BY seq")
    return [row[0] for row in rows]


def test_a_coupon_expired_at_midnight_is_withdrawn_after_the_restart(db: Path) -> None:
    before = open_basket_before_midnight(db)
    assert before.totals().savings.minor == 55
    assert [e["type"] for e in coupon_events(db)] == ["coupon.accepted"] * 2

    clock = SetClock(AFTER_MIDNIGHT)
    again, shown = lane_at(db, clock)
    assert coupon_ids(again.checkout) == [EXPIRING_ID, "store:00042"]  # as journaled
    try:  # started by run(), listening from the first step
        after = run(again, again.start, lambda c: coupon_ids(c) == ["store:00042"])
        settle(again)
        told = [m for m in shown if m.key == "coupon.expired_removed"]
        assert len(told) == 1
        assert dict(told[0].params)["valid_until"] == "2026-11-22"
        assert after.basket.basket_id == before.basket.basket_id
        assert after.totals().savings.minor == 30
        assert after.totals().total == before.totals().total + Money(25, "EUR")
        assert journaled(db) == ["store:00042"]
    finally:
        again.stop()

    withdrawn = [e for e in coupon_events(db) if e["type"] == "coupon.withdrawn"]
    assert [(e["transaction_id"], e["data"]) for e in withdrawn] == [
        (before.basket.basket_id, {"coupon_id": EXPIRING_ID, "kind": "8110", "reason": "expired",
                                   "saving_minor": 25, "currency": "EUR"}),
    ]  # fmt: skip
    assert withdrawn[0]["at"] == "2026-11-22T23:10:00.000000Z"  # the lane's clock
    EventBatch.model_validate({"events": coupon_events(db)})  # HQ's contract takes them
    assert SERIAL not in json.dumps(queued_events(connect(db)))

    third, shown = lane_at(db, clock)  # a second restart: nothing left to withdraw
    assert coupon_ids(third.checkout) == ["store:00042"]
    third.start()
    try:
        done = run(third, lambda: third.submit(PayRequested), lambda c: c.phase is Phase.FINISHED)
        settle(third)
    finally:
        third.stop()
    assert "coupon.expired_removed" not in [m.key for m in shown]
    assert [e["type"] for e in coupon_events(db)].count("coupon.withdrawn") == 1
    assert [s.offer_id for s in done.sale.totals.offers.savings()] == ["coupon:store:00042:00010"]
    redeemed = connect(db).execute("SELECT redemption_key FROM redeemed_coupon")
    assert [tuple(row) for row in redeemed] == [
        ("store:00042:00010",)
    ]  # the expired coupon's serial is not used


def test_a_restart_before_midnight_keeps_the_coupon(db: Path) -> None:
    open_basket_before_midnight(db)
    again, shown = lane_at(db, SetClock(STILL_BEFORE))
    again.start()
    try:
        settle(again)
        assert coupon_ids(again.checkout) == [EXPIRING_ID, "store:00042"]
    finally:
        again.stop()
    assert [m.key for m in shown] == []
    assert journaled(db) == [EXPIRING_ID, "store:00042"]
    assert "coupon.withdrawn" not in [e["type"] for e in coupon_events(db)]


def test_a_basket_with_an_approved_payment_keeps_its_coupons(db: Path) -> None:
    before = open_basket_before_midnight(db)
    part = PaymentRecord("ref-1", Money(10, "EUR"), "approved", BEFORE_MIDNIGHT)
    again, shown = lane_at(db, SetClock(AFTER_MIDNIGHT), RecoveredPayments(approved=(part,)))
    again.start()
    try:
        settle(again)
        assert coupon_ids(again.checkout) == [EXPIRING_ID, "store:00042"]
        assert again.checkout.totals().total == before.totals().total
    finally:
        again.stop()
    assert "coupon.expired_removed" not in [m.key for m in shown]
    assert journaled(db) == [EXPIRING_ID, "store:00042"]


def test_the_expiry_is_the_store_s_day_not_utc() -> None:
    assert AFTER_MIDNIGHT.date() == date(2026, 11, 22)  # UTC: still the coupon's last day
    assert AFTER_MIDNIGHT.astimezone(MADRID).date() == date(2026, 11, 23)
