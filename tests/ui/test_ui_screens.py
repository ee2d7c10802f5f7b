"""Each checkout screen draws its view-model and turns touches into signals."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from kiosk.domain.checkout.interventions import InterventionKind
from kiosk.domain.money import Money
from kiosk.ui.samples import (
    sample_cart,
    sample_interventions,
    sample_pay,
    sample_receipt,
    sample_thanks,
    sample_weigh,
)
from kiosk.ui.screens.intervention import InterventionOverlay
from kiosk.ui.screens.receipt import RECEIPT_DIGITAL, RECEIPT_NONE, RECEIPT_PRINT
from kiosk.ui.viewmodels import PayStage, PinView, ReceiptView, ScanningView
from kiosk.ui.widgets.cart import RowTexts

LEFT = Qt.MouseButton.LeftButton


def test_scanning_shows_lines_highlights_last_and_announces(
    qtbot, window, spoken: list[str]
) -> None:
    scanning = window.navigator.get("scanning")
    window.show_screen("scanning")
    assert not scanning.pay_button.isEnabled()
    scanning.set_model(sample_cart(8))
    assert scanning.cart.row_count() == 8
    assert scanning.cart.is_highlighted(8)
    assert not scanning.cart.is_highlighted(7)
    assert scanning.cart.texts(3) == RowTexts(
        "6 x Sparkling water 1.5 L", "6 × €0.45", "€2.70", "+ Deposit", "€1.50"
    )
    assert scanning.cart.texts(2).detail == "1.234\u00a0kg × €1.99/kg"
    assert scanning.is_flashing()
    assert spoken[-1].startswith("Added: Orange juice 1 L")
    qtbot.waitUntil(lambda: not scanning.is_flashing(), timeout=2000)
    assert scanning.pay_button.isEnabled()


def test_scanning_updates_rows_in_place(qtbot, window) -> None:
    scanning = window.navigator.get("scanning")
    cart = sample_cart(8)
    scanning.set_model(cart)
    voided = replace(cart.lines[0], voided=True)
    scanning.set_model(replace(cart, lines=(voided, *cart.lines[1:8]), last_line_no=1))
    assert scanning.cart.row_count() == 8
    assert scanning.cart.texts(1).detail == "Removed"
    assert scanning.cart.texts(1).amount == ""
    assert scanning.cart.is_highlighted(1)
    scanning.set_model(replace(cart, lines=cart.lines[1:3], last_line_no=3))
    assert scanning.cart.row_count() == 2
    with pytest.raises(KeyError):
        scanning.cart.texts(1)


def test_scanning_buttons_emit(qtbot, window) -> None:
    scanning = window.navigator.get("scanning")
    scanning.set_model(sample_cart(2))
    window.show_screen("scanning")
    with qtbot.waitSignal(scanning.payRequested):
        qtbot.mouseClick(scanning.pay_button, LEFT)
    with qtbot.waitSignal(scanning.lookupRequested):
        qtbot.mouseClick(scanning.lookup_button, LEFT)
    with qtbot.waitSignal(scanning.lineTapped) as tapped:
        qtbot.mouseClick(scanning.cart.viewport(), LEFT, pos=scanning.cart.line_rect(2).center())
    assert tapped.args == [2]


def test_scanning_cannot_pay_when_told_not_to(window) -> None:
    scanning = window.navigator.get("scanning")
    scanning.set_model(replace(sample_cart(2), can_pay=False))
    assert not scanning.pay_button.isEnabled()
    scanning.set_model(ScanningView((), Money(0, "EUR"), 0))
    assert not scanning.pay_button.isEnabled()


@pytest.mark.parametrize(
    ("stage", "retry", "cancel"),
    [
        (PayStage.PRESENT_CARD, False, True),
        (PayStage.PROCESSING, False, False),
        (PayStage.DECLINED, True, True),
        (PayStage.APPROVED, False, False),
    ],
)
def test_pay_offers_retry_only_after_decline(
    window, stage: PayStage, retry: bool, cancel: bool
) -> None:
    pay = window.navigator.get("pay")
    window.show_screen("pay")
    pay.set_model(sample_pay(stage))
    assert pay.retry_button.isVisible() is retry
    assert pay.cancel_button.isVisible() is cancel


def test_pay_signals_and_announcements(qtbot, window, spoken: list[str]) -> None:
    pay = window.navigator.get("pay")
    window.show_screen("pay")
    pay.set_model(sample_pay(PayStage.DECLINED))
    assert "Payment declined" in spoken[-1]
    with qtbot.waitSignal(pay.retryRequested):
        qtbot.mouseClick(pay.retry_button, LEFT)
    with qtbot.waitSignal(pay.cancelRequested):
        qtbot.mouseClick(pay.cancel_button, LEFT)
    window.set_language("es")
    assert pay.instruction_text() == "Pago rechazado"


def test_receipt_choices(qtbot, window) -> None:
    receipt = window.navigator.get("receipt")
    window.show_screen("receipt")
    receipt.set_model(sample_receipt())
    for key in (RECEIPT_PRINT, RECEIPT_NONE):
        with qtbot.waitSignal(receipt.receiptChosen) as chosen:
            qtbot.mouseClick(receipt.buttons[key], LEFT)
        assert chosen.args == [key]
    assert not receipt.showing_qr()
    with qtbot.waitSignal(receipt.receiptChosen) as chosen:
        qtbot.mouseClick(receipt.buttons[RECEIPT_DIGITAL], LEFT)
    assert chosen.args == [RECEIPT_DIGITAL]
    assert receipt.showing_qr()
    with qtbot.waitSignal(receipt.doneRequested):
        qtbot.mouseClick(receipt.done_button, LEFT)


def test_receipt_hides_what_is_not_available(window) -> None:
    receipt = window.navigator.get("receipt")
    window.show_screen("receipt")
    receipt.set_model(ReceiptView(total=Money(100, "EUR"), printer_available=False))
    assert not receipt.buttons[RECEIPT_PRINT].isVisible()
    assert not receipt.buttons[RECEIPT_DIGITAL].isVisible()
    assert receipt.buttons[RECEIPT_NONE].isVisible()


def test_thanks_rating_is_one_tap_once(qtbot, window) -> None:
    thanks = window.navigator.get("thanks")
    window.show_screen("thanks")
    thanks.set_model(sample_thanks())
    with qtbot.waitSignal(thanks.ratingChosen) as rated:
        qtbot.mouseClick(thanks.rating_button(3), LEFT)
    assert rated.args == [3]
    with qtbot.assertNotEmitted(thanks.ratingChosen):
        qtbot.mouseClick(thanks.rating_button(1), LEFT)
    assert thanks.rated() == 3
    with qtbot.waitSignal(thanks.doneRequested):
        qtbot.mouseClick(thanks.done_button, LEFT)


@pytest.mark.parametrize("kind", list(InterventionKind))
def test_every_intervention_blocks_with_a_translated_message(qtbot, window, kind) -> None:
    overlay = InterventionOverlay()
    overlay.set_model(sample_interventions()[kind.value])
    window.show_screen("scanning")
    window.show_blocking(overlay)
    assert window.blocking_overlay() is overlay
    assert overlay.kind() is kind
    english = (overlay.title_text(), overlay.message_text())
    assert all(english)
    assert "%" not in english[1]
    window.set_language("fr")
    assert (overlay.title_text(), overlay.message_text()) != english
    assert "%" not in overlay.message_text()
    # the top bar stays usable: help and language sit above the overlay
    assert overlay.geometry().top() > window.top_bar.geometry().top()
    window.clear_blocking()
    assert window.blocking_overlay() is None


def test_age_check_names_item_and_age(window) -> None:
    overlay = InterventionOverlay()
    overlay.set_model(sample_interventions()["age_restricted"])
    window.show_blocking(overlay)
    assert "Rioja red wine 75 cl" in overlay.message_text()
    assert "18" in overlay.message_text()
    window.set_language("es")
    assert "Vino tinto Rioja 75 cl" in overlay.message_text()


def test_intervention_staff_button_emits(qtbot, window) -> None:
    overlay = InterventionOverlay()
    overlay.set_model(sample_interventions()["void_request"])
    window.show_blocking(overlay)
    with qtbot.waitSignal(overlay.staffRequested):
        qtbot.mouseClick(overlay.staff_button, LEFT)


def test_pin_entry_emits_and_clears(qtbot, window) -> None:
    pin = window.navigator.get("staff_pin")
    window.show_screen("staff_pin")
    for key in "1234":
        qtbot.mouseClick(pin.keypad.button(key), LEFT)
    with qtbot.waitSignal(pin.pinEntered) as entered:
        qtbot.mouseClick(pin.keypad.button("OK"), LEFT)
    assert entered.args == ["1234"]
    assert pin.keypad.text() == ""
    pin.set_model(PinView(locked_seconds=30))
    assert not pin.keypad.isEnabled()
    with qtbot.waitSignal(pin.cancelRequested):
        qtbot.mouseClick(pin.cancel_button, LEFT)


def test_every_domain_intervention_has_a_sample_to_draw() -> None:
    # the overlay draws the domain's own kinds (no UI mirror): each one is rendered above
    assert set(sample_interventions()) == {kind.value for kind in InterventionKind}


def test_weigh_shows_live_weight_and_announces_stability(qtbot, window, spoken: list[str]) -> None:
    weigh = window.navigator.get("weigh")
    window.show_screen("weigh")
    weigh.set_model(sample_weigh(None, stable=False))
    assert weigh.weight_text() == ""
    assert "Place the item on the scale" in spoken[-1]
    weigh.set_model(sample_weigh(1234, stable=False))
    assert weigh.weight_text() == "1.234\u00a0kg"
    weigh.set_model(sample_weigh(1234, stable=True))
    assert "Weight OK" in spoken[-1]
    assert "€2.45" in spoken[-1]
    window.set_language("es")
    assert weigh.weight_text() == "1,234\u00a0kg"
    with qtbot.waitSignal(weigh.cancelRequested):
        qtbot.mouseClick(weigh.cancel_button, LEFT)
