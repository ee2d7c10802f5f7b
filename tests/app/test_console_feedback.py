"""The console's feedback commands on a real lane (``build_lane``, the card terminal
simulator): ``rate N`` and ``nps N [REASON...] [-- COMMENT]`` only on the thank-you
screen, refusals in one line, a card number in a comment never stored; ``parse_nps``
never raises anything but a ConsoleError (hypothesis)."""

from __future__ import annotations

from typing import Any

import pytest
from app_fixtures import MILK
from hypothesis import given
from hypothesis import strategies as st

from kiosk.app.console import COMMANDS, LaneConsole, help_text, parse_nps
from kiosk.app.console_staff import ConsoleError
from kiosk.app.wiring import build_lane
from kiosk.domain.feedback import NPS_REASONS
from kiosk.store.db import connect
from kiosk.store.service_events import queued_events


@pytest.fixture
def console(rig_config: Any) -> Any:
    _rig, config = rig_config
    lane = build_lane(config, with_sync=False)
    out: list[str] = []
    console = LaneConsole(lane, out.append)
    lane.start()
    yield console, out, config
    lane.stop()


def feedback_events(config: Any) -> list[dict[str, Any]]:
    conn = connect(config.store.path, migrate=False)
    try:
        return [e for e in queued_events(conn) if e["type"].startswith("feedback.")]
    finally:
        conn.close()


def test_feedback_is_given_on_the_thank_you_screen_only(console: Any) -> None:
    console, out, config = console
    assert console.run(["rate 3"]) == 0
    assert out[-1] == "  feedback is given on the thank-you screen, not while idle"
    script = [MILK, "wait shopping 20", "pay", "wait finished 60"]
    assert console.run(script) == 0, "\n".join(out)
    for line, expected in (
        ("rate 4", "  usage: rate N (1-3): there is no face 4"),
        ("rate x", "  usage: rate N (1-3) ('x' is not a whole number)"),
        ("nps 11", "USAGE a score is a whole number 0-10, not 11"),
        ("nps 3 rude", "USAGE no reason 'rude': one of " + ", ".join(NPS_REASONS)),
        ("nps 3 -- card 4111 1111 1111 1111", "  not taken: a comment must not hold a card number"),
    ):  # fmt: skip
        answer = expected.replace("USAGE", "  usage: nps N [REASON...] [-- COMMENT]:")
        assert console.run([line]) == 0
        assert out[-1] == answer, line
    assert console.run(["rate 2", "nps 8 too_slow prices -- quick", "next", "wait idle 20"]) == 0
    assert console.run(["status"]) == 0
    events = {e["type"]: e["data"] for e in feedback_events(config)}
    assert events == {
        "feedback.rating": {"rating": 3},
        "feedback.nps": {"score": 8, "reasons": ["too_slow", "prices"], "comment": "quick"},
    }
    assert "4111" not in str(feedback_events(config))


def test_help_lists_the_feedback_commands() -> None:
    words = [command.split()[0] for command, _ in COMMANDS]
    assert {"rate", "nps", "cancel"} <= set(words)
    text = help_text()
    assert "rate N" in text
    assert "nps N [REASON...]" in text


@given(st.lists(st.text(max_size=20), max_size=8))
def test_any_words_after_nps_are_understood_or_refused_in_one_line(words: list[str]) -> None:
    try:
        score, reasons, comment = parse_nps(words)
    except ConsoleError as error:
        message = str(error)
    else:
        assert 0 <= score <= 10
        assert set(reasons) <= set(NPS_REASONS)
        assert isinstance(comment, str)
        return
    assert message.startswith("usage: nps N")
