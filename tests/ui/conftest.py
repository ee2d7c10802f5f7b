"""UI tests run real widgets offscreen; the platform must be chosen before Qt starts.

The offscreen screen is made 3840x2160 (Qt's default is 800x800, otherwise the same
settings) so that ``QApplication.widgetAt`` finds every point of a 1920x1080 or
1080x1920 lane window: the touch tests check what is on top where a person touches.
"""

from __future__ import annotations

import os

from offscreen_screen import screen_config

os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen_config()}"

from collections.abc import Callable, Iterator

import pytest

from kiosk.ui.i18n import switch_language
from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.screens.pay import PayScreen
from kiosk.ui.screens.pin import PinScreen
from kiosk.ui.screens.produce import ProduceScreen
from kiosk.ui.screens.receipt import ReceiptScreen
from kiosk.ui.screens.scanning import ScanningScreen
from kiosk.ui.screens.thanks import ThanksScreen
from kiosk.ui.screens.weigh import WeighScreen
from kiosk.ui.window import KioskWindow


@pytest.fixture(autouse=True)
def english_afterwards(qapp: object) -> Iterator[None]:
    """The shopper language is application-wide: every test starts and ends in English."""
    switch_language("en")
    yield
    switch_language("en")


@pytest.fixture
def spoken() -> list[str]:
    """Texts handed to the speech hook, in order."""
    return []


@pytest.fixture
def make_window(qtbot, spoken: list[str]) -> Iterator[Callable[..., KioskWindow]]:  # type: ignore[no-untyped-def]
    """Build shown, non-kiosk shells with every self-checkout screen (keyword arguments go
    to KioskWindow); each is shut down after the test."""
    made: list[KioskWindow] = []

    def build(**options: object) -> KioskWindow:
        settings: dict[str, object] = {
            "kiosk_mode": False,
            "idle_timeout_ms": 50,
            "idle_countdown_s": 2,
            "countdown_tick_ms": 10,
        }
        settings.update(options)
        shell = KioskWindow(**settings)  # type: ignore[arg-type]
        for screen in (
            AttractScreen(),
            ScanningScreen(),
            ProduceScreen(),
            WeighScreen(),
            PayScreen(),
            ReceiptScreen(),
            ThanksScreen(),
            PinScreen(),
        ):
            shell.add_screen(screen)
        shell.add_speech_listener(spoken.append)
        qtbot.addWidget(shell)
        shell.resize(1920, 1080)
        shell.show()
        shell.show_screen("attract")
        qtbot.waitExposed(shell)
        made.append(shell)
        return shell

    yield build
    for shell in made:
        shell.shutdown()


@pytest.fixture
def window(make_window: Callable[..., KioskWindow]) -> KioskWindow:
    """A shell with a 50 ms idle timeout and a 2-tick countdown of 10 ms ticks."""
    return make_window()
