"""Overlays: a dimmed scrim over the whole window with a centred dialog card.

Overlays are child widgets of the window, not modal QDialogs, so nothing ever
runs a nested event loop and tests drive them like any widget. The window keeps
each overlay sized to itself (``KioskWindow.resizeEvent``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.widgets.fit import LayoutFitter


class Overlay(QFrame):
    """A scrim with a centred card; subclasses fill ``self.body`` (a QVBoxLayout).

    ``covers_top_bar`` False leaves the top bar (language, accessibility, Help)
    usable above the overlay.
    """

    covers_top_bar = True

    def __init__(self, parent: QWidget | None = None, *, card_width: int = 900) -> None:
        super().__init__(parent)
        self.setObjectName("Scrim")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        outer = self._outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 32, 32, 32)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.dialog = QFrame()
        self.dialog.setObjectName("Dialog")
        self.dialog.setMaximumWidth(card_width)
        self.dialog.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row.addWidget(self.dialog, 20)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        self.body = QVBoxLayout(self.dialog)
        self.body.setContentsMargins(48, 40, 48, 40)
        self.body.setSpacing(24)
        #: Tighter margins and gaps where the card's texts need the room (1366x768 with
        #: large text); subclasses call ``fitter.later()`` after changing their texts.
        self.fitter = LayoutFitter(self, (self._roomy, self._tight))
        self.hide()

    def _roomy(self) -> None:
        self._spacing(32, (48, 40), 24)

    def _tight(self) -> None:
        self._spacing(16, (32, 20), 12)

    def _spacing(self, outer: int, body: tuple[int, int], gap: int) -> None:
        self._outer.setContentsMargins(outer, outer, outer, outer)
        side, top = body
        self.body.setContentsMargins(side, top, side, top)
        self.body.setSpacing(gap)

    def open(self) -> None:
        """Show over everything else."""
        parent = self.parentWidget()
        place = getattr(parent, "place_overlay", None)
        if callable(place):
            place(self)
        elif parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        # A hidden overlay skipped the window's last resize: lay it out afresh.
        layout = self.layout()
        if layout is not None:
            layout.invalidate()
            layout.activate()

    def close_overlay(self) -> None:
        """Hide."""
        self.hide()

    def is_open(self) -> bool:
        """Whether the overlay is showing."""
        return self.isVisible()

    def retranslate_ui(self) -> None:
        """Subclasses re-read their translatable text here."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
