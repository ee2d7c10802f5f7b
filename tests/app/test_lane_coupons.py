"""Coupons at a lane over a real SQLite store: a GS1 DataBar coupon saves, the sale's
record carries it and marks its serial used in the sale's transaction; the same serial
is then refused (also after a restart, and from HQ's list); a store coupon (EAN-13 99)
from the coupon list; a coupon whose purchase is missing is refused."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from test_lane_controller import NOW, ScriptedPayments, build, counted_gtin, run

from kiosk.app.lane import LaneController
from kiosk.domain.checkout import effects as fx
from kiosk.domain.checkout.events import PayRequested
from kiosk.domain.checkout.states import Phase
from kiosk.domain.gs1.coupon import NorthAmericanCoupon, Purchase, RequirementCode, encode_8110
from kiosk.domain.offers.coupons import CouponOffer, Requirement, SaveKind, encode_store_coupon
from kiosk.store.coupons import CouponRepository, record_redemptions, redemption_keys
from kiosk.store.db import connect
from kiosk.store.sales import complete_sale
from kiosk.store.sample_catalog import sample_items


def _item_gtin13() -> str:
    return counted_gtin()


def databar(serial: str | None = "123456789", requirement: int = 1) -> str:
    gtin13 = _item_gtin13()
    value = encode_8110(
        NorthAmericanCoupon(
            gtin13[:7],
            "654321",
            25,
            Purchase(requirement, RequirementCode.UNITS, "000"),
            expiration=f"{NOW:%y}1231",
            serial=serial,
        )
    )
    return "]e0" + "8110" + value


def lane_with_coupons(db: Path, outcomes: list[str]) -> Any:
    """The lane of test_lane_controller.build, wired as the self-checkout wires coupons:
    the store's coupons on the controller, redemptions in the sale's transaction."""
    built = build(db, ScriptedPayments(outcomes))  # the catalog, settings and ports
    conn = connect(db)

    def commit(document: dict[str, Any], basket_id: str) -> None:
        complete_sale(conn, document, basket_id=basket_id,
                      also=lambda c: record_redemptions(c, document))  # fmt: skip

    return LaneController(
        identity=built.identity, settings=built.settings, scan_rules=built.scan_rules,
        catalog=built.catalog, journal=built.journal, commit_sale=commit,
        payments=built.payments, clock=built.clock, coupons=CouponRepository(conn),
    )  # fmt: skip


def messages_of(lane: Any) -> list[str]:
    seen: list[str] = []
    lane.listeners.append(
        lambda checkout, effects: seen.extend(
            e.key for e in effects if isinstance(e, fx.ShowMessage)
        )
    )
    return seen


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "lane.sqlite3"


def test_a_databar_coupon_saves_is_recorded_and_is_then_refused(db: Path) -> None:
    lane = lane_with_coupons(db, ["approve"])
    seen = messages_of(lane)
    lane.start()
    try:
        run(lane, lambda: lane.scan(_item_gtin13()), lambda c: len(c.basket.lines) == 1)
        with_coupon = run(
            lane, lambda: lane.scan(databar()), lambda c: c.basket.coupons is not None
        )
        assert with_coupon.totals().savings.minor == 25
        assert "coupon.accepted" in seen
        done = run(lane, lambda: lane.submit(PayRequested), lambda c: c.phase is Phase.FINISHED)
    finally:
        lane.stop()
    conn = connect(db)
    document = json.loads(
        conn.execute("SELECT payload FROM outbox JOIN outbox_payload USING (id)").fetchone()[
            "payload"
        ]
    )
    coupon_entries = [d for d in document["discounts"] if d["offer_id"].startswith("coupon:")]
    assert [d["amount"] for d in coupon_entries] == [25]
    assert redemption_keys(document) == [f"8110:{_item_gtin13()[:7]}:654321:123456789"]
    assert document["totals"]["total"] == done.totals().total.minor
    assert CouponRepository(conn).is_redeemed(redemption_keys(document)[0])

    again = lane_with_coupons(db, [])  # a restart: the store still knows the serial
    seen = messages_of(again)
    again.start()
    try:
        run(again, lambda: again.scan(_item_gtin13()), lambda c: len(c.basket.lines) == 1)
        again.scan(databar())
        again.scan(databar(serial=None, requirement=5))  # needs 5 of the item
    finally:
        again.stop()
    assert "coupon.already_used" in seen
    assert "coupon.requirement_not_met" in seen
    assert again.checkout.basket.coupons is None


def test_store_coupon_from_the_list_and_a_serial_from_hq(db: Path) -> None:
    lane = lane_with_coupons(db, [])
    sku = next(i.sku for i in sample_items() if i.gtins and i.gtins[0][1:] == _item_gtin13())
    offer = CouponOffer("store:00042", "0.30 off", SaveKind.AMOUNT_OFF, 30,
                        (Requirement(1, skus=frozenset({sku})),))  # fmt: skip
    CouponRepository(connect(db)).apply_changes([(offer, 1)], [], [], ["store:00042:00009"], 5)
    seen = messages_of(lane)
    lane.start()
    try:
        run(lane, lambda: lane.scan(_item_gtin13()), lambda c: len(c.basket.lines) == 1)
        lane.scan(encode_store_coupon("42", "9"))  # used at another lane: HQ said so
        got = run(lane, lambda: lane.scan(encode_store_coupon("42", "10")),
                  lambda c: c.basket.coupons is not None)  # fmt: skip
        lane.scan(encode_store_coupon("77", "1"))  # no such offer
        lane.scan("]e0" + "8110" + "0123456")  # a truncated coupon code
    finally:
        lane.stop()
    assert got.totals().savings.minor == 30
    assert seen.count("coupon.already_used") == 1
    assert "coupon.unknown" in seen
    assert "scan.unreadable" in seen
    assert CouponRepository(connect(db)).cursor() == 5


def test_a_coupon_on_the_open_basket_survives_a_restart(db: Path) -> None:
    lane = lane_with_coupons(db, [])
    lane.start()
    try:
        run(lane, lambda: lane.scan(_item_gtin13()), lambda c: len(c.basket.lines) == 1)
        before = run(lane, lambda: lane.scan(databar()), lambda c: c.basket.coupons is not None)
    finally:
        lane.stop()  # as if the lane died here: the coupon is journaled with the basket
    again = lane_with_coupons(db, ["approve"])
    restored = again.checkout
    assert restored.basket.basket_id == before.basket.basket_id
    assert restored.totals().total == before.totals().total
    assert (
        [c.coupon_id for c in restored.basket.coupons.coupons]
        == [  # type: ignore[union-attr]
            f"8110:{_item_gtin13()[:7]}:654321"
        ]
    )
    again.start()
    try:
        run(again, lambda: again.submit(PayRequested), lambda c: c.phase is Phase.FINISHED)
    finally:
        again.stop()
    conn = connect(db)
    assert conn.execute("SELECT count(*) FROM open_basket_coupon").fetchone()[0] == 0
    assert CouponRepository(conn).is_redeemed(f"8110:{_item_gtin13()[:7]}:654321:123456789")
