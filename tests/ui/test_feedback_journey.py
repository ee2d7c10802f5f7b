"""The shopper's feedback by touch, in the real lane window over a lane built as ``kiosk
run`` builds it (``build_lane``: SQLite store, the card terminal simulator over HTTP, the
service-event recorder): the thank-you face is stored with the sale as a 1-5 rating, the
sampled "would you recommend us" screen takes a score, a reason chip and a comment typed
on the on-screen keyboard, refuses a card number typed there, can be skipped, and goes
back to the attract screen by itself when nobody touches it.

Every touch checks first that the widget is what a person would hit
(``QApplication.widgetAt`` at its centre)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from shopper_answers import no_bags_thanks

from kiosk.app.demo import DemoRig
from kiosk.app.shell import open_lane_window
from kiosk.app.wiring import build_lane
from kiosk.config import load_config
from kiosk.config.feedback import FeedbackConfig
from kiosk.domain.checkout.states import Phase
from kiosk.store.catalog_import import import_csv
from kiosk.store.db import connect
from kiosk.store.service_events import queued_events
from kiosk.ui.screens.feedback import FeedbackScreen
from kiosk.ui.screens.receipt import RECEIPT_NONE

ROOT = Path(__file__).resolve().parents[2]
MILK = "8410000000016"
CARD = "4111111111111111"


def touch(qtbot: Any, widget: QWidget) -> None:
    """Touch the centre of ``widget``, failing if anything else is on top there."""
    assert widget.isVisible(), f"{widget!r} is not shown"
    assert widget.isEnabled(), f"{widget!r} is disabled"
    point = widget.mapToGlobal(widget.rect().center())
    hit = QApplication.widgetAt(point)
    assert hit is widget or (hit is not None and widget.isAncestorOf(hit)), f"covered by {hit!r}"
    qtbot.mouseClick(hit, Qt.MouseButton.LeftButton, pos=hit.mapFromGlobal(point))


@dataclasses.dataclass
class Rig:
    lane: Any
    window: Any
    presenter: Any
    db: Path

    def screen(self) -> str | None:
        return self.window.navigator.current_name()

    def feedback(self) -> FeedbackScreen:
        screen = self.window.navigator.get("feedback")
        assert isinstance(screen, FeedbackScreen)
        return screen

    def events(self) -> list[dict[str, Any]]:
        conn = connect(self.db, migrate=False)
        try:
            return queued_events(conn)
        finally:
            conn.close()


@pytest.fixture
def open_rig(qtbot: Any, tmp_path: Path) -> Iterator[Callable[..., Rig]]:
    made: list[Rig] = []
    with DemoRig(tmp_path / "rig", with_hq=False) as demo:

        def start(every: int = 1, quiet_ms: int | None = None) -> Rig:
            config = load_config(ROOT / "config" / "demo.toml", environ={})
            db = tmp_path / "lane.sqlite3"
            config = dataclasses.replace(
                demo.configure(config),
                store=dataclasses.replace(config.store, path=db),
                devices=(),
                feedback=FeedbackConfig(nps_sample_every=every),
            )
            conn = connect(db)
            import_csv(conn, ROOT / "assets" / "catalog" / "sample_catalog.csv", progress=False)
            conn.close()
            lane = build_lane(config, with_sync=False)
            window, presenter, _attendant = open_lane_window(
                lane, show=False, kiosk_mode=False, idle_timeout_ms=600_000
            )
            qtbot.addWidget(window)
            window.resize(1920, 1080)
            window.show()
            qtbot.waitExposed(window)
            rig = Rig(lane, window, presenter, db)
            if quiet_ms is not None:
                rig.feedback()._quiet.setInterval(quiet_ms)
            made.append(rig)
            return rig

        yield start
        for rig in made:
            rig.presenter.detach()
            rig.lane.stop()
            rig.window.shutdown()


def buy_and_rate(qtbot: Any, rig: Rig, face: int | None) -> str:
    """Scan milk, "No bags, thanks", pay (the simulator approves), no receipt, touch a
    face, Finish."""
    rig.lane.controller.scan(MILK)
    qtbot.waitUntil(lambda: rig.screen() == "scanning")
    no_bags_thanks(qtbot, rig.presenter)  # config/demo.toml asks "Do you need bags?"
    scanning = rig.window.navigator.get("scanning")
    qtbot.waitUntil(scanning.pay_button.isEnabled)
    touch(qtbot, scanning.pay_button)
    qtbot.waitUntil(lambda: rig.screen() == "receipt", timeout=30_000)
    tx = rig.lane.controller.checkout.basket.basket_id
    touch(qtbot, rig.window.navigator.get("receipt").buttons[RECEIPT_NONE])
    thanks = rig.window.navigator.get("thanks")
    assert rig.screen() == "thanks"
    if face is not None:
        touch(qtbot, thanks.rating_button(face))
    touch(qtbot, thanks.done_button)
    return tx


def test_a_rating_and_an_nps_answer_with_a_refused_card_number(qtbot, open_rig) -> None:
    rig = open_rig(every=1)
    tx = buy_and_rate(qtbot, rig, face=3)
    qtbot.waitUntil(lambda: rig.screen() == "feedback")
    screen = rig.feedback()
    assert not screen.send_button.isEnabled()  # a score first
    touch(qtbot, screen.score_button(6))
    touch(qtbot, screen.chip("had_to_wait_for_help"))
    touch(qtbot, screen.comment_button)
    for key in CARD:
        touch(qtbot, screen.keyboard.button(key))
    touch(qtbot, screen.send_button)
    assert rig.screen() == "feedback"  # refused, not sent
    assert screen.problem_label.isVisible()
    assert "card numbers" in screen.problem_label.text()
    assert screen.keyboard.text() == ""  # and not kept on the screen either
    assert CARD not in screen.comment_field.text()
    for key in "slow":
        touch(qtbot, screen.keyboard.button(key))
    assert not screen.problem_label.isVisible()
    touch(qtbot, screen.send_button)
    qtbot.waitUntil(lambda: rig.lane.controller.checkout.phase is Phase.IDLE)
    qtbot.waitUntil(lambda: rig.screen() == "attract")

    qtbot.waitUntil(lambda: len([e for e in rig.events() if e["transaction_id"] == tx]) >= 4)
    mine = {e["type"]: e["data"] for e in rig.events() if e["transaction_id"] == tx}
    assert mine["feedback.rating"] == {"rating": 5}
    assert mine["feedback.nps"] == {
        "score": 6,
        "reasons": ["had_to_wait_for_help"],
        "comment": "slow",
    }
    assert CARD not in str(rig.events())


def test_skip_and_one_sale_in_two_asked(qtbot, open_rig) -> None:
    rig = open_rig(every=2)
    buy_and_rate(qtbot, rig, face=None)
    qtbot.waitUntil(lambda: rig.lane.controller.checkout.phase is Phase.IDLE)
    assert rig.screen() == "attract"  # the first sale is not asked
    tx = buy_and_rate(qtbot, rig, face=1)
    qtbot.waitUntil(lambda: rig.screen() == "feedback")
    touch(qtbot, rig.feedback().score_button(9))
    touch(qtbot, rig.feedback().skip_button)
    qtbot.waitUntil(lambda: rig.screen() == "attract")
    qtbot.waitUntil(lambda: any(e["type"] == "feedback.rating" for e in rig.events()))
    types = [e["type"] for e in rig.events() if e["transaction_id"] == tx]
    assert "feedback.nps" not in types
    ratings = [e["data"]["rating"] for e in rig.events() if e["type"] == "feedback.rating"]
    assert ratings == [1]


def test_nobody_answering_goes_back_to_attract(qtbot, open_rig) -> None:
    rig = open_rig(every=1, quiet_ms=300)
    buy_and_rate(qtbot, rig, face=2)
    qtbot.waitUntil(lambda: rig.screen() == "feedback")
    qtbot.waitUntil(lambda: rig.screen() == "attract", timeout=10_000)
    # the screen turns first; the lane thread then takes the reset it was sent
    qtbot.waitUntil(lambda: rig.lane.controller.checkout.phase is Phase.IDLE)
