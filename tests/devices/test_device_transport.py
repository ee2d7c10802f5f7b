"""Byte streams: the in-memory DummyStream, TCP on 127.0.0.1 and pyserial on a real pty."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from kiosk.devices.errors import DeviceConfigError, DeviceError, DeviceNotFound, DeviceOffline
from kiosk.devices.sim.pty import VirtualPort
from kiosk.devices.transport import DummyStream, connect_tcp, open_serial


def test_dummy_replays_reads_and_records_writes() -> None:
    stream = DummyStream([b"abc", b"defgh"], on_write=lambda b: b"ACK" if b == b"?" else None)
    assert stream.read(2) == b"ab"
    assert stream.read(10) == b"c"
    assert stream.read(10) == b"defgh"
    assert stream.read(10, timeout=0.01) == b""
    stream.write(b"?")
    stream.write(b"x")
    assert stream.read(10) == b"ACK"
    assert bytes(stream.written) == b"?x"


def test_dummy_unplug_wakes_a_blocked_reader() -> None:
    stream = DummyStream()
    failures: list[BaseException] = []

    def reader() -> None:
        try:
            stream.read(10, timeout=10)
        except DeviceOffline as error:
            failures.append(error)

    thread = threading.Thread(target=reader)
    thread.start()
    stream.unplug()
    thread.join(5)
    assert len(failures) == 1
    with pytest.raises(DeviceOffline):
        stream.write(b"x")


@pytest.fixture
def server() -> Iterator[socket.socket]:
    listener = socket.create_server(("127.0.0.1", 0))
    yield listener
    listener.close()


def test_tcp_stream_round_trip_and_peer_close(server: socket.socket) -> None:
    host, port = server.getsockname()
    stream = connect_tcp(f"{host}:{port}", name="printer")
    peer, _ = server.accept()
    stream.write(b"\x10\x04\x01")
    assert peer.recv(10) == b"\x10\x04\x01"
    peer.sendall(b"\x12")
    assert stream.read(10, timeout=5) == b"\x12"
    assert stream.read(10, timeout=0.01) == b""
    peer.close()
    with pytest.raises(DeviceOffline, match="closed"):
        stream.read(10, timeout=5)
    stream.close()


def test_tcp_connect_refused_is_offline(server: socket.socket) -> None:
    host, port = server.getsockname()
    server.close()
    with pytest.raises(DeviceOffline):
        connect_tcp(f"{host}:{port}", timeout=1)


@pytest.mark.parametrize("address", ["printer", "host:notaport", ":9100"])
def test_tcp_address_must_have_a_port(address: str) -> None:
    with pytest.raises(DeviceConfigError):
        connect_tcp(address)


def test_serial_missing_port_is_not_found(tmp_path: object) -> None:
    with pytest.raises(DeviceNotFound, match="no-such-tty"):
        open_serial("/dev/no-such-tty")


def test_serial_stream_over_a_pty_and_unplug() -> None:
    with VirtualPort() as port:
        stream = open_serial(port.path, baudrate=115200)
        port.write(b"hello")
        received = b""
        while len(received) < 5:
            received += stream.read(100, timeout=5)
        assert received == b"hello"
        stream.write(b"ping")
        assert port.read(10) == b"ping"
        port.unplug()
        with pytest.raises(DeviceError):
            stream.read(100, timeout=5)
        stream.close()


def test_serial_bad_setting_is_a_config_error() -> None:
    with VirtualPort() as port, pytest.raises(DeviceConfigError):
        open_serial(port.path, bytesize=9)
