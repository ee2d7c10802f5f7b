"""The hello journey's screen and presenter (Qt).

``HelloScreen`` shows one button, "Say hello", then the greeting. ``HelloPresenter``
turns the touch into ``runner.say_hello()`` and draws every state the runner
broadcasts (carried to the UI thread by the shell's bridge as ``HelloChanged``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout

from hello_journey.machine import Hello, HelloState
from kiosk.app.journeys import JourneyUi, JourneyUiContext
from kiosk.ui.screens.base import Screen


@dataclass(frozen=True, slots=True)
class HelloChanged:
    """The runner's new state, on its way to the UI thread."""

    hello: Hello


class HelloScreen(Screen):
    """One button, then the greeting."""

    name = "hello"
    sayRequested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.button = QPushButton(self.tr("Say hello"))
        self.button.setMinimumSize(400, 120)
        self.greeting = QLabel("")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.button)
        layout.addWidget(self.greeting)
        layout.addStretch(1)
        self.button.clicked.connect(self.sayRequested)

    def show_state(self, hello: Hello) -> None:
        self.button.setVisible(hello.state is HelloState.READY)
        self.greeting.setText(hello.greeting)


class HelloPresenter(QObject):
    """What the shell asks of a journey's presenter, for the hello journey."""

    staffRequested = Signal()

    def __init__(self, runner: Any, window: Any, bridge: Any, screen: HelloScreen) -> None:
        super().__init__(window)
        self.runner, self.bridge, self.screen = runner, bridge, screen
        self.flags = (False, False)
        self._listener = lambda hello, effects: bridge.post(HelloChanged(hello))
        runner.listeners.append(self._listener)
        bridge.changed.connect(self._on_bridge)
        screen.sayRequested.connect(runner.say_hello)
        window.show_screen(screen.name)
        self.refresh()

    def _on_bridge(self, event: object) -> None:
        if isinstance(event, HelloChanged):
            self.screen.show_state(event.hello)

    def set_lane_flags(self, closed: bool, paused: bool) -> None:
        self.flags = (closed, paused)

    def refresh(self) -> None:
        self.screen.show_state(self.runner.hello)

    def detach(self) -> None:
        if self._listener in self.runner.listeners:
            self.runner.listeners.remove(self._listener)


def open_hello_ui(context: JourneyUiContext) -> JourneyUi:
    """The hello screen on the shell's window, and its presenter."""
    screen = HelloScreen()
    context.window.add_screen(screen)
    presenter = HelloPresenter(context.lane.controller, context.window, context.bridge, screen)
    return JourneyUi(presenter, screen)
