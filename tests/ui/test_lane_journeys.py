"""Shopper journeys through the real lane window over a real LaneController and SQLite store.

Each test drives the widgets the way a shopper does (buttons, the screens' own
signals, the scanner's codes into ``controller.scan``) and waits for the
screens the lane's broadcasts bring up. Staff decisions here arrive as the domain
event (``InterventionResolved``); ``test_lane_touch.py`` makes them by touch on the
attendant screen, through AttendantService, checking what is on top first.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from kiosk.app.lane import LaneController, LaneIdentity
from kiosk.app.shell import open_journey_window
from kiosk.config.lane import LaneConfig
from kiosk.config.schema import KioskConfig
from kiosk.domain.catalog import CatalogItem
from kiosk.domain.checkout.events import Event, InterventionResolved, PaymentApproved
from kiosk.domain.checkout.events import PaymentDeclined as Declined
from kiosk.domain.checkout.interventions import InterventionKind as Kind
from kiosk.domain.checkout.states import CheckoutSettings, Phase
from kiosk.domain.gs1.scan import ScanRules
from kiosk.domain.money import Money
from kiosk.domain.tax import TaxRules
from kiosk.store.catalog import CatalogRepository
from kiosk.store.db import connect
from kiosk.store.journal import BasketJournal
from kiosk.store.sales import complete_sale
from kiosk.store.sample_catalog import sample_items
from kiosk.ui.lane_screens import LaneScreens
from kiosk.ui.presenter import LanePresenter
from kiosk.ui.screens.receipt import RECEIPT_DIGITAL, RECEIPT_NONE, RECEIPT_PRINT
from kiosk.ui.viewmodels import PayStage
from kiosk.ui.widgets.keypad import ENTER
from kiosk.ui.window import KioskWindow

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
CLICK = Qt.MouseButton.LeftButton
ITEMS = {item.sku: item for item in sample_items()}


class ScriptedPayments:
    """The terminal answers "approve" or "decline" from a script; "wait" leaves the card
    prompt up until ``abort``, which the terminal answers with a decline."""

    def __init__(self, outcomes: list[str]) -> None:
        self.outcomes = outcomes
        self.started: list[Money] = []
        self.waiting: tuple[str, Callable[[Event], None]] | None = None

    def start(self, basket_id: str, amount: Money, deliver: Callable[[Event], None]) -> None:
        self.started.append(amount)
        reference = f"ref-{len(self.started)}"
        outcome = self.outcomes.pop(0)
        if outcome == "approve":
            deliver(PaymentApproved(reference, amount, NOW, masked_pan="************1234"))
        elif outcome == "wait":
            self.waiting = (reference, deliver)
        else:
            deliver(Declined(reference, "declined by issuer", NOW))

    def abort(self, basket_id: str) -> None:
        if self.waiting is not None:
            reference, deliver = self.waiting
            self.waiting = None
            deliver(Declined(reference, "aborted", NOW))


@dataclass
class Receipts:
    """A receipt port that records the documents printed, or fails like an empty printer."""

    out_of_paper: bool = False
    printed: list[dict[str, Any]] = field(default_factory=list)
    ereceipt_base_url: str = "https://receipts.example.com/r"

    def print_sale(self, sale: object, document: dict[str, Any]) -> None:
        if self.out_of_paper:
            raise OSError("printer: paper out")
        self.printed.append(document)


def build_controller(
    db: Path, outcomes: list[str] | None = None, receipts: Receipts | None = None
) -> LaneController:
    conn = connect(db)
    catalog = CatalogRepository(conn)
    if catalog.count() == 0:
        catalog.upsert(sample_items())
    rates = {"standard": "21", "reduced": "10", "super_reduced": "4", "zero": "0"}
    return LaneController(
        identity=LaneIdentity("store-1", "lane-1"),
        settings=CheckoutSettings("EUR", TaxRules.from_strings(rates)),
        scan_rules=ScanRules.for_country("es"),
        catalog=catalog,
        journal=BasketJournal(conn),
        commit_sale=lambda doc, basket_id: complete_sale(conn, doc, basket_id=basket_id),
        payments=ScriptedPayments(outcomes or []),
        receipts=receipts if receipts is not None else Receipts(),
        clock=lambda: NOW,
    )


@dataclass
class Lane:
    """A running lane with its window, for one journey."""

    controller: LaneController
    window: KioskWindow
    presenter: LanePresenter
    screens: LaneScreens
    spoken: list[str]

    def screen(self) -> str | None:
        return self.window.navigator.current_name()

    def phase(self) -> Phase:
        return self.presenter.checkout().phase


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "lane.sqlite3"


@pytest.fixture
def open_lane(qtbot, db: Path) -> Iterator[Callable[..., Lane]]:  # type: ignore[no-untyped-def]
    """Start lanes over ``db``; every one is stopped and its window closed afterwards."""
    made: list[Lane] = []

    def start(
        outcomes: list[str] | None = None,
        receipts: Receipts | None = None,
        *,
        size: tuple[int, int] = (1920, 1080),
        **window_options: Any,
    ) -> Lane:
        controller = build_controller(db, outcomes, receipts)
        config = KioskConfig(lane=LaneConfig(store_id="store-1", lane_id="lane-1"))
        options: dict[str, Any] = {"kiosk_mode": False, "idle_timeout_ms": 600_000}
        options.update(window_options)
        window, presenter, _, _ = open_journey_window(controller, config, show=False, **options)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        screens = presenter._s
        spoken: list[str] = []
        window.add_speech_listener(spoken.append)
        lane = Lane(controller, window, presenter, screens, spoken)
        made.append(lane)
        return lane

    yield start
    for lane in made:
        lane.presenter.detach()
        lane.controller.stop()
        lane.window.shutdown()


def scan_code(item: CatalogItem) -> str:
    return item.gtins[0][1:]  # EAN-13 as a scanner sends it


def counted(n: int) -> list[CatalogItem]:
    """``n`` plain items: counted, no age limit, no quantity limit."""
    plain = [
        i
        for i in sample_items()
        if i.gtins and not i.sold_by_weight and i.age_limit is None and i.quantity_limit is None
    ]
    return plain[:n]


def wine() -> CatalogItem:
    return next(i for i in sample_items() if i.age_limit == 18 and i.quantity_limit is None)


def click(qtbot, button: QPushButton) -> None:  # type: ignore[no-untyped-def]
    assert button.isVisible(), button.text()
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, CLICK)


def resolve(lane: Lane, kind: Kind, approved: bool = True, **extra: Any) -> None:
    """The attendant's decision, as the attendant screen will submit it."""
    lane.controller.submit(lambda at: InterventionResolved(kind, "s-17", approved, at, **extra))


