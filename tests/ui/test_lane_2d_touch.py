"""2D codes by scan and touch on the real lane window (``build_lane`` as ``kiosk run``
builds it, the scanner simulator on a real pty through the serial driver, the lane's
one clock set by the test): the shopper touches Start, then

* scans a milk's GS1 DataMatrix and its EAN at once: one line, "Already scanned";
* scans an expired pack: refused with the date, the attendant paged, nothing added;
* scans a batch HQ recalled (pushed by the lane's own sync from a real HQ server),
  after HQ stopped: still refused ("hand it to staff");
* scans a beer at 23:00 in Madrid: refused with the hours.

Every touch checks first that the widget is what a person would hit
(``QApplication.widgetAt`` at its centre)."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from shopper_answers import no_bags_thanks
from test_lane_touch import touch

sys.path.insert(0, str(Path(__file__).parents[1] / "hq"))
sys.path.insert(0, str(Path(__file__).parents[1] / "sync"))

from hq_fixtures import LANE, STORE, hq_engine, hq_server, hq_url, lane_token, pg_database
from lane_helpers import sync_config

from kiosk.app.demo import DemoRig
from kiosk.app.shell import open_lane_window
from kiosk.app.wiring import build_lane
from kiosk.cli import main
from kiosk.config import load_config
from kiosk.config.sale_rules import SaleHoursConfig
from kiosk.domain.gs1.element_string import GS
from kiosk.store.catalog_import import import_csv
from kiosk.store.db import connect
from kiosk.ui.messages import MESSAGES
from kiosk.ui.screens.receipt import RECEIPT_PRINT

__all__ = ["hq_engine", "hq_server", "hq_url", "lane_token", "pg_database"]

ROOT = Path(__file__).resolve().parents[2]
MILK = "8410000000016"  # Casa Mía semi-skimmed milk 1 L, 0.95
MILK14 = "0" + MILK
BEER = "8410148001135"  # Valle Sur lager 330 ml, category beer_wine
MORNING = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)  # Saturday, 10:00 in Madrid


class SetClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def datamatrix(expiry: str = "271231", batch: str = "L1", serial: str = "S1") -> str:
    return f"]d2{GS}01{MILK14}17{expiry}10{batch}{GS}21{serial}"


def said(key: str) -> str:
    return QCoreApplication.translate("LaneMessages", MESSAGES[key].text)


def open_window(qtbot: Any, tmp_path: Path, clock: SetClock, **sync: Any) -> Any:
    """The lane window over the demo's simulators; ``sync``: HQ url and token, or none."""
    config = load_config(ROOT / "config" / "demo.toml", environ={})
    db = tmp_path / "lane.sqlite3"
    demo = DemoRig(tmp_path / "rig", with_hq=False).__enter__()
    config = demo.configure(config)
    lane_section = dataclasses.replace(
        config.lane, timezone="Europe/Madrid", store_id=STORE, lane_id=LANE, markdown_days=1
    )
    config = dataclasses.replace(
        config,
        lane=lane_section,
        store=dataclasses.replace(config.store, path=db),
        devices=tuple(d for d in config.devices if d.type in ("printer", "scanner")),
        bagging=dataclasses.replace(config.bagging, enabled=False),
        sale_hours=(SaleHoursConfig("beer_wine", "mon-sat", "08:00-22:00"),),
    )
    if sync:
        config = dataclasses.replace(
            config, sync=sync_config(sync["url"], sync["token"], catalog_interval_s=0.2)
        )
    conn = connect(db)
    import_csv(conn, ROOT / "assets" / "catalog" / "sample_catalog.csv", progress=False)
    conn.close()
    lane = build_lane(config, clock=clock, with_sync=bool(sync))
    window, presenter, _attendant = open_lane_window(
        lane, show=False, kiosk_mode=False, idle_timeout_ms=600_000
    )
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(
        lambda: lane.device_status.get("scanner", "").startswith("ready"), timeout=10_000
    )
    return lane, window, presenter, demo


def close_window(parts: Any) -> None:
    lane, window, presenter, demo = parts
    presenter.detach()
    lane.stop()
    window.shutdown()
    demo.__exit__(None, None, None)


@pytest.fixture
def rig(qtbot: Any, tmp_path: Path) -> Iterator[tuple[Any, Any, Any, DemoRig, SetClock]]:
    clock = SetClock(MORNING)
    parts = open_window(qtbot, tmp_path, clock)
    try:
        yield (*parts, clock)
    finally:
        close_window(parts)


def start(qtbot: Any, window: Any, presenter: Any) -> Any:
    """Touch Start on the welcome screen and "No bags, thanks" (config/demo.toml asks):
    the (empty) basket shows."""
    qtbot.waitUntil(lambda: window.navigator.current_name() == "attract")
    touch(qtbot, window.navigator.get("attract").start_button)
    qtbot.waitUntil(lambda: window.navigator.current_name() == "scanning")
    no_bags_thanks(qtbot, presenter)
    return window.navigator.get("scanning")


