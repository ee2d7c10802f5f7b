"""The HID wedge driver's read loop on a real pipe of kernel ``input_event`` structs.

(There is no /dev/uinput here to create a virtual keyboard, so evdev's open/grab
is not exercised; everything after the file descriptor is.)
"""

from __future__ import annotations

import contextlib
import os
import queue
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.devices.base import Device
from kiosk.devices.errors import DeviceNotFound, ProtocolError
from kiosk.devices.scanner.hid import HidScanner, HidSettings
from kiosk.devices.scanner.keymap import KEY_ENTER, KEY_LEFTSHIFT, KEY_RIGHTALT, LAYOUTS, keys_for
from kiosk.devices.scanner.scan import Scan
from kiosk.devices.scanner.wedge import (
    INPUT_EVENT,
    PRESS,
    RELEASE,
    InputEventParser,
    encode_key_event,
)
from kiosk.devices.status import Health
from kiosk.devices.worker import Backoff

EV_SYN, EV_MSC = 0, 4


class PipeKeyboard:
    """A pipe carrying what the kernel sends for a keyboard-wedge scanner."""

    def __init__(self) -> None:
        self._read, self._write = os.pipe()

    def fileno(self) -> int:
        return self._read

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self._read)

    def type(self, text: str, layout: str) -> None:
        events = []
        for code, shift, altgr in keys_for(text, LAYOUTS[layout]):
            modifier = KEY_LEFTSHIFT if shift else KEY_RIGHTALT if altgr else None
            presses = [(code, PRESS), (code, RELEASE)]
            if modifier:
                presses = [(modifier, PRESS), *presses, (modifier, RELEASE)]
            for key, value in presses:
                events.append(encode_key_event(4, 0x70000, EV_MSC))  # scan code, ignored
                events.append(encode_key_event(key, value))
                events.append(encode_key_event(0, 0, EV_SYN))
        events += [encode_key_event(KEY_ENTER, PRESS), encode_key_event(KEY_ENTER, RELEASE)]
        os.write(self._write, b"".join(events))

    def unplug(self) -> None:
        os.close(self._write)


def _scanner(keyboards: queue.Queue[PipeKeyboard], layout: str) -> HidScanner:
    def open_link() -> PipeKeyboard:
        try:
            return keyboards.get_nowait()
        except queue.Empty:
            raise DeviceNotFound("no keyboard") from None

    settings = HidSettings(
        path="/dev/input/test", layout=layout, max_length=40, backoff=Backoff(0.02, 0.1)
    )
    return HidScanner("wedge", settings, open_link)


def test_es_wedge_scans_arrive_and_unplug_reconnects(
    recorder: Callable, stopper: Callable[[Device], Device]
) -> None:
    keyboards: queue.Queue[PipeKeyboard] = queue.Queue()
    first = PipeKeyboard()
    keyboards.put(first)
    device = stopper(_scanner(keyboards, "es"))
    device.add_listener(recorder)
    device.start()
    recorder.wait_health(Health.READY)
    first.type("]C1010950110153000317ñ-_/", "es")
    first.type("1" * 50, "es")  # over-long: reported, not delivered
    scans = recorder.wait_data(1)
    assert scans == [Scan("010950110153000317ñ-_/", "]C1", "hid")]
    recorder.wait_for(lambda _: bool(recorder.errors))
    assert isinstance(recorder.errors[0].error, ProtocolError)

    first.unplug()
    recorder.wait_health(Health.OFFLINE)
    second = PipeKeyboard()
    keyboards.put(second)
    recorder.wait_health(Health.READY, after=1)
    second.type("4006381333931", "es")
    assert recorder.wait_data(2)[1] == Scan("4006381333931", None, "hid")


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=INPUT_EVENT.size * 20), cuts=st.lists(st.integers(0, 480)))
def test_input_event_parser_is_indifferent_to_chunking(data: bytes, cuts: list[int]) -> None:
    whole = InputEventParser().feed(data)
    parser, pieces, start = InputEventParser(), [], 0
    for cut in sorted(cuts):
        pieces += parser.feed(data[start:cut])
        start = max(start, cut)
    pieces += parser.feed(data[start:])
    assert pieces == whole
    assert len(whole) <= len(data) // INPUT_EVENT.size
