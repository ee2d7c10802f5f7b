"""A late ``OK`` (the answer to a print that timed out) never confirms the next print."""

from __future__ import annotations

import pytest
from aea_rig import wait_until
from aea_samples import boarding_pass

from kiosk.devices.aea.driver import AeaSettings, BoardingPassPrinter, PrintFailed
from kiosk.devices.aea.framing import Deframer, Frame, frame
from kiosk.devices.status import Health
from kiosk.devices.transport import DummyStream
from kiosk.devices.worker import Backoff


class SlowPrinter:
    """Answers status and pectabs; the first print is never answered, the second jams."""

    def __init__(self) -> None:
        self.prints = 0
        self.deframer = Deframer()

    def __call__(self, data: bytes) -> bytes:
        out = b""
        for item in self.deframer.feed(data):
            if not isinstance(item, Frame):
                continue
            if item.text == "QS":
                out += frame("QS;1;OK;0;0")
            elif item.text.startswith("PT##?"):
                out += frame("PECTAB OK K1A")
            elif item.text.startswith("CP#"):
                self.prints += 1
                if self.prints == 2:
                    out += frame("ERR;PAPERJAM;jammed")
        return out


def test_a_late_ok_does_not_confirm_the_next_print() -> None:
    printer = SlowPrinter()
    stream = DummyStream(on_write=printer)
    settings = AeaSettings(
        status_interval=600.0, status_timeout=0.2, print_timeout=0.5, backoff=Backoff(0.05, 0.1)
    )
    device = BoardingPassPrinter("atb", lambda: stream, settings)
    device.start()
    try:
        wait_until(lambda: device.status.health is Health.READY)
        with pytest.raises(PrintFailed) as first:
            device.print_boarding_pass(boarding_pass())
        assert first.value.reason == "no_confirmation"
        stream.push(frame("OK"))  # the first pass came out after all, and said so late
        with pytest.raises(PrintFailed, match="jammed"):
            device.print_boarding_pass(boarding_pass())
        assert printer.prints == 2
    finally:
        device.shutdown()
