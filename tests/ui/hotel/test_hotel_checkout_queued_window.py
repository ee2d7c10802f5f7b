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

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "app" / "hotel"))
from hotel_lane_rig import hotel_rig
from hotel_window_rig import open_hotel_lane

from kiosk.payment.sim.server import TerminalServer


@pytest.mark.slow
def test_a_check_out_with_the_terminal_down_says_the_release_is_queued(
    qtbot: Any, tmp_path: Path
) -> None:
    with (
        hotel_rig(tmp_path, deposit_wait_s=0.3, mail_every_s=1.0) as rig,
        open_hotel_lane(qtbot, rig) as w,
    ):
        s, runner = w.s, w.runner
        # GIVEN the stay checked in (as the check-in journey test does it by touch)
        w.checked_in()

        # WHEN two days later the card terminal is down
        port = rig.demo.terminal_server.port
        rig.demo.terminal_server.stop()
        w.lane.payment_flow.terminal.close()  # its kept-alive connection dropped too
        rig.clock.advance(timedelta(days=2, hours=-6))
        w.check_out_to_folio("204", "martin")
        w.touch(s.folio.primary_button)
        w.shown(s.invoice)
        assert s.invoice.email_button.isVisible()  # the booking's address can take mail
        w.touch(s.invoice.email_button)
        w.shown(s.drop_keys)
        w.touch(s.drop_keys.primary_button)
        w.wait(lambda: w.window.current_screen() is s.done)

        # THEN the done screen says the release waits for the terminal
        assert runner.state.checked_out
        assert "Deposit release queued" in s.done.message.text()
        sink = rig.demo.mail
        w.wait(lambda: len(sink.messages()) == 1)
        assert b"Subject: Hotel Baixa: your invoice" in sink.messages()[0].read_bytes()

        # and once the terminal is back the deposit is released without anyone
        with TerminalServer(rig.demo.terminal, port=port):
            deadline = time.monotonic() + 30
            while runner.deposit_queued():
                assert time.monotonic() < deadline, "the release never went"
                threading.Event().wait(0.05)
        reversals = [e for e in rig.demo.terminal.ledger.entries() if e.category == "Reversal"]
        assert [e.state for e in reversals] == ["approved"]
