"""Remote help end to end, in process: a real station server, a real lane built by
``build_lane`` (no devices) reporting to it, and staff acting through the station's
HTTP API as the page does. Each action reaches the lane's attendant service as the
member of staff who asked (roles and lane audit are the lane's), the lane answers with
the outcome, and what needs a person at the lane stays there."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from station_fixtures import (
    BEER,
    KEY,
    MILK,
    OIL,
    UNKNOWN,
    StaffClient,
    lane_toml,
    result_of,
    station_staff,
    wait_until,
)

from kiosk.app.lane_extras import _station_link
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


def start_lane(folder: Path, station_url: str, **options: Any) -> Lane:
    config = load_config(lane_toml(folder, station_url, **options), environ={})
    lane = build_lane(config, with_sync=False)
    lane.start()
    assert lane.attendant is not None
    wait_until(lambda: lane.attendant.staff_repo.get("ana"), what="the store's staff copied")
    return lane


@pytest.fixture
def lane(station: StationServer, tmp_path: Path) -> Iterator[Lane]:
    running = start_lane(tmp_path / "lane", station.url)
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def ana(station: StationServer) -> Iterator[StaffClient]:
    client = StaffClient(station.url, "ana")
    yield client
    client.close()


@pytest.fixture
def sam(station: StationServer) -> Iterator[StaffClient]:
    client = StaffClient(station.url, "sam")
    yield client
    client.close()


def open_alert(station: StationServer, kind: str) -> int:
    found = wait_until(
        lambda: [a for a in station.board.open_alerts() if a.kind == kind], what=f"a {kind} alert"
    )
    return int(found[0].id)


def outcome(client: StaffClient, command_id: int) -> dict[str, Any]:
    return dict(wait_until(lambda: result_of(client.board(), command_id), what="the lane's result"))


def lane_audit(lane: Lane) -> list[dict[str, Any]]:
    conn = sqlite3.connect(lane.config.store.path)
    try:
        rows = conn.execute(
            "SELECT staff_id, action, details FROM lane_audit ORDER BY id"
        ).fetchall()
    finally:
        conn.close()
    return [{"staff_id": r[0], "action": r[1], **json.loads(r[2])} for r in rows]


def service_events(lane: Lane, kind: str) -> list[dict[str, Any]]:
    from kiosk.store.db import connect
    from kiosk.store.service_events import queued_events

    conn = connect(lane.config.store.path, migrate=False)
    try:
        return [e for e in queued_events(conn) if e["type"] == kind]
    finally:
        conn.close()


def test_an_unknown_item_is_picked_from_the_station_and_the_lane_moves_on(
    station: StationServer, lane: Lane, ana: StaffClient
) -> None:
    lane.controller.scan(UNKNOWN)
    alert_id = open_alert(station, "unknown_barcode")
    answer = ana.remote("lane-01", kind="resolve", alert_id=alert_id, item_code=MILK)
    assert answer.status_code == 200, answer.text
    result = outcome(ana, answer.json()["command"])
    assert result["ok"], result
    assert result["took_s"] >= 0
    checkout = lane.controller.checkout
    assert checkout.pending is None
    assert [line.item.sku for line in checkout.basket.active_lines] == ["S00001"]
    wait_until(lambda: not station.board.open_alerts(), what="the alert closed")

    # audited at the station (asked, done) and at the lane, as Ana, from the station
    actions = [(r["staff_id"], r["action"]) for r in station.board.audit_rows()]
    assert actions == [("ana", "remote resolve"), ("ana", "remote resolve done")]
    assert station.board.audit_rows()[1]["after_alert_s"] == result["took_s"]
    rows = lane_audit(lane)
    (remote,) = [r for r in rows if r["action"] == "remote_action"]
    assert remote["staff_id"] == "ana"
    assert remote["where"].startswith("station 127.0.0.1")
    assert remote["ok"] is True
    # the service events say it was resolved remotely, by Ana
    (resolved,) = wait_until(lambda: service_events(lane, "intervention.resolved"))
    assert (resolved["data"]["how"], resolved["data"]["staff_id"]) == ("remote", "ana")
    (arrived,) = service_events(lane, "intervention.staff_arrived")
    assert arrived["data"]["how"] == "remote"
    # HQ's contract takes them as they are (docs/service-events.md)
    from kiosk.hq.event_models import InterventionResolved, InterventionStaffArrived

    assert InterventionResolved.model_validate(resolved).data.how == "remote"
    assert InterventionStaffArrived.model_validate(arrived).data.how == "remote"


def test_an_unknown_item_gets_a_keyed_price_within_the_role(
    station: StationServer, lane: Lane, sam: StaffClient
) -> None:
    lane.controller.scan(UNKNOWN)
    alert_id = open_alert(station, "unknown_barcode")
    answer = sam.remote(
        "lane-01", kind="resolve", alert_id=alert_id, item_code=MILK, price_minor=80
    )
    assert outcome(sam, answer.json()["command"])["ok"]
    (line,) = lane.controller.checkout.basket.active_lines
    assert line.unit_price.minor == 80


def test_basket_and_lane_actions_reach_the_lane_at_once(
    station: StationServer, lane: Lane, sam: StaffClient
) -> None:
    lane.controller.scan(MILK)
    lane.controller.scan(MILK)
    wait_until(lambda: len(station.board.lanes.get("lane-01", {}).get("lines", [])) == 2)

    def done(**body: Any) -> dict[str, Any]:
        answer = sam.remote("lane-01", **body)
        assert answer.status_code == 200, answer.text
        return outcome(sam, answer.json()["command"])

    assert done(kind="void_line", line_no=2, reason="double scan")["ok"]
    assert len(lane.controller.checkout.basket.active_lines) == 1
    assert done(kind="override_price", line_no=1, price_minor=50, reason="damaged")["ok"]
    assert lane.controller.checkout.basket.active_lines[0].unit_price.minor == 50
    assert done(kind="suspend", reason="shopper went to get a bag")["ok"]
    assert lane.attendant.flags.paused
    assert not lane.controller.accepting
    assert done(kind="resume")["ok"]
    assert not lane.attendant.flags.paused
    assert lane.controller.accepting
    assert done(kind="close_lane", reason="end of day")["ok"]
    assert lane.attendant.flags.closed
    wait_until(lambda: station.board.lanes["lane-01"]["state"] == "closed")
    assert done(kind="open_lane")["ok"]
    assert not lane.attendant.flags.closed
    actions = [r["action"] for r in lane_audit(lane) if r["staff_id"] == "sam"]
    assert [a for a in actions if a != "remote_action"] == [
        "void_line",
        "price_override",
        "suspend_basket",
        "resume_basket",
        "close_lane",
        "open_lane",
    ]


def test_the_lane_checks_the_role_of_who_asked(
    station: StationServer, lane: Lane, ana: StaffClient
) -> None:
    lane.controller.scan(MILK)
    wait_until(lambda: station.board.lanes.get("lane-01", {}).get("lines"))
    answer = ana.remote("lane-01", kind="close_lane")  # an attendant may not close a lane
    result = outcome(ana, answer.json()["command"])
    assert not result["ok"]
    assert "attendant" in result["message"]
    assert not lane.attendant.flags.closed


@pytest.mark.parametrize(
    ("make", "kind", "why"),
    [
        (lambda lane: lane.controller.scan(BEER), "age_restricted", "age check needs a person"),
        (
            lambda lane: lane.controller.device_faulted("scanner", "unplugged"),
            "device_fault",
            "device fault needs a person",
        ),
    ],
)
def test_an_age_check_and_a_device_fault_stay_at_the_lane(  # noqa: PLR0917 - fixtures
    station: StationServer, lane: Lane, ana: StaffClient, make: Any, kind: str, why: str
) -> None:
    make(lane)
    alert_id = open_alert(station, kind)
    answer = ana.remote("lane-01", kind="resolve", alert_id=alert_id)
    assert answer.status_code == 409
    assert why in answer.json()["error"]
    assert lane.controller.checkout.pending is not None


def test_an_age_check_may_be_approved_remotely_when_the_store_allows_it(
    station: StationServer, tmp_path: Path, ana: StaffClient
) -> None:
    lane = start_lane(tmp_path / "lane-age", station.url, remote_age_check=True)
    try:
        lane.controller.scan(BEER)
        alert_id = open_alert(station, "age_restricted")
        answer = ana.remote("lane-01", kind="resolve", alert_id=alert_id)
        assert outcome(ana, answer.json()["command"])["ok"]
        assert lane.controller.checkout.pending is None
        assert len(lane.controller.checkout.basket.active_lines) == 1
    finally:
        lane.stop()


def test_a_command_for_a_basket_that_has_moved_on_is_refused(
    station: StationServer, lane: Lane, sam: StaffClient
) -> None:
    lane.controller.scan(MILK)
    wait_until(lambda: station.board.lanes.get("lane-01", {}).get("lines"))
    lane.station.stop()  # the lane stops listening for a moment
    answer = sam.remote("lane-01", kind="void_line", line_no=1, reason="asked for")
    command_id = answer.json()["command"]
    # meanwhile at the lane: the basket is cancelled and a new one started
    lane.attendant.sign_in_pin("sam", "2468")
    lane.attendant.cancel_transaction("shopper left")
    lane.attendant.sign_out()
    first = lane.controller.checkout.basket.basket_id
    lane.controller.reset()  # the next shopper
    wait_until(lambda: lane.controller.checkout.basket.basket_id != first)
    lane.controller.scan(MILK)
    wait_until(
        lambda: (
            lane.controller.checkout.basket.basket_id != first
            and len(lane.controller.checkout.basket.active_lines) == 1
        )
    )
    again, _ = _station_link(lane.config, lane, lane.attendant.clock)
    again.start()
    try:
        result = outcome(sam, command_id)
        assert not result["ok"]
        assert "moved on" in result["message"]
        assert len(lane.controller.checkout.basket.active_lines) == 1  # not voided
    finally:
        again.stop()


def test_a_disabled_account_stops_at_the_station_and_the_lane(
    station: StationServer, lane: Lane, ana: StaffClient, tmp_path: Path
) -> None:
    from kiosk.app.attendant import SignInFailed
    from kiosk.store.db import connect
    from kiosk.store.staff import StaffRepository

    lane.attendant.sign_in_pin("ana", "2468")
    conn = connect(tmp_path / "station" / "staff.sqlite3")
    StaffRepository(conn).disable("ana")
    conn.close()
    assert ana.http.get("/api/board").status_code == 401  # at once at the station
    # at the lane within its copy interval (5 s here, 20 s by default): signed out, refused
    wait_until(lambda: lane.attendant.staff_repo.get("ana").disabled, timeout=60)
    wait_until(lambda: lane.attendant.current_session is None, what="Ana signed out")
    with pytest.raises(SignInFailed):
        lane.attendant.sign_in_pin("ana", "2468")


def test_config_keys_of_the_station_section() -> None:
    from kiosk.config.station import StationConfig

    fields = {f.name: f.default for f in dataclasses.fields(StationConfig)}
    assert fields["staff_every_s"] == 20.0
    assert fields["remote_age_check"] is False


def test_a_keyed_price_beyond_the_role_says_what_was_done(
    station: StationServer, lane: Lane, ana: StaffClient
) -> None:
    lane.controller.scan(UNKNOWN)
    alert_id = open_alert(station, "unknown_barcode")
    answer = ana.remote("lane-01", kind="resolve", alert_id=alert_id, item_code=MILK, price_minor=1)
    result = outcome(ana, answer.json()["command"])
    assert not result["ok"]
    assert "added at its catalog price; the keyed price was refused" in result["message"]
    (line,) = lane.controller.checkout.basket.active_lines
    assert line.unit_price.minor == 95


def test_a_command_asked_long_ago_is_refused(lane: Lane) -> None:
    from datetime import UTC, datetime, timedelta

    asked = (datetime.now(UTC) - timedelta(minutes=30)).isoformat()
    command = {"id": 999, "kind": "close_lane", "args": {}, "staff_id": "sam", "created_at": asked}
    result = lane.station.on_command(command)
    assert not result["ok"]
    assert "30 min ago" in result["message"]
    assert not lane.attendant.flags.closed


def test_help_is_answered_and_a_quantity_limit_approved_from_the_station(
    station: StationServer, lane: Lane, ana: StaffClient
) -> None:
    from kiosk.domain.checkout.events import HelpRequested

    lane.controller.scan(MILK)
    lane.controller.submit(HelpRequested)
    alert_id = open_alert(station, "help_requested")
    answer = ana.remote("lane-01", kind="resolve", alert_id=alert_id, reason="told where bags are")
    assert outcome(ana, answer.json()["command"])["ok"]
    assert lane.controller.checkout.pending is None

    for _ in range(6):  # one more than the basket may hold
        lane.controller.scan(OIL)
    alert_id = open_alert(station, "quantity_limit")
    answer = ana.remote("lane-01", kind="resolve", alert_id=alert_id)
    assert outcome(ana, answer.json()["command"])["ok"]
    oil = [
        line for line in lane.controller.checkout.basket.active_lines if line.item.sku == "S00041"
    ]
    assert sum(line.quantity for line in oil) == 6
