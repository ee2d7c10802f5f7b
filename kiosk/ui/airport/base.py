"""``AirportScreen``: the frame every check-in step shares.

A header (the step's title, "Step n of 7", a line under it), the step's own body,
and a footer with Back and Cancel on the left and the step's main action on the
right. Every button is a big touch target; Cancel is there on every step before
printing, Back where the journey can go back (``set_ways_out``). ``set_busy`` is the
instant feedback after a touch that asks the airline something: the actions grey
out and "One moment…" shows until the next state arrives.

Texts are chosen in ``retranslate_ui`` (subclasses call ``super()`` first); the
layout tightens (``LayoutFitter``) where 1366x768 with large text needs the room.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.ui.airport.views import step_of
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.common import ON_PRIMARY, keep_text_whole, text_label, touch_button
from kiosk.ui.widgets.fit import LayoutFitter

CENTRE = Qt.AlignmentFlag.AlignCenter


class AirportScreen(Screen):
    """One step of the check-in.

    Signals:
        backRequested(): "Back" (the step before).
        cancelRequested(): "Cancel" (end the check-in; nothing is kept).
        primaryRequested(): the step's main action ("Continue", "Find my booking"...).
    """

    backRequested = Signal()
    cancelRequested = Signal()
    primaryRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._busy = False
        outer = self._outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 24, 48, 24)
        outer.setSpacing(16)
        header = QHBoxLayout()
        header.setSpacing(24)
        self.title = text_label(role="title", wrap=True)
        self.step_label = text_label(role="muted")
        self.step_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.title, 1)
        header.addWidget(self.step_label, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(header)
        self.subtitle = text_label(role="subtitle", wrap=True)
        outer.addWidget(self.subtitle)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.setSpacing(32)
        outer.addLayout(self.body, 1)
        self.wait_label = text_label(role="heading", align=CENTRE)
        self.wait_label.hide()
        outer.addWidget(self.wait_label)
        footer = self._footer = QHBoxLayout()
        footer.setSpacing(16)
        self.back_button = touch_button(role="secondary", icon="arrow-left")
        self.cancel_button = touch_button(role="secondary", icon="close")
        self.primary_button = touch_button(
            role="primary", icon="arrow-right", icon_colour=ON_PRIMARY
        )
        self.primary_button.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        footer.addWidget(self.back_button)
        footer.addWidget(self.cancel_button)
        footer.addStretch(1)
        footer.addWidget(self.primary_button)
        outer.addLayout(footer)
        self.back_button.clicked.connect(self.backRequested)
        self.cancel_button.clicked.connect(self.cancelRequested)
        self.primary_button.clicked.connect(self.primaryRequested)
        self.primary_button.hide()
        # Back only where the journey can go back (``set_ways_out``): the check-in machine
        # takes no step back once the traveller has gone on; Cancel is always there.
        self.back_button.hide()
        self.fitter = LayoutFitter(self, (self._roomy, self._tight, self._tightest))

    # -- layout -----------------------------------------------------------------------
    def _roomy(self) -> None:
        self._spacing((48, 24), 16, 32)

    def _tight(self) -> None:
        self._spacing((32, 12), 10, 20)

    def _tightest(self) -> None:
        self._spacing((16, 8), 6, 12)

    def _spacing(self, margins: tuple[int, int], gap: int, body: int) -> None:
        side, top = margins
        self._outer.setContentsMargins(side, top, side, top)
        self._outer.setSpacing(gap)
        self.body.setSpacing(body)
        self.tighten(gap)

    def tighten(self, gap: int) -> None:
        """Subclasses set their own inner gaps from the frame's (``gap``: 16, 10 or 6)."""

    def apply_orientation(self, portrait: bool) -> None:
        self.body.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )

    # -- the frame's state --------------------------------------------------------------
    def set_ways_out(self, back: bool = True, cancel: bool = True) -> None:
        """Show or hide Back and Cancel (hidden once printing has started)."""
        self.back_button.setVisible(back)
        self.cancel_button.setVisible(cancel)

    def set_busy(self, busy: bool) -> None:
        """Grey the actions out and say "One moment…" (after a touch the airline answers)."""
        self._busy = busy
        self.wait_label.setVisible(busy)
        for button in (self.back_button, self.primary_button):
            button.setEnabled(not busy)
        self.busy_changed(busy)
        self.fitter.later()

    def busy(self) -> bool:
        """Whether the screen waits for an answer."""
        return self._busy

    def busy_changed(self, busy: bool) -> None:
        """Subclasses grey out their own actions."""

    def retranslate_ui(self) -> None:
        self.back_button.setText(self.tr("Back"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.wait_label.setText(self.tr("One moment…"))
        step = step_of(self.name)
        self.step_label.setText(
            self.tr("Step %1 of %2").replace("%1", str(step.number)).replace("%2", str(step.count))
            if step is not None
            else ""
        )

    def keep_buttons_whole(self) -> None:
        """After the texts changed: no footer button narrower than its text."""
        keep_text_whole(self.back_button, self.cancel_button, self.primary_button)
        self.fitter.later()

    def spoken_text(self) -> str:
        return " ".join(t for t in (self.title.text(), self.subtitle.text()) if t)
