"""Done means (issue 13): a person checks in a two-guest booking by touch, in the real
``KioskWindow``.

The lane is built by ``build_lane`` with ``lane.mode = "hotel_checkin"`` from
``config/demo-hotel.toml`` (as ``kiosk run`` builds it) and opened through the real
shell (``open_lane_window``), on real parts: the Mews simulator over HTTP, the Salto
encoder simulator over TCP, the document reader on a pty, the receipt printer and card
terminal simulators, a real SQLite store (``tests/app/hotel/hotel_lane_rig.py``). Every
touch lands on the widget ``QApplication.widgetAt`` finds on top at its centre.

GIVEN booking 4701 (Ana García López and Luis Martín, Portugal's register) WHEN the
guest touches "Check in", types 4701 on the on-screen keyboard, confirms the stay,
presents both passports, types what the register asks (address, place of birth),
signs the card with a finger and has it printed, pays the balance and the deposit,
and takes two keys THEN both keys are confirmed by the encoder, the done screen shows
room 204, and Finish brings the next guest's welcome screen; and two days later the
guest checks out by touch (room number and surname typed, the bill, the invoice
printed, the keys dropped).
"""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "app" / "hotel"))
from hotel_lane_rig import hotel_rig, present

from kiosk.app.shell import open_lane_window
from kiosk.app.wiring import build_lane
from kiosk.domain.hotel.states import Outcome, Step

WAIT_MS = 30_000
#: What each guest types on the details screen (Portugal asks birth place and residence).
TYPED = {"street": "calle mayor 1", "postal_code": "41001", "city": "sevilla"}
TYPED |= {"birth_place": "sevilla"}


def touch(qtbot: Any, widget: QWidget) -> None:
    """Touch ``widget`` at its centre, after checking it is the one on top there."""
    centre = widget.rect().center()
    hit = QApplication.widgetAt(widget.mapToGlobal(centre))
    assert hit is widget, f"{hit!r} is on top of {widget!r} ({widget.text()!r})"  # type: ignore[attr-defined]
    assert widget.isEnabled(), widget.text()  # type: ignore[attr-defined]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=centre)


