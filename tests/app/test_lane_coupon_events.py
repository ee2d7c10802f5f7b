"""Coupon service events at a lane over a real SQLite store: the recorder (wired as the
lane wires it) puts ``coupon.accepted`` and ``coupon.refused`` in the outbox, once each,
with HQ's contract (kiosk.hq.event_models validates every one), never the coupon's serial
or its code; refusals found while reading the code (an unknown offer, a code that breaks
the GS1 layout) count as much as the checkout's own.

GIVEN a lane with the store's coupon list (a store coupon 00042, 0.30 off the item) and
      a DataBar coupon (0.25 off), the recorder attached
WHEN  a shopper scans a coupon first, then an item, the DataBar coupon (twice), an
      unknown store coupon, a truncated coupon code, a coupon needing 5 items, the store
      coupon, and one more coupon while paying; then pays
THEN  the outbox holds 2 accepted and 6 refused coupon events with those reasons, in
      that order, the accepted ones with what each saved, in the sale's transaction (the
      first refusal in none); a restart with the coupon journaled adds no event.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_lane_controller import NOW, run
from test_lane_coupons import _item_gtin13, databar, lane_with_coupons

from kiosk.app.service_recorder import ServiceEventRecorder
from kiosk.domain.checkout.events import Event, PaymentApproved, PayRequested
from kiosk.domain.checkout.states import Phase
from kiosk.domain.gs1.coupon import NorthAmericanCoupon, Purchase, RequirementCode, encode_8110
from kiosk.domain.money import Money
from kiosk.domain.offers.coupons import CouponOffer, Requirement, SaveKind, encode_store_coupon
from kiosk.hq.event_models import EventBatch
from kiosk.store.coupons import CouponRepository, record_redemptions
from kiosk.store.db import connect
from kiosk.store.sales import complete_sale
from kiosk.store.sample_catalog import sample_items
from kiosk.store.service_events import queued_events

SERIAL = "123456789"  # the DataBar coupon's serial: it must never leave the lane


class HeldPayments:
    """A card terminal that answers only when the test says so (the lane stays PAYING)."""

    def __init__(self) -> None:
        self.waiting: tuple[str, Money, Callable[[Event], None]] | None = None

    def start(self, basket_id: str, amount: Money, deliver: Callable[[Event], None]) -> None:
        self.waiting = (basket_id, amount, deliver)

    def abort(self, basket_id: str) -> None:
        self.waiting = None

    def approve(self) -> None:
        assert self.waiting is not None
        _basket, amount, deliver = self.waiting
        deliver(PaymentApproved("ref-1", amount, NOW, auth_code="1", masked_pan="****1234"))


def needs_five() -> str:
    """A DataBar coupon of another offer that needs 5 of the item."""
    gtin13 = _item_gtin13()
    purchase = Purchase(5, RequirementCode.UNITS, "000")
    value = encode_8110(NorthAmericanCoupon(gtin13[:7], "111111", 50, purchase))
    return "]e0" + "8110" + value


def recorded_lane(db: Path, payments: Any = None) -> tuple[Any, ServiceEventRecorder]:
    """The lane of test_lane_coupons with the recorder wired as kiosk.app.wiring does: its
    own store connection, written on the lane thread, the lane's one clock."""
    lane = lane_with_coupons(db, [])
    if payments is not None:
        lane.payments = payments
    recorder = ServiceEventRecorder(
        connect(db), store_id="store-1", lane_id="lane-1", language="en", clock=lane.clock
    ).attach(lane)
    conn = connect(db)

    def commit(document: dict[str, Any], basket_id: str) -> None:
        with_events = recorder.store_with_sale(document)  # as the self-checkout journey

        def also(sale_conn: Any) -> None:
            record_redemptions(sale_conn, document)
            with_events(sale_conn)

        complete_sale(conn, document, basket_id=basket_id, also=also)

    lane.commit_sale = commit
    return lane, recorder


def settle(lane: Any) -> None:
    """Wait until the lane thread has done what it was given and what that queued (the
    recorder's writes), by a job that queues one more."""
    done = threading.Event()
    lane.call(lambda: lane.call(done.set))
    assert done.wait(10)


def coupon_events(db: Path) -> list[dict[str, Any]]:
    return [e for e in queued_events(connect(db)) if e["type"].startswith("coupon.")]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "lane.sqlite3"
    connect(path)  # the schema, before the lane's repositories
    sku = next(i.sku for i in sample_items() if i.gtins and i.gtins[0][1:] == _item_gtin13())
    offer = CouponOffer("store:00042", "0.30 off", SaveKind.AMOUNT_OFF, 30,
                        (Requirement(1, skus=frozenset({sku})),))  # fmt: skip
    CouponRepository(connect(path)).apply_changes([(offer, 1)], [], [], [], 1)
    return path


