"""``NumericKeypad``: a big 3x4 digit pad for PLU codes, quantities and staff PINs.

The keypad keeps its own text (no system keyboard is ever needed). Drive it in
tests through ``button(key).click()`` or ``press(key)``; read it with ``text()``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QSizePolicy, QWidget

from kiosk.ui.theme import TOUCH_TARGET_PX
from kiosk.ui.widgets.common import touch_button
from kiosk.ui.widgets.keyentry import BACKSPACE, CLEAR, KeyEntry

ENTER = "OK"
_LAYOUT = ("1", "2", "3", "4", "5", "6", "7", "8", "9", CLEAR, "0", BACKSPACE)


class NumericKeypad(KeyEntry, QFrame):
    """Digits, clear and backspace, plus an OK key that emits ``submitted``.

    Signals:
        textChanged(str): after every key.
        submitted(str): OK pressed with at least one digit.
    """

    textChanged = Signal(str)
    submitted = Signal(str)
    submit_key = ENTER

    def __init__(self, max_length: int = 8, key_px: int = 96, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Keypad")
        self._init_entry(max_length)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(12)
        key_px = max(key_px, TOUCH_TARGET_PX)
        for index, key in enumerate((*_LAYOUT, ENTER)):
            role = "primary" if key == ENTER else "key"
            button = touch_button(key, role=role)
            button.setMinimumHeight(key_px)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.clicked.connect(lambda _=False, k=key: self.press(k))
            self._buttons[key] = button
            if key == ENTER:
                grid.addWidget(button, 4, 0, 1, 3)
            else:
                grid.addWidget(button, index // 3, index % 3)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Re-read the translatable key captions."""
        self._buttons[ENTER].setText(self.tr("OK"))
        self._buttons[CLEAR].setText(self.tr("Clear"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