def outbox(db: Path) -> list[dict[str, Any]]:
    rows = (
        connect(db)
        .execute("SELECT payload FROM outbox JOIN outbox_payload USING (id) ORDER BY id")
        .fetchall()
    )
    return [json.loads(row["payload"]) for row in rows]


def test_plain_basket_scan_pay_no_receipt_thanks_then_attract(qtbot, open_lane, db) -> None:  # type: ignore[no-untyped-def]
    lane = open_lane(["approve"])
    assert lane.screen() == "attract"
    milk, eggs = counted(2)
    lane.controller.scan(scan_code(milk))
    qtbot.waitUntil(lambda: lane.screens.scanning.cart.row_count() == 1)
    assert lane.screen() == "scanning"
    assert lane.screens.scanning.cart.is_highlighted(1)
    assert lane.screens.scanning.is_flashing()
    lane.controller.scan(scan_code(eggs))
    qtbot.waitUntil(lambda: lane.screens.scanning.cart.row_count() == 2)
    assert lane.screens.scanning.cart.is_highlighted(2)
    assert any("Added:" in text for text in lane.spoken)

    click(qtbot, lane.screens.scanning.pay_button)
    qtbot.waitUntil(lambda: lane.screen() == "receipt")
    click(qtbot, lane.screens.receipt.buttons[RECEIPT_NONE])
    assert lane.screen() == "thanks"
    click(qtbot, lane.screens.thanks.rating_button(3))
    click(qtbot, lane.screens.thanks.done_button)
    qtbot.waitUntil(lambda: lane.phase() is Phase.IDLE)
    assert lane.screen() == "attract"
    assert lane.controller.receipts.printed == []  # type: ignore[union-attr]
    (sale,) = outbox(db)
    assert sale["status"] == "completed"
    assert sale["totals"]["total"] == (milk.price + eggs.price).minor
    assert lane.presenter.checkout().basket.basket_id != sale["transaction_id"]