def test_a_basket_of_coupons_records_each_answer_once(db: Path) -> None:
    payments = HeldPayments()
    lane, _recorder = recorded_lane(db, payments)
    store_coupon = encode_store_coupon("42", "10")
    lane.start()
    try:
        lane.scan(store_coupon)  # before any item
        opened = run(lane, lambda: lane.scan(_item_gtin13()), lambda c: len(c.basket.lines) == 1)
        run(lane, lambda: lane.scan(databar(SERIAL)), lambda c: c.basket.coupons is not None)
        lane.scan(databar(SERIAL))  # the same coupon again
        lane.scan(encode_store_coupon("77", "1"))  # no such offer in the store's list
        lane.scan("]e0" + "8110" + "0123456")  # a truncated coupon code
        lane.scan(needs_five())
        run(
            lane,
            lambda: lane.scan(store_coupon),
            lambda c: c.basket.coupons is not None and len(c.basket.coupons.coupons) == 2,
        )
        run(lane, lambda: lane.submit(PayRequested), lambda c: c.phase is Phase.PAYING)
        lane.scan(encode_store_coupon("42", "11"))  # while paying
        run(lane, payments.approve, lambda c: c.phase is Phase.FINISHED)
        settle(lane)
    finally:
        lane.stop()

    events = coupon_events(db)
    tx = opened.basket.basket_id
    assert [(e["type"], e["transaction_id"], e["data"]) for e in events] == [
        ("coupon.refused", None, {"reason": "scan_items_first"}),
        ("coupon.accepted", tx, {"coupon_id": f"8110:{_item_gtin13()[:7]}:654321",
                                 "kind": "8110", "saving_minor": 25, "currency": "EUR"}),
        ("coupon.refused", tx, {"reason": "twice"}),
        ("coupon.refused", tx, {"reason": "unknown"}),
        ("coupon.refused", tx, {"reason": "unreadable"}),
        ("coupon.refused", tx, {"reason": "requirement_not_met"}),
        ("coupon.accepted", tx, {"coupon_id": "store:00042", "kind": "store",
                                 "saving_minor": 30, "currency": "EUR"}),
        ("coupon.refused", tx, {"reason": "not_now"}),
    ]  # fmt: skip
    assert {e["at"] for e in events} == {"2026-11-22T10:00:00.000000Z"}  # the lane's clock
    assert len({e["event_id"] for e in events}) == len(events)  # one clock reading, 8 events
    EventBatch.model_validate({"events": events})  # HQ's contract takes every one
    everything = json.dumps(queued_events(connect(db)))
    assert SERIAL not in everything  # the coupon's serial and code never leave the lane
    assert store_coupon[2:] not in everything
    sale = [e["type"] for e in queued_events(connect(db), tx) if e["type"].startswith("tr")]
    assert sale == ["transaction.started", "transaction.completed"]


def test_a_restart_with_a_journaled_coupon_records_nothing_again(db: Path) -> None:
    lane, _recorder = recorded_lane(db)
    lane.start()
    try:
        run(lane, lambda: lane.scan(_item_gtin13()), lambda c: len(c.basket.lines) == 1)
        run(lane, lambda: lane.scan(databar(SERIAL)), lambda c: c.basket.coupons is not None)
    finally:
        lane.stop()  # as if the lane died here: the coupon is journaled with the basket
    assert [e["type"] for e in coupon_events(db)] == ["coupon.accepted"]

    again, _recorder = recorded_lane(db)
    assert again.checkout.basket.coupons is not None  # restored
    again.start()
    try:
        again.scan(databar(SERIAL))  # the restored coupon is on the basket: refused
        settle(again)
    finally:
        again.stop()
    events = coupon_events(db)
    assert [(e["type"], e["data"].get("reason")) for e in events] == [
        ("coupon.accepted", None),
        ("coupon.refused", "twice"),
    ]


def test_the_same_step_heard_twice_is_one_accepted_event(db: Path) -> None:
    """The accepted event's id is the basket's and the offer's: a step recorded again
    (a replayed broadcast) adds no row, and HQ would answer it ``duplicate``."""
    lane, recorder = recorded_lane(db)
    steps: list[tuple[Any, list[Any]]] = []
    lane.listeners.append(lambda checkout, effects: steps.append((checkout, effects)))
    lane.start()
    try:
        run(lane, lambda: lane.scan(_item_gtin13()), lambda c: len(c.basket.lines) == 1)
        run(lane, lambda: lane.scan(databar(SERIAL)), lambda c: c.basket.coupons is not None)
        lane.call(lambda: recorder.on_change(*steps[-1]))  # the coupon's step again
        settle(lane)
    finally:
        lane.stop()
    events = coupon_events(db)
    assert [(e["type"], e["data"]["saving_minor"]) for e in events] == [("coupon.accepted", 25)]