def test_2d_and_1d_of_one_pack_is_one_line(qtbot: Any, rig: Any) -> None:
    _lane, window, presenter, demo, clock = rig
    scanning = start(qtbot, window, presenter)
    demo.scanner.scan(datamatrix())
    qtbot.waitUntil(lambda: scanning.cart.row_count() == 1, timeout=10_000)
    clock.now += timedelta(seconds=1)
    demo.scanner.scan("]E0" + MILK)  # the same pack's EAN
    toast = presenter._s.toast
    qtbot.waitUntil(lambda: toast.text() == said("already_scanned"), timeout=10_000)
    assert toast.isVisible()
    assert not toast.is_error()
    assert scanning.cart.row_count() == 1
    assert presenter.checkout().totals().total.minor == 95  # priced as its EAN
    clock.now += timedelta(seconds=5)
    demo.scanner.scan("]E0" + MILK)  # another pack, later
    qtbot.waitUntil(lambda: presenter.checkout().totals().item_count == 2, timeout=10_000)


def test_an_expired_pack_is_refused_on_screen(qtbot: Any, rig: Any) -> None:
    lane, window, presenter, demo, _clock = rig
    scanning = start(qtbot, window, presenter)
    demo.scanner.scan(datamatrix(expiry="261204"))  # yesterday in Madrid
    toast = presenter._s.toast
    text = said("item_expired").replace("%1", "2026-12-04")
    qtbot.waitUntil(lambda: toast.text() == text, timeout=10_000)
    assert toast.isVisible()
    assert toast.is_error()
    assert scanning.cart.row_count() == 0
    assert lane.controller.checkout.basket.active_lines == ()


def test_beer_at_23_is_refused_with_the_hours(qtbot: Any, rig: Any) -> None:
    lane, window, presenter, demo, clock = rig
    scanning = start(qtbot, window, presenter)
    clock.now = datetime(2026, 12, 5, 22, 0, tzinfo=UTC)  # 23:00 in Madrid
    demo.scanner.scan("]E0" + BEER)
    toast = presenter._s.toast
    text = said("item_sale_hours").replace("%1", "Mon-Sat").replace("%2", "08:00-22:00")
    qtbot.waitUntil(lambda: toast.text() == text, timeout=10_000)
    assert "08:00-22:00" in toast.text()
    assert toast.isVisible()
    assert scanning.cart.row_count() == 0
    assert lane.controller.checkout.pending is None  # no age check for a beer not sold


def test_a_recalled_batch_stays_refused_with_hq_down(
    qtbot: Any, tmp_path: Path, hq_server: Any, hq_url: str, lane_token: str
) -> None:
    clock = SetClock(MORNING)
    parts = open_window(qtbot, tmp_path, clock, url=hq_server.url, token=lane_token)
    lane, window, presenter, demo = parts
    try:
        recalls = tmp_path / "recalls.csv"
        recalls.write_text(f"gtin,batch\n{MILK},BAD1\n", encoding="utf-8")
        assert main(["hq", "--database-url", hq_url, "recalls", "import", str(recalls)]) == 0
        qtbot.waitUntil(
            lambda: (MILK14, "BAD1") in lane.controller.settings.sale_rules.recalls,
            timeout=20_000,
        )
        hq_server.stop(force=True)  # HQ is down: the lane's stored copy holds

        scanning = start(qtbot, window, presenter)
        demo.scanner.scan(datamatrix(batch="BAD1"))
        toast = presenter._s.toast
        qtbot.waitUntil(lambda: toast.text() == said("item_recalled"), timeout=10_000)
        assert toast.text() == "This item cannot be sold. Please hand it to staff."
        assert toast.is_error()
        assert scanning.cart.row_count() == 0
        demo.scanner.scan(datamatrix(batch="GOOD2"))  # another batch of the same milk
        qtbot.waitUntil(lambda: scanning.cart.row_count() == 1, timeout=10_000)
    finally:
        close_window(parts)


def test_a_pack_on_its_last_day_is_marked_down_on_cart_and_receipt(qtbot: Any, rig: Any) -> None:
    _lane, window, presenter, demo, _clock = rig
    scanning = start(qtbot, window, presenter)
    demo.scanner.scan(datamatrix(expiry="261205"))  # today in Madrid: 30 % off
    qtbot.waitUntil(lambda: scanning.cart.row_count() == 1, timeout=10_000)
    row = scanning.cart.texts(1)  # line 1
    assert row.amount == "€0.67"  # 0.95 - 30 %, rounded half up
    assert "30% off: close to its date" in row.detail
    assert "staff" not in row.detail
    assert presenter.checkout().totals().total.minor == 67

    qtbot.waitUntil(scanning.pay_button.isEnabled)
    touch(qtbot, scanning.pay_button)
    qtbot.waitUntil(lambda: window.navigator.current_name() == "receipt", timeout=30_000)
    touch(qtbot, window.navigator.get("receipt").buttons[RECEIPT_PRINT])
    qtbot.waitUntil(lambda: len(demo.printer.texts) == 1, timeout=20_000)
    printed = demo.printer.texts[0].splitlines()
    item = next(n for n, line in enumerate(printed) if "Casa M" in line)
    assert printed[item].split()[-2] == "0.95"  # the price before the markdown...
    assert printed[item + 1].split() == ["Reduced", "-30%", "-0.28"]  # ...and the markdown
    total = next(line for line in printed if line.startswith("TOTAL"))
    assert total.split()[1] == "0.67"
    saved = next(line for line in printed if line.startswith("You saved"))
    assert saved.split()[-1] == "0.28"
