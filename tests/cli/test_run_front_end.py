"""``kiosk run`` in a window builds no text console: the console prints every change of
the lane, which a lane in a window (no terminal read) must not pay for on each event."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from kiosk.cli import run_cmd


class _Lane:
    """What ``_front_end`` touches of a lane: its controller's listeners, start, stop."""

    def __init__(self) -> None:
        self.controller = SimpleNamespace(listeners=[], scan=None)
        self.badge_listeners: list[Any] = []
        self.attendant = None
        self.devices: dict[str, Any] = {}
        self.stopped = False

    def start(self) -> None:
        pass

    def stop(self) -> None:
        self.stopped = True


def test_a_lane_in_a_window_has_no_console_listening(monkeypatch: pytest.MonkeyPatch) -> None:
    lane = _Lane()
    seen: list[list[Any]] = []

    def window(lane_: Any) -> int:
        seen.append(list(lane_.controller.listeners))
        return 0

    monkeypatch.setattr("kiosk.app.shell.run_lane_app", window)
    assert run_cmd._front_end(lane, console=False) == 0
    assert seen == [[]]  # nothing printing the lane's changes while the window ran
    assert lane.stopped


def test_the_console_front_end_still_listens(tmp_path: Any) -> None:
    lane = _Lane()
    script = tmp_path / "script.txt"
    script.write_text("", encoding="utf-8")
    run_cmd._front_end(lane, console=True, script=script)
    assert len(lane.controller.listeners) == 1  # the console printing each change
    assert lane.stopped
