"""``OnScreenKeyboard``: a touch QWERTY for searching items by name.

Keeps its own text buffer (shown by the owning screen in a read-only field).
Accented keys follow the shopper language (ñ for Spanish; é è à ç for French).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.i18n import current_language
from kiosk.ui.theme import TOUCH_TARGET_PX
from kiosk.ui.widgets.common import discard, touch_button
from kiosk.ui.widgets.keyentry import BACKSPACE, KeyEntry

SPACE = " "
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_EXTRA = {"es": "ñ", "fr": "éèàç"}


class OnScreenKeyboard(KeyEntry, QFrame):
    """Letter keys, space and backspace.

    Signals:
        textChanged(str): the whole text after every key.
    """

    textChanged = Signal(str)

    def __init__(self, key_px: int = 76, max_length: int = 40, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Keyboard")
        self._init_entry(max_length)
        self._key_px = max(key_px, TOUCH_TARGET_PX)
        self._rows = QVBoxLayout(self)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setSpacing(10)
        self._extra_row = QHBoxLayout()
        for letters in _ROWS:
            row = QHBoxLayout()
            row.setSpacing(10)
            for letter in letters:
                row.addWidget(self._key(letter))
            self._rows.addLayout(row)
        bottom = QHBoxLayout()
        bottom.setSpacing(10)
        self._extra_row = bottom
        space = self._key(SPACE)
        bottom.addWidget(space, 4)
        bottom.addWidget(self._key(BACKSPACE), 1)
        self._rows.addLayout(bottom)
        self._extra_keys: list[QPushButton] = []
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Caption the space bar and show the accented keys of the current language."""
        self._buttons[SPACE].setText(self.tr("Space"))
        for button in self._extra_keys:
            self._buttons.pop(button.property("key"), None)
            discard(button)
        self._extra_keys = []
        for position, letter in enumerate(_EXTRA.get(current_language(), "")):
            button = self._key(letter)
            self._extra_keys.append(button)
            self._extra_row.insertWidget(position, button, 1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _key(self, key: str) -> QPushButton:
        button = touch_button(key.upper() if key not in (SPACE, BACKSPACE) else key, role="key")
        button.setProperty("key", key)
        button.setMinimumHeight(self._key_px)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.clicked.connect(lambda _=False, k=key: self.press(k))
        self._buttons[key] = button
        return button
