"""The guests' IDs, one by one, and what the guest register needs beyond them.

``GuestIdsScreen``: "Place ANNA's ID on the reader", each guest's progress (waiting,
being checked, done) and a looping picture of the reader; a read that was not taken
says why. ``DetailsScreen``: what the country's register needs that the ID does not
say (address, e-mail or phone, place of birth, the DNI's support number), typed on the
on-screen keyboard.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.ui.airport.hint import PASSPORT, ReaderHint
from kiosk.ui.hotel.base import CENTRE, HotelScreen, TypingScreen
from kiosk.ui.hotel.fields import TextKeyboard, TypedFields
from kiosk.ui.hotel.towns import TownPicker
from kiosk.ui.hotel.views import DetailsView, GuestStatus, GuestsView
from kiosk.ui.widgets.common import card, discard, text_label

_MARK = {
    GuestStatus.WAITING: "○",
    GuestStatus.CHECKING: "…",
    GuestStatus.DETAILS: "…",
    GuestStatus.DONE: "✓",
}

#: A register field -> the fields typed for it (key, longest text).
_ADDRESS = (("street", 40), ("postal_code", 10), ("city", 30))
#: (the country of residence is the address's: the guest's nationality)
TYPED = {
    "address": _ADDRESS,
    "residence_country": _ADDRESS,
    "contact": (("contact", 40),),
    "birth_place": (("birth_place", 30),),
    "support_number": (("support_number", 12),),
}


class GuestIdsScreen(HotelScreen):
    """An ID for every adult, with progress and the reason a read was not taken."""

    name = "hotel_guests"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = GuestsView(())
        self.list_panel = card()
        column = self._list = QVBoxLayout(self.list_panel)
        column.setContentsMargins(32, 24, 32, 24)
        column.setSpacing(16)
        self.progress = text_label(role="heading", wrap=True)
        column.addWidget(self.progress)
        self._labels: list[QLabel] = []
        column.addStretch(1)
        self.children_note = text_label(role="label", wrap=True)
        self.problem = text_label(role="error", wrap=True)
        column.addWidget(self.children_note)
        column.addWidget(self.problem)
        self.hint_panel = card()
        hint = QVBoxLayout(self.hint_panel)
        hint.setContentsMargins(24, 24, 24, 24)
        self.hint = ReaderHint((PASSPORT,))
        self.hint_caption = text_label(role="label", wrap=True, align=CENTRE)
        hint.addWidget(self.hint, 1)
        hint.addWidget(self.hint_caption)
        self.body.addWidget(self.list_panel, 3)
        self.body.addWidget(self.hint_panel, 2)
        self.retranslate_ui()

    def set_model(self, view: GuestsView) -> None:
        before = self._view
        self._view = view
        while len(self._labels) > len(view.rows):
            discard(self._labels.pop())
        while len(self._labels) < len(view.rows):
            label = text_label(role="heading", wrap=True)
            self._list.insertWidget(1 + len(self._labels), label)
            self._labels.append(label)
        self.retranslate_ui()
        self.fitter.later()
        if (before.current, before.problem) != (view.current, view.problem):
            self.announce.emit(self.spoken_text())

    def view(self) -> GuestsView:
        return self._view

    def current_name(self) -> str:
        return next((r.name for r in self._view.rows if r.guest_id == self._view.current), "")

    def tighten(self, gap: int) -> None:
        if hasattr(self, "_list"):
            margin = {16: 32, 10: 20}.get(gap, 12)
            self._list.setContentsMargins(margin, margin, margin, margin)
            self._list.setSpacing(gap)
            self.hint_panel.setVisible(gap > 6)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        view, name = self._view, self.current_name()
        if view.rekey:
            self.title.setText(self.tr("Place your ID on the reader"))
        elif name:
            self.title.setText(self.tr("Place %1's ID on the reader").replace("%1", name))
        else:
            self.title.setText(self.tr("Your IDs"))
        self.subtitle.setText(
            self.tr("For a new key card we check the ID of a guest of the room.")
            if view.rekey
            else self.tr("We need an ID (passport or identity card) of every adult guest.")
        )
        self.progress.setVisible(not view.rekey)
        # key help lists nobody: the panel is there only to say why a read was not taken
        self.list_panel.setVisible(not view.rekey or bool(view.problem))
        done = sum(1 for r in view.rows if r.status is GuestStatus.DONE)
        count = str(len(view.rows))
        self.progress.setText(
            self.tr("IDs read: %1 of %2").replace("%1", str(done)).replace("%2", count)
        )
        words = {
            GuestStatus.WAITING: self.tr("waiting"),
            GuestStatus.CHECKING: self.tr("checking…"),
            GuestStatus.DETAILS: self.tr("a few details to add"),
            GuestStatus.DONE: self.tr("done"),
        }
        for row, label in zip(view.rows, self._labels, strict=False):
            label.setText(f"{_MARK[row.status]}  {row.name}: {words[row.status]}")
        self.children_note.setText(
            self.tr("Then we add the children travelling with you.")
            if view.children_missing
            else ""
        )
        self.children_note.setVisible(bool(view.children_missing))
        problems = {
            "document_unreadable": self.tr(
                "The ID could not be read. Lay it flat on the reader and keep it still."
            ),
            "document_not_needed": self.tr("We already have this ID. Please place the next one."),
        }
        text = problems.get(view.problem, "")
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        self.hint_caption.setText(
            self.tr("Passport: photo page down. Identity card: either side down.")
        )
        self.keep_buttons_whole()

    def spoken_text(self) -> str:
        return " ".join(p for p in (self.title.text(), self.problem.text()) if p)


class DetailsScreen(TypingScreen):
    """What the register needs that the ID does not say, typed on the keyboard.

    Signals:
        detailsEntered(str, dict): the guest's id and the typed values by field key
            (``street``, ``postal_code``, ``city``, ``contact``, ``birth_place``,
            ``support_number``; ``municipality_code``: the INE code of a town in Spain,
            picked from :mod:`.towns`).
    """

    name = "hotel_details"
    detailsEntered = Signal(str, dict)
    _town_problem = ""  # what the town picker found missing at the last "Continue"
    _warned: dict[str, str] | None = None  # what was typed when it was said

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = DetailsView("", "", ())
        self.keyboard = TextKeyboard(symbols=True)
        self.entry = TypedFields(self.keyboard, self)
        self.entry.changed.connect(self.show_ready)
        self.towns = TownPicker(self.entry, self)  # an address in Spain: its town's code
        self.entry.column.insertWidget(1, self.towns.panel)
        self.entry.changed.connect(lambda: self._town_problem and self.retranslate_ui())
        self.problem = text_label(role="error", wrap=True, align=CENTRE)
        self._outer.insertWidget(2, self.problem)
        self.problem.hide()
        self.body.addWidget(self.entry.panel, 1)
        self.body.addWidget(self.keyboard, 1)
        self.primary_button.show()
        self.primaryRequested.connect(self._send)
        self.retranslate_ui()

    def set_model(self, view: DetailsView) -> None:
        if view.fields != self._view.fields or view.guest_id != self._view.guest_id:
            typed = dict.fromkeys(f for field in view.fields for f in TYPED.get(field, ()))
            self.entry.set_fields(tuple(typed))
            if view.guest_id != self._view.guest_id:
                self.entry.clear()  # the same fields for the next guest: empty again
        self._view = view
        self.towns.set_country(view.address_country)
        self.set_busy(False)
        self.retranslate_ui()

    def view(self) -> DetailsView:
        return self._view

    def ready(self) -> bool:
        return bool(self.entry.fields) and all(self.entry.text(k) for k in self.entry.fields)

    def _send(self) -> None:
        if self.ready():
            values = {key: self.entry.text(key) for key in self.entry.fields}
            problem = self.towns.problem()  # an address in Spain without its town's code
            if problem and values != self._warned:  # said once; "Continue" again goes on
                self._town_problem, self._warned = problem, values
                self.retranslate_ui()
                return
            self.set_busy(True)
            if self.towns.code():
                values["municipality_code"] = self.towns.code()
            self.detailsEntered.emit(self._view.guest_id, values)

    KEY_HEIGHTS: ClassVar[dict[int, int]] = {16: 72, 10: 60}

    def tighten(self, gap: int) -> None:
        super().tighten(gap)
        if hasattr(self, "entry"):
            self.entry.grid.setVerticalSpacing({16: 12, 10: 8}.get(gap, 4))
        if hasattr(self, "towns"):
            self.towns.set_tight(gap <= 6)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        name = self._view.name
        self.title.setText(self.tr("A few details for %1").replace("%1", name))
        self.subtitle.setText(self.tr("The law asks hotels to record these for every guest."))
        captions = {
            "street": self.tr("Street and number"),
            "postal_code": self.tr("Postal code"),
            "city": self.tr("Town or city"),
            "contact": self.tr("E-mail or phone number"),
            "birth_place": self.tr("Place of birth"),
            "support_number": self.tr("Support number of your ID card"),
        }
        for key, text in captions.items():
            self.entry.set_caption(key, text)
        problems = {"details_missing": self.tr("Please fill in every field.")}
        problems["postal_code"] = self.tr(
            "Please check the postal code (5 digits). Not in Spain? Touch Continue again."
        )
        problems["town"] = self.tr(
            "Please touch your town in the list. Not there? Touch Continue again."
        )
        if self._town_problem and not self.towns.problem():
            self._town_problem = ""  # put right since
        text = problems.get(self._town_problem or self._view.problem, "")
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        self.primary_button.setText(self.tr("Continue"))
        self.show_ready()
        self.keep_buttons_whole()
