"""The town of an address in Spain, picked from a short list (for its INE code).

Theory of operation. Spain's traveller report names a Spanish address's town by the
INE's municipality code, which nobody knows by heart. The details screen asks the
postal code and the town as usual; for an address in Spain (``set_country("ES")``)
a :class:`TownPicker` under the fields offers, as the guest types the town, big
buttons with the municipalities of the postal code's province whose names match
(:meth:`kiosk.domain.hotel.police.municipalities.MunicipalityTable.matching`:
accents and case aside, either name of a bilingual town, ``La Roda`` for ``Roda,
La``). A touch puts the town's name in the field and keeps its code; a town typed
out in full is found by its name too. :meth:`code` is the code to send (``""``:
none yet) and :meth:`problem` says what is still missing: a postal code that is not
Spanish (``postal_code``) or no town picked while some match (``town``); the screen
says so once, and "Continue" touched again with nothing changed goes on without a
code (a Spaniard living abroad: the address's country is the nationality). A town
the table does not have (created after it) goes on by its name alone. Either way
the report is kept ``failed`` with the field named, and the front desk reports it.
Elsewhere the picker is hidden and asks nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QGridLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.domain.hotel.police.municipalities import (
    Municipality,
    default_table,
    fold,
    province_of,
)
from kiosk.ui.hotel.fields import TypedFields
from kiosk.ui.widgets.common import discard, text_label, touch_button

#: Towns offered at once (one row of buttons under the fields).
SHOWN = 3
#: A town's name longer than this shares the row with one other only.
LONG = 18
#: The fields the picker reads.
POSTAL, TOWN = "postal_code", "city"


class TownPicker(QObject):
    """Town buttons for an address in Spain under ``entry``'s fields (``panel``)."""

    def __init__(self, entry: TypedFields, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.active = False
        self.panel = QWidget()
        column = QVBoxLayout(self.panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        self.caption = text_label(role="muted", wrap=True)
        column.addWidget(self.caption)
        self.grid = QGridLayout()
        self.grid.setSpacing(10)
        column.addLayout(self.grid)
        self.buttons: list[QPushButton] = []
        self._offered: tuple[Municipality, ...] = ()
        self._picked: Municipality | None = None
        self._tight = False
        self.panel.hide()
        self.panel.installEventFilter(self)
        entry.changed.connect(self.refresh)

    def set_country(self, country: str) -> None:
        """The address's country (alpha-2): the picker works for ``ES`` only."""
        self.active = country.strip().upper() == "ES" and TOWN in self.entry.fields
        if not self.active:
            self._picked = None  # (a pick counts only while the town field still says it)
        self.refresh()

    def province(self) -> str:
        return province_of(self.entry.text(POSTAL))

    def code(self) -> str:
        """The INE code of the town: the one touched, else the one named in full."""
        if not self.active:
            return ""
        town, province = self.entry.text(TOWN), self.province()
        picked = self._picked
        if picked is not None and picked.province == province and _same(town, picked):
            return picked.code
        return default_table().code_for(province, town) if province else ""

    def problem(self) -> str:
        """What keeps the address from its code: ``postal_code``, ``town`` or ``""``."""
        if not self.active:
            return ""
        province = self.province()
        if not province:
            return "postal_code"
        if self.code() or not default_table().matching(province, self.entry.text(TOWN), 1):
            return ""  # known, or no such town in the table: the front desk adds the code
        return "town"

    def refresh(self) -> None:
        """Offer the towns matching what is typed (none once the town is known)."""
        province = self.province() if self.active else ""
        typed = self.entry.text(TOWN)
        offered: tuple[Municipality, ...] = ()
        if province and typed and not self.code():
            offered = default_table().matching(province, typed, SHOWN)
            if any(len(m.display_name) > LONG for m in offered):
                offered = offered[:2]  # long names: two to a row
        if offered != self._offered:
            self._offered = offered
            self._show_buttons()
        self.retranslate_ui()
        self.panel.setVisible(self.active and bool(typed) and bool(province) and not self.code())

    def pick(self, town: Municipality) -> None:
        """The guest touched ``town``: its name in the field, its code kept."""
        self._picked = town
        self.entry.set_text(TOWN, town.display_name)

    def _show_buttons(self) -> None:
        for button in self.buttons:
            discard(button)
        self.buttons = []
        for index, town in enumerate(self._offered):
            button = touch_button(town.display_name)
            button.setObjectName("TownChoice")
            button.clicked.connect(lambda _=False, t=town: self.pick(t))
            self.grid.addWidget(button, 0, index)
            self.buttons.append(button)
        self._fit()

    def set_tight(self, tight: bool) -> None:
        """On a short screen the caption gives way to the towns."""
        self._tight = tight
        self.retranslate_ui()

    def _fit(self) -> None:
        """As many towns in the row as fit whole (the others wait for more letters)."""
        width, gap = self.panel.width(), self.grid.horizontalSpacing()
        shown = len(self.buttons)
        while shown > 1 and any(
            b.sizeHint().width() > (width - gap * (shown - 1)) // shown
            for b in self.buttons[:shown]
        ):
            shown -= 1
        for index, button in enumerate(self.buttons):
            button.setVisible(index < shown)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.panel and event.type() in (
            QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.StyleChange,
        ):  # fmt: skip
            self._fit()
        return False

    def retranslate_ui(self) -> None:
        self.caption.setVisible(not (self._tight and self._offered))
        if self._offered:
            self.caption.setText(self.tr("Touch your town:"))
        else:
            self.caption.setText(
                self.tr("No town of this postal code's province starts like that.")
            )


def _same(typed: str, town: Municipality) -> bool:
    return fold(typed) in (fold(town.display_name), fold(town.name))
