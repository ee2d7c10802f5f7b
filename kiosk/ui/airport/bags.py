"""The bag steps: how many bags each passenger checks in, then each bag on the belt.

``BagCountScreen``: one row per travelling passenger with "−", the count and "+"
(big keys), what is free for them and what an extra bag costs. ``BagWeighScreen``:
"Put bag 1 of 2 on the belt", the live weight from the scale, the allowance, and
the fee if it is heavier than free; a bag is taken when the weight is stable (the
machine decides, as the grocery lane's scale).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.airport.base import CENTRE, AirportScreen
from kiosk.ui.airport.views import BagCountView, BagWeighView
from kiosk.ui.format import format_money, format_weight
from kiosk.ui.widgets.common import card, discard, icon_label, text_label, touch_button


def kilos(grams: int, language: str, *, limit: bool = False) -> str:
    """A bag's weight in kilograms with one decimal, as a traveller reads it: "24.6 kg"
    (en), "24,6 kg" (es, fr); a ``limit`` of whole kilograms stays whole ("23 kg").

    Rounded to the nearest 100 g, then written by :func:`kiosk.ui.format.format_weight`
    (the language's decimal separator) with the last two decimals dropped."""
    if limit and grams % 1000 == 0:
        return f"{grams // 1000}\u00a0kg"
    tenths = (max(grams, 0) + 50) // 100 * 100
    number, unit = format_weight(tenths, language).split("\u00a0", 1)
    return f"{number[:-2]}\u00a0{unit}"


class BagCountScreen(AirportScreen):
    """How many bags per passenger.

    Signals:
        countChanged(str, int): a passenger's new count ("−" or "+").
    """

    name = "airport_bags"
    countChanged = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = BagCountView(())
        self._counts: dict[str, int] = {}
        self.panel = card()
        self._grid = QGridLayout(self.panel)
        self._grid.setContentsMargins(32, 24, 32, 24)
        self._grid.setHorizontalSpacing(24)
        self._grid.setVerticalSpacing(20)
        self._grid.setColumnStretch(0, 1)
        self._row_widgets: list[QWidget] = []
        self.minus: dict[str, QPushButton] = {}
        self.plus: dict[str, QPushButton] = {}
        self._names: dict[str, QLabel] = {}
        self._notes: dict[str, QLabel] = {}
        self._shown: dict[str, QLabel] = {}
        outer = QVBoxLayout()
        outer.addWidget(self.panel)
        outer.addStretch(1)
        self.body.addLayout(outer, 1)
        self.primary_button.show()
        self.retranslate_ui()

    def set_model(self, view: BagCountView) -> None:
        """Show ``view``; the same passengers keep their rows (a touch on "+" in progress
        is not lost), only the counts follow the view."""
        same = [p.passenger_id for p in view.passengers] == list(self._counts)
        self._view = view
        self._counts = {p.passenger_id: p.count for p in view.passengers}
        if same and self._row_widgets:
            self.set_busy(False)
            self.retranslate_ui()
            return
        for widget in self._row_widgets:
            discard(widget)
        self._row_widgets = []
        self.minus, self.plus, self._names, self._notes, self._shown = {}, {}, {}, {}, {}
        for index, bag in enumerate(view.passengers):
            pid = bag.passenger_id
            name = text_label(bag.name, role="heading", wrap=True)
            note = text_label(role="muted", wrap=True)
            minus = touch_button("−", role="key")
            plus = touch_button("+", role="key")
            shown = text_label(role="title", align=CENTRE)
            for button in (minus, plus):
                button.setFixedSize(88, 88)
            minus.clicked.connect(lambda _=False, p=pid: self._change(p, -1))
            plus.clicked.connect(lambda _=False, p=pid: self._change(p, +1))
            self._grid.addWidget(name, index * 2, 0)
            self._grid.addWidget(note, index * 2 + 1, 0)
            self._grid.addWidget(minus, index * 2, 1, 2, 1)
            self._grid.addWidget(shown, index * 2, 2, 2, 1)
            self._grid.addWidget(plus, index * 2, 3, 2, 1)
            self._row_widgets += [name, note, minus, plus, shown]
            self.minus[pid], self.plus[pid] = minus, plus
            self._names[pid], self._notes[pid], self._shown[pid] = name, note, shown
        self.set_busy(False)
        self.retranslate_ui()

    def note(self, passenger_id: str) -> str:
        """What is free for ``passenger_id`` and what an extra bag costs, as shown."""
        return self._notes[passenger_id].text()

    def count(self, passenger_id: str) -> int:
        return self._counts.get(passenger_id, 0)

    def _change(self, passenger_id: str, step: int) -> None:
        bag = next(b for b in self._view.passengers if b.passenger_id == passenger_id)
        new = max(0, min(bag.most, self._counts[passenger_id] + step))
        if new != self._counts[passenger_id]:
            self._counts[passenger_id] = new
            self.retranslate_ui()
            self.countChanged.emit(passenger_id, new)

    def busy_changed(self, busy: bool) -> None:
        for button in (*self.minus.values(), *self.plus.values()):
            button.setEnabled(not busy)

    def tighten(self, gap: int) -> None:
        if hasattr(self, "_grid"):
            margin = {16: 32, 10: 20}.get(gap, 12)
            self._grid.setContentsMargins(margin, margin, margin, margin)
            self._grid.setVerticalSpacing(gap + 4)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.title.setText(self.tr("How many bags are you checking in?"))
        self.subtitle.setText(self.tr("Cabin bags do not count. Touch − or + for each person."))
        for bag in self._view.passengers:
            pid = bag.passenger_id
            count = self._counts.get(pid, 0)
            self._shown[pid].setText(str(count))
            note = (
                self.tr("%1 bag included, up to %2 each")
                if bag.free_pieces == 1
                else self.tr("%1 bags included, up to %2 each")
            )
            most = kilos(bag.max_weight_g, self.language, limit=True)
            text = note.replace("%1", str(bag.free_pieces)).replace("%2", most)
            if bag.extra_fee is not None and count > bag.free_pieces:
                fee = format_money(bag.extra_fee, self.language)
                text += " · " + self.tr("extra bag %1").replace("%1", fee)
            self._notes[pid].setText(text)
            self.minus[pid].setEnabled(count > 0 and not self.busy())
            self.plus[pid].setEnabled(count < bag.most and not self.busy())
            self.minus[pid].setAccessibleName(self.tr("One bag less"))
            self.plus[pid].setAccessibleName(self.tr("One bag more"))
        total = sum(self._counts.values())
        self.primary_button.setText(self.tr("Continue") if total else self.tr("No bags, continue"))
        self.keep_buttons_whole()


class BagWeighScreen(AirportScreen):
    """One bag on the belt at a time, with its live weight."""

    name = "airport_weigh"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = BagWeighView("", 1, 1)
        scale_card = card()
        scale = self._scale = QVBoxLayout(scale_card)
        scale.setContentsMargins(40, 24, 40, 24)
        scale.setSpacing(12)
        scale.addStretch(1)
        self.icon = icon_label("scale", "#0A6CFF", 120)
        scale.addWidget(self.icon, 0, CENTRE)
        self.weight = text_label(role="hero", align=CENTRE)
        self.state = text_label(role="heading", wrap=True, align=CENTRE)
        scale.addWidget(self.weight)
        scale.addWidget(self.state)
        scale.addStretch(1)
        info_card = card()
        info = self._info = QVBoxLayout(info_card)
        info.setContentsMargins(32, 24, 32, 24)
        info.setSpacing(12)
        self.allowance = text_label(role="heading", wrap=True)
        self.fee = text_label(role="heading", wrap=True)
        self.accepted = text_label(role="label", wrap=True)
        for widget in (self.allowance, self.fee, self.accepted):
            info.addWidget(widget)
        info.addStretch(1)
        self.body.addWidget(scale_card, 3)
        self.body.addWidget(info_card, 2)
        self.retranslate_ui()

    def set_model(self, view: BagWeighView) -> None:
        was = (self._view.number, self._view.stable, self._view.problem)
        self._view = view
        self.primary_button.setVisible(view.done)
        self.retranslate_ui()
        self.fitter.later()
        if was != (view.number, view.stable, view.problem):
            self.announce.emit(self.spoken_text())

    def weight_text(self) -> str:
        return self.weight.text()

    def view(self) -> BagWeighView:
        return self._view

    def tighten(self, gap: int) -> None:
        if hasattr(self, "_scale"):
            margin = {16: 32, 10: 20}.get(gap, 12)
            for layout in (self._scale, self._info):
                layout.setContentsMargins(margin, margin, margin, margin)
                layout.setSpacing(gap)
            self.icon.setVisible(gap > 6)  # the words stay; the picture gives way

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        view, language = self._view, self.language
        if view.done:
            self.title.setText(self.tr("All bags weighed"))
        else:
            self.title.setText(
                self.tr("Put bag %1 of %2 on the belt")
                .replace("%1", str(view.number))
                .replace("%2", str(view.total))
            )
        self.subtitle.setText(
            self.tr("Bag for %1. Lay it flat, handle up.").replace("%1", view.name)
        )
        weighed = view.weight_g is not None and view.weight_g > 0
        self.subtitle.setVisible(not view.done)
        self.weight.setText(kilos(view.weight_g or 0, language) if weighed else "—")
        if view.done:
            state = self.tr("Touch Continue to go on.")
        elif view.problem == "too_heavy":
            state = self.tr(
                "This bag is over %1. Please take something out, or an agent will help."
            ).replace("%1", kilos(view.heavy_limit_g, language, limit=True))
        elif not weighed:
            state = self.tr("Waiting for the bag…")
        elif view.stable:
            state = self.tr("Weight OK")
        else:
            state = self.tr("Weighing… please do not touch the bag")
        self.state.setText(state)
        self.allowance.setText(
            self.tr("Included: up to %1 per bag").replace(
                "%1", kilos(view.max_weight_g, language, limit=True)
            )
        )
        if view.fee is not None and view.fee.minor > 0:
            self.fee.setText(
                self.tr("Fee for this bag: %1").replace("%1", format_money(view.fee, language))
            )
        else:
            self.fee.setText(self.tr("No fee for this bag"))
        weights = ", ".join(kilos(w, language) for w in view.accepted)
        self.accepted.setText(
            self.tr("Bags accepted: %1").replace("%1", weights) if weights else ""
        )
        self.accepted.setVisible(bool(weights))
        self.primary_button.setText(self.tr("Continue"))
        self.keep_buttons_whole()

    def spoken_text(self) -> str:
        return f"{self.title.text()} {self.state.text()}"
