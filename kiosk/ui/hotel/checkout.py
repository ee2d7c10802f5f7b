"""Check-out: the bill, the invoice, the keys back.

``FolioScreen``: the bill's lines (scrolling by drag when long), the balance and the
deposit held; "Pay" (or "Continue" when nothing is owed). ``InvoiceScreen``: print
the invoice, e-mail it, or neither. ``DropKeysScreen``: "drop your key cards in the
box", then "Done".
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.format import format_money
from kiosk.ui.hotel.base import CENTRE, HotelScreen
from kiosk.ui.hotel.text import day_text
from kiosk.ui.hotel.views import FolioView
from kiosk.ui.widgets.common import (
    card,
    discard,
    icon_label,
    keep_text_whole,
    text_label,
    touch_button,
)


class FolioScreen(HotelScreen):
    """The bill and what is left to pay."""

    name = "hotel_folio"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view: FolioView | None = None
        self._labels: list[QLabel] = []
        self.lines_area = QScrollArea()
        self.lines_area.setWidgetResizable(True)
        self.lines_area.setFrameShape(QFrame.Shape.NoFrame)
        self.lines_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        stacked = QVBoxLayout(inner)
        stacked.setContentsMargins(24, 16, 24, 16)
        self._grid = QGridLayout()
        stacked.addLayout(self._grid)
        stacked.addStretch(1)
        self._grid.setHorizontalSpacing(24)
        self._grid.setVerticalSpacing(10)
        self._grid.setColumnStretch(1, 1)
        self.lines_area.setWidget(inner)
        QScroller.grabGesture(
            self.lines_area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        lines_card = card()
        lines_layout = QVBoxLayout(lines_card)
        lines_layout.setContentsMargins(8, 8, 8, 8)
        lines_layout.addWidget(self.lines_area)
        side_card = card()
        side = self._side = QVBoxLayout(side_card)
        side.setContentsMargins(32, 24, 32, 24)
        side.setSpacing(12)
        side.addStretch(1)
        self.balance_caption = text_label(role="heading", wrap=True, align=CENTRE)
        self.balance = text_label(role="amount", align=CENTRE)
        self.deposit = text_label(role="label", wrap=True, align=CENTRE)
        for widget in (self.balance_caption, self.balance, self.deposit):
            side.addWidget(widget)
        side.addStretch(1)
        self.body.addWidget(lines_card, 3)
        self.body.addWidget(side_card, 2)
        self.primary_button.show()
        self.set_counted(False)
        self.retranslate_ui()

    def set_model(self, view: FolioView, *, can_cancel: bool = True) -> None:
        if self._view is None or view.lines != self._view.lines:
            for label in self._labels:
                discard(label)
            self._labels = []
            for row, _line in enumerate(view.lines):
                for column in range(3):
                    label = text_label(role="label", wrap=column == 1)
                    if column == 2:
                        label.setAlignment(
                            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                        )
                    self._grid.addWidget(label, row, column)
                    self._labels.append(label)
        self._view = view
        self.set_ways_out(back=False, cancel=can_cancel)
        self.set_busy(False)
        self.retranslate_ui()
        self.fitter.later()

    def view(self) -> FolioView | None:
        return self._view

    def tighten(self, gap: int) -> None:
        if hasattr(self, "_side"):
            self._side.setSpacing(gap)
            self._grid.setVerticalSpacing(max(4, gap - 6))

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        view, language = self._view, self.language
        self.title.setText(self.tr("Your bill"))
        self.subtitle.setText(self.tr("Please check your bill."))
        self.balance_caption.setText(self.tr("Left to pay"))
        if view is None:
            return
        for index, line in enumerate(view.lines):
            day, text, amount = self._labels[3 * index : 3 * index + 3]
            day.setText(day_text(line.on, language, weekday=False) if line.on else "")
            text.setText(
                self.tr("Payment") + f" · {line.description}" if line.payment else line.description
            )
            shown = format_money(line.amount, language)
            amount.setText(f"−{shown}" if line.payment else shown)
        self.balance.setText(format_money(view.balance, language))
        self.deposit.setText(
            self.tr("It is taken from the deposit of %1 held on your card.").replace(
                "%1", format_money(view.deposit, language)
            )
            if view.deposit is not None and view.deposit.minor >= view.balance.minor > 0
            else ""
        )
        self.deposit.setVisible(bool(self.deposit.text()))
        self.primary_button.setText(
            self.tr("Pay %1").replace("%1", format_money(view.balance, language))
            if view.balance.minor > 0
            else self.tr("Continue")
        )
        self.keep_buttons_whole()


class InvoiceScreen(HotelScreen):
    """Print the invoice, e-mail it, or neither.

    Signals:
        invoiceChosen(str): ``print``, ``email`` or ``none``.
    """

    name = "hotel_invoice"
    invoiceChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._email = ""
        column = self._column = QVBoxLayout()
        column.setSpacing(24)
        column.addStretch(1)
        self.question = text_label(role="title", wrap=True, align=CENTRE)
        column.addWidget(self.question)
        row = QHBoxLayout()
        row.setSpacing(24)
        row.addStretch(1)
        self.print_button = touch_button(role="primary", icon="printer")
        self.email_button = touch_button(role="secondary", icon="receipt")
        self.none_button = touch_button(role="secondary", icon="no-receipt")
        for button, how in (
            (self.print_button, "print"),
            (self.email_button, "email"),
            (self.none_button, "none"),
        ):
            button.setMinimumHeight(112)
            button.clicked.connect(lambda _=False, h=how: self.invoiceChosen.emit(h))
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        self.problem = text_label(role="error", wrap=True, align=CENTRE)
        column.addWidget(self.problem)
        column.addStretch(1)
        self.body.addLayout(column, 1)
        self.set_ways_out(back=False, cancel=False)
        self.set_counted(False)
        self.retranslate_ui()

    def set_model(self, email: str, problem: str = "") -> None:
        self._email = email
        self.email_button.setVisible(bool(email))
        self.problem.setProperty("problem", problem)
        self.set_busy(False)
        self.retranslate_ui()

    def busy_changed(self, busy: bool) -> None:
        for button in (self.print_button, self.email_button, self.none_button):
            button.setEnabled(not busy)

    def tighten(self, gap: int) -> None:
        if hasattr(self, "_column"):
            self._column.setSpacing(gap + 8)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.title.setText(self.tr("Your invoice"))
        self.subtitle.setText(self.tr("Your bill is settled."))
        self.question.setText(self.tr("Would you like your invoice?"))
        self.print_button.setText(self.tr("Print"))
        self.email_button.setText(self.tr("E-mail"))
        self.none_button.setText(self.tr("No, thanks"))
        problem = str(self.problem.property("problem") or "")
        problems = {
            "email_missing": self.tr("We have no e-mail address for you. Please choose print."),
            "email_refused": self.tr(
                "We cannot send an e-mail to the address on your booking. "
                "You can have it printed instead."
            ),
        }
        text = problems.get(problem, "")
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        keep_text_whole(self.print_button, self.email_button, self.none_button)
        self.keep_buttons_whole()


class DropKeysScreen(HotelScreen):
    """Drop the key cards in the box, then Done."""

    name = "hotel_drop_keys"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = self._column = QVBoxLayout()
        column.setSpacing(24)
        column.addStretch(1)
        self.icon = icon_label("id", "#0A6CFF", 160)
        column.addWidget(self.icon, 0, CENTRE)
        self.instruction = text_label(role="title", wrap=True, align=CENTRE)
        column.addWidget(self.instruction)
        column.addStretch(1)
        self.body.addLayout(column, 1)
        self.set_ways_out(back=False, cancel=False)
        self.set_counted(False)
        self.primary_button.show()
        self.retranslate_ui()

    def tighten(self, gap: int) -> None:
        if hasattr(self, "_column"):
            self.icon.setVisible(gap > 6)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.title.setText(self.tr("Your key cards"))
        self.subtitle.setText(self.tr("Please leave your key cards with us."))
        self.instruction.setText(self.tr("Drop your key cards in the box below the screen."))
        self.primary_button.setText(self.tr("Done"))
        self.keep_buttons_whole()
