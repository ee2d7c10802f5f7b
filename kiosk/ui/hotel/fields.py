"""Fields typed on the on-screen keyboard: captioned fields and one keyboard.

``TypedFields`` holds the captions and the field buttons (a caption beside its field,
one row each; a touch on a field picks it for the keyboard) and what was typed in
each (a field shows the end of a text longer than it, where the guest types); the
keyboard is the airport's ``BookingKeyboard`` (letters and digits), with ``@ . - _``
for e-mail addresses and street names (``symbols=True``). The screen lays the panel
and the keyboard out.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.airport.identify import BookingKeyboard
from kiosk.ui.widgets.common import discard, text_label, touch_button

SYMBOLS = "@.-_/,"


class TextKeyboard(BookingKeyboard):
    """Letters and digits, and with ``symbols`` a row of ``@ . - _ / ,``."""

    def __init__(self, symbols: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        if symbols:
            row = QHBoxLayout()
            row.setSpacing(10)
            for key in SYMBOLS:
                row.addWidget(self._key(key))
            self._rows.insertLayout(self._rows.count() - 1, row)


class TypedFields(QObject):
    """Captioned fields in ``panel``; ``keyboard`` types into the chosen one.

    Signals:
        changed(): a field's text changed, or another field was chosen.
    """

    changed = Signal()

    def __init__(self, keyboard: BookingKeyboard, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.keyboard = keyboard
        self.panel = QWidget()
        self.column = QVBoxLayout(self.panel)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(12)
        self.grid.setColumnStretch(1, 1)
        self.column.addLayout(self.grid)
        self.column.addStretch(1)
        self.captions: dict[str, QLabel] = {}
        self.fields: dict[str, QPushButton] = {}
        self._lengths: dict[str, int] = {}
        self._texts: dict[str, str] = {}
        self.current = ""
        keyboard.textChanged.connect(self._typed)

    def set_fields(self, fields: tuple[tuple[str, int], ...]) -> None:
        """Show these fields (key, longest text) in order, empty; the first is chosen."""
        if tuple(self.fields) == tuple(k for k, _ in fields):
            return
        for widget in (*self.captions.values(), *self.fields.values()):
            discard(widget)
        self.captions, self.fields, self._lengths, self._texts = {}, {}, {}, {}
        for index, (key, length) in enumerate(fields):
            caption = text_label(role="label", wrap=True)
            button = touch_button(role="secondary")
            button.setObjectName("AirportField")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, k=key: self.choose(k))
            button.installEventFilter(self)
            self.grid.addWidget(caption, index, 0)
            self.grid.addWidget(button, index, 1)
            self.captions[key], self.fields[key] = caption, button
            self._lengths[key], self._texts[key] = length, ""
        self.current = ""
        if fields:
            self.choose(fields[0][0])

    def choose(self, key: str) -> None:
        """Type into ``key`` from now on."""
        self.current = key
        self.keyboard.set_entry(self._texts.get(key, ""), self._lengths.get(key, 40))
        for other, button in self.fields.items():
            button.setChecked(other == key)
        self._show()

    def set_caption(self, key: str, text: str) -> None:
        if key in self.captions:
            self.captions[key].setText(text)

    def text(self, key: str) -> str:
        """What was typed into ``key`` (upper case, trimmed)."""
        return self._texts.get(key, "").strip()

    def clear(self) -> None:
        for key in self._texts:
            self._texts[key] = ""
        if self.fields:
            self.choose(next(iter(self.fields)))

    def set_text(self, key: str, text: str) -> None:
        """Put ``text`` in field ``key`` (offered, e.g. the adult's surname; any letters)."""
        if key in self._texts:
            self._texts[key] = text.upper()
            if key == self.current:
                self.keyboard.set_entry(self._texts[key], self._lengths[key])
            self._show()

    def type_into(self, key: str, text: str) -> None:
        """Type ``text`` into ``key`` key by key (samples and tests)."""
        self.choose(key)
        for char in text.lower():
            self.keyboard.press(char)

    def _typed(self, text: str) -> None:
        if self.current:
            self._texts[self.current] = text.upper()
        self._show()

    def _show(self) -> None:
        for key, button in self.fields.items():
            self._show_text(button, self._texts[key])
        self.changed.emit()

    @staticmethod
    def _show_text(button: QPushButton, text: str) -> None:
        """The text's end (where the guest types) as much as the field can show."""
        room = max(16, button.width() - 48)
        shown = QFontMetrics(button.font()).elidedText(text, Qt.TextElideMode.ElideLeft, room)
        button.setText(shown or " ")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            for key, button in self.fields.items():
                if button is watched:
                    self._show_text(button, self._texts[key])
        return False
