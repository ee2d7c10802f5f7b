"""Input widgets of the attendant screens: a staff-id keyboard and the value entry panel.

``StaffIdKeyboard`` types staff ids (digits, lower-case letters, ``- . _``), which the
shopper keyboard cannot. ``EntryPanel`` asks for one value on the numeric keypad (a
quantity, a price in minor units, a date of birth as DDMMYYYY) and/or a reason from a
list of choices, and emits it; the dashboard shows it in place of its action column.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.money import Money
from kiosk.ui.format import format_money
from kiosk.ui.i18n import current_language
from kiosk.ui.theme import PRIMARY_BUTTON_PX
from kiosk.ui.widgets.common import (
    discard,
    keep_text_whole,
    set_style_property,
    text_label,
    touch_button,
)
from kiosk.ui.widgets.keyentry import BACKSPACE, CLEAR, KeyEntry
from kiosk.ui.widgets.keypad import ENTER, NumericKeypad
from kiosk.ui.widgets.reflow import ReflowLayout

NEXT = "→"
MAX_PRICE_MINOR = 9_999_999  # fits the Qt int signals, far above any unit price
_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl-", "zxcvbnm._")


class StaffIdKeyboard(KeyEntry, QFrame):
    """Keys for a staff id, plus backspace, clear and "Next".

    Signals:
        textChanged(str): after every key.
        submitted(str): "Next" pressed with some text.
    """

    textChanged = Signal(str)
    submitted = Signal(str)
    submit_key = NEXT

    def __init__(self, key_px: int = 64, max_length: int = 32, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Keyboard")
        self._init_entry(max_length)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        for row, keys in enumerate(_ROWS):
            for column, key in enumerate(keys):
                grid.addWidget(self._key(key, key_px), row, column)
        grid.addWidget(self._key(BACKSPACE, key_px), 3, 9)
        grid.addWidget(self._key(CLEAR, key_px), 4, 0, 1, 3)
        grid.addWidget(self._key(NEXT, key_px, "primary"), 4, 3, 1, 7)
        self.retranslate_ui()

    def _key(self, key: str, px: int, role: str = "key") -> QPushButton:
        button = touch_button(key, role=role)
        button.setMinimumHeight(px)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.clicked.connect(lambda _=False, k=key: self.press(k))
        self._buttons[key] = button
        return button

    def type_text(self, text: str) -> None:
        """Press the key of every character of ``text`` (tests, scripted demos)."""
        for char in text:
            self.press(char)

    def retranslate_ui(self) -> None:
        self._buttons[NEXT].setText(self.tr("Next"))
        self._buttons[CLEAR].setText(self.tr("Clear"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class EntryPanel(QFrame):
    """Ask for a number (quantity, price, date of birth) and/or a reason.

    Modes: "quantity", "price" (minor units of ``currency``), "date" (DDMMYYYY), "code"
    (digits of a barcode or PLU) and "reason" (choices only). Signals:
        accepted(str, str): the value ("" in reason mode; ISO date in date mode) and the
            chosen reason code ("" without choices).
        cancelled(): the attendant backed out.
    """

    accepted = Signal(str, str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        self._mode = "quantity"
        self._currency = "EUR"
        self._reason = ""
        self._choices: dict[str, QPushButton] = {}
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._box.setContentsMargins(32, 12, 32, 12)
        self._box.setSpacing(32)
        self.title = text_label(role="heading", wrap=True)
        self.display = text_label(role="display", align=Qt.AlignmentFlag.AlignCenter)
        # Never taller than its text: spare height goes to the stretch (or the keypad).
        self.display.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.error = text_label(role="error", wrap=True)
        self.error.hide()  # shown with a text only (``_show_error``)
        # Reasons two abreast while their captions fit, else one above the other.
        self._choice_box = ReflowLayout(max_columns=2, spacing=12)
        self.keypad = NumericKeypad(max_length=14, key_px=64)
        self.keypad.button(ENTER).hide()  # "Confirm" below is the one way to accept
        self.keypad.textChanged.connect(self._typed)
        self.keypad.submitted.connect(lambda _text: self._accept())
        self.ok_button = touch_button(role="primary")
        self.ok_button.clicked.connect(self._accept)
        self.cancel_button = touch_button(role="secondary")
        self.cancel_button.clicked.connect(self.cancelled)
        self._wide = True
        self._compact = False
        self._column = QVBoxLayout()
        self._column.setSpacing(12)
        self._column.addWidget(self.title)
        self._column.addLayout(self._choice_box)
        self._column.addWidget(self.display)
        self._column.addWidget(self.error)
        self._column.addStretch(1)
        self._buttons = QWidget()
        buttons = QHBoxLayout(self._buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(16)
        buttons.addWidget(self.cancel_button, 1)
        buttons.addWidget(self.ok_button, 1)
        self._column.addWidget(self._buttons)
        self._side = QVBoxLayout()
        self._side.setSpacing(12)
        self._side.addWidget(self.keypad)
        self._box.addLayout(self._column, 3)
        self._box.addLayout(self._side, 2)
        self.retranslate_ui()

    def set_wide(self, wide: bool) -> None:
        """Keypad beside the question (landscape) or below it (portrait)."""
        self._wide = wide
        self._box.setDirection(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )
        self.keypad.setMaximumHeight(16777215 if wide else 480)
        self._fit()

    @property
    def compact(self) -> bool:
        """Whether the value and the Back / Confirm keys moved over the keypad, because
        the question column is too short for them under its reasons."""
        return self._compact

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Short and wide (1366x768 with large text and four reasons): the reasons keep
        the question column, the value and the keys go beside them, over the keypad."""
        compact = self._wide and self._column_height() > self._free_height()
        if compact == self._compact:
            return
        self._compact = compact
        moved: tuple[QWidget, ...] = (self.display, self.error)
        for widget in (*moved, self._buttons):
            (self._side if compact else self._column).removeWidget(widget)
        if compact:
            for index, widget in enumerate(moved):
                self._side.insertWidget(index, widget)
            self._side.addWidget(self._buttons)
        else:
            self._column.insertWidget(2, self.display)
            self._column.insertWidget(3, self.error)
            self._column.addWidget(self._buttons)

    def _column_height(self) -> int:
        """The height the question column needs with everything in it."""
        width = self._column.geometry().width() or self.width() * 3 // 5
        parts = [self.title, self.display, self.error, self._buttons]
        heights = [
            w.heightForWidth(width) if w.hasHeightForWidth() else w.sizeHint().height()
            for w in parts
            if not w.isHidden()
        ]
        heights.append(self._choice_box.heightForWidth(width))
        return sum(heights) + self._column.spacing() * len(heights)

    def _free_height(self) -> int:
        margins = self._box.contentsMargins()
        return self.height() - margins.top() - margins.bottom()

    @property
    def mode(self) -> str:
        return self._mode

    def ask(
        self,
        mode: str,
        title: str,
        choices: tuple[tuple[str, str], ...] = (),
        currency: str = "EUR",
        initial: str = "",
    ) -> None:
        """Reset for a new question; ``choices`` are (code, caption) pairs."""
        self._mode, self._currency, self._reason = mode, currency, ""
        self.title.setText(title)
        self._show_error("")
        for button in self._choices.values():
            self._choice_box.removeWidget(button)
            discard(button)
        self._choices = {}
        for code, caption in choices:
            button = touch_button(caption, role="secondary")  # as tall as the chosen one
            button.setMinimumHeight(PRIMARY_BUTTON_PX)  # so the layout never squeezes it
            button.clicked.connect(lambda _=False, c=code: self.choose(c))
            self._choices[code] = button
            self._choice_box.add(button)
        self.keypad.setVisible(mode != "reason")
        self.display.setVisible(mode != "reason")
        self.keypad.clear()
        for key in initial:
            self.keypad.press(key)
        self._typed(self.keypad.text())
        self._fit()

    def choice(self, code: str) -> QPushButton:
        """The button of reason ``code``; KeyError if not offered."""
        return self._choices[code]

    def choose(self, code: str) -> None:
        """Select reason ``code`` (highlighted as the primary choice)."""
        self._reason = code
        for key, button in self._choices.items():
            set_style_property(button, "role", "primary" if key == code else "secondary")
        self._update_ok()

    def retranslate_ui(self) -> None:
        self.ok_button.setText(self.tr("Confirm"))
        self.cancel_button.setText(self.tr("Back"))
        keep_text_whole(self.ok_button, self.cancel_button)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _typed(self, text: str) -> None:
        if self._mode == "price":
            self.display.setText(
                format_money(Money(int(text or 0), self._currency), current_language())
            )
        elif self._mode == "date":
            padded = (text + "________")[:8] + ("…" if len(text) > 8 else "")
            self.display.setText(f"{padded[:2]}/{padded[2:4]}/{padded[4:]}")
        else:
            self.display.setText(text or "0")
        self._show_error("")
        self._update_ok()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _update_ok(self) -> None:
        needs_value = self._mode != "reason"
        has_value = bool(self.keypad.text()) or not needs_value
        has_reason = bool(self._reason) or not self._choices
        self.ok_button.setEnabled(has_value and has_reason)

    def _accept(self) -> None:
        if not self.ok_button.isEnabled():
            return
        value = self.keypad.text() if self._mode != "reason" else ""
        if self._mode == "date":
            parsed = parse_birth_date(value)
            if parsed is None:
                self._show_error(self.tr("Not a date: type day, month and year (DDMMYYYY)."))
                return
            value = parsed.isoformat()
        elif self._mode == "price" and int(value) > MAX_PRICE_MINOR:
            self._show_error(self.tr("That price is too high."))
            return
        elif self._mode == "quantity" and not 1 <= int(value) <= 9999:
            self._show_error(self.tr("The quantity must be 1 to 9999."))
            return
        self.accepted.emit(value, self._reason)


def parse_birth_date(digits: str) -> date | None:
    """DDMMYYYY as a date, or None if it is not a real date in the past 130 years."""
    if len(digits) != 8 or not digits.isdigit():
        return None
    try:
        born = date(int(digits[4:]), int(digits[2:4]), int(digits[:2]))
    except ValueError:
        return None
    return born if 1890 <= born.year <= 2200 else None
