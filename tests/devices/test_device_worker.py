"""The reconnecting worker and StreamReaderDevice on in-memory streams."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from kiosk.devices.base import Device
from kiosk.devices.errors import DeviceNotFound, DevicePermissionDenied, ProtocolError
from kiosk.devices.protocol import Rejected
from kiosk.devices.reader import StreamReaderDevice
from kiosk.devices.status import Health
from kiosk.devices.transport import DummyStream
from kiosk.devices.worker import Backoff

FAST = Backoff(0.01, 0.05)


def test_backoff_grows_to_its_cap() -> None:
    delays = list(itertools.islice(Backoff(0.1, 1.0, 3.0).delays(), 5))
    assert delays == [0.1, 0.30000000000000004, 0.9000000000000001, 1.0, 1.0]


class LineParser:
    """A minimal sans-IO parser: lines, 'BAD' lines rejected."""

    def __init__(self) -> None:
        self.buffer = b""

    def feed(self, data: bytes) -> list[object]:
        self.buffer += data
        *lines, self.buffer = self.buffer.split(b"\n")
        return [Rejected("bad line", line) if line == b"BAD" else line.decode() for line in lines]


def _reader(streams: list[DummyStream | None]) -> tuple[StreamReaderDevice, list[DummyStream]]:
    """A device whose connects return ``streams`` in order (None = device absent)."""
    opened: list[DummyStream] = []
    queue = iter(streams)

    def open_stream() -> DummyStream:
        stream = next(queue, None)
        if stream is None:
            raise DeviceNotFound("not plugged in")
        opened.append(stream)
        return stream

    return StreamReaderDevice("line", open_stream, LineParser, FAST, 0.01), opened


def test_absent_device_is_offline_then_ready_when_it_appears(
    recorder: Callable[..., None], stopper: Callable[[Device], Device]
) -> None:
    first = DummyStream()
    device, _ = _reader([None, None, first])
    device.add_listener(recorder)
    stopper(device).start()
    recorder.wait_health(Health.READY)
    first.push(b"one\n")
    recorder.wait_data(1)
    assert recorder.healths[:2] == [Health.OFFLINE, Health.READY]
    assert recorder.data == ["one"]
    assert device.connections == 1


def test_lost_link_reconnects_and_drops_the_cut_frame(
    recorder: Callable[..., None], stopper: Callable[[Device], Device]
) -> None:
    first, second = DummyStream(), DummyStream()
    device, _ = _reader([first, second])
    device.add_listener(recorder)
    stopper(device).start()
    recorder.wait_health(Health.READY)
    first.push(b"one\ntw")
    recorder.wait_data(1)
    first.unplug()
    recorder.wait_health(Health.READY, after=1)
    second.push(b"o\nthree\n")
    recorder.wait_data(3)
    assert recorder.data == ["one", "o", "three"]
    assert Health.OFFLINE in recorder.healths[1:]
    assert first.closed


def test_garbage_is_an_error_event_and_reading_goes_on(
    recorder: Callable[..., None], stopper: Callable[[Device], Device]
) -> None:
    stream = DummyStream()
    device, _ = _reader([stream])
    device.add_listener(recorder)
    stopper(device).start()
    recorder.wait_health(Health.READY)
    stream.push(b"BAD\nok\n")
    recorder.wait_data(1)
    assert recorder.data == ["ok"]
    assert isinstance(recorder.errors[0].error, ProtocolError)
    assert recorder.errors[0].raw == b"BAD"


def test_a_parser_bug_is_an_error_status_and_the_worker_retries(
    recorder: Callable[..., None], stopper: Callable[[Device], Device]
) -> None:
    class Exploding:
        def feed(self, data: bytes) -> list[object]:
            raise ZeroDivisionError("parser bug")

    streams = iter([DummyStream([b"x"]), DummyStream([b"y"])])
    device = StreamReaderDevice("bug", lambda: next(streams), Exploding, FAST, 0.01)
    device.add_listener(recorder)
    stopper(device).start()
    recorder.wait_health(Health.ERROR, after=0)
    recorder.wait_health(Health.READY, after=1)


def test_send_writes_to_the_connected_stream(
    recorder: Callable[..., None], stopper: Callable[[Device], Device]
) -> None:
    stream = DummyStream()
    device, _ = _reader([stream])
    device.add_listener(recorder)
    stopper(device).start()
    recorder.wait_health(Health.READY)
    device.send(b"W\r")
    assert bytes(stream.written) == b"W\r"


def test_permission_denied_is_an_error_a_person_must_fix(
    recorder: Callable[..., None], stopper: Callable[[Device], Device]
) -> None:
    def refuse() -> DummyStream:
        raise DevicePermissionDenied("permission denied: /dev/ttyACM0 (add the user to dialout)")

    device = StreamReaderDevice("perm", refuse, LineParser, FAST, 0.01)
    device.add_listener(recorder)
    stopper(device).start()
    recorder.wait_health(Health.ERROR)
    assert "dialout" in device.status.detail
