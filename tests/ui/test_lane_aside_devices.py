"""The shopper keeps scanning, with the whole lane behind the touchscreen: codes through
the simulated serial scanner (a real pty and the real driver), the card through the nexo
terminal simulator over HTTP, the lane built by ``build_lane`` from config/demo.toml with
``unknown_barcode = "put_aside"`` and ``age_check = "before_payment"``. Every touch checks
``QApplication.widgetAt`` first; the attendant signs in on the sign-in screen's keys and
decides on the dashboard."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from shopper_answers import no_bags_thanks
from test_lane_touch import Rig, call_staff, sign_out, touch

from kiosk.app.demo import DemoRig
from kiosk.app.shell import open_lane_window
from kiosk.app.wiring import Lane, build_lane
from kiosk.config import load_config
from kiosk.domain.checkout.interventions import InterventionKind
from kiosk.domain.checkout.states import Phase
from kiosk.domain.staff import Role, Staff
from kiosk.store.catalog_import import import_csv
from kiosk.store.db import connect
from kiosk.store.staff import StaffRepository
from kiosk.ui.screens.receipt import RECEIPT_NONE

ROOT = Path(__file__).resolve().parents[2]
MILK = "8410000000016"  # Casa Mía semi-skimmed milk 1 L in the sample catalog, 0.95
BEER = "8410148001135"  # age-restricted (18)
UNKNOWN = "4006381333931"  # a good EAN-13 the catalog does not have


@pytest.fixture
def lane_and_rig(tmp_path: Path) -> Iterator[tuple[Lane, DemoRig]]:
    config = load_config(ROOT / "config" / "demo.toml", environ={})
    lane_section = dataclasses.replace(
        config.lane, unknown_barcode="put_aside", age_check="before_payment"
    )
    config = dataclasses.replace(
        config,
        lane=lane_section,
        store=dataclasses.replace(config.store, path=tmp_path / "lane.sqlite3"),
        ui=dataclasses.replace(config.ui, fullscreen=False),
        bagging=dataclasses.replace(config.bagging, enabled=False),  # not this test's subject
    )
    conn = connect(config.store.path)
    import_csv(conn, ROOT / "assets" / "catalog" / "sample_catalog.csv", progress=False)
    StaffRepository(conn).add(Staff("s-1", "Ana Attendant", Role.ATTENDANT), pin="1111")
    conn.close()
    with DemoRig(tmp_path / "rig", with_hq=False) as rig:
        lane = build_lane(rig.configure(config), with_sync=False)
        yield lane, rig
        lane.stop()


def test_scanner_to_card_with_an_item_put_aside_and_an_age_check_at_pay(
    qtbot: Any, lane_and_rig: tuple[Lane, DemoRig]
) -> None:
    lane, rig = lane_and_rig
    window, presenter, attendant = open_lane_window(
        lane, show=False, idle_check_ms=50, kiosk_mode=False, idle_timeout_ms=600_000
    )
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    assert attendant is not None
    assert lane.attendant is not None
    me = Rig(lane, window, presenter, attendant, lane.attendant, lane.controller.clock,
             lane.config.store.path)  # fmt: skip
    qtbot.waitUntil(
        lambda: lane.device_status.get("scanner", "").startswith("ready"), timeout=10_000
    )
    try:
        rig.scanner.scan("]E0" + MILK)
        qtbot.waitUntil(lambda: len(presenter.checkout().basket.lines) == 1, timeout=10_000)
        no_bags_thanks(qtbot, presenter)  # config/demo.toml asks "Do you need bags?"
        rig.scanner.scan("]E0" + UNKNOWN)  # put aside: the shopper is told, nothing stops
        qtbot.waitUntil(lambda: len(presenter.checkout().aside) == 1, timeout=10_000)
        rig.scanner.scan("]E0" + BEER)  # added, its age check pending
        qtbot.waitUntil(lambda: len(presenter.checkout().basket.lines) == 2, timeout=10_000)
        assert presenter.checkout().phase is Phase.SHOPPING
        assert presenter.checkout().age_pending == (2,)
        assert window.blocking_overlay() is None

        touch(qtbot, me.screens.scanning.pay_button)
        qtbot.waitUntil(lambda: me.overlay_kind() is InterventionKind.UNKNOWN_BARCODE)
        call_staff(qtbot, me)  # the attendant signs in on the keys
        dashboard = attendant.dashboard
        touch(qtbot, dashboard.deny_button)  # the unknown item stays out
        # the same visit: the lane goes on to the age check of the beer
        qtbot.waitUntil(lambda: dashboard.pending_title.text() == "Age check")
        touch(qtbot, dashboard.id_seen_button)
        qtbot.waitUntil(lambda: me.service.checkout.pending is None)
        assert me.service.checkout.phase is Phase.SHOPPING
        sign_out(qtbot, me)
        assert rig.terminal.ledger.entries() == []  # nothing was charged before

        touch(qtbot, me.screens.scanning.pay_button)
        qtbot.waitUntil(lambda: me.screen() == "receipt", timeout=20_000)
        touch(qtbot, me.screens.receipt.buttons[RECEIPT_NONE])
        sale = lane.controller.last_document
        assert sale is not None
        assert [line["sku"] for line in sale["lines"]] == ["S00001", "S00113"]
        entry = rig.terminal.ledger.entries()[-1]
        assert (entry.state, entry.amount_minor) == ("approved", sale["totals"]["total"])
        kinds = [(i["kind"], i["resolution"]) for i in sale["interventions"]]
        assert kinds == [("unknown_barcode", "denied"), ("age_restricted", "approved")]
    finally:
        presenter.detach()
        attendant.bridge.wait_for_idle()
        window.shutdown()
