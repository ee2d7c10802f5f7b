"""A loyalty card typed by touch (kiosk.ui.widgets.loyalty_card): in the real lane window
over a lane built as ``kiosk run`` builds it (``build_lane``, SQLite store with the
demo's offers: a member price on milk), the shopper touches "Loyalty card" on the
scanning screen, types a number with a wrong check digit (told so, the pad stays),
corrects it, and the member price applies; "Back" leaves without a card; a payment
card's number typed by mistake is refused and wiped, never shown back.

Every touch checks first that the widget is what a person would hit
(``QApplication.widgetAt`` at its centre)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from shopper_answers import no_bags_thanks
from test_lane_touch import touch

from kiosk.app.demo import DemoRig, ensure_demo_offers
from kiosk.app.shell import open_lane_window
from kiosk.app.wiring import build_lane
from kiosk.config import load_config
from kiosk.store.catalog_import import import_csv
from kiosk.store.db import connect
from kiosk.ui.widgets.keyentry import CLEAR
from kiosk.ui.widgets.keypad import ENTER
from kiosk.ui.widgets.loyalty_card import LoyaltyCardOverlay

ROOT = Path(__file__).resolve().parents[2]
MILK = "8410000000016"  # 0.95; 0.79 for members (assets/offers/sample_offers.json)
CARD = "2900000000018"  # the demo's card
VISA = "4111111111111111"  # a test payment card number


@dataclasses.dataclass
class Rig:
    lane: Any
    window: Any
    presenter: Any

    def overlay(self) -> LoyaltyCardOverlay:
        overlay = self.presenter._loyalty
        assert overlay is not None
        return overlay

    def total(self) -> int:
        return self.presenter.checkout().totals().total.minor


@pytest.fixture
def open_rig(qtbot: Any, tmp_path: Path) -> Iterator[Callable[[], Rig]]:
    made: list[Rig] = []
    with DemoRig(tmp_path / "rig", with_hq=False) as demo:

        def start() -> Rig:
            config = demo.configure(load_config(ROOT / "config" / "demo.toml", environ={}))
            db = tmp_path / "lane.sqlite3"
            config = dataclasses.replace(
                config, store=dataclasses.replace(config.store, path=db), devices=()
            )
            conn = connect(db)
            import_csv(conn, ROOT / "assets" / "catalog" / "sample_catalog.csv", progress=False)
            conn.close()
            ensure_demo_offers(db)
            lane = build_lane(config, with_sync=False)
            window, presenter, _attendant = open_lane_window(
                lane, show=False, kiosk_mode=False, idle_timeout_ms=600_000
            )
            qtbot.addWidget(window)
            window.resize(1366, 768)
            window.show()
            qtbot.waitExposed(window)
            rig = Rig(lane, window, presenter)
            made.append(rig)
            return rig

        yield start
        for rig in made:
            rig.presenter.detach()
            rig.lane.stop()
            rig.window.shutdown()


def open_pad(qtbot: Any, rig: Rig) -> LoyaltyCardOverlay:
    """Scan milk, touch "No bags, thanks", then "Loyalty card" on the scanning screen."""
    rig.lane.controller.scan(MILK)
    scanning = rig.window.navigator.get("scanning")
    qtbot.waitUntil(lambda: scanning.cart.row_count() == 1)
    no_bags_thanks(qtbot, rig.presenter)  # config/demo.toml asks "Do you need bags?"
    assert rig.total() == 95
    touch(qtbot, scanning.loyalty_button)
    overlay = rig.overlay()
    qtbot.waitUntil(overlay.isVisible)
    return overlay


def type_number(qtbot: Any, overlay: LoyaltyCardOverlay, digits: str) -> None:
    for key in digits:
        touch(qtbot, overlay.keypad.button(key))
    touch(qtbot, overlay.keypad.button(ENTER))


def test_a_typed_card_gives_the_member_price(qtbot: Any, open_rig: Any) -> None:
    rig = open_rig()
    overlay = open_pad(qtbot, rig)
    type_number(qtbot, overlay, CARD[:-1] + "9")  # a wrong check digit
    assert overlay.isVisible()
    assert overlay.problem_text() == "This is not a loyalty card number. Please check the digits."
    assert rig.presenter.checkout().member_card is None
    touch(qtbot, overlay.keypad.button(CLEAR))
    assert overlay.problem_text() == ""
    type_number(qtbot, overlay, CARD)
    assert not overlay.isVisible()
    qtbot.waitUntil(lambda: rig.presenter.checkout().member_card == CARD)
    qtbot.waitUntil(lambda: rig.total() == 79)
    assert rig.window.navigator.current_name() == "scanning"


def test_back_leaves_without_a_card_and_a_short_number_is_refused(
    qtbot: Any, open_rig: Any
) -> None:
    rig = open_rig()
    overlay = open_pad(qtbot, rig)
    type_number(qtbot, overlay, "2900")
    assert overlay.problem_text() == "A loyalty card number has 13 digits."
    assert overlay.number_text() == "2900"
    touch(qtbot, overlay.back_button)
    assert not overlay.isVisible()
    touch(qtbot, rig.window.navigator.get("scanning").pay_button)  # the way on is open
    assert rig.presenter.checkout().member_card is None


def test_a_payment_card_number_is_refused_and_wiped(qtbot: Any, open_rig: Any) -> None:
    rig = open_rig()
    overlay = open_pad(qtbot, rig)
    type_number(qtbot, overlay, VISA)
    assert overlay.problem_text().startswith("That looks like a payment card.")
    assert overlay.keypad.text() == ""
    assert "1111" not in overlay.number_text()
    assert rig.presenter.checkout().member_card is None
