"""``LineDialog``: what the shopper may do with a cart line they touched.

Change the quantity of a counted item (more is added at once; fewer needs an
attendant, as does removing the line) or ask to remove it. The dialog only
says what the shopper wants; the checkout decides.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.ui.i18n import current_language
from kiosk.ui.viewmodels import CartLineView, pick_name
from kiosk.ui.widgets.common import text_label, touch_button
from kiosk.ui.widgets.overlay import Overlay

_CENTRE = Qt.AlignmentFlag.AlignCenter
MAX_QUANTITY = 99


class LineDialog(Overlay):
    """Quantity stepper, Remove, Cancel and OK for one cart line.

    Signals:
        quantityChosen(int, int): (line_no, new quantity), on OK after a change.
        removeRequested(int): line_no the shopper wants removed.
    """

    quantityChosen = Signal(int, int)
    removeRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, card_width=820)
        self._line: CartLineView | None = None
        self._quantity = 1
        self._name = text_label(role="title", wrap=True, align=_CENTRE)
        self._hint = text_label(role="muted", wrap=True, align=_CENTRE)
        stepper = QHBoxLayout()
        stepper.setSpacing(24)
        self.minus_button = touch_button(role="secondary", icon="minus", icon_px=40)
        self.plus_button = touch_button(role="secondary", icon="plus", icon_px=40)
        self._count = text_label(role="display", align=_CENTRE)
        self.minus_button.clicked.connect(lambda: self._step(-1))
        self.plus_button.clicked.connect(lambda: self._step(+1))
        stepper.addWidget(self.minus_button)
        stepper.addWidget(self._count, 1)
        stepper.addWidget(self.plus_button)
        self._stepper = QWidget()
        self._stepper.setLayout(stepper)
        self.remove_button = touch_button(role="danger", icon="close", icon_colour="#FFFFFF")
        self.remove_button.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        buttons.setSpacing(16)
        self.cancel_button = touch_button(role="secondary")
        self.cancel_button.clicked.connect(self.close_overlay)
        self.ok_button = touch_button(role="primary")
        self.ok_button.clicked.connect(self._confirm)
        buttons.addWidget(self.cancel_button, 1)
        buttons.addWidget(self.ok_button, 1)
        for widget in (self._name, self._stepper, self._hint, self.remove_button):
            self.body.addWidget(widget)
        self.body.addLayout(buttons)
        self.retranslate_ui()

    def open_for(self, line: CartLineView) -> None:
        """Show the choices for ``line`` (a weighed line can only be removed)."""
        self._line = line
        self._quantity = line.quantity
        self._stepper.setVisible(line.weight_g is None)
        self.retranslate_ui()
        self.open()

    def line_no(self) -> int | None:
        """The line the dialog is about."""
        return self._line.line_no if self._line else None

    def quantity(self) -> int:
        """The quantity chosen so far."""
        return self._quantity

    def retranslate_ui(self) -> None:
        self.remove_button.setText(self.tr("Remove item"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.ok_button.setText(self.tr("OK"))
        self._hint.setText(
            self.tr("Removing items or lowering a quantity needs a member of staff.")
        )
        self._count.setText(str(self._quantity))
        line = self._line
        self._name.setText(pick_name(line.names, current_language()) if line else "")
        self.minus_button.setEnabled(self._quantity > 1)
        self.plus_button.setEnabled(self._quantity < MAX_QUANTITY)

    def spoken_text(self) -> str:
        """Name, quantity and the hint, for the speech hook."""
        return f"{self._name.text()}. {self._count.text()}. {self._hint.text()}"

    def _step(self, delta: int) -> None:
        self._quantity = min(max(self._quantity + delta, 1), MAX_QUANTITY)
        self.retranslate_ui()

    def _remove(self) -> None:
        line = self._line
        self.close_overlay()
        if line is not None:
            self.removeRequested.emit(line.line_no)

    def _confirm(self) -> None:
        line = self._line
        self.close_overlay()
        if line is not None and self._quantity != line.quantity:
            self.quantityChosen.emit(line.line_no, self._quantity)