def test_weighed_produce_from_the_grid_and_a_plu(qtbot, open_lane) -> None:  # type: ignore[no-untyped-def]
    lane = open_lane()
    click(qtbot, lane.screens.attract.start_button)
    qtbot.waitUntil(lambda: lane.screen() == "scanning")  # the checkout is engaged
    assert lane.presenter.checkout().engaged
    click(qtbot, lane.screens.scanning.lookup_button)
    produce = lane.screens.produce
    assert lane.screen() == "produce"
    qtbot.waitUntil(lambda: "P0001" in produce.visible_skus())
    assert "B0001" in produce.visible_skus()  # bakery too
    click(qtbot, produce.tile("P0001"))  # bananas, per kg
    qtbot.waitUntil(lambda: lane.screen() == "weigh")
    weigh = lane.screens.weigh
    lane.presenter.scale_reading(800, stable=False)
    qtbot.waitUntil(lambda: weigh.weight_text().startswith("0.800"))
    assert lane.phase() is Phase.WEIGHING
    lane.presenter.scale_reading(1234, stable=True)
    qtbot.waitUntil(lambda: lane.screen() == "scanning")
    (line,) = lane.presenter.checkout().basket.lines
    assert (line.item.sku, line.weight_g, line.amount.minor) == ("P0001", 1234, 246)

    # The next weighed item waits until the bananas are off the scale.
    click(qtbot, lane.screens.scanning.lookup_button)
    qtbot.waitUntil(lambda: "P0006" in produce.visible_skus())
    click(qtbot, produce.tile("P0006"))  # Fuji apples, per kg
    qtbot.waitUntil(lambda: lane.screen() == "weigh")
    lane.presenter.scale_reading(1234, stable=True)
    lane.presenter.scale_reading(0, stable=True)
    qtbot.waitUntil(lambda: weigh.weight_text() == "")
    assert lane.phase() is Phase.WEIGHING
    lane.presenter.scale_reading(500, stable=True)
    qtbot.waitUntil(lambda: len(lane.presenter.checkout().basket.lines) == 2)
    assert lane.presenter.checkout().basket.lines[1].weight_g == 500

    click(qtbot, lane.screens.scanning.lookup_button)
    qtbot.waitUntil(lambda: "P0001" in produce.visible_skus())
    click(qtbot, produce.plu_mode_button)
    for key in "9999":
        produce.keypad.press(key)
    produce.keypad.press(ENTER)
    qtbot.waitUntil(lambda: "9999" in lane.screens.toast.text())
    assert lane.screens.toast.isVisible()
    assert lane.screens.toast.is_error()
    assert lane.screen() == "produce"
    produce.keypad.clear()
    for key in "7001":  # baguette, counted: "How many?" first
        produce.keypad.press(key)
    produce.keypad.press(ENTER)
    how_many = lane.presenter._prompts.how_many
    qtbot.waitUntil(how_many.isVisible)
    click(qtbot, how_many.keypad.button("1"))
    click(qtbot, how_many.keypad.button(ENTER))
    qtbot.waitUntil(lambda: lane.screens.scanning.cart.row_count() == 3)
    assert lane.screen() == "scanning"
    assert lane.presenter.checkout().basket.lines[2].item.sku == "B0001"


def test_age_restricted_item_blocks_until_staff_approve(qtbot, open_lane) -> None:  # type: ignore[no-untyped-def]
    lane = open_lane()
    lane.controller.scan(scan_code(wine()))
    qtbot.waitUntil(lambda: lane.window.blocking_overlay() is not None)
    overlay = lane.screens.intervention
    assert overlay.kind() is Kind.AGE_RESTRICTED
    assert "18" in overlay.message_text()
    assert any("Age check needed" in text for text in lane.spoken)
    lane.controller.scan(scan_code(counted(1)[0]))  # refused while paused
    qtbot.waitUntil(lane.screens.scanning.is_flashing_error)
    assert lane.screens.toast.is_error()

    resolve(lane, Kind.AGE_RESTRICTED, id_seen=True)
    qtbot.waitUntil(lambda: lane.window.blocking_overlay() is None)
    qtbot.waitUntil(lambda: lane.screens.scanning.cart.row_count() == 1)
    assert lane.screen() == "scanning"
    assert lane.presenter.checkout().basket.lines[0].item.sku == wine().sku


