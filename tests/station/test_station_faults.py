"""The station and a lane as real processes (``kiosk station serve``, ``kiosk run
--console``), killed and restarted, and the network between them cut: no command is
lost, none is applied twice, and the lane sells on while the station is away.

GIVEN a lane that asked for help with an unknown item
WHEN the network is cut, staff queue the fix, the station is killed and restarted
THEN the fix reaches the lane once the network is back, once;
WHEN the lane applied a command and dies before the station heard of it
THEN after its restart it does not apply it again and tells the station the result;
WHEN the station is stopped
THEN the lane keeps selling, and once it is back its report and new commands flow.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from station_fixtures import MILK, UNKNOWN, StaffClient, lane_toml, station_staff, wait_until
from station_procs import CutLink, LaneProcess, StationProcess

from kiosk.store.db import connect
from kiosk.store.sync_state import get_state

LONG = 90.0  # the lane's retry wait doubles up to 30 s while the station is away


@pytest.fixture
def station(tmp_path: Path) -> Iterator[StationProcess]:
    folder = tmp_path / "station"
    folder.mkdir()
    station_staff(folder)
    process = StationProcess(folder).start()
    yield process
    process.kill()


def lane_view(client: StaffClient) -> dict[str, Any]:
    lanes = [lane for lane in client.board()["lanes"] if lane["lane_id"] == "lane-01"]
    return lanes[0] if lanes else {}


def alert_of(client: StaffClient, kind: str) -> int | None:
    found = [a["id"] for a in client.board()["alerts"] if a["kind"] == kind]
    return found[0] if found else None


def result(client: StaffClient, command_id: int) -> dict[str, Any] | None:
    for command in client.board()["commands"]:
        if command["id"] == command_id:
            return command["result"]
    return None


def remote_rows(store: Path, command_id: int) -> list[dict[str, Any]]:
    conn = sqlite3.connect(store)
    try:
        rows = conn.execute(
            "SELECT details FROM lane_audit WHERE action = 'remote_action'"
        ).fetchall()
    finally:
        conn.close()
    found = [json.loads(r[0]) for r in rows]
    return [r for r in found if r["command_id"] == command_id]


def open_lines(store: Path) -> int:
    """Lines of the lane's open basket, as its journal has them."""
    conn = sqlite3.connect(store)
    try:
        return int(conn.execute("SELECT count(*) FROM open_basket_line").fetchone()[0])
    finally:
        conn.close()


def last_applied(store: Path) -> int:
    conn = connect(store, migrate=False)
    try:
        return int(get_state(conn).get("station_last_command") or 0)
    finally:
        conn.close()


def test_a_fix_queued_while_cut_off_survives_a_station_restart_and_applies_once(
    station: StationProcess, tmp_path: Path
) -> None:
    link = CutLink(station.url)
    config = lane_toml(tmp_path / "lane", link.url)
    lane = LaneProcess(config).start()
    sam = StaffClient(station.url, "sam")
    try:
        lane.type(UNKNOWN)
        alert_id = wait_until(lambda: alert_of(sam, "unknown_barcode"), timeout=LONG)
        link.down = True  # the store network between lane and station is cut
        answer = sam.remote("lane-01", kind="resolve", alert_id=alert_id, item_code=MILK)
        assert answer.status_code == 200, answer.text
        command_id = answer.json()["command"]

        station.kill()  # and the station dies with the command queued, unapplied
        station.start()
        sam.close()
        sam = StaffClient(station.url, "sam")
        assert result(sam, command_id) is None
        assert last_applied(config.parent / "lane.sqlite3") < command_id

        link.down = False
        done = wait_until(lambda: result(sam, command_id), timeout=LONG, what="applied")
        assert done["ok"], done
        wait_until(lambda: lane_view(sam).get("items") == 1, timeout=LONG)
        assert [line["name"] for line in lane_view(sam)["lines"]] == [
            "Casa Mía Semi-skimmed milk 1 L"
        ]
        assert len(remote_rows(config.parent / "lane.sqlite3", command_id)) == 1
    finally:
        sam.close()
        lane.kill()
        link.close()


def test_a_lane_that_dies_before_its_acknowledgement_does_not_apply_twice(
    station: StationProcess, tmp_path: Path
) -> None:
    link = CutLink(station.url)
    config = lane_toml(tmp_path / "lane", link.url)
    store = config.parent / "lane.sqlite3"
    lane = LaneProcess(config).start()
    sam = StaffClient(station.url, "sam")
    try:
        lane.type(UNKNOWN)
        alert_id = wait_until(lambda: alert_of(sam, "unknown_barcode"), timeout=LONG)
        link.drop_results = True  # the lane's acknowledgements are lost
        answer = sam.remote("lane-01", kind="resolve", alert_id=alert_id, item_code=MILK)
        command_id = answer.json()["command"]
        wait_until(lambda: last_applied(store) == command_id, timeout=LONG, what="applied")
        wait_until(lambda: link.dropped > 0, what="an acknowledgement lost")
        lane.kill()  # applied, never acknowledged
        assert result(sam, command_id) is None  # the station still has it pending

        link.drop_results = False
        lane = LaneProcess(config).start()
        done = wait_until(lambda: result(sam, command_id), timeout=LONG, what="acknowledged")
        assert done["ok"], done
        # the basket came back after the crash, with the item once
        wait_until(lambda: lane_view(sam).get("items") == 1, timeout=LONG)
        assert len(remote_rows(store, command_id)) == 1
        assert len(lane_view(sam)["lines"]) == 1
    finally:
        sam.close()
        lane.kill()
        link.close()


def test_the_lane_sells_on_while_the_station_is_away(
    station: StationProcess, tmp_path: Path
) -> None:
    config = lane_toml(tmp_path / "lane", station.url)
    lane = LaneProcess(config).start()
    sam = StaffClient(station.url, "sam")
    try:
        wait_until(lambda: lane_view(sam), timeout=LONG, what="the lane reporting")
        station.kill()
        lane.type(MILK)
        lane.type(MILK)
        store = config.parent / "lane.sqlite3"
        wait_until(lambda: open_lines(store) == 2, timeout=LONG, what="sold with no station")
        station.start()
        sam.close()
        sam = StaffClient(station.url, "sam")
        wait_until(lambda: lane_view(sam).get("items") == 2, timeout=LONG, what="sold on")
        answer = sam.remote("lane-01", kind="void_line", line_no=2, reason="double scan")
        done = wait_until(lambda: result(sam, answer.json()["command"]), timeout=LONG)
        assert done["ok"], done
        wait_until(lambda: lane_view(sam).get("items") == 1, timeout=LONG)
    finally:
        sam.close()
        lane.kill()
