"""The hotel presenter on the real machine: a runner that hands each event to the pure
``HotelMachine`` and answers its effects from the domain tests' world (``Journey``,
``tests/domain/hotel/hotel_domain_factories.py``), broadcasting every state as the
real runner does. The screens are touched in a real ``KioskWindow``.

GIVEN a booking with a child nobody registered WHEN both IDs are read and the register's
details typed THEN the child's screen asks for the child; the names, the date of birth
and "Parent" touched register the child with the first adult, and the registration
card comes next. And a cancel on the stay screen ends the visit on the welcome screen.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "domain" / "hotel"))
from hotel_domain_factories import ANA, LUIS, NOW, STAY, Journey, World

from kiosk.domain.hotel import events as ev
from kiosk.domain.hotel.pms import StayState
from kiosk.domain.hotel.register import Relationship
from kiosk.domain.hotel.states import HotelState, Outcome, Step
from kiosk.ui.bridge import Bridge
from kiosk.ui.hotel.presenter import HotelPresenter
from kiosk.ui.hotel.screens import HotelScreens
from kiosk.ui.window import KioskWindow


class MachineRunner:
    """The runner's shape (``state``, ``listeners``, ``send``, ``reset``, ``clock``) over
    the pure machine, answering effects at once on the caller's thread."""

    def __init__(self, world: World) -> None:
        self.journey = Journey(world)
        self.listeners: list[Any] = []
        self.sent: list[Any] = []

    @property
    def state(self) -> HotelState:
        return self.journey.state

    def clock(self) -> Any:
        return self.journey.now

    def send(self, event: Any) -> None:
        self.sent.append(event)
        state = self.journey.send(replace(event, at=self.journey.now))
        for listener in list(self.listeners):
            listener(state, [])

    def reset(self) -> None:
        self.send(ev.Reset("V2", NOW))


def touch(qtbot: Any, widget: QWidget) -> None:
    centre = widget.rect().center()
    assert QApplication.widgetAt(widget.mapToGlobal(centre)) is widget
    assert widget.isEnabled()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=centre)


def open_window(qtbot: Any, runner: MachineRunner) -> tuple[KioskWindow, HotelScreens, Any]:
    window = KioskWindow(kiosk_mode=False, idle_timeout_ms=600_000)
    qtbot.addWidget(window)
    screens = HotelScreens.build(window)
    bridge = Bridge(window)
    presenter = HotelPresenter(runner, window, bridge, screens, done_ms=600_000)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window, screens, presenter


def test_a_child_is_registered_with_the_first_adult_by_touch(qtbot: Any) -> None:
    runner = MachineRunner(World(stay=replace(STAY, children=1)))
    window, s, presenter = open_window(qtbot, runner)
    try:
        runner.send(ev.ConfirmationEntered("4701", NOW))
        runner.send(ev.StayConfirmed(NOW))
        runner.send(ev.DocumentScanned(ANA, NOW))
        qtbot.waitUntil(lambda: window.current_screen() is s.details)
        for guest_id in ("g1", "new-1"):
            if runner.state.step is Step.GUESTS:
                runner.send(ev.DocumentScanned(LUIS, NOW))
            qtbot.waitUntil(
                lambda: (
                    window.current_screen() is s.details
                    and not s.details.busy()
                    and s.details.view().guest_id == runner.state.details_for
                )
            )
            for field, button in s.details.entry.fields.items():
                touch(qtbot, button)
                for key in {"birth_place": "sevilla", "postal_code": "41001"}.get(field, "x"):
                    touch(qtbot, s.details.keyboard.button(key))
            touch(qtbot, s.details.primary_button)
            qtbot.waitUntil(lambda g=guest_id: runner.state.details_for != g)

        # every ID read, the child still to add: the child's screen
        qtbot.waitUntil(lambda: window.current_screen() is s.child)
        assert runner.state.children_missing == 1
        assert "ANA" in s.child.view().adult
        assert s.child.entry.text("surname") == "GARCÍA LÓPEZ"  # the adult's, offered
        assert not s.child.primary_button.isEnabled()
        touch(qtbot, s.child.entry.fields["given_names"])
        for key in "lucia":
            touch(qtbot, s.child.keyboard.button(key))
        touch(qtbot, s.child.entry.fields["birth_date"])
        for key in "14032019":
            touch(qtbot, s.child.keyboard.button(key))
        touch(qtbot, s.child.primary_button)
        assert s.child.relating()
        assert not s.child.relation_buttons["parent"].isEnabled()  # girl or boy first
        touch(qtbot, s.child.sex_buttons["F"])
        touch(qtbot, s.child.relation_buttons["parent"])

        added = [e for e in runner.sent if isinstance(e, ev.MinorAdded)]
        assert len(added) == 1
        assert (added[0].given_names, added[0].surname) == ("LUCIA", "GARCÍA LÓPEZ")
        assert added[0].birth_date == date(2019, 3, 14)
        assert added[0].guardian_id == "g1"
        assert added[0].relationship is Relationship.PARENT
        assert added[0].sex == "F"
        qtbot.waitUntil(lambda: window.current_screen() is s.registration)
        assert [g.given_names for g in runner.state.minors()] == ["LUCIA"]
    finally:
        presenter.detach()
        window.shutdown()


