"""A coupon on an open basket, the lane restarted past midnight, on the real lane window
(``build_lane`` as ``kiosk run`` builds it, the scanner simulator on a real pty, the
lane's one clock set by the test, the store in Madrid).

At 23:50 the shopper scans a milk and a DataBar coupon valid until today (0.25 off): the
cart shows it. The lane stops (as if it died) and starts again at 00:10: the basket is
back without the coupon, the shopper reads that it expired and was taken off, and the
total is the milk's price again; they pay by touch and the receipt has no coupon."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from shopper_answers import no_bags_thanks
from test_lane_2d_touch import MILK, SetClock, close_window, open_window, said, start
from test_lane_touch import touch

from kiosk.domain.gs1.coupon import NorthAmericanCoupon, Purchase, RequirementCode, encode_8110
from kiosk.store.db import connect
from kiosk.ui.lane_views import COUPON_ROWS
from kiosk.ui.screens.receipt import RECEIPT_PRINT

BEFORE_MIDNIGHT = datetime(2026, 12, 5, 22, 50, tzinfo=UTC)  # 23:50 in Madrid
AFTER_MIDNIGHT = datetime(2026, 12, 5, 23, 10, tzinfo=UTC)  # 00:10 on the 6th in Madrid
COUPON = "]e0" + "8110" + encode_8110(
    NorthAmericanCoupon(MILK[:7], "000042", 25, Purchase(1, RequirementCode.UNITS, "000"),
                        expiration="261205", serial="123456789")
)  # fmt: skip


def test_a_coupon_past_its_expiry_after_a_restart_is_taken_off_and_the_shopper_told(
    qtbot: Any, tmp_path: Path
) -> None:
    clock = SetClock(BEFORE_MIDNIGHT)
    parts = open_window(qtbot, tmp_path, clock)
    try:
        _lane, window, presenter, demo = parts
        scanning = start(qtbot, window, presenter)
        demo.scanner.scan("]E0" + MILK)
        qtbot.waitUntil(lambda: scanning.cart.row_count() == 1, timeout=10_000)
        demo.scanner.scan(COUPON)
        qtbot.waitUntil(lambda: scanning.cart.row_count() == 2, timeout=10_000)
        assert scanning.cart.texts(COUPON_ROWS).amount == "-€0.25"
        assert presenter.checkout().totals().total.minor == 70
    finally:
        close_window(parts)  # the lane stops with the basket open

    clock.now = AFTER_MIDNIGHT
    parts = open_window(qtbot, tmp_path, clock)
    try:
        lane, window, presenter, demo = parts
        toast = presenter._s.toast
        told = said("coupon.expired_removed").replace("%1", "2026-12-05")
        qtbot.waitUntil(lambda: toast.text() == told, timeout=10_000)
        assert toast.isVisible()
        assert toast.is_error()
        qtbot.waitUntil(lambda: window.navigator.current_name() == "scanning", timeout=10_000)
        scanning = window.navigator.get("scanning")
        assert scanning.cart.row_count() == 1  # the milk, no coupon row
        assert presenter.checkout().totals().total.minor == 95
        rows = connect(lane.config.store.path, migrate=False).execute(
            "SELECT count(*) FROM open_basket_coupon"
        )
        assert tuple(rows.fetchone()) == (0,)

        no_bags_thanks(qtbot, presenter)  # the restored basket asks again (config/demo.toml)
        qtbot.waitUntil(scanning.pay_button.isEnabled)
        touch(qtbot, scanning.pay_button)
        qtbot.waitUntil(lambda: window.navigator.current_name() == "receipt", timeout=30_000)
        touch(qtbot, window.navigator.get("receipt").buttons[RECEIPT_PRINT])
        qtbot.waitUntil(lambda: len(demo.printer.texts) == 1, timeout=20_000)
        printed = demo.printer.texts[0]
        assert "Coupon" not in printed
        total = next(line for line in printed.splitlines() if line.startswith("TOTAL"))
        assert total.split()[1] == "0.95"
    finally:
        close_window(parts)
