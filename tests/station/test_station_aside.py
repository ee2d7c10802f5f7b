"""Unknown items put aside (``[lane] unknown_barcode = "put_aside"``) at the station: a real
station server and a real lane built by ``build_lane`` reporting to it. The put-aside
item is an alert from the scan on, while the shopper keeps scanning; staff add it from the
station (or dismiss it); at Pay it is the same alert, not a second one; the service
events count one unknown-item intervention."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from station_fixtures import KEY, MILK, UNKNOWN, StaffClient, lane_toml, station_staff, wait_until
from test_station_remote import open_alert, outcome, service_events

from kiosk.app.wiring import Lane, build_lane
from kiosk.config import load_config
from kiosk.domain.checkout.events import PayRequested
from kiosk.domain.checkout.states import Phase
from kiosk.station.server import StationServer


@pytest.fixture
def station(tmp_path: Path) -> Iterator[StationServer]:
    folder = tmp_path / "station"
    folder.mkdir()
    station_staff(folder)
    with StationServer(folder, key=KEY) as server:
        yield server


@pytest.fixture
def lane(station: StationServer, tmp_path: Path) -> Iterator[Lane]:
    path = lane_toml(tmp_path / "lane", station.url)
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(\[lane\]\n)", r'\1unknown_barcode = "put_aside"\n', text, count=1)
    path.write_text(text, encoding="utf-8")
    running = build_lane(load_config(path, environ={}), with_sync=False)
    running.start()
    assert running.attendant is not None
    wait_until(lambda: running.attendant.staff_repo.get("ana"), what="the store's staff copied")
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def ana(station: StationServer) -> Iterator[StaffClient]:
    client = StaffClient(station.url, "ana")
    yield client
    client.close()


def scanned(lane: Lane, code: str, done: Any) -> None:
    lane.controller.scan(code)
    wait_until(lambda: done(lane.controller.checkout), what=f"{code} handled")


def test_an_item_put_aside_is_added_from_the_station_while_the_shopper_scans(
    station: StationServer, lane: Lane, ana: StaffClient
) -> None:
    scanned(lane, MILK, lambda c: len(c.basket.lines) == 1)
    scanned(lane, UNKNOWN, lambda c: len(c.aside) == 1)
    assert lane.controller.checkout.phase is Phase.SHOPPING  # not paused
    alert_id = open_alert(station, "unknown_barcode")
    scanned(lane, MILK, lambda c: len(c.basket.lines) == 2)  # the shopper keeps scanning
    answer = ana.remote("lane-01", kind="resolve", alert_id=alert_id, item_code=MILK)
    assert answer.status_code == 200, answer.text
    result = outcome(ana, answer.json()["command"])
    assert result["ok"], result
    checkout = lane.controller.checkout
    assert checkout.aside == ()
    assert [line.scanned_code for line in checkout.basket.active_lines][-1] == UNKNOWN
    wait_until(lambda: not station.board.open_alerts(), what="the alert closed")
    (raised,) = wait_until(lambda: service_events(lane, "intervention.raised"))
    (resolved,) = wait_until(lambda: service_events(lane, "intervention.resolved"))
    assert raised["data"]["kind"] == resolved["data"]["kind"] == "unknown_barcode"
    assert raised["data"]["intervention_id"] == resolved["data"]["intervention_id"]
    assert (resolved["data"]["how"], resolved["data"]["outcome"]) == ("remote", "approved")


def test_at_pay_the_item_put_aside_is_the_same_alert_and_may_be_dismissed(
    station: StationServer, lane: Lane, ana: StaffClient
) -> None:
    scanned(lane, MILK, lambda c: len(c.basket.lines) == 1)
    scanned(lane, UNKNOWN, lambda c: len(c.aside) == 1)
    first = open_alert(station, "unknown_barcode")
    lane.controller.submit(PayRequested)
    wait_until(lambda: lane.controller.checkout.phase is Phase.INTERVENTION, what="paused")
    # once the station has the report of the paused lane, it still has one alert: the same
    wait_until(
        lambda: [x["step"] for x in station.board.snapshot()["lanes"]] == ["intervention"],
        what="the paused lane's report",
    )
    assert [a.id for a in station.board.open_alerts()] == [first]
    answer = ana.remote("lane-01", kind="resolve", alert_id=first, approved=False)
    assert outcome(ana, answer.json()["command"])["ok"]
    checkout = lane.controller.checkout
    assert checkout.phase is Phase.SHOPPING
    assert [line.scanned_code for line in checkout.basket.active_lines] == [MILK]
    (raised,) = wait_until(lambda: service_events(lane, "intervention.raised"))
    assert raised["data"]["kind"] == "unknown_barcode"
