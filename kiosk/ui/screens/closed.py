"""``LaneClosedScreen``: the shopper's screen while staff have closed or paused the lane.

A closed lane takes no new shopper; a paused one keeps its basket until staff resume
it. Either way the shopper reads why and where to go, and staff get in with the Staff
button (the attendant sign-in), as on an intervention.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.ui import icons
from kiosk.ui.screens.base import Screen
from kiosk.ui.viewmodels import LaneClosedView
from kiosk.ui.widgets.common import text_label, touch_button

_CENTRE = Qt.AlignmentFlag.AlignCenter


class LaneClosedScreen(Screen):
    """Lane closed or paused.

    Signals:
        staffRequested(): the staff button was touched (open the attendant sign-in).
    """

    name = "lane_closed"
    idle_watch = False
    staffRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = LaneClosedView()
        column = QVBoxLayout(self)
        column.setContentsMargins(64, 48, 64, 48)
        column.setSpacing(32)
        column.addStretch(1)
        self._icon = QLabel()
        self._icon.setAlignment(_CENTRE)
        column.addWidget(self._icon)
        self._title = text_label(role="display", wrap=True, align=_CENTRE)
        self._message = text_label(role="heading", wrap=True, align=_CENTRE)
        column.addWidget(self._title)
        column.addWidget(self._message)
        column.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.staff_button = touch_button(role="secondary", icon="lock", icon_px=32)
        self.staff_button.clicked.connect(self.staffRequested)
        row.addWidget(self.staff_button)
        column.addLayout(row)
        self.set_model(self._view)

    def set_model(self, view: LaneClosedView) -> None:
        """Show ``view`` (closed, or paused with the basket kept)."""
        changed = view != self._view
        self._view = view
        self._icon.setPixmap(icons.pixmap("lock" if view.closed else "hand", "#C62828", 140))
        self.retranslate_ui()
        if changed:
            self.announce.emit(self.spoken_text())

    def view(self) -> LaneClosedView:
        """What the screen shows."""
        return self._view

    def title_text(self) -> str:
        """The title as shown."""
        return self._title.text()

    def retranslate_ui(self) -> None:
        if self._view.closed:
            self._title.setText(self.tr("This lane is closed"))
            self._message.setText(self.tr("Please use another till. Thank you."))
        else:
            self._title.setText(self.tr("This lane is paused"))
            self._message.setText(
                self.tr("Your basket is kept. A member of staff will be with you shortly.")
            )
        self.staff_button.setText(self.tr("Staff"))

    def spoken_text(self) -> str:
        return f"{self._title.text()}. {self._message.text()}"
