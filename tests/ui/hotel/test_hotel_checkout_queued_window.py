"""A check-out by touch while the card terminal is down, in the real ``KioskWindow``
(issue 13: the deposit's release queued, the guest not kept waiting).

The lane is built by ``build_lane`` from ``config/demo-hotel.toml`` and opened through
the real shell on the hotel demo rig's simulators (``tests/app/hotel/hotel_lane_rig.py``).
Every touch lands on the widget ``QApplication.widgetAt`` finds on top at its centre.

GIVEN booking 4701 checked in with a 150.00 deposit pre-authorised WHEN, two days later
with nothing more to pay and the card terminal down, the guest checks out by touch
(room and surname typed, the bill confirmed, the invoice e-mailed, the keys dropped)
THEN the done screen says the deposit release is queued, the invoice reaches the mail
sink, and once the terminal is back the lane releases the deposit on its own.
"""

from __future__ import annotations

import sys
import threading
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "app" / "hotel"))
from hotel_lane_rig import NOW, check_in_to_keys, hotel_rig

from kiosk.app.shell import open_lane_window
from kiosk.app.wiring import build_lane
from kiosk.domain.hotel import events as ev
from kiosk.domain.hotel.states import Step
from kiosk.payment.sim.server import TerminalServer

WAIT_MS = 30_000


def touch(qtbot: Any, widget: QWidget) -> None:
    """Touch ``widget`` at its centre, after checking it is the one on top there."""
    centre = widget.rect().center()
    hit = QApplication.widgetAt(widget.mapToGlobal(centre))
    assert hit is widget, f"{hit!r} is on top of {widget!r}"
    assert widget.isEnabled()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=centre)


@pytest.mark.slow
def test_a_check_out_with_the_terminal_down_says_the_release_is_queued(
    qtbot: Any, tmp_path: Path
) -> None:
    with hotel_rig(tmp_path, deposit_wait_s=0.3, mail_every_s=1.0) as rig:
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

            # GIVEN the stay checked in (as the check-in journey test does it by touch)
            check_in_to_keys(rig, lane)
            runner.send(ev.KeyCountChosen(1, NOW))
            qtbot.waitUntil(lambda: runner.state.step is Step.DONE, timeout=WAIT_MS)
            runner.reset()
            qtbot.waitUntil(lambda: runner.state.step is Step.WELCOME, timeout=WAIT_MS)
            shown(s.welcome)

            # WHEN two days later the card terminal is down
            port = rig.demo.terminal_server.port
            rig.demo.terminal_server.stop()
            lane.payment_flow.terminal.close()  # its kept-alive connection dropped too
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
            touch(qtbot, s.folio.primary_button)
            shown(s.invoice)
            assert s.invoice.email_button.isVisible()  # the booking's address can take mail
            touch(qtbot, s.invoice.email_button)
            shown(s.drop_keys)
            touch(qtbot, s.drop_keys.primary_button)
            qtbot.waitUntil(lambda: window.current_screen() is s.done, timeout=WAIT_MS)

            # THEN the done screen says the release waits for the terminal
            assert runner.state.checked_out
            assert "Deposit release queued" in s.done.message.text()
            sink = rig.demo.mail
            qtbot.waitUntil(lambda: len(sink.messages()) == 1, timeout=WAIT_MS)
            assert b"Subject: Hotel Baixa: your invoice" in sink.messages()[0].read_bytes()

            # and once the terminal is back the deposit is released without anyone
            with TerminalServer(rig.demo.terminal, port=port):
                deadline = time.monotonic() + 30
                while runner.deposit_queued():
                    assert time.monotonic() < deadline, "the release never went"
                    threading.Event().wait(0.05)
            reversals = [e for e in rig.demo.terminal.ledger.entries() if e.category == "Reversal"]
            assert [e.state for e in reversals] == ["approved"]
        finally:
            presenter.detach()
            lane.stop()
            window.shutdown()
