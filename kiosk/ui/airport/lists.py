"""Small pieces the check-in screens share: a scrolling column of big buttons and
the way a flight is written.

``ButtonColumn`` holds one big button per booking, passenger or offer; it scrolls by
drag when there are more than fit (nine passengers on a family booking), and is
rebuilt from each new view. ``flight_text`` writes "KX 0123 · LIS → CDG · 14:35".
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QFrame, QPushButton, QScrollArea, QScroller, QVBoxLayout, QWidget

from kiosk.ui.airport.views import FlightLine
from kiosk.ui.widgets.common import discard, keep_text_whole, touch_button


def flight_text(flight: FlightLine) -> str:
    """One flight on one line (data only: numbers, airport codes and the local time)."""
    parts = [flight.flight, f"{flight.origin} → {flight.destination}"]
    if flight.departure is not None:
        parts.append(flight.departure.strftime("%H:%M"))
    return " · ".join(parts)


#: Room above and below the lines of a big list button (px).
LIST_BUTTON_PAD = 18


class _RoomForLines(QObject):
    """Keeps a list button tall enough for all its lines, with room around them, after
    every change of text or style (large text)."""

    _EVENTS = (QEvent.Type.Polish, QEvent.Type.StyleChange, QEvent.Type.FontChange)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._EVENTS and isinstance(watched, QPushButton):
            fit_lines(watched)
        return False


def fit_lines(button: QPushButton) -> None:
    """Make ``button`` as tall as its lines of text need, with room above and below."""
    lines = max(1, button.text().count("\n") + 1)
    metrics = QFontMetrics(button.font())
    button.setMinimumHeight(max(96, metrics.lineSpacing() * lines + 2 * LIST_BUTTON_PAD))


def set_lines(button: QPushButton, text: str) -> None:
    """Set a list button's text and height together."""
    button.setText(text)
    fit_lines(button)


class ButtonColumn(QScrollArea):
    """A column of big buttons that scrolls (by drag) when they do not all fit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        self._column = QVBoxLayout(inner)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(16)
        self._column.addStretch(1)
        self.setWidget(inner)
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        self.buttons: list[QPushButton] = []

    def set_spacing(self, gap: int) -> None:
        self._column.setSpacing(gap)

    def clear(self) -> None:
        for button in self.buttons:
            discard(button)
        self.buttons = []

    def add(self, text: str, *, checkable: bool = False, role: str = "secondary") -> QPushButton:
        """A new big button at the end of the column."""
        button = touch_button(text, role=role)
        button.setCheckable(checkable)
        button.installEventFilter(_RoomForLines(button))
        fit_lines(button)
        self._column.insertWidget(len(self.buttons), button)
        self.buttons.append(button)
        keep_text_whole(button)
        return button
