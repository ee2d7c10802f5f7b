"""``WeighScreen``: a weighed item waits for the scale's stable weight.

The app feeds live readings (``set_model`` on every scale event, through the
bridge); the item is added by the app when the weight is stable, so the only
touch here is Cancel.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.ui.format import format_money, format_weight
from kiosk.ui.screens.base import Screen
from kiosk.ui.viewmodels import WeighView, pick_name
from kiosk.ui.widgets.common import card, icon_label, text_label, touch_button
from kiosk.ui.widgets.fit import LayoutFitter
from kiosk.ui.widgets.tiles import item_picture

_CENTRE = Qt.AlignmentFlag.AlignCenter


class WeighScreen(Screen):
    """Item picture and name, price per kg, live weight and price.

    Signals:
        cancelRequested(): the shopper does not want the item after all.
    """

    name = "weigh"
    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view: WeighView | None = None
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._box.setContentsMargins(48, 48, 48, 48)
        self._box.setSpacing(48)

        item_card = card()
        item = self._item_layout = QVBoxLayout(item_card)
        item.setContentsMargins(48, 48, 48, 48)
        item.setSpacing(16)
        item.addStretch(1)
        self._picture = QLabel()
        self._picture.setAlignment(_CENTRE)
        self._name = text_label(role="title", wrap=True, align=_CENTRE)
        self._unit_price = text_label(role="subtitle", align=_CENTRE)
        for widget in (self._picture, self._name, self._unit_price):
            item.addWidget(widget)
        item.addStretch(1)
        self._box.addWidget(item_card, 1)

        scale_card = card()
        scale = self._scale_layout = QVBoxLayout(scale_card)
        scale.setContentsMargins(48, 48, 48, 48)
        scale.setSpacing(16)
        scale.addStretch(1)
        scale.addWidget(icon_label("scale", "#0A6CFF", 120), 0, _CENTRE)
        self._instruction = text_label(role="title", wrap=True, align=_CENTRE)
        self._weight = text_label(role="hero", align=_CENTRE)
        self._amount = text_label(role="heading", align=_CENTRE)
        for widget in (self._instruction, self._weight, self._amount):
            scale.addWidget(widget)
        scale.addStretch(1)
        self.cancel_button = touch_button(role="secondary")
        self.cancel_button.clicked.connect(self.cancelRequested)
        scale.addWidget(self.cancel_button)
        self._box.addWidget(scale_card, 1)
        self.retranslate_ui()
        self.fitter = LayoutFitter(self, (self._roomy, self._tight))

    def _roomy(self) -> None:
        self._spacing(48, 16)

    def _tight(self) -> None:
        """1366x768 with large text or high contrast: smaller margins, same texts."""
        self._spacing(24, 8)

    def _spacing(self, margin: int, spacing: int) -> None:
        self._box.setContentsMargins(margin, margin, margin, margin)
        self._box.setSpacing(margin)
        for layout in (self._item_layout, self._scale_layout):
            layout.setContentsMargins(margin, margin, margin, margin)
            layout.setSpacing(spacing)

    def set_model(self, view: WeighView) -> None:
        """Show the item and the latest scale reading; stability changes are announced."""
        was_stable = self._view.stable if self._view else None
        if self._view is None or view.image != self._view.image:
            self._picture.setPixmap(item_picture(view.image, 160))
        self._view = view
        self._render()
        self.fitter.later()
        if view.stable != was_stable:
            self.announce.emit(self.spoken_text())

    def weight_text(self) -> str:
        """The weight as shown ("" with nothing on the scale)."""
        return self._weight.text()

    def retranslate_ui(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))
        self._render()

    def spoken_text(self) -> str:
        parts = (
            self._name.text(),
            self._instruction.text(),
            self._weight.text(),
            self._amount.text(),
        )
        return " ".join(part for part in parts if part)

    def apply_orientation(self, portrait: bool) -> None:
        self._box.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )

    def _render(self) -> None:
        view, language = self._view, self.language
        if view is None:
            for label in (self._name, self._unit_price, self._weight, self._amount):
                label.setText("")
            self._instruction.setText(self.tr("Place the item on the scale"))
            return
        self._name.setText(pick_name(view.names, language))
        self._unit_price.setText(f"{format_money(view.price_per_kg, language)} / kg")
        weighed = view.weight_g is not None and view.weight_g > 0
        self._weight.setText(format_weight(view.weight_g or 0, language) if weighed else "")
        if not weighed:
            self._instruction.setText(self.tr("Place the item on the scale"))
        elif view.stable:
            self._instruction.setText(self.tr("Weight OK"))
        else:
            self._instruction.setText(self.tr("Weighing… keep the item still"))
        amount = view.amount if view.stable else None
        self._amount.setText(format_money(amount, language) if amount is not None else "")
