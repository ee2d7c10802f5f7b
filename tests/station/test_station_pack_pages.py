"""Refused packs at the station: a real station server and a real lane built by
``build_lane`` reporting to it. An expired or recalled pack scanned at the lane is refused
without pausing it; it is an alert on the station's board (its kind, the product, its age)
until a member of staff has taken the pack away - from the station or at the lane through
the attendant service - and it is one intervention in the service events, raised and
resolved, ``how`` saying where. The page outlives a lane restart."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from station_fixtures import KEY, MILK, StaffClient, lane_toml, station_staff, wait_until
from test_station_remote import lane_audit, open_alert, outcome, service_events

from kiosk.app.wiring import Lane, build_lane
from kiosk.config import load_config
from kiosk.domain.checkout.states import Phase
from kiosk.domain.gs1.element_string import GS
from kiosk.station.server import StationServer

MILK14 = "0" + MILK
NAME = "Casa Mía Semi-skimmed milk 1 L"


def pack(expiry: str = "991231", batch: str = "L1") -> str:
    """A GS1 DataMatrix of the milk with its expiry date (YYMMDD) and batch."""
    return f"]d2{GS}01{MILK14}17{expiry}10{batch}{GS}21S1"


@pytest.fixture
def station(tmp_path: Path) -> Iterator[StationServer]:
    folder = tmp_path / "station"
    folder.mkdir()
    station_staff(folder)
    with StationServer(folder, key=KEY) as server:
        yield server


def started(path: Path) -> Lane:
    running = build_lane(load_config(path, environ={}), with_sync=False)
    running.start()
    assert running.attendant is not None
    wait_until(lambda: running.attendant.staff_repo.get("ana"), what="the store's staff copied")
    return running


@pytest.fixture
def lane_path(station: StationServer, tmp_path: Path) -> Path:
    return lane_toml(tmp_path / "lane", station.url)


@pytest.fixture
def lane(lane_path: Path) -> Iterator[Lane]:
    running = started(lane_path)
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def ana(station: StationServer) -> Iterator[StaffClient]:
    client = StaffClient(station.url, "ana")
    yield client
    client.close()


def lines(lane: Lane) -> int:
    return len(lane.controller.checkout.basket.active_lines)


def test_an_expired_pack_is_an_alert_until_it_is_taken_away_from_the_station(
    station: StationServer, lane: Lane, ana: StaffClient
) -> None:
    lane.controller.scan(pack(expiry="200101"))  # expired on 1 January 2020
    alert_id = open_alert(station, "expired_item")
    (alert,) = [a for a in ana.board()["alerts"] if a["id"] == alert_id]
    assert NAME in alert["detail"]
    assert "expired 2020-01-01" in alert["detail"]
    assert alert["age_s"] >= 0
    assert "expired_item" in ana.board()["lanes"][0]["remote"]
    lane.controller.scan(MILK)  # not paused: the shopper scans on
    wait_until(lambda: lines(lane) == 1, what="the next item sold")
    assert lane.controller.checkout.phase is Phase.SHOPPING

    assert ana.http.post(f"/api/alerts/{alert_id}/ack").status_code == 200  # on my way
    answer = ana.remote("lane-01", kind="resolve", alert_id=alert_id)
    assert answer.status_code == 200, answer.text
    result = outcome(ana, answer.json()["command"])
    assert result == {**result, "ok": True, "message": "pack taken away"}
    wait_until(lambda: not station.board.open_alerts(), what="the alert closed")
    assert lane.controller.pack_pages.open() == ()
    assert lines(lane) == 1  # the basket is untouched

    (raised,) = service_events(lane, "intervention.raised")
    (arrived,) = service_events(lane, "intervention.staff_arrived")
    (resolved,) = service_events(lane, "intervention.resolved")
    iid = raised["data"]["intervention_id"]
    assert arrived["data"] == {"intervention_id": iid, "kind": "expired_item",
                               "staff_id": "ana", "how": "remote"}  # fmt: skip
    assert resolved["data"] == {**arrived["data"], "outcome": "taken_away"}
    assert raised["transaction_id"] == resolved["transaction_id"]
    (cleared,) = [row for row in lane_audit(lane) if row["action"] == "clear_page"]
    assert (cleared["staff_id"], cleared["how"]) == ("ana", "remote")
    assert cleared["kind"] == "expired_item"


def test_a_recalled_pack_outlives_a_restart_and_is_cleared_at_the_lane(
    station: StationServer, lane_path: Path, ana: StaffClient
) -> None:
    first = started(lane_path)
    try:
        first.controller.use_recalls(frozenset({(MILK14, "BAD1")}))
        first.controller.scan(pack(batch="BAD1"))
        alert_id = open_alert(station, "recalled_item")
        wait_until(lambda: service_events(first, "intervention.raised"), what="counted")
    finally:
        first.stop()
    again = started(lane_path)
    try:
        assert [p.kind for p in again.controller.pack_pages.open()] == ["recalled_item"]
        wait_until(
            lambda: (
                station.board.snapshot()["lanes"][0]["seen_s"] < 1
                and [a.id for a in station.board.open_alerts()] == [alert_id]
            ),
            what="the restarted lane reporting the same alert",
        )
        service = again.attendant
        assert service is not None
        (page,) = service.open_pages()
        assert NAME in page.detail
        assert "recalled batch BAD1" in page.detail
        service.sign_in_pin("ana", "2468")
        service.clear_page(page.key)
        wait_until(lambda: not station.board.open_alerts(), what="the alert closed")
        (raised,) = service_events(again, "intervention.raised")
        (resolved,) = service_events(again, "intervention.resolved")
        assert raised["data"]["intervention_id"] == resolved["data"]["intervention_id"]
        assert (resolved["data"]["how"], resolved["data"]["kind"]) == ("at_lane", "recalled_item")
    finally:
        again.stop()
    last = started(lane_path)  # cleared stays cleared
    try:
        assert last.controller.pack_pages.open() == ()
    finally:
        last.stop()


def test_clearing_needs_someone_signed_in_and_an_open_page(lane: Lane) -> None:
    from kiosk.app.attendant.model import AttendantError

    lane.controller.scan(pack(expiry="200101"))
    wait_until(lane.controller.pack_pages.open, what="the page")
    service = lane.attendant
    assert service is not None
    (page,) = service.open_pages()
    with pytest.raises(AttendantError):
        service.clear_page(page.key)  # nobody signed in
    service.sign_in_pin("ana", "2468")
    with pytest.raises(AttendantError, match="no longer open"):
        service.clear_page("expired_item-0000000000000000")
    service.clear_page(page.key)
    with pytest.raises(AttendantError, match="no longer open"):
        service.clear_page(page.key)  # once
    assert len(service_events(lane, "intervention.resolved")) == 1
