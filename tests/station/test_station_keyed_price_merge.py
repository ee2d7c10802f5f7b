"""A price keyed at the station for an unknown item, where identical items merge
(``[lane] merge_identical``; issue 15): the item added may join an earlier line of the
same item rather than start a new last line, and the keyed price goes to the line it
went to, not to the basket's last line (an unrelated product). Both ways an unknown item
reaches the station are covered: the lane paused for it, and put aside while the shopper
scans on. A real station server and a real lane built by ``build_lane``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from station_fixtures import (
    KEY,
    MILK,
    OIL,
    UNKNOWN,
    StaffClient,
    lane_toml,
    station_staff,
    wait_until,
)
from test_station_remote import outcome

from kiosk.app.wiring import Lane, build_lane
from kiosk.config import load_config
from kiosk.station.server import StationServer


@pytest.fixture
def station(tmp_path: Path) -> Iterator[StationServer]:
    folder = tmp_path / "station"
    folder.mkdir()
    station_staff(folder)
    with StationServer(folder, key=KEY) as server:
        yield server


@pytest.fixture(params=["pause", "put_aside"])
def lane(request: pytest.FixtureRequest, station: StationServer, tmp_path: Path) -> Iterator[Lane]:
    path = lane_toml(tmp_path / "lane", station.url)
    text = path.read_text(encoding="utf-8")
    extra = f'unknown_barcode = "{request.param}"\nmerge_identical = true\n'
    text = re.sub(r"(\[lane\]\n)", lambda m: m.group(1) + extra, text, count=1)
    path.write_text(text, encoding="utf-8")
    running = build_lane(load_config(path, environ={}), with_sync=False)
    running.start()
    assert running.attendant is not None
    wait_until(lambda: running.attendant.staff_repo.get("sam"), what="the store's staff copied")
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def sam(station: StationServer) -> Iterator[StaffClient]:
    client = StaffClient(station.url, "sam")
    yield client
    client.close()


def unknown_alert(station: StationServer, lane: Lane) -> int:
    """Scan the unknown code; the id of its (only) open alert at the station."""
    lane.controller.scan(UNKNOWN)
    found = wait_until(
        lambda: [a for a in station.board.open_alerts() if a.kind == "unknown_barcode"],
        what="the unknown item's alert",
    )
    assert len(found) == 1
    return int(found[0].id)


def added(sam: StaffClient, alert_id: int, **price: int) -> dict[str, object]:
    answer = sam.remote("lane-01", kind="resolve", alert_id=alert_id, item_code=MILK, **price)
    assert answer.status_code == 200, answer.text
    return dict(outcome(sam, answer.json()["command"]))


def test_a_keyed_price_goes_to_the_line_the_merged_item_joined(
    station: StationServer, lane: Lane, sam: StaffClient
) -> None:
    assert added(sam, unknown_alert(station, lane))["ok"]  # line 1: milk, the unknown code
    wait_until(lambda: not station.board.open_alerts(), what="the first alert closed")
    lane.controller.scan(OIL)
    wait_until(lambda: len(lane.controller.checkout.basket.active_lines) == 2, what="oil")
    oil_price = lane.controller.checkout.basket.active_lines[-1].unit_price

    result = added(sam, unknown_alert(station, lane), price_minor=80)

    assert result["ok"], result
    milk, oil = lane.controller.checkout.basket.active_lines
    assert (milk.scanned_code, milk.quantity, milk.unit_price.minor) == (UNKNOWN, 2, 80)
    assert (oil.scanned_code, oil.unit_price) == (OIL, oil_price)  # the last line untouched
