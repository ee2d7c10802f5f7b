"""``TotalsOverlay``: the shopper's review before paying - subtotal, savings, VAT, total.

Opened from the scanning screen's "Totals and VAT" button. Each VAT row names its rate
with the letter the receipt prints for it (:mod:`kiosk.ui.totals_view`). Large text at
1366x768 fits: the rows are one grid of label and amount, and the card's margins tighten
(``Overlay.fitter``) when the texts need the room.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QWidget

from kiosk.ui.format import format_money
from kiosk.ui.i18n import current_language
from kiosk.ui.totals_view import TotalsView
from kiosk.ui.widgets.common import ON_PRIMARY, keep_text_whole, text_label, touch_button
from kiosk.ui.widgets.overlay import Overlay

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class TotalsOverlay(Overlay):
    """The totals of the basket, with "Pay" and "Back to items".

    Signals:
        payRequested(): Pay was touched (the overlay has closed).
    """

    payRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, card_width=900)
        self._view: TotalsView | None = None
        self._title = text_label(role="title", wrap=True)
        self._rows = QGridLayout()
        self._rows.setHorizontalSpacing(24)
        self._rows.setVerticalSpacing(8)
        self._rows.setColumnStretch(0, 1)
        rows = QFrame()
        rows.setLayout(self._rows)
        self._row_labels: list[QLabel] = []
        buttons = QHBoxLayout()
        buttons.setSpacing(16)
        self.back_button = touch_button(role="secondary", icon="arrow-left", icon_px=36)
        self.back_button.clicked.connect(self.close_overlay)
        self.pay_button = touch_button(
            role="primary", icon="card", icon_colour=ON_PRIMARY, icon_px=40
        )
        self.pay_button.clicked.connect(self._pay)
        buttons.addWidget(self.back_button, 1)
        buttons.addWidget(self.pay_button, 1)
        self.body.addWidget(self._title)
        self.body.addWidget(rows)
        self.body.addLayout(buttons)
        self.retranslate_ui()

    def show_totals(self, view: TotalsView, *, can_pay: bool = True) -> None:
        """Open (or refresh) the review of ``view``."""
        self._view = view
        self.pay_button.setEnabled(can_pay and view.item_count > 0)
        self.retranslate_ui()
        if not self.isVisible():
            self.open()
        self.fitter.later()

    def texts(self) -> list[tuple[str, str]]:
        """The rows shown, as (label, amount) pairs (for tests and speech)."""
        labels = self._row_labels
        return [(labels[i].text(), labels[i + 1].text()) for i in range(0, len(labels), 2)]

    def spoken_text(self) -> str:
        return ". ".join(f"{label} {amount}" for label, amount in self.texts())

    def retranslate_ui(self) -> None:
        self._title.setText(self.tr("Your totals"))
        self.back_button.setText(self.tr("Back to items"))
        self.pay_button.setText(self.tr("Pay"))
        keep_text_whole(self.back_button, self.pay_button)
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _fill(self) -> None:
        for label in self._row_labels:
            self._rows.removeWidget(label)
            label.setParent(None)  # gone from the card at once, not at the next event loop
            label.deleteLater()
        self._row_labels = []
        view = self._view
        if view is None:
            return
        language = current_language()

        def money(amount: object) -> str:
            return format_money(amount, language)  # type: ignore[arg-type]

        rows: list[tuple[str, str, str]] = [("Subtotal", self.tr("Subtotal"), money(view.subtotal))]
        if view.savings is not None:
            rows.append(("Savings", self.tr("Savings"), "-" + money(view.savings)))
        if view.deposit is not None:
            rows.append(("Deposit", self.tr("Deposit"), money(view.deposit)))
        vat = self.tr("VAT %1") if view.prices_include_tax else self.tr("Tax %1")
        for row in view.vat:
            name = vat.replace("%1", f"{row.letter} {row.rate}%")
            rows.append((f"Vat{row.letter}", name, money(row.tax)))
        rows.append(("Total", self.tr("Total"), money(view.total)))
        for index, (key, label_text, amount_text) in enumerate(rows):
            total = key == "Total"
            role = "title" if total else "heading"
            label = text_label(label_text, role=role)
            amount = text_label(amount_text, role=role, align=_RIGHT)
            label.setObjectName(f"Totals{key}Label")
            amount.setObjectName(f"Totals{key}Amount")
            self._rows.addWidget(label, index, 0)
            self._rows.addWidget(amount, index, 1)
            self._row_labels += [label, amount]

    def _pay(self) -> None:
        self.close_overlay()
        self.payRequested.emit()
