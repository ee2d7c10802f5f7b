"""``BasketPanel``: the open basket as rows, each with its own quantity, price and void keys."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.money import Money
from kiosk.ui.attendant.views import CouponView
from kiosk.ui.format import format_money, format_weight
from kiosk.ui.i18n import current_language
from kiosk.ui.viewmodels import CartLineView, pick_name
from kiosk.ui.widgets.common import discard, keep_text_whole, text_label, touch_button

#: Below this width the line keys go under the line instead of beside it (or below the
#: width the keys and the line's texts need side by side, if that is more).
COMPACT_BELOW_PX = 860


class _LineRow(QFrame):
    """One basket line: what it is, how many, how much, and three actions."""

    def __init__(self, line: CartLineView, panel: BasketPanel) -> None:
        super().__init__()
        self.line = line
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._row.setContentsMargins(12, 6, 12, 6)
        self._row.setSpacing(8)
        info, keys = QHBoxLayout(), QHBoxLayout()
        info.setSpacing(12)
        keys.setSpacing(12)
        language = current_language()
        name = pick_name(line.names, language)
        self.name = text_label(f"{line.line_no}. {name}", role="label", wrap=True)
        self.name.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        if line.weight_g is not None:
            quantity = format_weight(line.weight_g, language)
        else:
            quantity = f"× {line.quantity}"
        self.quantity = text_label(quantity, role="label")
        self.amount = text_label(role="heading")
        self.amount.setMinimumWidth(150)
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.quantity_button = touch_button(icon="plus", icon_px=28)
        self.price_button = touch_button(icon="receipt", icon_px=28)
        self.void_button = touch_button(icon="close", icon_px=28)
        for button, signal in (
            (self.quantity_button, panel.quantityTapped),
            (self.price_button, panel.priceTapped),
            (self.void_button, panel.voidTapped),
        ):
            button.clicked.connect(lambda _=False, s=signal: s.emit(line.line_no))
        for widget in (self.name, self.quantity, self.amount):
            info.addWidget(widget)
        keys.addStretch(1)
        for button in (self.quantity_button, self.price_button, self.void_button):
            keys.addWidget(button)
        self._row.addLayout(info, 1)
        self._row.addLayout(keys)
        if line.voided:
            self.setEnabled(False)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.quantity_button.setText(self.tr("Qty"))
        self.price_button.setText(self.tr("Price"))
        self.void_button.setText(self.tr("Void"))
        # The name wraps and gives way; the keys never get narrower than their captions.
        keep_text_whole(self.quantity_button, self.price_button, self.void_button)
        amount = format_money(self.line.amount, current_language())
        self.amount.setText(amount + (" *" if self.line.price_overridden else ""))
        if self.line.voided:
            self.quantity.setText(self.tr("voided"))

    def set_compact(self, compact: bool) -> None:
        """Keys under the line (narrow basket) or beside it."""
        self._row.setDirection(
            QBoxLayout.Direction.TopToBottom if compact else QBoxLayout.Direction.LeftToRight
        )

    def side_by_side_width(self) -> int:
        """The width the row needs with its keys beside the line, its name wrapped as
        narrow as it goes (the keys never get narrower than their captions)."""
        self.ensurePolished()  # a new row has not met the stylesheet yet: measure it styled
        keys = (self.quantity_button, self.price_button, self.void_button)
        info = (self.quantity, self.amount)
        margins = self._row.contentsMargins()
        return (
            sum(max(b.minimumWidth(), b.sizeHint().width()) for b in keys)
            + sum(max(label.minimumWidth(), label.sizeHint().width()) for label in info)
            + self.name.minimumSizeHint().width()
            + 12 * 4  # the spacing of the info and keys rows
            + self._row.spacing()
            + margins.left()
            + margins.right()
        )

    def allow(self, quantity: bool, price: bool, void: bool) -> None:
        active = not self.line.voided
        self.quantity_button.setEnabled(active and quantity and self.line.weight_g is None)
        self.price_button.setEnabled(active and price)
        self.void_button.setEnabled(active and void)


class BasketPanel(QFrame):
    """The basket card.

    Signals:
        voidTapped(int), quantityTapped(int), priceTapped(int): the line number.
    """

    voidTapped = Signal(int)
    quantityTapped = Signal(int)
    priceTapped = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(8)
        head = QHBoxLayout()
        self.title = text_label(role="heading")
        self.total = text_label(role="heading")
        head.addWidget(self.title, 1)
        head.addWidget(self.total)
        layout.addLayout(head)
        self._rows_widget = QWidget()
        self._rows = QVBoxLayout(self._rows_widget)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setSpacing(4)
        self._rows.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._rows_widget)
        layout.addWidget(scroll, 1)
        self.empty = text_label(role="muted", align=Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty)
        # The coupons on the basket and what each saves (none: hidden).
        self.coupons = text_label(role="label", wrap=True)
        self.coupons.setObjectName("attendantCoupons")
        layout.addWidget(self.coupons)
        self._coupons: tuple[CouponView, ...] = ()
        self.rows: list[_LineRow] = []
        self._total: Money | None = None
        self._count = 0
        self._compact = False
        # New rows are measured again once the event loop has styled and shown them.
        self._recheck = QTimer(self)
        self._recheck.setSingleShot(True)
        self._recheck.setInterval(0)
        self._recheck.timeout.connect(lambda: self._update_compact(self.width()))
        self.retranslate_ui()

    def set_lines(
        self,
        lines: tuple[CartLineView, ...],
        total: Money | None,
        count: int,
        allowed: frozenset[str],
    ) -> None:
        """Show ``lines``; each action key is enabled if the role grants it."""
        for row in self.rows:
            discard(row)
        self.rows = []
        for line in lines:
            row = _LineRow(line, self)
            row.set_compact(self._compact)
            row.allow(
                "set_quantity" in allowed, "price_override" in allowed, "void_line" in allowed
            )
            self._rows.insertWidget(self._rows.count() - 1, row)
            self.rows.append(row)
        self._total, self._count = total, count
        self.empty.setVisible(not lines)
        self.retranslate_ui()

    def set_coupons(self, coupons: tuple[CouponView, ...]) -> None:
        """Show the coupons on the basket with their savings."""
        self._coupons = coupons
        self._retranslate_coupons()

    def _retranslate_coupons(self) -> None:
        language = current_language()
        rows = []
        for coupon in self._coupons:
            if coupon.met:
                text = self.tr("Coupon: %1, saves %2").replace(
                    "%2", format_money(coupon.saving, language)
                )
            else:
                text = self.tr("Coupon: %1, needs a purchase first")
            rows.append(text.replace("%1", coupon.name))
        self.coupons.setText("\n".join(rows))
        self.coupons.setVisible(bool(rows))

    def row(self, line_no: int) -> _LineRow:
        """The row of line ``line_no``; KeyError if it is not shown."""
        for row in self.rows:
            if row.line.line_no == line_no:
                return row
        raise KeyError(line_no)

    def buttons(self) -> list[QPushButton]:
        return [b for r in self.rows for b in (r.quantity_button, r.price_button, r.void_button)]

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Basket: %1 items").replace("%1", str(self._count)))
        total = format_money(self._total, current_language()) if self._total else ""
        self.total.setText(total)
        self.empty.setText(self.tr("The basket is empty."))
        self._retranslate_coupons()
        for row in self.rows:
            row.retranslate_ui()
        self._update_compact(self.width())
        self._recheck.start()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_compact(event.size().width())

    def _update_compact(self, width: int) -> None:
        # The rows sit in a scroll area inside this card: its margins and scroll bar.
        need = max((row.side_by_side_width() for row in self.rows), default=0) + 48
        compact = width < max(COMPACT_BELOW_PX, need)
        if compact != self._compact:
            self._compact = compact
            for row in self.rows:
                row.set_compact(compact)
