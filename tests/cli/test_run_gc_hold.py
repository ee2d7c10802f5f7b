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


def test_kiosk_run_parses_with_its_own_command_alone(capsys: pytest.CaptureFixture[str]) -> None:
    from kiosk import warmup
    from kiosk.cli import build_parser, main

    only_run = build_parser(("run_cmd",))
    every = build_parser()
    assert only_run.parse_args(["run", "--config", "x.toml"]).config == "x.toml"
    assert "hq" not in only_run.format_help()
    assert "hq" in every.format_help()
    try:
        with pytest.raises(SystemExit) as leaving:
            main(["run", "--help"])  # the same help as from the whole parser
    finally:
        warmup.release_collections()  # main() held it for the window that never came
    assert leaving.value.code == 0
    shown = capsys.readouterr().out
    with pytest.raises(SystemExit):
        every.parse_args(["run", "--help"])
    assert capsys.readouterr().out == shown
