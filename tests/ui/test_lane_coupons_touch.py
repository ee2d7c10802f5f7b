"""Coupons by scan and touch on the real lane window (``build_lane`` as ``kiosk run``
builds it, the scanner simulator on a real pty through the serial driver, the card
terminal simulator over HTTP, the printer simulator on a pty).

The shopper scans milk, then a GS1 DataBar coupon (AI 8110, 0.25 off one item of the
milk's company, serial numbered): the cart shows the coupon's row with its saving and
the total drops; a coupon asking for three milks is refused with a clear message; they
pay by touch and the printed receipt shows the coupon. The next shopper scans the same
coupon: it is refused as already used (the lane recorded it with the sale).

Every touch checks first that the widget is what a person would hit
(``QApplication.widgetAt`` at its centre)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from shopper_answers import no_bags_thanks
from test_lane_touch import touch

from kiosk.app.demo import DemoRig
from kiosk.app.shell import open_lane_window
from kiosk.app.wiring import build_lane
from kiosk.config import load_config
from kiosk.domain.gs1.coupon import NorthAmericanCoupon, Purchase, RequirementCode, encode_8110
from kiosk.domain.offers.coupons import REFUSAL_REASONS
from kiosk.store.catalog_import import import_csv
from kiosk.store.coupons import CouponRepository
from kiosk.store.db import connect
from kiosk.ui.lane_views import COUPON_ROWS
from kiosk.ui.messages import MESSAGES
from kiosk.ui.screens.receipt import RECEIPT_PRINT

ROOT = Path(__file__).resolve().parents[2]
MILK = "8410000000016"  # Casa Mía semi-skimmed milk 1 L, 0.95


def databar(offer: str, requirement: int, serial: str | None) -> str:
    """A DataBar Expanded coupon as the scanner sends it: AIM ]e0, AI 8110 and its value."""
    coupon = NorthAmericanCoupon(
        MILK[:7], offer, 25, Purchase(requirement, RequirementCode.UNITS, "000"),
        expiration="491231", serial=serial,  # 2049 by the GS1 century rule
    )  # fmt: skip
    return "]e0" + "8110" + encode_8110(coupon)


COUPON = databar("000042", 1, "123456789")
THREE_MILKS = databar("000043", 3, None)


def said(key: str) -> str:
    return QCoreApplication.translate("LaneMessages", MESSAGES[key].text).split("%1")[0]


@pytest.fixture
def rig(qtbot: Any, tmp_path: Path) -> Iterator[tuple[Any, Any, Any, DemoRig]]:
    config = load_config(ROOT / "config" / "demo.toml", environ={})
    db = tmp_path / "lane.sqlite3"
    with DemoRig(tmp_path / "rig", with_hq=False) as demo:
        config = demo.configure(config)
        config = dataclasses.replace(
            config,
            store=dataclasses.replace(config.store, path=db),
            devices=tuple(d for d in config.devices if d.type in ("printer", "scanner")),
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
        qtbot.waitUntil(
            lambda: lane.device_status.get("scanner", "").startswith("ready"), timeout=10_000
        )
        try:
            yield lane, window, presenter, demo
        finally:
            presenter.detach()
            lane.stop()
            window.shutdown()


def test_coupon_saves_prints_and_is_refused_the_second_time(qtbot: Any, rig: Any) -> None:
    lane, window, presenter, demo = rig
    screens = presenter._s
    toast = screens.toast
    scanning = window.navigator.get("scanning")
    qtbot.waitUntil(lambda: window.navigator.current_name() == "attract")

    demo.scanner.scan("]E0" + MILK)
    qtbot.waitUntil(lambda: scanning.cart.row_count() == 1, timeout=10_000)
    no_bags_thanks(qtbot, presenter)  # config/demo.toml asks "Do you need bags?"
    before = presenter.checkout().totals().total.minor
    demo.scanner.scan(COUPON)
    qtbot.waitUntil(lambda: scanning.cart.row_count() == 2, timeout=10_000)
    row = scanning.cart.texts(COUPON_ROWS)
    assert (row.name, row.amount) == ("Coupon", "-€0.25")
    assert presenter.checkout().totals().total.minor == before - 25
    qtbot.waitUntil(lambda: said("coupon.accepted") in toast.text())

    demo.scanner.scan(THREE_MILKS)  # one milk is not three: refused, and the shopper told
    qtbot.waitUntil(lambda: said("coupon.requirement_not_met") in toast.text(), timeout=10_000)
    assert toast.is_error()
    assert scanning.cart.row_count() == 2

    qtbot.waitUntil(scanning.pay_button.isEnabled)
    touch(qtbot, scanning.pay_button)
    qtbot.waitUntil(lambda: window.navigator.current_name() == "receipt", timeout=30_000)
    touch(qtbot, window.navigator.get("receipt").buttons[RECEIPT_PRINT])
    qtbot.waitUntil(lambda: len(demo.printer.texts) == 1, timeout=20_000)
    printed = demo.printer.texts[0]
    coupon_line = next(line for line in printed.splitlines() if "Coupon" in line)
    assert coupon_line.split()[-1] == "-0.25"
    key = f"8110:{MILK[:7]}:000042:123456789"
    assert CouponRepository(connect(lane.config.store.path)).is_redeemed(key)

    qtbot.waitUntil(lambda: window.navigator.current_name() == "thanks", timeout=10_000)
    touch(qtbot, window.navigator.get("thanks").done_button)
    qtbot.waitUntil(lambda: window.navigator.current_name() == "attract", timeout=10_000)

    demo.scanner.scan("]E0" + MILK)  # the next shopper, the same coupon
    qtbot.waitUntil(lambda: not presenter.checkout().basket.is_empty, timeout=10_000)
    qtbot.waitUntil(lambda: window.navigator.current_name() == "scanning", timeout=10_000)
    demo.scanner.scan(COUPON)
    qtbot.waitUntil(lambda: said("coupon.already_used") in toast.text(), timeout=10_000)
    assert toast.is_error()
    assert scanning.cart.row_count() == 1
    assert presenter.checkout().basket.coupons is None


@pytest.mark.parametrize("reason", [*REFUSAL_REASONS, "accepted", "withdrawn"])
def test_every_coupon_message_has_shopper_text(reason: str) -> None:
    entry = MESSAGES[f"coupon.{reason}"]
    assert entry.error is (reason != "accepted")


def test_a_withdrawn_coupon_row_says_so_and_a_tap_on_a_coupon_row_does_nothing(qtbot: Any) -> None:
    from kiosk.domain.money import Money
    from kiosk.ui.viewmodels import CartLineView
    from kiosk.ui.widgets.cart import CartList, row_texts

    zero, saving = Money(0, "EUR"), Money(-25, "EUR")
    withdrawn = CartLineView(COUPON_ROWS, (("en", "Coupon"),), 1, zero, zero, voided=True,
                             coupon=True)  # fmt: skip
    texts = row_texts(withdrawn, "en")
    assert (texts.name, texts.detail, texts.amount) == (
        "Coupon",
        "No longer applies: items removed",
        "",
    )
    cart = CartList()
    qtbot.addWidget(cart)
    applied = CartLineView(COUPON_ROWS + 1, (("en", "Coupon"),), 1, saving, saving, coupon=True)
    cart.set_lines((applied,), None)
    cart.resize(600, 400)
    cart.show()
    qtbot.waitExposed(cart)
    tapped: list[int] = []
    cart.lineTapped.connect(tapped.append)
    rect = cart.line_rect(COUPON_ROWS + 1)
    qtbot.mouseClick(cart.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tapped == []
