"""A pack's EAN, then its 2D code, on the real lane window (``build_lane`` as ``kiosk run``
builds it, the scanner simulator on a real pty through the serial driver, the lane's one
clock set by the test; ``markdown_days = 1``, 30 % off on the pack's last day):

* the EAN adds the milk at 0.95; its DataMatrix, dated today, is the same pack: the line
  takes the markdown (0.67, "30% off: close to its date"), it still counts once, the
  shopper is told, and the printed receipt shows the markdown under the one line;
* with a milk already on the bill (one "2 x" line after the second EAN), the pack's unit
  moves to a line of its own at 0.67 and the other stays at 0.95: two milks, not three;
* the 2D code first and its EAN next: one line at 0.67, as before.

Every touch checks first that the widget is what a person would hit."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from test_lane_2d_touch import (
    MILK,
    MORNING,
    SetClock,
    close_window,
    datamatrix,
    open_window,
    said,
    start,
)
from test_lane_touch import touch

from kiosk.store.db import connect
from kiosk.store.journal import BasketJournal
from kiosk.ui.screens.receipt import RECEIPT_PRINT

TODAY = "261205"  # MORNING's day in Madrid: the pack's last day


def journaled(lane: Any) -> list[tuple[int, int]]:
    """(quantity, unit price) of the open basket's lines as the journal has them."""
    journal = BasketJournal(connect(lane.config.store.path, migrate=False))
    return [(ln.quantity, ln.unit_price.minor) for ln in journal.restore()[0].lines]


@pytest.fixture
def rig(qtbot: Any, tmp_path: Path) -> Iterator[tuple[Any, Any, Any, Any, SetClock]]:
    clock = SetClock(MORNING)
    parts = open_window(qtbot, tmp_path, clock)
    try:
        yield (*parts, clock)
    finally:
        close_window(parts)


def test_the_ean_then_the_2d_code_of_a_pack_sells_it_once_at_its_markdown(
    qtbot: Any, rig: Any
) -> None:
    lane, window, presenter, demo, clock = rig
    scanning = start(qtbot, window, presenter)
    demo.scanner.scan("]E0" + MILK)
    qtbot.waitUntil(lambda: scanning.cart.row_count() == 1, timeout=10_000)
    assert scanning.cart.texts(1).amount == "€0.95"
    clock.now += timedelta(seconds=1)
    demo.scanner.scan(datamatrix(expiry=TODAY))  # the same pack's 2D code
    toast = presenter._s.toast
    qtbot.waitUntil(lambda: toast.text() == said("already_scanned_reduced"), timeout=10_000)
    assert not toast.is_error()
    assert scanning.cart.row_count() == 1
    row = scanning.cart.texts(1)
    assert row.amount == "€0.67"  # 0.95 - 30 %, rounded half up
    assert "30% off: close to its date" in row.detail
    totals = presenter.checkout().totals()
    assert (totals.item_count, totals.total.minor) == (1, 67)
    assert journaled(lane) == [(1, 67)]

    qtbot.waitUntil(scanning.pay_button.isEnabled)
    touch(qtbot, scanning.pay_button)
    qtbot.waitUntil(lambda: window.navigator.current_name() == "receipt", timeout=30_000)
    touch(qtbot, window.navigator.get("receipt").buttons[RECEIPT_PRINT])
    qtbot.waitUntil(lambda: len(demo.printer.texts) == 1, timeout=20_000)
    printed = demo.printer.texts[0].splitlines()
    items = [n for n, line in enumerate(printed) if "Casa M" in line]
    assert len(items) == 1  # one milk
    assert printed[items[0] + 1].split() == ["Reduced", "-30%", "-0.28"]
    total = next(line for line in printed if line.startswith("TOTAL"))
    assert total.split()[1] == "0.67"


def test_a_pack_merged_into_a_line_gets_a_line_of_its_own_at_its_markdown(
    qtbot: Any, rig: Any
) -> None:
    lane, window, presenter, demo, clock = rig
    scanning = start(qtbot, window, presenter)
    demo.scanner.scan("]E0" + MILK)  # a first milk
    qtbot.waitUntil(lambda: presenter.checkout().totals().item_count == 1, timeout=10_000)
    clock.now += timedelta(seconds=5)
    demo.scanner.scan("]E0" + MILK)  # a second pack: "2 x" on the same line
    qtbot.waitUntil(lambda: presenter.checkout().totals().item_count == 2, timeout=10_000)
    assert scanning.cart.row_count() == 1
    clock.now += timedelta(seconds=1)
    demo.scanner.scan(datamatrix(expiry=TODAY))  # the second pack's 2D code
    qtbot.waitUntil(lambda: scanning.cart.row_count() == 2, timeout=10_000)
    assert presenter._s.toast.text() == said("already_scanned_reduced")
    assert (scanning.cart.texts(1).amount, scanning.cart.texts(2).amount) == ("€0.95", "€0.67")
    totals = presenter.checkout().totals()
    assert (totals.item_count, totals.total.minor) == (2, 95 + 67)
    assert journaled(lane) == [(1, 95), (1, 67)]


def test_the_2d_code_then_the_ean_keeps_the_markdown(qtbot: Any, rig: Any) -> None:
    _lane, window, presenter, demo, clock = rig
    scanning = start(qtbot, window, presenter)
    demo.scanner.scan(datamatrix(expiry=TODAY))
    qtbot.waitUntil(lambda: scanning.cart.row_count() == 1, timeout=10_000)
    clock.now += timedelta(seconds=1)
    demo.scanner.scan("]E0" + MILK)
    toast = presenter._s.toast
    qtbot.waitUntil(lambda: toast.text() == said("already_scanned"), timeout=10_000)
    assert scanning.cart.row_count() == 1
    totals = presenter.checkout().totals()
    assert (totals.item_count, totals.total.minor) == (1, 67)
