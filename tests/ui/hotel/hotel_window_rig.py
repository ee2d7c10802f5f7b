"""The hotel lane in the real ``KioskWindow``, on real parts, for the journey tests.

``open_hotel_lane(qtbot, rig)`` builds the lane with ``build_lane`` from the rig's
config (``config/demo-hotel.toml``, ``lane.mode = "hotel_checkin"``, as ``kiosk run``
builds it) over the simulators of ``tests/app/hotel/hotel_lane_rig.py`` (Mews and SES
over HTTP, the encoder over TCP, the document reader on a pty, the card terminal and
printer simulators, a real SQLite store), opens it through the real shell
(``open_lane_window``) and, on leaving, detaches the presenter, stops the lane and
shuts the window. :class:`HotelWindow` touches widgets the way a person does (only
where ``QApplication.widgetAt`` finds them on top) and walks the guest through the
steps the journey tests share.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "app" / "hotel"))
from hotel_lane_rig import NOW, HotelRig, check_in_to_keys, present

from kiosk.app.shell import open_lane_window
from kiosk.app.wiring import Lane, build_lane
from kiosk.domain.hotel import events as ev
from kiosk.domain.hotel.states import HotelState, Step
from kiosk.ui.window import KioskWindow

WAIT_MS = 30_000
__all__ = ["WAIT_MS", "HotelWindow", "open_hotel_lane", "touch"]


def touch(qtbot: Any, widget: QWidget) -> None:
    """Touch ``widget`` at its centre, after checking it is the one on top there."""
    centre = widget.rect().center()
    hit = QApplication.widgetAt(widget.mapToGlobal(centre))
    text = getattr(widget, "text", lambda: "")()
    assert hit is widget, f"{hit!r} is on top of {widget!r} ({text!r})"
    assert widget.isEnabled(), text
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=centre)


@dataclass
class HotelWindow:
    qtbot: Any
    rig: HotelRig
    lane: Lane
    window: KioskWindow
    presenter: Any

    @property
    def s(self) -> Any:
        """The hotel screens (``kiosk.ui.hotel.screens.HotelScreens``)."""
        return self.presenter.screens

    @property
    def runner(self) -> Any:
        """The lane's hotel runner (its ``state`` is the machine's)."""
        return self.lane.controller

    def touch(self, widget: QWidget) -> None:
        touch(self.qtbot, widget)

    def type_keys(self, screen: Any, text: str) -> None:
        """Type ``text`` on ``screen``'s on-screen keyboard, a key at a time."""
        for char in text:
            self.touch(screen.keyboard.button(char))

    def wait(self, condition: Callable[[], object], timeout: int = WAIT_MS) -> None:
        self.qtbot.waitUntil(condition, timeout=timeout)

    def shown(self, screen: QWidget) -> None:
        """Wait until ``screen`` is up and waits for nothing."""
        self.wait(lambda: self.window.current_screen() is screen and not screen.busy())  # type: ignore[attr-defined]

    def checked_in(self) -> None:
        """The demo stay checked in (not by touch: the rig's steps, one key), then the
        next guest's welcome screen."""
        runner = self.runner
        check_in_to_keys(self.rig, self.lane)
        runner.send(ev.KeyCountChosen(1, NOW))
        self.wait(lambda: runner.state.step is Step.DONE)
        runner.reset()
        self.wait(lambda: runner.state.step is Step.WELCOME)
        self.shown(self.s.welcome)

    def find_booking(self, confirmation: str = "4701") -> None:
        """From the welcome screen: Check in, the confirmation number typed, the stay
        confirmed."""
        s = self.s
        self.shown(s.welcome)
        self.touch(s.welcome.check_in_button)
        self.shown(s.find)
        self.type_keys(s.find, confirmation)
        self.touch(s.find.primary_button)
        self.shown(s.stay)

    def through_guests(self, fill_details: Callable[[HotelState], None]) -> None:
        """Each guest's ID presented and details given, up to the registration card.

        ``fill_details(state)`` fills the details screen of ``state.details_for``; then
        Continue is touched and the next guest (or step) awaited.
        """
        s, runner = self.s, self.runner
        screen_of = {Step.GUESTS: s.guests, Step.DETAILS: s.details}
        screen_of[Step.REGISTRATION] = s.registration
        for _ in range(6):
            self.wait(
                lambda: (
                    runner.state.waiting is None
                    and runner.state.step in screen_of
                    and (runner.state.step is not Step.GUESTS or runner.state.document_for)
                    and self.window.current_screen() is screen_of[runner.state.step]
                )
            )
            state = runner.state
            if state.step is Step.REGISTRATION:
                return
            if state.step is Step.GUESTS:
                asked = state.document_for
                name = state.guest(asked).given_names.split()[0]
                self.wait(lambda n=name: n.upper() in s.guests.title.text())
                present(self.rig, self.lane, name.lower())
                self.wait(
                    lambda a=asked: (
                        runner.state.document_for != a or runner.state.step is not Step.GUESTS
                    )
                )
                continue
            self.shown(s.details)
            fill_details(state)
            asked = state.details_for
            self.touch(s.details.primary_button)
            self.wait(
                lambda a=asked: (
                    runner.state.details_for != a or runner.state.step is not Step.DETAILS
                )
            )
        raise AssertionError(f"still at {runner.state.step} after six guest steps")

    def sign_pay_and_take_keys(self, keys: int) -> None:
        """The registration card signed with a finger and printed, the balance and the
        deposit paid at the card terminal, ``keys`` keys taken: the done screen."""
        s, runner = self.s, self.runner
        self.shown(s.registration)
        pad = s.registration.pad
        QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(40, 60))
        for x in range(60, 300, 20):
            QTest.mouseMove(pad, QPoint(x, 60 + (x % 80)))
        QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(300, 90))
        self.touch(s.registration.primary_button)
        self.wait(s.registration.print_button.isVisible)
        self.touch(s.registration.print_button)

        self.shown(s.payment)
        assert s.payment.view().purpose == "balance"
        self.touch(s.payment.primary_button)
        self.wait(
            lambda: (
                runner.state.step is Step.PAYING
                and runner.state.waiting is None
                and runner.state.paying is None
                and runner.state.balance_due().minor == 0
            )
        )
        self.wait(
            lambda: s.payment.view().purpose == "deposit" and s.payment.primary_button.isEnabled()
        )
        self.shown(s.payment)
        self.touch(s.payment.primary_button)

        self.wait(s.keys.count_panel.isVisible)
        self.shown(s.keys)
        self.touch(s.keys.count_buttons[keys])
        self.wait(lambda: self.window.current_screen() is s.done, timeout=60_000)

    def check_out_to_folio(self, room: str = "204", surname: str = "martin") -> None:
        """From the welcome screen: Check out, the room number and surname typed, the
        bill on screen."""
        s = self.s
        self.touch(s.welcome.check_out_button)
        self.shown(s.find_room)
        self.touch(s.find_room.type_button)
        self.touch(s.find_room.entry.fields["room"])
        self.type_keys(s.find_room, room)
        self.touch(s.find_room.entry.fields["surname"])
        self.type_keys(s.find_room, surname)
        self.touch(s.find_room.primary_button)
        self.wait(lambda: self.runner.state.folio is not None)
        self.shown(s.folio)


@contextlib.contextmanager
def open_hotel_lane(
    qtbot: Any, rig: HotelRig, size: tuple[int, int] = (1366, 768)
) -> Iterator[HotelWindow]:
    """The rig's lane in a shown, non-kiosk shell of ``size``; stopped on leaving."""
    lane = build_lane(rig.config, clock=rig.clock, with_sync=False)
    window, presenter, _attendant = open_lane_window(
        lane, show=False, kiosk_mode=False, idle_timeout_ms=600_000
    )
    qtbot.addWidget(window)
    try:
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        yield HotelWindow(qtbot, rig, lane, window, presenter)
    finally:
        presenter.detach()
        lane.stop()
        window.shutdown()
