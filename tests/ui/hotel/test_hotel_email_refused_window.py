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
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "app" / "hotel"))
from hotel_lane_rig import check_in_to_registration, hotel_rig
from hotel_window_rig import open_hotel_lane

REFUSED = "We cannot send an e-mail to the address on your booking."


def _bad_address(rig: Any) -> None:
    """Every guest's address in the PMS one that takes no mail."""
    changed = 0
    for customer in rig.demo.pms.hotel.customers.values():
        if customer.get("Email"):
            customer["Email"] = "ana@example"
            changed += 1
    assert changed


@pytest.mark.slow
def test_an_address_that_cannot_take_mail_is_said_and_print_offered(
    qtbot: Any, tmp_path: Path
) -> None:
    with hotel_rig(tmp_path) as rig, open_hotel_lane(qtbot, rig) as w:
        s, runner = w.s, w.runner
        # GIVEN the stay checked in, then its address in the PMS one that takes no mail
        w.checked_in()
        _bad_address(rig)
        rig.clock.advance(timedelta(days=2, hours=-6))

        # WHEN the guest checks out by touch
        w.check_out_to_folio("204", "martin")
        w.touch(s.folio.primary_button)
        w.shown(s.invoice)

        # THEN no e-mail is offered, the screen says why and offers print
        assert not s.invoice.email_button.isVisible()
        assert s.invoice.problem.isVisible()
        assert REFUSED in s.invoice.problem.text()
        hit = QApplication.widgetAt(
            s.invoice.problem.mapToGlobal(s.invoice.problem.rect().center())
        )
        assert hit is s.invoice.problem  # the message is on top, where the guest sees it
        printed = len(rig.demo.printer.receipts)
        w.touch(s.invoice.print_button)
        w.shown(s.drop_keys)
        w.wait(lambda: len(rig.demo.printer.receipts) > printed)
        assert runner.state.invoice_delivered
        w.touch(s.drop_keys.primary_button)
        w.wait(lambda: w.window.current_screen() is s.done)
        assert rig.demo.mail.messages() == []  # nothing was queued for that address


@pytest.mark.slow
def test_the_registration_cards_copy_says_it_too_and_prints(qtbot: Any, tmp_path: Path) -> None:
    with hotel_rig(tmp_path) as rig, open_hotel_lane(qtbot, rig) as w:
        s, runner = w.s, w.runner
        _bad_address(rig)  # GIVEN the booking's address takes no mail
        check_in_to_registration(rig, w.lane)
        runner.sign(b"\x89PNG\r\n\x1a\nsignature", "en")  # WHEN the card is signed
        w.wait(
            lambda: (
                w.window.current_screen() is s.registration
                and s.registration.copy_panel.isVisible()
                and not s.registration.busy()
            )
        )
        # THEN the copy is not offered by e-mail, the screen says why, print is offered
        assert not s.registration.email_button.isVisible()
        assert REFUSED in s.registration.problem.text()
        assert s.registration.problem.isVisible()
        printed = len(rig.demo.printer.receipts)
        w.touch(s.registration.print_button)
        w.wait(lambda: len(rig.demo.printer.receipts) > printed)
        w.wait(lambda: runner.state.card_delivered)
