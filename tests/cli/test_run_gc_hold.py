"""``kiosk run`` holds the cyclic collector from main()'s first line until the window's
first paint; a command that opens no lane window must not (it would never come back)."""

from __future__ import annotations

import pytest

from kiosk.cli import _runs_the_lane_window


@pytest.mark.parametrize(
    ("argv", "holds"),
    [
        (["run"], True),
        (["run", "--config", "/etc/kiosk/lane.toml"], True),
        (["-v", "run"], True),
        (["run", "--console"], False),  # no window: nothing would give it back
        (["demo"], False),
        (["hq", "serve"], False),
        (["catalog", "import", "run"], False),  # "run" as an argument, not the command
        ([], False),
        (["--version"], False),
    ],
)
def test_only_the_lane_window_holds_the_collector(argv: list[str], holds: bool) -> None:
    assert _runs_the_lane_window(argv) is holds
