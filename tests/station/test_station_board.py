"""The station's board on a fake clock: alerts opened and closed by lanes' reports,
"I'm on my way" as a numbered command applied once, escalation, audit, restarts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.station.board import Board, StationError

T0 = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


def report(*alerts: tuple[str, str], applied: tuple[int, ...] = ()) -> dict:
    return {
        "state": "open",
        "journey": "self_checkout",
        "step": "scanning",
        "items": 2,
        "total": "3.40",
        "currency": "EUR",
        "last_touch_s": 1.0,
        "alerts": [
            {"key": key, "kind": kind, "detail": "", "raised_at": T0.isoformat()}
            for key, kind in alerts
        ],
        "applied": list(applied),
    }


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def board(tmp_path: Path, clock: Clock) -> Board:
    return Board(tmp_path / "s.sqlite3", clock=clock, escalate_after_s=60, supervisor_after_s=180)


def test_a_reported_alert_opens_once_and_closes_when_no_longer_reported(board: Board) -> None:
    board.report("lane-01", report(("i1", "age_check")))
    board.report("lane-01", report(("i1", "age_check")))
    assert [(a.lane_id, a.key, a.kind) for a in board.open_alerts()] == [
        ("lane-01", "i1", "age_check")
    ]
    board.report("lane-01", report())
    assert board.open_alerts() == []


def test_on_my_way_is_one_command_applied_once_and_audited(board: Board, clock: Clock) -> None:
    board.report("lane-01", report(("i1", "help")))
    (alert,) = board.open_alerts()
    clock.now = T0 + timedelta(seconds=42)
    command = board.acknowledge(alert.id, "ana", "Ana", "station 10.0.0.7")
    assert (command.kind, command.args) == ("on_my_way", {"alert": "i1", "staff": "Ana"})
    with pytest.raises(StationError, match="Ana is already on the way"):
        board.acknowledge(alert.id, "bo", "Bo", "station 10.0.0.8")
    assert board.commands_after("lane-01", 0) == [command]
    assert board.commands_after("lane-01", command.id) == []
    assert board.report("lane-01", report(("i1", "help"), applied=(command.id,))) == []
    (row,) = board.audit_rows()
    assert (row["staff_id"], row["where_from"], row["action"], row["after_alert_s"]) == (
        "ana",
        "station 10.0.0.7",
        "on_my_way",
        42.0,
    )


def test_an_unacknowledged_alert_escalates_to_attendants_then_supervisors(
    board: Board, clock: Clock
) -> None:
    board.report("lane-01", report(("i1", "unknown_item")))
    assert not board.escalate()
    clock.now = T0 + timedelta(seconds=61)
    assert board.escalate()
    assert [a.level for a in board.open_alerts()] == [1]
    assert not board.escalate()
    clock.now = T0 + timedelta(seconds=181)
    board.escalate()
    assert [a.level for a in board.open_alerts()] == [2]


def test_an_acknowledged_alert_does_not_escalate(board: Board, clock: Clock) -> None:
    board.report("lane-01", report(("i1", "help")))
    board.acknowledge(board.open_alerts()[0].id, "ana", "Ana", "here")
    clock.now = T0 + timedelta(hours=1)
    assert not board.escalate()


def test_a_restarted_station_keeps_unapplied_commands_and_acknowledgements(
    tmp_path: Path, clock: Clock
) -> None:
    first = Board(tmp_path / "s.sqlite3", clock=clock)
    first.report("lane-01", report(("i1", "help")))
    command = first.acknowledge(first.open_alerts()[0].id, "ana", "Ana", "here")
    first.close()
    again = Board(tmp_path / "s.sqlite3", clock=clock)
    assert again.commands_after("lane-01", 0) == [command]
    assert again.open_alerts()[0].acked_by == "Ana"
    with pytest.raises(StationError):
        again.acknowledge(999, "ana", "Ana", "here")


def test_the_snapshot_gives_each_lane_and_alert_with_ages(board: Board, clock: Clock) -> None:
    board.report("lane-02", report(("i9", "device_fault")))
    clock.now = T0 + timedelta(seconds=5)
    snap = board.snapshot()
    assert [lane["lane_id"] for lane in snap["lanes"]] == ["lane-02"]
    assert snap["lanes"][0]["seen_s"] == 5.0
    assert snap["alerts"][0]["age_s"] == 5
    assert snap["escalate_after_s"] == 60
