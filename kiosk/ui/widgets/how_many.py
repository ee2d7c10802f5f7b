"""``HowManyOverlay``: "How many?" for an item sold by count that has no barcode.

A shopper who picks lemons or bread rolls on the "Look up item" grid (or types their
PLU) says how many they have on a big number pad (1-99), and the lane adds them as
one line ("6 x Lemons"). "Back" returns to the grid without adding anything.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.ui.i18n import current_language
from kiosk.ui.viewmodels import Names, pick_name
from kiosk.ui.widgets.common import keep_text_whole, text_label, touch_button
from kiosk.ui.widgets.keypad import NumericKeypad
from kiosk.ui.widgets.overlay import Overlay

MAX_COUNT = 99
_CENTRE = Qt.AlignmentFlag.AlignCenter


class HowManyOverlay(Overlay):
    """The item's name, the count typed so far and the pad.

    Signals:
        counted(int): OK with a count from 1 to 99 (the overlay has closed).
        backRequested(): Back was touched (the overlay has closed).
    """

    counted = Signal(int)
    backRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, card_width=1100)
        self._names: Names = ()
        row = QHBoxLayout()
        row.setSpacing(32)
        left = QVBoxLayout()
        left.setSpacing(16)
        self._question = text_label(role="title", wrap=True)
        self._name = text_label(role="heading", wrap=True)
        self._count = text_label(role="display", align=_CENTRE)
        self._count.setObjectName("HowManyCount")
        self._hint = text_label(role="muted", wrap=True)
        self.back_button = touch_button(role="secondary", icon="arrow-left", icon_px=36)
        self.back_button.clicked.connect(self._back)
        for widget in (self._question, self._name, self._count, self._hint):
            left.addWidget(widget)
        left.addStretch(1)
        left.addWidget(self.back_button)
        self.keypad = NumericKeypad(max_length=2, key_px=80)
        self.keypad.textChanged.connect(lambda _text: self._show_count())
        self.keypad.submitted.connect(self._submit)
        row.addLayout(left, 1)
        row.addWidget(self.keypad, 1)
        self.body.addLayout(row)
        self.retranslate_ui()

    def ask(self, names: Names) -> None:
        """Open for the item called ``names``, with an empty count."""
        self._names = names
        self.keypad.clear()
        self.retranslate_ui()
        self.open()
        self.fitter.later()

    def count_text(self) -> str:
        """The count shown."""
        return self._count.text()

    def spoken_text(self) -> str:
        return f"{self._question.text()} {self._name.text()}. {self._hint.text()}"

    def retranslate_ui(self) -> None:
        self._question.setText(self.tr("How many?"))
        self._name.setText(pick_name(self._names, current_language()))
        self._hint.setText(self.tr("Type how many you have (1 to 99), then touch OK."))
        self.back_button.setText(self.tr("Back"))
        keep_text_whole(self.back_button)
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _show_count(self) -> None:
        self._count.setText(self.keypad.text() or "0")

    def _submit(self, text: str) -> None:
        count = int(text) if text.isdigit() else 0
        if not 1 <= count <= MAX_COUNT:
            self.keypad.clear()
            return
        self.close_overlay()
        self.counted.emit(count)

    def _back(self) -> None:
        self.close_overlay()
        self.backRequested.emit()