@pytest.mark.slow
@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
def test_a_two_guest_booking_checks_in_by_touch(
    qtbot: Any, tmp_path: Path, size: tuple[int, int]
) -> None:
    with hotel_rig(tmp_path) as rig:
        lane = build_lane(rig.config, clock=rig.clock, with_sync=False)
        window, presenter, _attendant = open_lane_window(
            lane, show=False, kiosk_mode=False, idle_timeout_ms=600_000
        )
        qtbot.addWidget(window)
        try:
            window.resize(*size)
            window.show()
            qtbot.waitExposed(window)
            s = presenter.screens
            runner = lane.controller

            def shown(screen: QWidget) -> None:
                """Wait until ``screen`` is up and waits for nothing."""
                qtbot.waitUntil(
                    lambda: window.current_screen() is screen and not screen.busy(),  # type: ignore[attr-defined]
                    timeout=WAIT_MS,
                )

            # -- welcome: check in, type the confirmation number
            shown(s.welcome)
            touch(qtbot, s.welcome.check_in_button)
            shown(s.find)
            for key in "4701":
                touch(qtbot, s.find.keyboard.button(key))
            touch(qtbot, s.find.primary_button)

            # -- the stay
            shown(s.stay)
            assert "ANA GARCÍA LÓPEZ" in s.stay.values["guests"].text()
            touch(qtbot, s.stay.primary_button)

            # -- both IDs, and what the register asks of each guest
            screen_of = {Step.GUESTS: s.guests, Step.DETAILS: s.details}
            screen_of[Step.REGISTRATION] = s.registration
            for _ in range(6):
                qtbot.waitUntil(
                    lambda: (
                        runner.state.waiting is None
                        and runner.state.step in screen_of
                        and (runner.state.step is not Step.GUESTS or runner.state.document_for)
                        and window.current_screen() is screen_of[runner.state.step]
                    ),
                    timeout=WAIT_MS,
                )
                state = runner.state
                if state.step is Step.REGISTRATION:
                    break
                if state.step is Step.GUESTS:
                    asked = state.document_for
                    name = state.guest(asked).given_names.split()[0]  # type: ignore[union-attr]
                    qtbot.waitUntil(lambda n=name: n.upper() in s.guests.title.text())
                    present(rig, lane, name.lower())
                    qtbot.waitUntil(
                        lambda a=asked: (
                            runner.state.document_for != a or runner.state.step is not Step.GUESTS
                        ),
                        timeout=WAIT_MS,
                    )
                    continue
                shown(s.details)
                for field, button in s.details.entry.fields.items():
                    touch(qtbot, button)
                    for key in TYPED[field]:
                        touch(qtbot, s.details.keyboard.button(key))
                asked = state.details_for
                touch(qtbot, s.details.primary_button)
                qtbot.waitUntil(
                    lambda a=asked: (
                        runner.state.details_for != a or runner.state.step is not Step.DETAILS
                    ),
                    timeout=WAIT_MS,
                )
            assert all(g.document is not None for g in runner.state.adults())

            # -- the registration card: sign with a finger, print a copy
            shown(s.registration)
            pad = s.registration.pad
            QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(40, 60))
            for x in range(60, 300, 20):
                QTest.mouseMove(pad, QPoint(x, 60 + (x % 80)))
            QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(300, 90))
            touch(qtbot, s.registration.primary_button)
            qtbot.waitUntil(s.registration.print_button.isVisible, timeout=WAIT_MS)
            touch(qtbot, s.registration.print_button)

            # -- the balance, then the deposit, at the card terminal
            shown(s.payment)
            assert s.payment.view().purpose == "balance"  # type: ignore[union-attr]
            touch(qtbot, s.payment.primary_button)
            qtbot.waitUntil(
                lambda: (
                    runner.state.step is Step.PAYING
                    and runner.state.waiting is None
                    and runner.state.paying is None
                    and runner.state.balance_due().minor == 0
                ),
                timeout=WAIT_MS,
            )
            qtbot.waitUntil(
                lambda: (
                    s.payment.view().purpose == "deposit"  # type: ignore[union-attr]
                    and s.payment.primary_button.isEnabled()
                ),
                timeout=WAIT_MS,
            )
            shown(s.payment)
            touch(qtbot, s.payment.primary_button)

            # -- two keys, each confirmed by the encoder
            qtbot.waitUntil(s.keys.count_panel.isVisible, timeout=WAIT_MS)
            shown(s.keys)
            touch(qtbot, s.keys.count_buttons[2])
            qtbot.waitUntil(lambda: window.current_screen() is s.done, timeout=60_000)
            state = runner.state
            assert state.outcome is Outcome.COMPLETED
            assert [k.encoded for k in state.keys] == [True, True]
            assert state.signature_ref
            assert s.done.room.text() == "204"
            assert s.done.room.isVisible()
            touch(qtbot, s.done.faces[3])
            touch(qtbot, s.done.primary_button)

            # -- the next guest
            qtbot.waitUntil(lambda: runner.state.step is Step.WELCOME, timeout=WAIT_MS)
            shown(s.welcome)

            # -- TWO DAYS LATER: check out by room number and surname; the deposit pays
            rig.clock.advance(timedelta(days=2, hours=-6))
            touch(qtbot, s.welcome.check_out_button)
            shown(s.find_room)
            touch(qtbot, s.find_room.type_button)
            touch(qtbot, s.find_room.entry.fields["room"])
            for key in "204":
                touch(qtbot, s.find_room.keyboard.button(key))
            touch(qtbot, s.find_room.entry.fields["surname"])
            for key in "martin":
                touch(qtbot, s.find_room.keyboard.button(key))
            touch(qtbot, s.find_room.primary_button)
            qtbot.waitUntil(lambda: runner.state.folio is not None, timeout=WAIT_MS)
            shown(s.folio)
            assert s.folio.view().lines  # type: ignore[union-attr]
            touch(qtbot, s.folio.primary_button)
            shown(s.invoice)
            touch(qtbot, s.invoice.print_button)
            shown(s.drop_keys)
            touch(qtbot, s.drop_keys.primary_button)
            qtbot.waitUntil(lambda: window.current_screen() is s.done, timeout=WAIT_MS)
            assert runner.state.checked_out
            assert s.done.title.text() == "Thank you for staying with us"
            touch(qtbot, s.done.primary_button)
            feedback = window.navigator.get("feedback")
            qtbot.waitUntil(
                lambda: runner.state.step is Step.WELCOME or window.current_screen() is feedback,
                timeout=WAIT_MS,
            )
            if window.current_screen() is feedback:  # the sampled question: skip it
                touch(qtbot, feedback.skip_button)
            qtbot.waitUntil(lambda: runner.state.step is Step.WELCOME, timeout=WAIT_MS)
            shown(s.welcome)
        finally:
            presenter.detach()
            lane.stop()
            window.shutdown()
