"""``BagsOverlay``: "Do you need bags?" at the start of a sale.

One row per bag the store sells (``[lane] bag_skus``): its name and price, and big
- / + buttons with the count between them. "Add bags" adds the chosen counts as basket
lines; "No bags, thanks" skips; "Back" leaves the question (to the welcome screen when
nothing was scanned yet). The overlay only says what the shopper chose; the presenter
turns it into checkout events.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from kiosk.domain.money import Money
from kiosk.ui.format import format_money
from kiosk.ui.i18n import current_language
from kiosk.ui.viewmodels import Names, pick_name
from kiosk.ui.widgets.common import ON_PRIMARY, keep_text_whole, text_label, touch_button
from kiosk.ui.widgets.overlay import Overlay
from kiosk.ui.widgets.reflow import ReflowLayout

MAX_BAGS = 9
_CENTRE = Qt.AlignmentFlag.AlignCenter


@dataclass(frozen=True, slots=True)
class BagChoice:
    """A bag offered: its SKU, names and price."""

    sku: str
    names: Names
    price: Money


class BagsOverlay(Overlay):
    """The bag question.

    Signals:
        chosen(object): a tuple of (sku, count) with counts above zero ("Add bags").
        declined(): "No bags, thanks".
        backRequested(): "Back".
    """

    chosen = Signal(object)
    declined = Signal()
    backRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, card_width=1000)
        self._bags: tuple[BagChoice, ...] = ()
        self._counts: dict[str, int] = {}
        self._row_widgets: list[QWidget] = []
        self.minus_buttons: dict[str, QPushButton] = {}
        self.plus_buttons: dict[str, QPushButton] = {}
        self._count_labels: dict[str, QLabel] = {}
        self._name_labels: dict[str, QLabel] = {}
        self._title = text_label(role="title", wrap=True)
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(16)
        self._grid.setVerticalSpacing(12)
        self._grid.setColumnStretch(0, 1)
        self.back_button = touch_button(role="secondary", icon="arrow-left", icon_px=36)
        self.back_button.clicked.connect(lambda: self._leave(self.backRequested))
        self.none_button = touch_button(role="secondary")
        self.none_button.clicked.connect(lambda: self._leave(self.declined))
        self.add_button = touch_button(role="primary", icon="bag", icon_colour=ON_PRIMARY)
        self.add_button.clicked.connect(self._add)
        # in one row where the captions fit (English), else in two (Spanish, French with
        # large text): never a caption cut
        buttons = ReflowLayout(max_columns=3, spacing=16, centre_last_row=True)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.none_button)
        buttons.addWidget(self.add_button)
        self.body.addWidget(self._title)
        self.body.addLayout(self._grid)
        self.body.addLayout(buttons)
        self.retranslate_ui()

    def offer(self, bags: tuple[BagChoice, ...]) -> None:
        """Open with one row per bag in ``bags``, every count at zero."""
        for widget in self._row_widgets:
            self._grid.removeWidget(widget)
            widget.setParent(None)  # gone from the card at once, not at the next event loop
            widget.deleteLater()
        self._row_widgets = []
        self._bags = bags
        self._counts = {bag.sku: 0 for bag in bags}
        self.minus_buttons, self.plus_buttons = {}, {}
        self._count_labels, self._name_labels = {}, {}
        for row, bag in enumerate(bags):
            name = text_label(role="heading", wrap=True)
            minus = touch_button(role="secondary", icon="minus", icon_px=36)
            count = text_label("0", role="title", align=_CENTRE)
            count.setMinimumWidth(64)
            plus = touch_button(role="secondary", icon="plus", icon_px=36)
            minus.clicked.connect(lambda _=False, sku=bag.sku: self._step(sku, -1))
            plus.clicked.connect(lambda _=False, sku=bag.sku: self._step(sku, +1))
            for column, widget in enumerate((name, minus, count, plus)):
                self._grid.addWidget(widget, row, column)
            self._row_widgets += [name, minus, count, plus]
            self.minus_buttons[bag.sku], self.plus_buttons[bag.sku] = minus, plus
            self._count_labels[bag.sku], self._name_labels[bag.sku] = count, name
        self.retranslate_ui()
        self.open()
        self.fitter.later()

    def count(self, sku: str) -> int:
        """The count chosen for ``sku`` so far."""
        return self._counts.get(sku, 0)

    def spoken_text(self) -> str:
        names = ", ".join(label.text() for label in self._name_labels.values())
        return f"{self._title.text()} {names}"

    def retranslate_ui(self) -> None:
        language = current_language()
        self._title.setText(self.tr("Do you need bags?"))
        self.back_button.setText(self.tr("Back"))
        self.none_button.setText(self.tr("No bags, thanks"))
        self.add_button.setText(self.tr("Add bags"))
        keep_text_whole(self.back_button, self.none_button, self.add_button)
        for bag in self._bags:
            price = format_money(bag.price, language)
            self._name_labels[bag.sku].setText(f"{pick_name(bag.names, language)} ({price})")
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _step(self, sku: str, delta: int) -> None:
        self._counts[sku] = min(max(self._counts[sku] + delta, 0), MAX_BAGS)
        self._refresh()

    def _refresh(self) -> None:
        for sku, count in self._counts.items():
            self._count_labels[sku].setText(str(count))
            self.minus_buttons[sku].setEnabled(count > 0)
            self.plus_buttons[sku].setEnabled(count < MAX_BAGS)
        self.add_button.setEnabled(any(self._counts.values()))

    def _add(self) -> None:
        chosen = tuple((sku, count) for sku, count in self._counts.items() if count)
        self.close_overlay()
        if chosen:
            self.chosen.emit(chosen)

    def _leave(self, signal: object) -> None:
        self.close_overlay()
        signal.emit()  # type: ignore[attr-defined]
