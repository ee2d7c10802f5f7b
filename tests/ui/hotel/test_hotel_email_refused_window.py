"""A booking address the mail server could not take (from the PMS) is said on the
invoice screen and print is offered instead, by touch in the real ``KioskWindow``.

The lane is built by ``build_lane`` from ``config/demo-hotel.toml`` and opened through
the real shell on the hotel demo rig's simulators (``tests/app/hotel/hotel_lane_rig.py``).
Every touch lands on the widget ``QApplication.widgetAt`` finds on top at its centre.

GIVEN booking 4701 checked in, whose guest's address in the PMS is then "ana@example"
(no top-level domain: an e-mail would be refused) WHEN the guest checks out by touch
THEN the invoice screen offers no e-mail, says the e-mail cannot be sent to the
booking's address and offers print; the guest touches Print and the invoice is printed.
The same at check-in for the copy of the signed registration card.
"""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "app" / "hotel"))
from hotel_lane_rig import NOW, check_in_to_keys, check_in_to_registration, hotel_rig

from kiosk.app.shell import open_lane_window
from kiosk.app.wiring import build_lane
from kiosk.domain.hotel import events as ev
from kiosk.domain.hotel.states import Step

WAIT_MS = 30_000
REFUSED = "We cannot send an e-mail to the address on your booking."


def touch(qtbot: Any, widget: QWidget) -> None:
    """Touch ``widget`` at its centre, after checking it is the one on top there."""
    centre = widget.rect().center()
    hit = QApplication.widgetAt(widget.mapToGlobal(centre))
    assert hit is widget, f"{hit!r} is on top of {widget!r}"
    assert widget.isEnabled()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=centre)


@pytest.mark.slow
def _bad_address(rig: Any) -> None:
    """Every guest's address in the PMS one that takes no mail."""
    changed = 0
    for customer in rig.demo.pms.hotel.customers.values():
        if customer.get("Email"):
            customer["Email"] = "ana@example"
            changed += 1
    assert changed


def test_an_address_that_cannot_take_mail_is_said_and_print_offered(
    qtbot: Any, tmp_path: Path
) -> None:
    with hotel_rig(tmp_path) as rig:
        lane = build_lane(rig.config, clock=rig.clock, with_sync=False)
        window, presenter, _attendant = open_lane_window(
            lane, show=False, kiosk_mode=False, idle_timeout_ms=600_000
        )
        qtbot.addWidget(window)
        try:
            window.resize(1366, 768)
            window.show()
            qtbot.waitExposed(window)
            s = presenter.screens
            runner = lane.controller

            def shown(screen: QWidget) -> None:
                qtbot.waitUntil(
                    lambda: window.current_screen() is screen and not screen.busy(),  # type: ignore[attr-defined]
                    timeout=WAIT_MS,
                )

            # GIVEN the stay checked in, then its address in the PMS one that takes no mail
            check_in_to_keys(rig, lane)
            runner.send(ev.KeyCountChosen(1, NOW))
            qtbot.waitUntil(lambda: runner.state.step is Step.DONE, timeout=WAIT_MS)
            runner.reset()
            qtbot.waitUntil(lambda: runner.state.step is Step.WELCOME, timeout=WAIT_MS)
            shown(s.welcome)
            _bad_address(rig)
            rig.clock.advance(timedelta(days=2, hours=-6))

            # WHEN the guest checks out by touch
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
            touch(qtbot, s.folio.primary_button)
            shown(s.invoice)

            # THEN no e-mail is offered, the screen says why and offers print
            assert not s.invoice.email_button.isVisible()
            assert s.invoice.problem.isVisible()
            assert REFUSED in s.invoice.problem.text()
            hit = QApplication.widgetAt(
                s.invoice.problem.mapToGlobal(s.invoice.problem.rect().center())
            )
            assert hit is s.invoice.problem  # the message is on top, where the guest sees it
            printed = len(rig.demo.printer.receipts)
            touch(qtbot, s.invoice.print_button)
            shown(s.drop_keys)
            qtbot.waitUntil(lambda: len(rig.demo.printer.receipts) > printed, timeout=WAIT_MS)
            assert runner.state.invoice_delivered
            touch(qtbot, s.drop_keys.primary_button)
            qtbot.waitUntil(lambda: window.current_screen() is s.done, timeout=WAIT_MS)
            assert rig.demo.mail.messages() == []  # nothing was queued for that address
        finally:
            presenter.detach()
            lane.stop()
            window.shutdown()


@pytest.mark.slow
def test_the_registration_cards_copy_says_it_too_and_prints(qtbot: Any, tmp_path: Path) -> None:
    with hotel_rig(tmp_path) as rig:
        lane = build_lane(rig.config, clock=rig.clock, with_sync=False)
        window, presenter, _attendant = open_lane_window(
            lane, show=False, kiosk_mode=False, idle_timeout_ms=600_000
        )
        qtbot.addWidget(window)
        try:
            window.resize(1366, 768)
            window.show()
            qtbot.waitExposed(window)
            s = presenter.screens
            runner = lane.controller
            _bad_address(rig)  # GIVEN the booking's address takes no mail
            check_in_to_registration(rig, lane)
            runner.sign(b"\x89PNG\r\n\x1a\nsignature", "en")  # WHEN the card is signed
            qtbot.waitUntil(
                lambda: (
                    window.current_screen() is s.registration
                    and s.registration.copy_panel.isVisible()
                    and not s.registration.busy()
                ),
                timeout=WAIT_MS,
            )
            # THEN the copy is not offered by e-mail, the screen says why, print is offered
            assert not s.registration.email_button.isVisible()
            assert REFUSED in s.registration.problem.text()
            assert s.registration.problem.isVisible()
            printed = len(rig.demo.printer.receipts)
            touch(qtbot, s.registration.print_button)
            qtbot.waitUntil(lambda: len(rig.demo.printer.receipts) > printed, timeout=WAIT_MS)
            qtbot.waitUntil(lambda: runner.state.card_delivered, timeout=WAIT_MS)
        finally:
            presenter.detach()
            lane.stop()
            window.shutdown()
