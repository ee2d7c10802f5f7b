"""The journey registry: ``lane.mode`` picks a registered journey, an unknown one is a
ConfigError naming the known ones, and the "hello" journey of the tests is added
through the registry's public API alone (nothing in ``kiosk/`` knows it)."""

from __future__ import annotations

import ast
import subprocess
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hello_journey.machine import Finish, Greet, Hello, HelloError, HelloState, SayHello
from hello_journey.spec import HELLO

import kiosk.app.journeys as journeys_api
from kiosk.app.journeys import journey_spec, known_journeys, register_journey
from kiosk.app.journeys.self_checkout import SELF_CHECKOUT
from kiosk.app.wiring import build_lane
from kiosk.cli import main
from kiosk.config import ConfigError, load_config
from kiosk.sync.client import UPLOADS

ROOT = Path(__file__).resolve().parents[2]
HELLO_DIR = Path(__file__).resolve().parent / "hello_journey"
T0 = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)


def test_the_registry_lists_the_self_checkout() -> None:
    assert "self_checkout" in known_journeys()
    assert journey_spec("self_checkout") is SELF_CHECKOUT
    assert SELF_CHECKOUT.attendant is not None


@pytest.mark.parametrize("mode", ["cruise_checkin", "ferry_checkin", "no_such_journey"])
def test_an_unregistered_mode_is_refused_before_anything_opens(
    make_config: Any, tmp_path: Path, mode: str
) -> None:
    config = make_config(mode)
    with pytest.raises(ConfigError) as refused:
        build_lane(config, with_sync=False)
    text = str(refused.value)
    assert f"lane.mode = {mode!r}" in text
    assert "self_checkout" in text
    assert not config.store.path.exists()  # refused before the store was opened


def test_config_check_refuses_a_journey_the_registry_does_not_know(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "lane.toml"
    path.write_text('[lane]\nstore_id="s"\nlane_id="l"\nmode="cruise_checkin"\n', "utf-8")
    assert main(["config", "check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "lane.mode = 'cruise_checkin'" in err
    assert "self_checkout" in err
    path.write_text('[lane]\nstore_id="s"\nlane_id="l"\nmode="self_checkout"\n', "utf-8")
    assert main(["config", "check", str(path)]) == 0


def test_a_mode_that_is_not_an_identifier_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "lane.toml"
    path.write_text('[lane]\nstore_id="s"\nlane_id="l"\nmode="self checkout!"\n', "utf-8")
    with pytest.raises(ConfigError, match=r"lane\.mode"):
        load_config(path, environ={})


def test_registering_refuses_a_taken_mode_and_a_bad_name() -> None:
    with pytest.raises(ValueError, match="already registered"):
        register_journey(SELF_CHECKOUT)
    with pytest.raises(ValueError, match="identifier"):
        register_journey(HELLO.__class__(**{**HELLO.__dict__, "mode": "Hello There"}))


def test_every_journey_sends_only_document_kinds_sync_uploads(hello_registered: None) -> None:
    for mode in known_journeys():
        assert set(journey_spec(mode).document_kinds) <= set(UPLOADS), mode
    assert SELF_CHECKOUT.document_kinds == ("sale",)


def test_the_hello_journey_is_unknown_until_registered(
    make_config: Any, hello_registered: None
) -> None:
    assert journey_spec("hello") is HELLO
    assert "hello" in known_journeys()


def test_a_hello_lane_runs_headless_through_build_lane(
    make_config: Any, hello_registered: None
) -> None:
    lane = build_lane(make_config("hello"), with_sync=False)
    assert lane.journey is HELLO
    assert lane.attendant is None
    done = threading.Event()
    lane.controller.listeners.append(
        lambda hello, effects: done.set() if hello.state is HelloState.DONE else None
    )
    lane.start()
    try:
        lane.controller.say_hello()
        assert done.wait(10)
        assert lane.controller.state_name() == "done"
    finally:
        lane.stop()


def test_adding_hello_touched_nothing_in_kiosk() -> None:
    """The hello journey imports only the registry's public API from kiosk.app (plus the
    UI toolkit and the one thread starter), and no file under kiosk/ names it."""
    public = set(journeys_api.__all__)
    for path in HELLO_DIR.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("kiosk.app"):
                assert node.module == "kiosk.app.journeys", (path.name, node.module)
                assert {a.name for a in node.names} <= public, path.name
    for source in (ROOT / "kiosk").rglob("*.py"):
        text = source.read_text("utf-8")
        assert "hello_journey" not in text, source
        assert '"hello"' not in text, source


# -- the hello machine (pure) ---------------------------------------------------------


def test_the_hello_machine_greets_then_is_done() -> None:
    hello, effects = Hello().handle(SayHello(T0))
    assert (hello.state, hello.greeting) == (HelloState.GREETED, "Hello!")
    assert effects == [Greet("Hello!")]
    hello, effects = hello.handle(Finish(T0))
    assert (hello.state, effects) == (HelloState.DONE, [])


@pytest.mark.parametrize(
    ("start", "event"),
    [
        (Hello(), Finish(T0)),
        (Hello(HelloState.GREETED), SayHello(T0)),
        (Hello(HelloState.DONE), SayHello(T0)),
    ],
)
def test_an_event_the_state_does_not_take_names_both(start: Hello, event: Any) -> None:
    with pytest.raises(HelloError, match=f"{start.state.value}.*{type(event).__name__}"):
        start.handle(event)


def test_a_headless_lane_never_imports_qt(tmp_path: Path) -> None:
    """The registry, the self-checkout's spec and build_lane stay Qt-free: the console
    demo and the lane tests build lanes without a display (open_ui imports Qt when called)."""
    script = (
        "import dataclasses, sys\n"
        "from kiosk.config import KioskConfig\n"
        "from kiosk.config.lane import LaneConfig\n"
        "from kiosk.app.wiring import build_lane\n"
        "config = KioskConfig(lane=LaneConfig(store_id='s', lane_id='l'))\n"
        "store = dataclasses.replace(config.store, path=sys.argv[1])\n"
        "lane = build_lane(dataclasses.replace(config, store=store), with_sync=False)\n"
        "assert lane.journey.mode == 'self_checkout'\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'PySide6'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "lane.sqlite3")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
