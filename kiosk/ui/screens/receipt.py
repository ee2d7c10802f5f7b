"""``ReceiptScreen``: print a receipt, show an e-receipt QR code, or none."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.format import format_money
from kiosk.ui.screens.base import Screen
from kiosk.ui.viewmodels import ReceiptView
from kiosk.ui.widgets.common import keep_text_whole, text_label, touch_button
from kiosk.ui.widgets.fit import LayoutFitter
from kiosk.ui.widgets.reflow import ReflowLayout
from kiosk.ui.widgets.tiles import qr_pixmap

RECEIPT_PRINT = "print"
RECEIPT_DIGITAL = "digital"
RECEIPT_NONE = "none"
_CENTRE = Qt.AlignmentFlag.AlignCenter


class ReceiptScreen(Screen):
    """Three big choices; the e-receipt choice then shows its QR code.

    Signals:
        receiptChosen(str): RECEIPT_PRINT, RECEIPT_DIGITAL or RECEIPT_NONE.
        doneRequested(): "Done" under the e-receipt QR code.
    """

    name = "receipt"
    receiptChosen = Signal(str)
    doneRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view: ReceiptView | None = None
        column = self._column = QVBoxLayout(self)
        column.setContentsMargins(48, 48, 48, 48)
        column.setSpacing(32)
        self._title = text_label(role="title", wrap=True, align=_CENTRE)
        self._paid = text_label(role="muted", align=_CENTRE)
        column.addWidget(self._title)
        column.addWidget(self._paid)
        self._pages = QStackedWidget()
        choices = QWidget()
        # Side by side in landscape while their captions fit (French with large text on
        # 1366x768: two, then one under them), one above the other in portrait.
        self._choices = ReflowLayout(
            choices,
            max_columns=3,
            spacing=32,
            centre_last_row=True,
            spread_rows=True,
        )
        self.buttons = {}
        for key, icon in (
            (RECEIPT_PRINT, "printer"),
            (RECEIPT_DIGITAL, "qr"),
            (RECEIPT_NONE, "no-receipt"),
        ):
            button = touch_button(role="choice", icon=icon, icon_px=72)
            button.setMinimumHeight(220)
            button.clicked.connect(lambda _=False, k=key: self._choose(k))
            self.buttons[key] = button
            self._choices.add(button)
        self._pages.addWidget(choices)
        qr_page = QWidget()
        qr = self._qr_box = QBoxLayout(QBoxLayout.Direction.LeftToRight, qr_page)
        qr.setSpacing(48)
        qr.addStretch(1)
        self._qr = QLabel()
        self._qr.setAlignment(_CENTRE)
        # A fixed-width column in a row: stacked (portrait), its wrapped hint is measured
        # at its real width, not at the page's.
        side_column = QWidget()
        side_column.setFixedWidth(520)
        side = QVBoxLayout(side_column)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(24)
        side.addStretch(1)
        self._qr_hint = text_label(role="heading", wrap=True)
        self.done_button = touch_button(role="primary")
        self.done_button.clicked.connect(self.doneRequested)
        side.addWidget(self._qr_hint)
        side.addWidget(self.done_button)
        side.addStretch(1)
        qr.addWidget(self._qr)
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(side_column)
        qr.addWidget(holder, 0, _CENTRE)
        qr.addStretch(1)
        self._pages.addWidget(qr_page)
        column.addWidget(self._pages, 1)
        self.retranslate_ui()
        self.fitter = LayoutFitter(self, (self._roomy, self._tight))

    def _roomy(self) -> None:
        self._spacing(48, 32)

    def _tight(self) -> None:
        """1366x768 with large text or high contrast in French or Spanish: two choices
        abreast and the third under them need the room of the margins."""
        self._spacing(24, 16)

    def _spacing(self, margin: int, gap: int) -> None:
        self._column.setContentsMargins(margin, margin, margin, margin)
        self._column.setSpacing(gap)
        self._choices.setSpacing(gap)

    def set_model(self, view: ReceiptView) -> None:
        """Offer the choices ``view`` allows and go back to the choice page."""
        self._view = view
        self.buttons[RECEIPT_PRINT].setVisible(view.printer_available)
        self.buttons[RECEIPT_DIGITAL].setVisible(view.qr_payload is not None)
        if view.qr_payload:
            self._qr.setPixmap(qr_pixmap(view.qr_payload, 320))
        self._pages.setCurrentIndex(0)
        self.retranslate_ui()
        self.fitter.later()

    def showing_qr(self) -> bool:
        """Whether the e-receipt QR page is showing."""
        return self._pages.currentIndex() == 1

    def retranslate_ui(self) -> None:
        self._title.setText(self.tr("Would you like a receipt?"))
        view = self._view
        self._paid.setText(
            self.tr("Paid: %1").replace("%1", format_money(view.total, self.language))
            if view
            else ""
        )
        self.buttons[RECEIPT_PRINT].setText(self.tr("Print receipt"))
        self.buttons[RECEIPT_DIGITAL].setText(self.tr("E-receipt"))
        self.buttons[RECEIPT_NONE].setText(self.tr("No receipt"))
        keep_text_whole(*self.buttons.values())
        self._qr_hint.setText(self.tr("Scan this code with your phone to get your receipt."))
        self.done_button.setText(self.tr("Done"))

    def spoken_text(self) -> str:
        return self._title.text()

    def apply_orientation(self, portrait: bool) -> None:
        self._qr_box.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self._choices.set_max_columns(1 if portrait else 3)

    def _choose(self, key: str) -> None:
        if key == RECEIPT_DIGITAL:
            self._pages.setCurrentIndex(1)
            self.announce.emit(self._qr_hint.text())
        self.receiptChosen.emit(key)
