"""The receipt is printed in the shopper's language, by touch, through the real printer
path: a lane built as ``kiosk run`` builds it (``build_lane`` over the demo's config,
the card terminal simulator over HTTP, the ESC/POS printer driver on a pty to the
printer simulator). The shopper touches "Español" on the attract screen, buys milk
(4 %) and a yoghurt (10 %), pays and touches "Print receipt": the receipt that comes
out of the printer is in Spanish, with the store's letters for those rates (B = 10 %,
C = 4 %: the letters of the store's tax table, not A and B as this basket alone would
have had). With ``[lane] receipt_language = "store"`` the same purchase prints in the
store's language.

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

from kiosk.app.demo import DemoRig
from kiosk.app.shell import open_lane_window
from kiosk.app.wiring import build_lane
from kiosk.config import load_config
from kiosk.store.catalog_import import import_csv
from kiosk.store.db import connect
from kiosk.ui.screens.receipt import RECEIPT_PRINT

ROOT = Path(__file__).resolve().parents[2]
MILK = "8410000000016"  # super_reduced, 4 %
YOGHURT = "8410074000219"  # reduced, 10 %


@dataclasses.dataclass
class Rig:
    lane: Any
    window: Any
    presenter: Any
    demo: DemoRig

    def screen(self) -> str | None:
        return self.window.navigator.current_name()


@pytest.fixture
def open_rig(qtbot: Any, tmp_path: Path) -> Iterator[Callable[..., Rig]]:
    made: list[Rig] = []
    with DemoRig(tmp_path / "rig", with_hq=False) as demo:

        def start(receipt_language: str = "shopper") -> Rig:
            config = load_config(ROOT / "config" / "demo.toml", environ={})
            db = tmp_path / "lane.sqlite3"
            config = demo.configure(config)
            config = dataclasses.replace(
                config,
                store=dataclasses.replace(config.store, path=db),
                # the printer only: the codes arrive as the scanner driver hands them on
                devices=tuple(d for d in config.devices if d.type == "printer"),
                lane=dataclasses.replace(config.lane, receipt_language=receipt_language),
                bagging=dataclasses.replace(config.bagging, enabled=False),
            )
            conn = connect(db)
            import_csv(conn, ROOT / "assets" / "catalog" / "sample_catalog.csv", progress=False)
            conn.close()
            lane = build_lane(config, with_sync=False)
            window, presenter, _attendant = open_lane_window(
                lane, show=False, kiosk_mode=False, idle_timeout_ms=600_000
            )
            qtbot.addWidget(window)
            window.resize(1366, 768)
            window.show()
            qtbot.waitExposed(window)
            rig = Rig(lane, window, presenter, demo)
            made.append(rig)
            return rig

        yield start
        for rig in made:
            rig.presenter.detach()
            rig.lane.stop()
            rig.window.shutdown()


def buy_and_print(qtbot: Any, rig: Rig, language: str | None) -> str:
    """Touch ``language`` on the attract screen (None: keep the lane's), scan milk, touch
    "No bags, thanks", scan a yoghurt, pay (the simulator approves), touch "Print
    receipt"; the printed text."""
    attract = rig.window.navigator.get("attract")
    qtbot.waitUntil(lambda: rig.screen() == "attract")
    if language is not None:
        touch(qtbot, attract.language_button(language))
        qtbot.waitUntil(lambda: rig.window.language() == language)
    scanning = rig.window.navigator.get("scanning")
    rig.lane.controller.scan(MILK)
    qtbot.waitUntil(lambda: rig.screen() == "scanning")
    no_bags_thanks(qtbot, rig.presenter)  # the demo asks "Do you need bags?"
    rig.lane.controller.scan(YOGHURT)
    qtbot.waitUntil(lambda: scanning.cart.row_count() == 2)
    qtbot.waitUntil(scanning.pay_button.isEnabled)
    touch(qtbot, scanning.pay_button)
    qtbot.waitUntil(lambda: rig.screen() == "receipt", timeout=30_000)
    touch(qtbot, rig.window.navigator.get("receipt").buttons[RECEIPT_PRINT])
    printer = rig.demo.printer
    qtbot.waitUntil(lambda: len(printer.texts) == 1, timeout=20_000)
    return printer.texts[0]


def _line(text: str, start: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(start))


def test_the_shopper_chooses_spanish_and_the_receipt_prints_in_spanish(
    qtbot: Any, open_rig: Any
) -> None:
    rig = open_rig()
    text = buy_and_print(qtbot, rig, "es")
    assert _line(text, "Leche semidesnatada Casa Mía").endswith(" 0,95 C")
    assert _line(text, "Yogur natural Costa Verde").endswith(" 1,19 B")
    assert _line(text, "TOTAL").endswith("2,14 €")
    assert _line(text, "Artículos").endswith("2")
    assert _line(text, "Tipo").split() == ["Tipo", "Base", "IVA", "Total"]
    assert [_line(text, "B 10 %")[:6], _line(text, "C 4 %")[:6]] == ["B 10 %", "C 4 % "]
    assert "¡Gracias por su compra!" in text
    # the PNG and its text are new files named by time and the sale's id
    (png,) = (rig.demo.workdir / "receipts").glob("*.png")
    basket_id = rig.lane.controller.last_document["transaction_id"]
    assert basket_id in png.name
    assert png.with_suffix(".txt").read_text(encoding="utf-8") == text


def test_with_store_receipts_the_choice_of_spanish_does_not_change_the_receipt(
    qtbot: Any, open_rig: Any
) -> None:
    rig = open_rig(receipt_language="store")
    text = buy_and_print(qtbot, rig, "es")
    assert _line(text, "Casa Mía Semi-skimmed milk 1 L").endswith(" 0.95 C")
    assert _line(text, "Items").endswith("2")
    assert "Thank you!" in text