def test_void_and_quantity_from_a_tapped_line(qtbot, open_lane) -> None:  # type: ignore[no-untyped-def]
    lane = open_lane()
    first, second = counted(2)
    for item in (first, second):
        lane.controller.scan(scan_code(item))
    cart = lane.screens.scanning.cart
    qtbot.waitUntil(lambda: cart.row_count() == 2)
    dialog = lane.screens.line_dialog

    qtbot.mouseClick(cart.viewport(), CLICK, pos=cart.line_rect(2).center())
    assert dialog.is_open()
    assert dialog.line_no() == 2
    click(qtbot, dialog.plus_button)
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: lane.presenter.checkout().basket.line(2).quantity == 2)

    qtbot.mouseClick(cart.viewport(), CLICK, pos=cart.line_rect(1).center())
    click(qtbot, dialog.remove_button)
    qtbot.waitUntil(lambda: lane.screens.intervention.kind() is Kind.VOID_REQUEST)
    assert lane.window.blocking_overlay() is lane.screens.intervention
    resolve(lane, Kind.VOID_REQUEST)
    qtbot.waitUntil(lambda: lane.presenter.checkout().basket.line(1).voided)
    qtbot.waitUntil(lambda: lane.window.blocking_overlay() is None)
    total = lane.presenter.checkout().totals().total
    assert total == second.price * 2
    assert cart.texts(1) != cart.texts(2)


def test_declined_card_then_approved_and_printed(qtbot, open_lane, db) -> None:  # type: ignore[no-untyped-def]
    receipts = Receipts()
    lane = open_lane(["decline", "approve"], receipts)
    lane.controller.scan(scan_code(counted(1)[0]))
    qtbot.waitUntil(lambda: lane.screens.scanning.cart.row_count() == 1)
    click(qtbot, lane.screens.scanning.pay_button)
    pay = lane.screens.pay
    qtbot.waitUntil(lambda: pay.stage() is PayStage.DECLINED)
    assert lane.screen() == "pay"
    assert lane.phase() is Phase.SHOPPING
    assert any("declined" in text for text in lane.spoken)
    click(qtbot, pay.retry_button)
    qtbot.waitUntil(lambda: lane.screen() == "receipt")
    assert lane.screens.receipt.buttons[RECEIPT_DIGITAL].isVisible()
    click(qtbot, lane.screens.receipt.buttons[RECEIPT_PRINT])
    qtbot.waitUntil(lambda: lane.screen() == "thanks")
    assert len(receipts.printed) == 1
    assert "take your receipt" in " ".join(lane.spoken)
    (sale,) = outbox(db)
    assert [p["outcome"] for p in sale["payments"]] == ["declined", "approved"]


def test_declined_card_cancel_goes_back_to_the_items(qtbot, open_lane) -> None:  # type: ignore[no-untyped-def]
    lane = open_lane(["decline"])
    lane.controller.scan(scan_code(counted(1)[0]))
    qtbot.waitUntil(lambda: lane.screens.scanning.cart.row_count() == 1)
    click(qtbot, lane.screens.scanning.pay_button)
    qtbot.waitUntil(lambda: lane.screens.pay.stage() is PayStage.DECLINED)
    click(qtbot, lane.screens.pay.cancel_button)
    qtbot.waitUntil(lambda: lane.screen() == "scanning")
    assert lane.phase() is Phase.SHOPPING
    assert lane.presenter.checkout().payment_failure is None
    assert len(lane.presenter.checkout().basket.lines) == 1


def test_back_to_items_while_the_terminal_waits_aborts_and_keeps_the_basket(
    qtbot, open_lane
) -> None:  # type: ignore[no-untyped-def]
    lane = open_lane(["wait"])
    lane.controller.scan(scan_code(counted(1)[0]))
    qtbot.waitUntil(lambda: lane.screens.scanning.cart.row_count() == 1)
    click(qtbot, lane.screens.scanning.pay_button)
    pay = lane.screens.pay
    qtbot.waitUntil(lambda: pay.stage() is PayStage.PRESENT_CARD and lane.screen() == "pay")
    assert lane.phase() is Phase.PAYING
    click(qtbot, pay.cancel_button)  # "Back to items"
    qtbot.waitUntil(lambda: lane.screen() == "scanning")
    assert lane.phase() is Phase.SHOPPING
    assert len(lane.presenter.checkout().basket.active_lines) == 1  # not a cancelled sale