def test_a_date_of_birth_that_is_no_date_is_asked_again(qtbot: Any) -> None:
    runner = MachineRunner(World())
    window, s, presenter = open_window(qtbot, runner)
    try:
        s.child.set_model(replace(s.child.view(), guardian_id="g1", surname="Garcia"))
        window.show_screen(s.child.name)
        s.child.entry.type_into("given_names", "lucia")
        s.child.entry.type_into("birth_date", "31022019")
        touch(qtbot, s.child.primary_button)
        assert not s.child.relating()
        assert s.child.problem.isVisible()
        assert s.child.problem.text() == "Please check the date of birth."
    finally:
        presenter.detach()
        window.shutdown()


def test_cancel_on_the_stay_ends_the_visit_on_the_welcome_screen(qtbot: Any) -> None:
    runner = MachineRunner(World())
    window, s, presenter = open_window(qtbot, runner)
    try:
        touch(qtbot, s.welcome.check_in_button)
        qtbot.waitUntil(lambda: window.current_screen() is s.find)
        for key in "4701":
            touch(qtbot, s.find.keyboard.button(key))
        touch(qtbot, s.find.primary_button)
        qtbot.waitUntil(lambda: window.current_screen() is s.stay)
        assert "ANA" in s.stay.values["guests"].text()
        touch(qtbot, s.stay.cancel_button)
        assert any(isinstance(e, ev.Cancelled) for e in runner.sent)
        qtbot.waitUntil(lambda: any(isinstance(e, ev.Reset) for e in runner.sent))
        qtbot.waitUntil(lambda: window.current_screen() is s.welcome)
        assert runner.state.step is Step.WELCOME
        assert runner.journey.record().record.status is Outcome.CANCELLED
    finally:
        presenter.detach()
        window.shutdown()


def test_a_key_that_does_not_work_is_made_again_by_touch(qtbot: Any) -> None:
    runner = MachineRunner(World(stay=replace(STAY, state=StayState.CHECKED_IN)))
    window, s, presenter = open_window(qtbot, runner)
    try:
        touch(qtbot, s.welcome.key_button)
        qtbot.waitUntil(lambda: window.current_screen() is s.find_room)
        assert s.find_room.title.text() == "A new key card"
        touch(qtbot, s.find_room.type_button)
        touch(qtbot, s.find_room.entry.fields["room"])
        for key in "204":
            touch(qtbot, s.find_room.keyboard.button(key))
        touch(qtbot, s.find_room.entry.fields["surname"])
        for key in "garcia":
            touch(qtbot, s.find_room.keyboard.button(key))
        touch(qtbot, s.find_room.primary_button)

        # the ID of a guest of the room, checked again (no list of everyone's IDs)
        qtbot.waitUntil(lambda: window.current_screen() is s.guests)
        assert s.guests.title.text() == "Place your ID on the reader"
        assert not s.guests.progress.isVisible()
        runner.send(ev.DocumentScanned(ANA, NOW))
        qtbot.waitUntil(
            lambda: window.current_screen() is s.keys and s.keys.count_panel.isVisible()
        )
        assert not s.keys.step_label.text()  # key help is not the check-in's steps
        touch(qtbot, s.keys.count_buttons[1])
        qtbot.waitUntil(lambda: window.current_screen() is s.done)
        assert s.done.title.text() == "Your new key cards are ready"
        assert runner.state.keys_encoded() == 1
    finally:
        presenter.detach()
        window.shutdown()


def test_an_id_at_the_welcome_screen_that_finds_nothing_says_so(qtbot: Any) -> None:
    runner = MachineRunner(World(stays_by_name=()))
    window, s, presenter = open_window(qtbot, runner)
    try:
        runner.send(ev.DocumentScanned(ANA, NOW))  # the ID on the reader, nothing touched
        qtbot.waitUntil(lambda: window.current_screen() is s.find and s.find.problem.isVisible())
        assert s.find.problem.text().startswith("We could not find that booking")
        touch(qtbot, s.find.back_button)  # start afresh
        qtbot.waitUntil(lambda: window.current_screen() is s.welcome)
        qtbot.waitUntil(lambda: runner.state.step is Step.WELCOME and not runner.state.notice)
    finally:
        presenter.detach()
        window.shutdown()
