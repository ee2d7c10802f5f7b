"""The "hello" journey, registered at run time, started through the real shell in the
real KioskWindow: a person touches "Say hello" and sees "Hello!"."""

from __future__ import annotations

import gc
import signal
from typing import Any

from hello_journey.machine import HelloState
from hello_journey.ui import HelloScreen
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.app.shell import open_lane_window, run_lane_app
from kiosk.app.wiring import build_lane


def test_a_person_says_hello_by_touch(qtbot: Any, make_config: Any, hello_registered: None) -> None:
    lane = build_lane(make_config("hello"), with_sync=False)
    window, presenter, attendant = open_lane_window(
        lane, show=False, kiosk_mode=False, idle_timeout_ms=600_000
    )
    qtbot.addWidget(window)
    try:
        window.resize(1920, 1080)
        window.show()
        qtbot.waitExposed(window)
        assert attendant is None  # the hello journey has no attendant desk
        screen = window.current_screen()
        assert isinstance(screen, HelloScreen)
        button = screen.button
        assert button.text() == "Say hello"
        centre = button.mapToGlobal(button.rect().center())
        assert QApplication.widgetAt(centre) is button  # the button is on top there
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=button.rect().center())
        qtbot.waitUntil(lambda: screen.greeting.text() == "Hello!")
        qtbot.waitUntil(lambda: lane.controller.hello.state is HelloState.DONE)
        assert not button.isVisible()
        assert screen.greeting.isVisible()
    finally:
        presenter.detach()
        lane.stop()
        window.shutdown()


def test_the_lane_app_runs_a_journey_and_leaves_its_event_loop(
    qtbot: Any, make_config: Any, hello_registered: None
) -> None:
    """``run_lane_app`` (what ``kiosk run`` calls) opens the journey, starts the lane, runs
    Qt's event loop until it quits and shuts the window down."""
    lane = build_lane(make_config("hello"), with_sync=False)
    sigint = signal.getsignal(signal.SIGINT)
    try:
        assert run_lane_app(lane, show=False, quit_after_ms=200) == 0
        assert lane.controller.hello.state is HelloState.READY  # it ran, nobody touched it
    finally:
        signal.signal(signal.SIGINT, sigint)
        gc.unfreeze()
        lane.stop()
