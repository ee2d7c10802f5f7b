"""The shopper sees why a scanned code was refused, in their language, on the real lane
window over a real LaneController and SQLite store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_lane_journeys import build_controller

from kiosk.app.shell import open_journey_window
from kiosk.config.lane import LaneConfig
from kiosk.config.schema import KioskConfig
from kiosk.ui.lane_screens import LaneScreens

MRZ = "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
CASES = {
    "https://example.com/menu?table=4": "not a product barcode",
    "ABC-123": "not a product barcode",
    MRZ: "Identity documents cannot be read here",
    "5555 5555 5555 4444": "pay by card on the card terminal",
}


@pytest.fixture
def screens(qtbot, tmp_path: Path) -> Iterator[tuple[Any, Any, LaneScreens]]:  # type: ignore[no-untyped-def]
    controller = build_controller(tmp_path / "lane.sqlite3")
    config = KioskConfig(lane=LaneConfig(store_id="store-1", lane_id="lane-1"))
    window, presenter, _, _ = open_journey_window(controller, config, show=False, kiosk_mode=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        yield controller, window, presenter._s
    finally:
        presenter.detach()
        controller.stop()
        window.shutdown()


@pytest.mark.parametrize(("code", "text"), CASES.items())
def test_a_refused_code_shows_why(qtbot, screens, code: str, text: str) -> None:  # type: ignore[no-untyped-def]
    controller, _, lane_screens = screens
    controller.scan(code)
    qtbot.waitUntil(lambda: text in lane_screens.toast.text())
    assert lane_screens.toast.is_error()
    assert controller.checkout.basket.lines == ()


@pytest.mark.parametrize("language", ["es", "fr"])
@pytest.mark.parametrize("code", ["ABC-123", MRZ])
def test_the_refusal_is_in_the_shopper_language(qtbot, screens, language: str, code: str) -> None:  # type: ignore[no-untyped-def]
    controller, window, lane_screens = screens
    window.set_language(language)
    controller.scan(code)
    qtbot.waitUntil(lane_screens.toast.isVisible)
    shown = lane_screens.toast.text()
    assert shown
    assert not any(english in shown for english in CASES.values())
