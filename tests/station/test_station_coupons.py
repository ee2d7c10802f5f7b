"""Coupons at the station: a real station server and a real lane built by ``build_lane``
with a store coupon in its list. The lane's report lists the coupons on the basket with
what each saves now and whether the basket meets its purchase requirement; a lane with
no coupon sends no ``coupons`` at all (a station older than coupons takes its reports)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from station_fixtures import KEY, MILK, lane_toml, station_staff, wait_until

from kiosk.app.wiring import Lane, build_lane
from kiosk.config import load_config
from kiosk.domain.offers.coupons import CouponOffer, Requirement, SaveKind, encode_store_coupon
from kiosk.station.server import StationServer
from kiosk.store.coupons import CouponRepository
from kiosk.store.db import connect

COUPON = encode_store_coupon("42", "10")  # 0.30 off with a milk (S00001)


def with_coupon_offer(store: Path) -> None:
    """The store's coupon list in the lane's store: "0.30 off" with a milk."""
    offer = CouponOffer("store:00042", "0.30 off", SaveKind.AMOUNT_OFF, 30,
                        (Requirement(1, skus=frozenset({"S00001"})),))  # fmt: skip
    conn = connect(store)
    try:
        CouponRepository(conn).apply_changes([(offer, 1)], [], [], [], 1)
    finally:
        conn.close()


@pytest.fixture
def station(tmp_path: Path) -> Iterator[StationServer]:
    folder = tmp_path / "station"
    folder.mkdir()
    station_staff(folder)
    with StationServer(folder, key=KEY) as server:
        yield server


@pytest.fixture
def lane(station: StationServer, tmp_path: Path) -> Iterator[Lane]:
    config = load_config(lane_toml(tmp_path / "lane", station.url), environ={})
    with_coupon_offer(config.store.path)
    running = build_lane(config, with_sync=False)
    running.start()
    try:
        yield running
    finally:
        running.stop()


def reported(station: StationServer) -> dict[str, Any]:
    lanes = station.board.snapshot()["lanes"]
    return dict(lanes[0]) if lanes else {}


def test_the_coupons_on_the_basket_are_in_the_lanes_report(
    station: StationServer, lane: Lane
) -> None:
    lane.controller.scan(MILK)
    wait_until(lambda: reported(station).get("items") == 1, what="the milk reported")
    assert "coupons" not in lane.station.report()  # none yet: not sent at all
    assert reported(station)["coupons"] == []
    lane.controller.scan(COUPON)
    wait_until(lambda: reported(station).get("coupons"), what="the coupon reported")
    assert reported(station)["coupons"] == [{"name": "0.30 off", "saving": "0.30", "met": True}]
    assert reported(station)["total"] == "0.65"
