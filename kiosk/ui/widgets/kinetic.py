"""Drag-to-scroll (kinetic) lists and grids, and the big scroll buttons beside them.

Theory of operation: ``make_kinetic`` hands a scroll area's viewport to a ``QScroller``
on the left-mouse-button gesture. A touchscreen's touches reach widgets that do not
ask for touch events as synthesised left-button mouse events, so one gesture serves a
finger and a mouse alike. The scroller delays a press by ``PRESS_DELAY_S`` to tell a
drag from a tap: a drag scrolls (and keeps gliding after release, stopping at the
edges without overshoot), a tap goes through to the tile or row under the finger.

``ScrollButtons`` is a column of two large buttons (up, down) for shoppers who cannot
drag: each press moves the area by most of a page, and a button is disabled at its
end of the list (both when everything fits). The buttons show ▲ and ▼ as text, so
they take the theme's text colour like every other caption (high contrast included).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QPushButton,
    QScroller,
    QScrollerProperties,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.widgets.common import touch_button

#: Seconds a press waits before reaching the widget under it (a drag in that time scrolls).
PRESS_DELAY_S = 0.12
#: Share of the visible height one scroll button press moves the list.
PAGE_SHARE = 0.8
#: Width of the scroll buttons (px): a thumb's width and more.
BUTTON_WIDTH = 96

_Metric = QScrollerProperties.ScrollMetric
_OFF = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff


def make_kinetic(area: QAbstractScrollArea) -> QScroller:
    """Let ``area`` scroll by dragging its content (finger or left mouse button).

    Item views switch to per-pixel scrolling so the content follows the finger."""
    if isinstance(area, QAbstractItemView):
        area.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        area.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    viewport = area.viewport()
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(viewport)
    properties = scroller.scrollerProperties()
    properties.setScrollMetric(_Metric.MousePressEventDelay, PRESS_DELAY_S)
    properties.setScrollMetric(_Metric.VerticalOvershootPolicy, _OFF)
    properties.setScrollMetric(_Metric.HorizontalOvershootPolicy, _OFF)
    properties.setScrollMetric(_Metric.DecelerationFactor, 0.3)
    scroller.setScrollerProperties(properties)
    return scroller


def is_kinetic(area: QAbstractScrollArea) -> bool:
    """Whether ``area`` scrolls by dragging (``make_kinetic`` was called on it)."""
    return QScroller.hasScroller(area.viewport())


class ScrollButtons(QWidget):
    """Up and down buttons that page ``area`` (one above the other).

    Signals:
        scrolled(int): the list was paged to this scroll position by a button.
    """

    scrolled = Signal(int)

    def __init__(self, area: QAbstractScrollArea, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._area = area
        self.up_button = touch_button("▲", role="secondary")
        self.down_button = touch_button("▼", role="secondary")
        for button in (self.up_button, self.down_button):
            button.setFixedWidth(BUTTON_WIDTH)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        column.addWidget(self.up_button)
        column.addStretch(1)
        column.addWidget(self.down_button)
        self.up_button.clicked.connect(lambda: self.page(-1))
        self.down_button.clicked.connect(lambda: self.page(1))
        bar = area.verticalScrollBar()
        bar.rangeChanged.connect(lambda _low, _high: self._refresh())
        bar.valueChanged.connect(lambda _value: self._refresh())
        self._refresh()
        self.retranslate_ui()

    def page(self, direction: int) -> None:
        """Move the list a page down (``direction`` 1) or up (-1)."""
        bar = self._area.verticalScrollBar()
        step = max(1, int(self._area.viewport().height() * PAGE_SHARE))
        bar.setValue(bar.value() + direction * step)
        self.scrolled.emit(bar.value())

    def retranslate_ui(self) -> None:
        """Accessible names for screen readers and the audio mode."""
        self.up_button.setAccessibleName(self.tr("Scroll up"))
        self.down_button.setAccessibleName(self.tr("Scroll down"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def buttons(self) -> tuple[QPushButton, QPushButton]:
        """(up, down)."""
        return self.up_button, self.down_button

    def _refresh(self) -> None:
        bar = self._area.verticalScrollBar()
        self.up_button.setEnabled(bar.value() > bar.minimum())
        self.down_button.setEnabled(bar.value() < bar.maximum())
