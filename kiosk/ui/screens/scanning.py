"""``ScanningScreen``: the cart, the running total and the way to pay."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.ui.format import format_money
from kiosk.ui.screens.base import Screen
from kiosk.ui.viewmodels import ScanningView, pick_name
from kiosk.ui.widgets.cart import CartList
from kiosk.ui.widgets.common import (
    ON_PRIMARY,
    card,
    icon_label,
    keep_text_whole,
    set_style_property,
    text_label,
    touch_button,
)
from kiosk.ui.widgets.fit import LayoutFitter
from kiosk.ui.widgets.reflow import ReflowLayout

FLASH_MS = 600
_CENTRE = Qt.AlignmentFlag.AlignCenter


class ScanningScreen(Screen):
    """Cart on one side, total and actions on the other (stacked in portrait).

    Signals:
        payRequested(): Pay was touched.
        lookupRequested(): "Look up item" (produce, bakery, PLU) was touched.
        lineTapped(int): a cart row was touched (line_no), e.g. to ask for a void.
        skipBaggingRequested(): "Skip bagging" was touched (a heavy or large item).
        totalsRequested(): "Totals and VAT" was touched (subtotal, savings, VAT per rate).
        loyaltyRequested(): "Loyalty card" was touched (type the card's number).
    """

    name = "scanning"
    payRequested = Signal()
    lookupRequested = Signal()
    lineTapped = Signal(int)
    skipBaggingRequested = Signal()
    totalsRequested = Signal()
    loyaltyRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view: ScanningView | None = None
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._box.setContentsMargins(32, 32, 32, 32)
        self._box.setSpacing(32)

        self._cart_card = card()
        cart = QVBoxLayout(self._cart_card)
        cart.setContentsMargins(0, 20, 0, 8)
        cart.setSpacing(8)
        header = QHBoxLayout()
        header.setContentsMargins(24, 0, 24, 8)
        self._cart_title = text_label(role="title")
        self._count = text_label(role="muted")
        header.addWidget(self._cart_title, 1)
        header.addWidget(self._count)
        cart.addLayout(header)
        self.cart = CartList()
        self.cart.lineTapped.connect(self.lineTapped)
        cart.addWidget(self.cart, 1)
        self._empty = QWidget()
        empty = QVBoxLayout(self._empty)
        empty.addStretch(1)
        empty.addWidget(icon_label("barcode", "#9AA5B1", 160), 0, _CENTRE)
        self._empty_text = text_label(role="heading", wrap=True, align=_CENTRE)
        empty.addWidget(self._empty_text)
        empty.addStretch(1)
        cart.addWidget(self._empty, 1)
        # Under the list: subtotal, savings and the VAT per rate before paying.
        self.totals_button = touch_button(role="secondary", icon="receipt", icon_px=32)
        self.totals_button.setObjectName("TotalsButton")
        self.totals_button.clicked.connect(self.totalsRequested)
        # a card that will not scan: its number typed (kiosk.ui.widgets.loyalty_card); under
        # the list, beside the totals, so that the side panel keeps room for Pay under the
        # help banner at 1366x768 with large text
        self.loyalty_button = touch_button(role="secondary", icon="keypad", icon_px=32)
        self.loyalty_button.setObjectName("LoyaltyButton")
        self.loyalty_button.clicked.connect(self.loyaltyRequested)
        # side by side where their captions fit, else one above the other (the list,
        # which scrolls, gives up the height)
        under = ReflowLayout(max_columns=2, spacing=16)
        under.setContentsMargins(16, 0, 16, 0)
        under.addWidget(self.loyalty_button)
        under.addWidget(self.totals_button)
        cart.addLayout(under)
        self._box.addWidget(self._cart_card, 5)
        self._box.addWidget(self._build_side(), 3)

        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.setInterval(FLASH_MS)
        self._flash_timer.timeout.connect(lambda: set_style_property(self._side, "flash", False))
        self.retranslate_ui()
        self.fitter = LayoutFitter(self, (self._roomy, self._tight))

    def _roomy(self) -> None:
        self._spacing(32, 16)

    def _tight(self) -> None:
        """1366x768 with large text under the help banner: smaller margins and gaps."""
        self._spacing(16, 8)

    def _spacing(self, margin: int, gap: int) -> None:
        self._box.setContentsMargins(margin, margin, margin, margin)
        self._box.setSpacing(margin)
        side = self._side.layout()
        side.setContentsMargins(margin, margin, margin, margin)
        side.setSpacing(gap)
        self._buttons.setSpacing(gap)

    def _build_side(self) -> QFrame:
        self._side = QFrame()
        self._side.setObjectName("TotalPanel")
        self._side.setProperty("card", True)
        side = QVBoxLayout(self._side)
        side.setContentsMargins(32, 32, 32, 32)
        side.setSpacing(16)
        self._total_label = text_label(role="heading")
        self._total = text_label(role="amount")
        self._deposit = text_label(role="caption")
        self._last = text_label(role="label", wrap=True)
        # Offers: subtotal and savings above the total, the VAT in it below.
        self._subtotal = text_label(role="label")
        self._subtotal.setObjectName("SubtotalText")
        self._savings = text_label(role="label")
        self._savings.setObjectName("SavingsText")
        self._vat = text_label(role="caption")
        self._vat.setObjectName("VatText")
        for widget in (self._subtotal, self._savings):
            side.addWidget(widget)
        for widget in (self._total_label, self._total, self._deposit, self._vat):
            side.addWidget(widget)
        side.addStretch(1)
        side.addWidget(self._build_bagging())
        side.addWidget(self._last)
        self._buttons = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._buttons.setSpacing(16)
        self.lookup_button = touch_button(role="secondary", icon="produce", icon_px=40)
        self.lookup_button.clicked.connect(self.lookupRequested)
        self.pay_button = touch_button(
            role="primary", icon="card", icon_colour=ON_PRIMARY, icon_px=44
        )
        self.pay_button.setMinimumHeight(112)
        self.pay_button.clicked.connect(self.payRequested)
        self._buttons.addWidget(self.lookup_button)
        self._buttons.addWidget(self.pay_button)
        side.addLayout(self._buttons)
        return self._side

    def _build_bagging(self) -> QFrame:
        """The bagging prompt: a bag picture, what to do, and "Skip bagging" if allowed."""
        self._bagging = QFrame()
        self._bagging.setObjectName("BaggingPrompt")
        box = QVBoxLayout(self._bagging)
        box.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(icon_label("bag", "#1565C0", 64))
        self._bagging_text = text_label(role="heading", wrap=True)
        row.addWidget(self._bagging_text, 1)
        box.addLayout(row)
        self.skip_bagging_button = touch_button(role="secondary", icon="bag", icon_px=32)
        self.skip_bagging_button.clicked.connect(self.skipBaggingRequested)
        box.addWidget(self.skip_bagging_button)
        self._bagging.hide()
        return self._bagging

    def bagging_text(self) -> str:
        """The bagging prompt shown, or "" when none is."""
        return self._bagging_text.text() if self._bagging.isVisibleTo(self) else ""

    def _render_bagging(self, view: ScanningView | None) -> None:
        ask = view.bagging if view is not None else None
        self._bagging.setVisible(ask is not None)
        self.skip_bagging_button.setVisible(bool(view and ask and view.can_skip_bagging))
        if ask == "remove":
            self._bagging_text.setText(self.tr("Please take the removed item out of the bag"))
        elif ask is not None:
            self._bagging_text.setText(self.tr("Place the item in the bagging area"))

    def set_model(self, view: ScanningView) -> None:
        """Show ``view``; a new ``last_line_no`` flashes the total and is announced."""
        previous = self._view
        self._view = view
        self.cart.set_lines(view.lines, view.last_line_no)
        self._render()
        self.fitter.later()
        is_new_scan = view.last_line_no is not None and (
            previous is None
            or previous.last_line_no != view.last_line_no
            or previous.item_count != view.item_count
        )
        if is_new_scan:
            self.flash()
            self.announce.emit(self._last.text() + ". " + self._total_spoken())

    def flash(self) -> None:
        """Flash the total panel (the visual half of the scan beep)."""
        set_style_property(self._side, "flash", True)
        self._flash_timer.start()

    def flash_error(self) -> None:
        """Flash the total panel red (the visual half of the refusal beep)."""
        set_style_property(self._side, "flash", "error")
        self._flash_timer.start()

    def is_flashing_error(self) -> bool:
        """Whether the refusal flash is showing."""
        return self._side.property("flash") == "error"

    def is_flashing(self) -> bool:
        """Whether the scan flash is showing."""
        return bool(self._side.property("flash"))

    def retranslate_ui(self) -> None:
        self._cart_title.setText(self.tr("Your items"))
        self._empty_text.setText(self.tr("Scan your first item"))
        self._total_label.setText(self.tr("Total"))
        self.lookup_button.setText(self.tr("Look up item"))
        self.loyalty_button.setText(self.tr("Loyalty card"))
        self.pay_button.setText(self.tr("Pay"))
        self.skip_bagging_button.setText(self.tr("Skip bagging"))
        self.totals_button.setText(self.tr("Totals and VAT"))
        keep_text_whole(self.lookup_button, self.pay_button, self.totals_button)
        keep_text_whole(self.loyalty_button)
        self._render()

    def spoken_text(self) -> str:
        return (
            self.tr("Scan your items. When you are done, touch Pay.") + " " + self._total_spoken()
        )

    def apply_orientation(self, portrait: bool) -> None:
        self._box.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self._box.setStretch(0, 3 if portrait else 5)
        self._box.setStretch(1, 0 if portrait else 3)
        self._buttons.setDirection(
            QBoxLayout.Direction.LeftToRight if portrait else QBoxLayout.Direction.TopToBottom
        )

    def _total_spoken(self) -> str:
        return f"{self._total_label.text()} {self._total.text()}"

    def _render(self) -> None:
        view, language = self._view, self.language
        has_lines = bool(view and view.lines)
        self.cart.setVisible(has_lines)
        self.totals_button.setVisible(has_lines)
        self._empty.setVisible(not has_lines)
        if view is None:
            self._total.setText("")
            self._count.setText("")
            self._deposit.setText("")
            self._last.setText("")
            self._render_savings(None)
            self._render_bagging(None)
            self.pay_button.setEnabled(False)
            return
        self._total.setText(format_money(view.total, language))
        count = self.tr("Items: %1").replace("%1", str(view.item_count))
        self._count.setText(count)
        deposit = view.deposit_total
        self._deposit.setText(
            self.tr("Includes deposit %1").replace("%1", format_money(deposit, language))
            if deposit
            else ""
        )
        self._deposit.setVisible(bool(deposit))
        self._render_savings(view)
        last = next((line for line in view.lines if line.line_no == view.last_line_no), None)
        self._last.setText(
            self.tr("Added: %1").replace("%1", pick_name(last.names, language))
            if last and not last.voided
            else ""
        )
        self._render_bagging(view)
        self.pay_button.setEnabled(view.can_pay and view.item_count > 0 and view.bagging is None)

    def _render_savings(self, view: ScanningView | None) -> None:
        language = self.language
        saved = view is not None and view.savings is not None and view.subtotal is not None
        if view is not None and view.savings is not None and view.subtotal is not None:
            subtotal = format_money(view.subtotal, language)
            self._subtotal.setText(self.tr("Subtotal %1").replace("%1", subtotal))
            savings = format_money(view.savings, language)
            self._savings.setText(self.tr("Savings -%1").replace("%1", savings))
        self._subtotal.setVisible(saved)
        self._savings.setVisible(saved)
        tax = view.tax if view is not None else None
        self._vat.setText(
            self.tr("VAT %1").replace("%1", format_money(tax, language)) if tax else ""
        )
        self._vat.setVisible(bool(tax))
