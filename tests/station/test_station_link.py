"""The lane's link to a real station server: reports arrive, "I'm on my way" reaches the
lane once (also across a lane restart), and a station that is down costs the lane
nothing until it is back."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.app.station_link import CommandLedger, StationLink
from kiosk.station.server import StationServer, free_port
from kiosk.store.db import connect

KEY = "station-key-for-tests-0123456789abcdef"


class FakeLane:
    """What a lane reports, and what it was told."""

    def __init__(self) -> None:
        self.alerts: list[dict] = []
        self.told: list[tuple[str, dict]] = []
        self.told_event = threading.Event()

    def report(self) -> dict:
        return {
            "state": "open",
            "journey": "self_checkout",
            "step": "shopping",
            "items": 1,
            "total": "2.50",
            "currency": "EUR",
            "last_touch_s": 0.5,
            "alerts": list(self.alerts),
        }

    def on_command(self, command: dict) -> None:
        self.told.append((command["kind"], command["args"]))
        self.told_event.set()


def wait_until(condition, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition never met"
        time.sleep(0.02)  # waiting on other threads and a server, not timing them


def lane_store(folder: Path) -> Path:
    """A lane store (migrated) where the link keeps which commands it applied."""
    path = folder / "lane.sqlite3"
    connect(path).close()
    return path


def link_for(url: str, lane: FakeLane, folder: Path) -> StationLink:
    return StationLink(
        url,
        KEY,
        "lane-01",
        report=lane.report,
        on_command=lane.on_command,
        ledger=CommandLedger(lane_store(folder)),
        every_s=0.5,
    )


@pytest.fixture
def station(tmp_path: Path):
    with StationServer(tmp_path / "station", key=KEY) as server:
        yield server


def test_on_my_way_reaches_the_lane_once_even_after_a_restart(station, tmp_path: Path) -> None:
    lane = FakeLane()
    lane.alerts = [
        {"key": "b1:help", "kind": "help", "detail": "", "raised_at": datetime.now(UTC).isoformat()}
    ]
    link = link_for(station.url, lane, tmp_path)
    link.start()
    try:
        link.changed()
        wait_until(lambda: len(station.board.open_alerts()) == 1)
        alert = station.board.open_alerts()[0]
        station.board.acknowledge(alert.id, "ana", "Ana", "test")
        assert lane.told_event.wait(20)
        assert lane.told == [("on_my_way", {"alert": "b1:help", "staff": "Ana"})]
        wait_until(lambda: station.board.commands_after("lane-01", 0) == [])  # reported applied
    finally:
        link.stop()
    again = link_for(station.url, lane, tmp_path)  # the lane restarted
    again.start()
    try:
        again.changed()
        time.sleep(1.5)  # a window in which a second delivery would show
        assert lane.told == [("on_my_way", {"alert": "b1:help", "staff": "Ana"})]
    finally:
        again.stop()


def test_a_station_that_is_down_costs_nothing_until_it_is_back(tmp_path: Path) -> None:
    port = free_port()
    lane = FakeLane()
    link = link_for(f"http://127.0.0.1:{port}", lane, tmp_path)
    link.start()
    try:
        link.changed()
        time.sleep(0.5)
        assert not link.reachable
        with StationServer(tmp_path / "station", key=KEY, port=port) as server:
            wait_until(lambda: "lane-01" in server.board.lanes, timeout=40)
            wait_until(lambda: link.reachable)  # both loops have reached it again
    finally:
        link.stop()


def test_a_station_set_up_anew_numbers_from_one_and_the_lane_follows(tmp_path: Path) -> None:
    port = free_port()
    lane = FakeLane()
    raised = datetime.now(UTC).isoformat()
    lane.alerts = [{"key": "b1:help", "kind": "help", "detail": "", "raised_at": raised}]
    link = link_for(f"http://127.0.0.1:{port}", lane, tmp_path)
    link.start()
    try:
        for n, folder in enumerate(("old-station", "new-station"), start=1):
            with StationServer(tmp_path / folder, key=KEY, port=port) as server:
                link.changed()
                wait_until(lambda s=server: len(s.board.open_alerts()) == 1)
                alert = server.board.open_alerts()[0]
                command = server.board.acknowledge(alert.id, "ana", "Ana", "test")
                assert command.id == 1  # each station file numbers from 1
                wait_until(lambda n=n: len(lane.told) == n)  # command 1 of station n
                wait_until(lambda s=server: s.board.commands_after("lane-01", 0) == [])
    finally:
        link.stop()
    assert [kind for kind, _ in lane.told] == ["on_my_way", "on_my_way"]
