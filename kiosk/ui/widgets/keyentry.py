"""What every on-screen key pad shares: the typed text, its limit, and what a key does.

Mixed into the numeric keypad, the shopper's keyboard and the staff-id keyboard;
each declares its own Qt signals ``textChanged(str)`` (and ``submitted(str)`` if
it has a submit key) and fills ``_buttons``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPushButton

BACKSPACE = "⌫"
CLEAR = "C"


class KeyEntry:
    """Text entry by key buttons. ``submit_key`` (if any) emits ``submitted``."""

    submit_key: str | None = None
    _text: str
    _max_length: int
    _buttons: dict[str, QPushButton]
    textChanged: Any
    submitted: Any

    def _init_entry(self, max_length: int) -> None:
        self._text = ""
        self._max_length = max_length
        self._buttons = {}

    def text(self) -> str:
        """The text entered so far."""
        return self._text

    def clear(self) -> None:
        """Forget the text entered."""
        self._set_text("")

    def button(self, key: str) -> QPushButton:
        """The button of ``key``; KeyError if there is none."""
        return self._buttons[key]

    def press(self, key: str) -> None:
        """Act as if ``key`` was tapped; raises KeyError for a key not on this pad."""
        if key not in self._buttons:
            raise KeyError(key)
        if key == BACKSPACE:
            self._set_text(self._text[:-1])
        elif key == CLEAR:
            self._set_text("")
        elif key == self.submit_key:
            if self._text:
                self.submitted.emit(self._text)
        elif len(self._text) < self._max_length:
            self._set_text(self._text + key)

    def _set_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.textChanged.emit(text)