def test_printer_out_of_paper_pages_staff_and_still_thanks(qtbot, open_lane) -> None:  # type: ignore[no-untyped-def]
    seen: list[object] = []
    lane = open_lane(["approve"], Receipts(out_of_paper=True))
    lane.controller.listeners.append(lambda checkout, effects: seen.extend(effects))
    lane.controller.scan(scan_code(counted(1)[0]))
    qtbot.waitUntil(lambda: lane.screens.scanning.cart.row_count() == 1)
    click(qtbot, lane.screens.scanning.pay_button)
    qtbot.waitUntil(lambda: lane.screen() == "receipt")
    click(qtbot, lane.screens.receipt.buttons[RECEIPT_PRINT])
    qtbot.waitUntil(lambda: lane.screen() == "thanks")
    assert lane.screens.toast.is_error()
    assert "printed" in lane.screens.toast.text()
    qtbot.waitUntil(lambda: any(getattr(e, "kind", None) is Kind.DEVICE_FAULT for e in seen))
    assert "take your receipt" not in " ".join(lane.spoken[-3:])


def test_e_receipt_shows_a_qr_code(qtbot, open_lane) -> None:  # type: ignore[no-untyped-def]
    lane = open_lane(["approve"])
    lane.controller.scan(scan_code(counted(1)[0]))
    qtbot.waitUntil(lambda: lane.screens.scanning.cart.row_count() == 1)
    click(qtbot, lane.screens.scanning.pay_button)
    qtbot.waitUntil(lambda: lane.screen() == "receipt")
    click(qtbot, lane.screens.receipt.buttons[RECEIPT_DIGITAL])
    assert lane.screens.receipt.showing_qr()
    click(qtbot, lane.screens.receipt.done_button)
    assert lane.screen() == "thanks"


def test_idle_timeout_suspends_the_basket_until_staff_resume(qtbot, open_lane) -> None:  # type: ignore[no-untyped-def]
    lane = open_lane(idle_timeout_ms=50, idle_countdown_s=2, countdown_tick_ms=10)
    lane.controller.scan(scan_code(counted(1)[0]))
    qtbot.waitUntil(lambda: lane.screens.intervention.kind() is Kind.IDLE_SUSPENDED)
    assert lane.window.blocking_overlay() is lane.screens.intervention
    assert any("Are you still there?" in text for text in lane.spoken)
    assert any("Basket on hold" in text for text in lane.spoken)
    assert len(lane.presenter.checkout().basket.lines) == 1
    resolve(lane, Kind.IDLE_SUSPENDED)
    qtbot.waitUntil(lambda: lane.window.blocking_overlay() is None)
    assert lane.screen() == "scanning"
    assert lane.screens.scanning.cart.row_count() == 1


def test_help_button_calls_staff_until_they_clear_it(qtbot, open_lane) -> None:  # type: ignore[no-untyped-def]
    lane = open_lane()
    click(qtbot, lane.window.top_bar.help_button)
    qtbot.waitUntil(lambda: lane.screens.intervention.kind() is Kind.HELP_REQUESTED)
    assert lane.window.help_pending()
    resolve(lane, Kind.HELP_REQUESTED)
    qtbot.waitUntil(lambda: lane.window.blocking_overlay() is None)
    assert not lane.window.help_pending()
    assert lane.screen() == "attract"


def test_restart_with_an_open_basket_shows_it(qtbot, open_lane, db) -> None:  # type: ignore[no-untyped-def]
    first = open_lane()
    items = counted(3)
    for item in items:
        first.controller.scan(scan_code(item))
    qtbot.waitUntil(lambda: first.screens.scanning.cart.row_count() == 3)
    first.presenter.detach()
    first.controller.stop()  # the app goes down here; the lines are journaled

    again = open_lane()
    assert again.screen() == "scanning"
    assert again.screens.scanning.cart.row_count() == 3
    assert (
        again.presenter.checkout().basket.basket_id == first.presenter.checkout().basket.basket_id
    )
    names = [again.screens.scanning.cart.texts(n).name for n in (1, 2, 3)]
    assert names == [dict(item.names)["en"] for item in items]


@pytest.mark.parametrize("language", ["es", "fr"])
def test_messages_follow_the_shopper_language(qtbot, open_lane, language: str) -> None:  # type: ignore[no-untyped-def]
    lane = open_lane()
    lane.window.set_language(language)
    lane.controller.scan("]E04006381333932")  # wrong check digit
    qtbot.waitUntil(lane.screens.toast.isVisible)
    assert "barcode could not be read" not in lane.screens.toast.text()
    assert lane.screens.toast.text()
