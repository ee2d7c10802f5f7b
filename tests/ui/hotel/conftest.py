"""The hotel screens' tests: real widgets offscreen (``tests/ui/conftest.py`` picks the
platform), in the shell's window, with the hotel's ES/FR words in force
(``hotel_translations``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from hotel_translations import use_language

from kiosk.ui.hotel.screens import HotelScreens
from kiosk.ui.window import KioskWindow


@pytest.fixture(autouse=True)
def hotel_english_afterwards(qapp: object) -> Iterator[None]:
    """Every test starts and ends in English, without the hotel's test translator."""
    use_language("en")
    yield
    use_language("en")


@pytest.fixture
def hotel_window(qtbot) -> Iterator[Callable[..., tuple[KioskWindow, HotelScreens]]]:  # type: ignore[no-untyped-def]
    """``make(width, height)``: a shown, non-kiosk shell with every hotel screen."""
    made: list[KioskWindow] = []

    def make(width: int = 1920, height: int = 1080) -> tuple[KioskWindow, HotelScreens]:
        window = KioskWindow(kiosk_mode=False, idle_timeout_ms=600_000)
        screens = HotelScreens.build(window)
        qtbot.addWidget(window)
        window.resize(width, height)
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window, screens

    yield make
    for window in made:
        window.shutdown()
