"""``PinScreen``: staff sign-in with a PIN on the keypad (a badge scan also signs in,
but that arrives from the scanner through the app, not through this screen)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.ui.screens.base import Screen
from kiosk.ui.viewmodels import PinView
from kiosk.ui.widgets.common import icon_label, text_label, touch_button
from kiosk.ui.widgets.keypad import NumericKeypad

_CENTRE = Qt.AlignmentFlag.AlignCenter


class PinScreen(Screen):
    """Masked PIN entry.

    Signals:
        pinEntered(str): OK touched with the digits typed (the keypad is then cleared).
        cancelRequested(): back to the shopper's screen.
    """

    name = "staff_pin"
    idle_watch = False
    pinEntered = Signal(str)
    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = PinView()
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._box.setContentsMargins(48, 32, 48, 32)
        self._box.setSpacing(64)
        self._box.addStretch(1)
        column = QVBoxLayout()
        column.setSpacing(20)
        column.addStretch(1)
        column.addWidget(icon_label("lock", "#0A6CFF", 96), 0, _CENTRE)
        self._title = text_label(role="title", wrap=True, align=_CENTRE)
        self._hint = text_label(role="muted", wrap=True, align=_CENTRE)
        self._dots = text_label(role="display", align=_CENTRE)
        self._error = text_label(role="error", wrap=True, align=_CENTRE)
        self.keypad = NumericKeypad(max_length=12, key_px=80)
        self.keypad.textChanged.connect(self._typed)
        self.keypad.submitted.connect(self._submit)
        self.cancel_button = touch_button(role="secondary")
        self.cancel_button.clicked.connect(self.cancelRequested)
        for widget in (self._title, self._hint, self._dots, self._error):
            column.addWidget(widget)
        column.addStretch(1)
        self._info = QWidget()
        self._info.setLayout(column)
        self._info.setFixedWidth(520)
        # Stacked (portrait), the box asks for the column's height at the full width; a row
        # around the fixed-width column asks at its real width, where the title may wrap.
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._info)
        self._box.addWidget(holder, 0, _CENTRE)
        pad_column = QWidget()
        pad_column.setFixedWidth(460)
        pad = QVBoxLayout(pad_column)
        pad.setContentsMargins(0, 0, 0, 0)
        pad.setSpacing(20)
        pad.addWidget(self.keypad)
        pad.addWidget(self.cancel_button)
        self._box.addWidget(pad_column, 0, _CENTRE)
        self._box.addStretch(1)
        self.retranslate_ui()

    def set_model(self, view: PinView) -> None:
        """Show an error or a lock-out from the sign-in check."""
        self._view = view
        self.keypad.clear()
        self.keypad.setEnabled(view.locked_seconds <= 0)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self._title.setText(self.tr("Staff sign-in"))
        self._hint.setText(self.tr("Scan your badge or type your PIN."))
        self.cancel_button.setText(self.tr("Cancel"))
        if self._view.locked_seconds > 0:
            self._error.setText(
                self.tr("Too many attempts. Try again in %1 s.").replace(
                    "%1", str(self._view.locked_seconds)
                )
            )
        else:
            self._error.setText(self._view.error or "")
        self._typed(self.keypad.text())

    def apply_orientation(self, portrait: bool) -> None:
        self._box.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )

    def spoken_text(self) -> str:
        return f"{self._title.text()}. {self._hint.text()}"

    def _typed(self, text: str) -> None:
        self._dots.setText("●" * len(text) if text else "○" * 4)

    def _submit(self, pin: str) -> None:
        self.keypad.clear()
        self.pinEntered.emit(pin)
