"""The shopper's flow by touch (issue 15): identical items in one "2 x" line, "How many?"
for items sold by count without a barcode, "Do you need bags?", and the totals with the
VAT letters of the receipt.

Each lane runs as ``kiosk run`` builds it for one journey (``open_journey_window`` over
a real ``LaneController`` and SQLite store), and every touch goes through ``touch``
(``test_lane_touch``): ``QApplication.widgetAt`` at the centre of the widget meant must
be that widget, or the test fails.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from test_lane_touch import on_top, touch

from kiosk.app.journeys.self_checkout import SELF_CHECKOUT  # noqa: F401 (the journey)
from kiosk.app.lane import LaneController, LaneIdentity
from kiosk.app.receipts import PrinterReceipts
from kiosk.app.shell import open_journey_window
from kiosk.config.lane import LaneConfig
from kiosk.config.schema import KioskConfig
from kiosk.devices.printer.layout import TextLine, layout_receipt
from kiosk.domain.catalog import CatalogItem
from kiosk.domain.checkout.events import Event, PaymentApproved
from kiosk.domain.checkout.interventions import InterventionKind as Kind
from kiosk.domain.checkout.interventions import SetQuantity
from kiosk.domain.checkout.states import CheckoutSettings, Phase
from kiosk.domain.gs1.scan import ScanRules
from kiosk.domain.money import Money
from kiosk.store.catalog import CatalogRepository
from kiosk.store.db import connect
from kiosk.store.journal import BasketJournal
from kiosk.store.sales import complete_sale
from kiosk.store.sample_catalog import BAG_SKUS, sample_items
from kiosk.ui.presenter import LanePresenter
from kiosk.ui.screens.receipt import RECEIPT_NONE
from kiosk.ui.widgets.keypad import ENTER
from kiosk.ui.window import KioskWindow

NOW = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)
ITEMS = {item.sku: item for item in sample_items()}
MILK = ITEMS["S00001"]  # 0.95 EUR, super-reduced VAT (4 %)
EUR = "EUR"
LEMONS = CatalogItem(
    "P0901", (("en", "Lemons"), ("es", "Limones"), ("fr", "Citrons")), Money(35, EUR),
    "super_reduced", plu="4958", category="produce",
)  # fmt: skip


def standard_item() -> CatalogItem:
    """A plain item at the standard rate (21 %), to have two VAT rates in the basket."""
    return next(
        i for i in sample_items()
        if i.tax_class == "standard" and i.gtins and i.age_limit is None
        and i.quantity_limit is None and i.deposit is None and not i.sold_by_weight
    )  # fmt: skip


def scan_code(item: CatalogItem) -> str:
    return item.gtins[0][1:]  # EAN-13 as a scanner sends it


class Approving:
    """A card terminal that approves every amount."""

    def start(self, basket_id: str, amount: Money, deliver: Callable[[Event], None]) -> None:
        deliver(PaymentApproved(f"ref-{basket_id[:8]}", amount, NOW, masked_pan="**1234"))

    def abort(self, basket_id: str) -> None:
        pass


@dataclass
class Lane:
    controller: LaneController
    window: KioskWindow
    presenter: LanePresenter
    receipts: PrinterReceipts

    @property
    def screens(self) -> Any:
        return self.presenter._s

    @property
    def prompts(self) -> Any:
        return self.presenter._prompts

    def screen(self) -> str | None:
        return self.window.navigator.current_name()

    def lines(self) -> list[tuple[str, int]]:
        return [(ln.item.sku, ln.quantity) for ln in self.presenter.checkout().basket.lines]

    def receipt_text(self) -> list[str]:
        document = self.controller.last_document
        assert document is not None
        ops = layout_receipt(self.receipts.build(document), 42)
        return [op.text for op in ops if isinstance(op, TextLine)]


@pytest.fixture
def open_lane(qtbot: Any, tmp_path: Path) -> Iterator[Callable[..., Lane]]:
    made: list[Lane] = []

    def start(*, merge: bool = True, size: tuple[int, int] = (1920, 1080), **lane: Any) -> Lane:
        db = tmp_path / "lane.sqlite3"
        conn = connect(db)
        catalog = CatalogRepository(conn)
        catalog.upsert([*sample_items(), LEMONS])
        config = KioskConfig(
            lane=LaneConfig(store_id="store-1", lane_id="lane-1", merge_identical=merge, **lane)
        )
        receipts = PrinterReceipts(
            None, header=("Kiosk Market",), tax_letters=config.tax.tax_letters()
        )
        settings = CheckoutSettings(
            EUR, config.tax.to_rules(), merge_identical=config.lane.merge_identical
        )
        controller = LaneController(
            identity=LaneIdentity("store-1", "lane-1"),
            settings=settings,
            scan_rules=ScanRules.for_country("es"),
            catalog=catalog,
            journal=BasketJournal(conn),
            commit_sale=lambda doc, basket_id: complete_sale(conn, doc, basket_id=basket_id),
            payments=Approving(),
            receipts=receipts,
            clock=lambda: NOW,
        )
        options = {"kiosk_mode": False, "idle_timeout_ms": 600_000}
        window, presenter, _, _ = open_journey_window(
            controller, config, show=False, catalog=CatalogRepository(connect(db)), **options
        )
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        made.append(Lane(controller, window, presenter, receipts))
        return made[-1]

    yield start
    for lane in made:
        lane.presenter.detach()
        lane.controller.stop()
        lane.window.shutdown()


def pay_and_finish(qtbot: Any, lane: Lane, pay_button: Any) -> None:
    """Touch Pay (the terminal approves) and "no receipt"; the sale is stored."""
    touch(qtbot, pay_button)
    qtbot.waitUntil(lambda: lane.screen() == "receipt")
    assert lane.controller.last_document is not None


def test_the_same_item_scanned_twice_is_one_2_x_line_on_screen_and_receipt(
    qtbot: Any, open_lane: Any
) -> None:
    lane = open_lane()
    touch(qtbot, lane.screens.attract.start_button)
    qtbot.waitUntil(lambda: lane.screen() == "scanning")
    cart = lane.screens.scanning.cart
    lane.controller.scan(scan_code(MILK))
    qtbot.waitUntil(lambda: cart.row_count() == 1)
    lane.controller.scan(scan_code(MILK))
    qtbot.waitUntil(lambda: lane.lines() == [("S00001", 2)])
    qtbot.waitUntil(lambda: cart.texts(1).name.startswith("2 x "))
    assert cart.row_count() == 1
    texts = cart.texts(1)
    assert texts.name == f"2 x {MILK.name('en')}"
    assert (texts.detail, texts.amount) == ("2 × €0.95", "€1.90")
    assert cart.is_highlighted(1)

    # One unit fewer: the line's quantity path, which asks staff (withdrawn here).
    touch(qtbot, cart.viewport(), cart.line_rect(1).center())
    dialog = lane.screens.line_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.quantity() == 2
    touch(qtbot, dialog.minus_button)
    touch(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: lane.presenter.checkout().phase is Phase.INTERVENTION)
    pending = lane.presenter.checkout().pending
    assert pending is not None
    assert (pending.kind, pending.action) == (Kind.VOID_REQUEST, SetQuantity(1, 1))
    overlay = lane.screens.intervention
    qtbot.waitUntil(overlay.withdraw_button.isVisible)
    touch(qtbot, overlay.withdraw_button)
    qtbot.waitUntil(lambda: lane.presenter.checkout().phase is Phase.SHOPPING)
    assert lane.lines() == [("S00001", 2)]

    pay_and_finish(qtbot, lane, lane.screens.scanning.pay_button)
    (line,) = lane.controller.last_document["lines"]
    assert (line["quantity"], line["amount"]) == (2, 190)
    printed = lane.receipt_text()
    at = next(n for n, text in enumerate(printed) if MILK.name("en")[:20] in text)
    assert printed[at + 1].strip().startswith("2 x ")
    touch(qtbot, lane.screens.receipt.buttons[RECEIPT_NONE])


def test_lemons_from_the_grid_ask_how_many_and_add_one_line(qtbot: Any, open_lane: Any) -> None:
    lane = open_lane()
    touch(qtbot, lane.screens.attract.start_button)
    qtbot.waitUntil(lambda: lane.screen() == "scanning")
    touch(qtbot, lane.screens.scanning.lookup_button)
    produce = lane.screens.produce
    qtbot.waitUntil(lambda: LEMONS.sku in produce.visible_skus())
    tile = produce.tile(LEMONS.sku)
    produce.scroll_area().ensureWidgetVisible(tile)  # the shopper scrolls to it
    qtbot.waitUntil(lambda: tile.visibleRegion().boundingRect().contains(tile.rect().center()))
    touch(qtbot, tile)
    how_many = lane.prompts.how_many
    qtbot.waitUntil(how_many.isVisible)
    assert on_top(how_many.keypad.button("6"))

    # Back returns to the grid with nothing added; the tile asks again.
    touch(qtbot, how_many.back_button)
    qtbot.waitUntil(lambda: lane.screen() == "produce")
    assert not how_many.isVisible()
    assert lane.lines() == []
    qtbot.waitUntil(lambda: LEMONS.sku in produce.visible_skus())
    tile = produce.tile(LEMONS.sku)
    produce.scroll_area().ensureWidgetVisible(tile)
    qtbot.waitUntil(lambda: tile.visibleRegion().boundingRect().contains(tile.rect().center()))
    touch(qtbot, tile)
    qtbot.waitUntil(how_many.isVisible)

    touch(qtbot, how_many.keypad.button(ENTER))  # nothing typed: refused, still open
    assert how_many.isVisible()
    touch(qtbot, how_many.keypad.button("6"))
    assert how_many.count_text() == "6"
    touch(qtbot, how_many.keypad.button(ENTER))
    qtbot.waitUntil(lambda: lane.lines() == [("P0901", 6)])
    cart = lane.screens.scanning.cart
    qtbot.waitUntil(lambda: cart.row_count() == 1)
    assert cart.texts(1).name == "6 x Lemons"
    assert cart.texts(1).amount == "€2.10"
    assert lane.screen() == "scanning"


def test_bags_at_the_start_become_lines(qtbot: Any, open_lane: Any) -> None:
    lane = open_lane(bag_prompt=True, bag_skus=BAG_SKUS)
    touch(qtbot, lane.screens.attract.start_button)
    bags = lane.prompts.bags
    qtbot.waitUntil(bags.isVisible)
    assert not bags.add_button.isEnabled()  # nothing chosen yet
    touch(qtbot, bags.plus_buttons["BAG01"])
    touch(qtbot, bags.plus_buttons["BAG01"])
    touch(qtbot, bags.plus_buttons["BAG02"])
    touch(qtbot, bags.minus_buttons["BAG02"])
    assert (bags.count("BAG01"), bags.count("BAG02")) == (2, 0)
    touch(qtbot, bags.add_button)
    qtbot.waitUntil(lambda: lane.lines() == [("BAG01", 2)])
    assert not bags.isVisible()
    cart = lane.screens.scanning.cart
    qtbot.waitUntil(lambda: cart.row_count() == 1)
    assert cart.texts(1).name == "2 x Paper bag"
    lane.controller.scan(scan_code(MILK))  # the first scan after: no second question
    qtbot.waitUntil(lambda: cart.row_count() == 2)
    assert not bags.isVisible()


def test_no_bags_thanks_and_back_to_the_welcome(qtbot: Any, open_lane: Any) -> None:
    lane = open_lane(bag_prompt=True, bag_skus=BAG_SKUS)
    touch(qtbot, lane.screens.attract.start_button)
    bags = lane.prompts.bags
    qtbot.waitUntil(bags.isVisible)
    touch(qtbot, bags.back_button)  # back: the welcome screen again
    qtbot.waitUntil(lambda: lane.screen() == "attract")
    assert not bags.isVisible()
    touch(qtbot, lane.screens.attract.start_button)  # Start again asks again
    qtbot.waitUntil(bags.isVisible)
    touch(qtbot, bags.none_button)
    qtbot.waitUntil(lambda: not bags.isVisible())
    assert lane.screen() == "scanning"
    assert lane.lines() == []
    lane.controller.scan(scan_code(MILK))
    qtbot.waitUntil(lambda: lane.lines() == [("S00001", 1)])
    assert not bags.isVisible()


def test_the_first_scan_without_start_asks_about_bags(qtbot: Any, open_lane: Any) -> None:
    lane = open_lane(bag_prompt=True, bag_skus=BAG_SKUS)
    lane.controller.scan(scan_code(MILK))  # straight from the welcome screen
    bags = lane.prompts.bags
    qtbot.waitUntil(bags.isVisible)
    touch(qtbot, bags.plus_buttons["BAG02"])
    touch(qtbot, bags.add_button)
    qtbot.waitUntil(lambda: lane.lines() == [("S00001", 1), ("BAG02", 1)])
    assert not bags.isVisible()


def test_without_the_setting_there_is_no_bag_question(qtbot: Any, open_lane: Any) -> None:
    lane = open_lane(bag_skus=("BAG01",))  # bags listed, bag_prompt off
    touch(qtbot, lane.screens.attract.start_button)
    qtbot.waitUntil(lambda: lane.screen() == "scanning")
    lane.controller.scan(scan_code(MILK))
    qtbot.waitUntil(lambda: lane.lines() == [("S00001", 1)])
    assert lane.prompts._bags is None


@pytest.mark.parametrize("size", [(1366, 768), (1080, 1920)])
def test_the_totals_show_the_vat_letters_of_the_receipt(
    qtbot: Any, open_lane: Any, size: tuple[int, int]
) -> None:
    lane = open_lane(size=size)
    lane.window.set_accessibility(True, False)  # large text
    other = standard_item()
    touch(qtbot, lane.screens.attract.start_button)
    qtbot.waitUntil(lambda: lane.screen() == "scanning")
    for code in (scan_code(MILK), scan_code(other), scan_code(MILK)):
        lane.controller.scan(code)
    qtbot.waitUntil(lambda: lane.lines() == [("S00001", 2), (other.sku, 1)])
    scanning = lane.screens.scanning
    qtbot.waitUntil(scanning.totals_button.isVisible)
    touch(qtbot, scanning.totals_button)
    totals = lane.prompts.totals
    qtbot.waitUntil(totals.isVisible)
    rows = dict(totals.texts())
    total = MILK.price * 2 + other.price
    assert rows["Total"] == f"€{total.minor // 100}.{total.minor % 100:02d}"
    assert rows["Subtotal"] == rows["Total"]  # no offers: nothing saved
    vat_rows = [label for label in rows if label.startswith("VAT ")]
    assert vat_rows == ["VAT A 21%", "VAT C 4%"]  # the store's letters: 21 -> A, 4 -> C
    from kiosk.ui.render_checks import clipped_texts

    assert clipped_texts(totals) == []

    pay_and_finish(qtbot, lane, totals.pay_button)
    printed = lane.receipt_text()
    summary = lane.receipts.build(lane.controller.last_document).tax_summary
    assert sorted((row.code, row.label) for row in summary) == [("A", "21%"), ("C", "4%")]
    by_letter = {row.code: row.tax for row in summary}
    from kiosk.ui.format import format_money

    for label in vat_rows:
        letter = label.split()[1]
        assert rows[label] == format_money(by_letter[letter], "en")
    assert any(" A" in text or "A " in text for text in printed)
    assert lane.presenter.checkout().phase is Phase.FINISHED
