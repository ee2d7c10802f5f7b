"""``ChildScreen``: a child the booking holds, registered with the adult they are with.

Two steps on one screen: the child's given names, surname and date of birth typed on
the on-screen keyboard (the date as eight digits, day month year); then girl or boy, and how
the child is related to the adult, one big button each (parent, grandparent, brother
or sister, uncle or aunt, legal guardian, other). The adult is the booking's first adult guest.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.hotel.base import CENTRE, TypingScreen
from kiosk.ui.hotel.fields import TextKeyboard, TypedFields
from kiosk.ui.hotel.views import ChildView, NewChild
from kiosk.ui.widgets.common import (
    card,
    keep_text_whole,
    set_style_property,
    text_label,
    touch_button,
)
from kiosk.ui.widgets.reflow import ReflowLayout

GIVEN, SURNAME, BORN = "given_names", "surname", "birth_date"
SEXES = ("F", "M")
RELATIONSHIPS = ("parent", "grandparent", "sibling", "uncle_aunt", "legal_guardian", "other")


def birth_date(digits: str) -> date | None:
    """``DDMMYYYY`` as a date (None if it is not one)."""
    digits = digits.replace(" ", "")
    if len(digits) != 8 or not digits.isdigit():
        return None
    try:
        return date(int(digits[4:]), int(digits[2:4]), int(digits[:2]))
    except ValueError:
        return None


class ChildScreen(TypingScreen):
    """A child's names and date of birth, then their relationship to the adult.

    Signals:
        childAdded(NewChild): the child, the adult and how they are related.
    """

    name = "hotel_child"
    childAdded = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = ChildView("", "")
        self._relating = False
        self._bad_date = False
        self._sex = ""
        self.keyboard = TextKeyboard()
        self.entry = TypedFields(self.keyboard, self)
        self.entry.set_fields(((GIVEN, 30), (SURNAME, 30), (BORN, 8)))
        self.entry.changed.connect(self.show_ready)
        self.relation_panel = card()
        column = self._relation = QVBoxLayout(self.relation_panel)
        column.setContentsMargins(32, 24, 32, 24)
        column.setSpacing(16)
        self.sex_question = text_label(role="heading", wrap=True, align=CENTRE)
        self.question = text_label(role="heading", wrap=True, align=CENTRE)
        column.addStretch(1)
        sexes = self._sexes = QHBoxLayout()
        sexes.setSpacing(16)
        sexes.addWidget(self.sex_question, 1)
        self.sex_buttons: dict[str, QPushButton] = {}
        for sex in SEXES:
            button = touch_button(role="secondary")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, x=sex: self._sex_chosen(x))
            self.sex_buttons[sex] = button
            sexes.addWidget(button)
        column.addLayout(sexes)
        column.addWidget(self.question)
        grid = self._grid = ReflowLayout(max_columns=3, spacing=16)
        self.relation_buttons: dict[str, QPushButton] = {}
        for relation in RELATIONSHIPS:
            button = touch_button(role="secondary")
            button.clicked.connect(lambda _=False, r=relation: self._related(r))
            self.relation_buttons[relation] = button
            grid.add(button)
        column.addLayout(grid)
        column.addStretch(1)
        self.problem = text_label(role="error", wrap=True, align=CENTRE)
        self._outer.insertWidget(2, self.problem)
        self.problem.hide()
        self.body.addWidget(self.entry.panel, 1)
        self.body.addWidget(self.keyboard, 1)
        self.body.addWidget(self.relation_panel, 1)
        self.primaryRequested.connect(self._to_relation)
        self.backRequested.connect(self._to_names)
        self.set_model(self._view)

    def set_model(self, view: ChildView) -> None:
        if view.guardian_id != self._view.guardian_id or not view.guardian_id:
            self.entry.clear()
            self.entry.set_text(SURNAME, view.surname)
            self.entry.choose(GIVEN)
            self._relating = False
            self._sex_chosen("")
        self._view = view
        if view.problem:
            self._relating = False
        self._show_phase()

    def view(self) -> ChildView:
        return self._view

    def relating(self) -> bool:
        """Whether the relationship is asked (the names are typed)."""
        return self._relating

    def _show_phase(self) -> None:
        relating = self._relating
        self.entry.panel.setVisible(not relating)
        self.keyboard.setVisible(not relating)
        self.relation_panel.setVisible(relating)
        self.primary_button.setVisible(not relating)
        self.set_ways_out(back=relating, cancel=True)
        self.set_busy(False)
        self.retranslate_ui()

    def ready(self) -> bool:
        return all(self.entry.text(key) for key in (GIVEN, SURNAME, BORN))

    def busy_changed(self, busy: bool) -> None:
        for button in (*self.relation_buttons.values(), *self.sex_buttons.values()):
            button.setEnabled(not busy)
        self._sex_chosen(self._sex)
        super().busy_changed(busy)

    def _to_relation(self) -> None:
        self._bad_date = birth_date(self.entry.text(BORN)) is None
        self._relating = self.ready() and not self._bad_date
        self._view = ChildView(self._view.guardian_id, self._view.surname, self._view.adult)
        self._show_phase()

    def _to_names(self) -> None:
        self._relating = False
        self._show_phase()

    def _sex_chosen(self, sex: str) -> None:
        self._sex = sex
        for other, button in self.sex_buttons.items():
            button.setChecked(other == sex)
            set_style_property(button, "role", "primary" if other == sex else "secondary")
        for button in self.relation_buttons.values():
            button.setEnabled(bool(sex) and not self.busy())

    def _related(self, relation: str) -> None:
        born = birth_date(self.entry.text(BORN))
        if born is None or not self._sex:
            return
        self.set_busy(True)
        self.childAdded.emit(
            NewChild(
                self.entry.text(GIVEN),
                self.entry.text(SURNAME),
                born,
                self._sex,
                self._view.guardian_id,
                relation,
            )
        )

    def tighten(self, gap: int) -> None:
        super().tighten(gap)
        if hasattr(self, "_relation"):
            self._relation.setSpacing(gap)
            margin = {16: 32, 10: 16}.get(gap, 8)
            self._relation.setContentsMargins(margin, margin, margin, margin)
            self._grid.setSpacing(gap)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.title.setText(self.tr("A child travelling with you"))
        self.subtitle.setText(self.tr("Children are registered with the adult they are with."))
        self.entry.set_caption(GIVEN, self.tr("Child's first names"))
        self.entry.set_caption(SURNAME, self.tr("Child's surname"))
        self.entry.set_caption(BORN, self.tr("Date of birth (DD MM YYYY)"))
        self.question.setText(
            self.tr("How is the child related to %1?").replace("%1", self._view.adult)
        )
        words = {
            "parent": self.tr("Parent"),
            "grandparent": self.tr("Grandparent"),
            "sibling": self.tr("Brother or sister"),
            "uncle_aunt": self.tr("Uncle or aunt"),
            "legal_guardian": self.tr("Legal guardian"),
            "other": self.tr("Other"),
        }
        for relation, button in self.relation_buttons.items():
            button.setText(words[relation])
        self.sex_question.setText(self.tr("The child is a"))
        self.sex_buttons["F"].setText(self.tr("Girl"))
        self.sex_buttons["M"].setText(self.tr("Boy"))
        problems = {
            "not_a_minor": self.tr("Please check the date of birth: this is for children."),
            "name_missing": self.tr("Please type the child's names."),
            "guardian_unknown": self.tr("Please ask at the front desk."),
            "no_child_expected": self.tr("The booking has no more children."),
        }
        problem = self._view.problem
        text = problems.get(problem, self.tr("Please try again.")) if problem else ""
        if self._bad_date and not self._relating:
            text = self.tr("Please check the date of birth.")
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        self.primary_button.setText(self.tr("Continue"))
        self.back_button.setText(self.tr("Back"))
        keep_text_whole(*self.relation_buttons.values(), *self.sex_buttons.values())
        self.show_ready()
        self.keep_buttons_whole()
