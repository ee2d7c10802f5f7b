"""Byte streams: the only thing a stream driver knows about its link (httpcore style).

A :class:`ByteStream` has ``read(max_bytes, timeout)``, ``write(data)`` and
``close()``. Opening one is the transport's job (:func:`open_serial`,
:func:`connect_tcp`); everything above works the same on a serial port, a TCP
socket or the in-memory :class:`DummyStream` that tests and simulators share.

Rules every stream follows:
    ``read`` returns at least one byte, or ``b""`` when ``timeout`` passed with
    nothing to read; a link that is gone raises :class:`DeviceOffline`.
    ``write`` sends all bytes or raises. ``close`` is idempotent.
    All other library errors come out as :class:`DeviceError` subclasses.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from kiosk.devices.errors import DeviceError, DeviceOffline, map_exceptions

PARITIES = {
    "N": "N",
    "E": "E",
    "O": "O",
    "M": "M",
    "S": "S",
    "none": "N",
    "even": "E",
    "odd": "O",
    "mark": "M",
    "space": "S",
}


class ByteStream(Protocol):
    """An open, bidirectional byte link."""

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        """Up to ``max_bytes``; ``b""`` after ``timeout`` seconds of silence.

        Raises DeviceOffline if the link is gone, DeviceError for other failures."""
        ...

    def write(self, data: bytes, timeout: float | None = None) -> None:
        """Send all of ``data``. Raises DeviceTimeout, DeviceOffline or DeviceError."""
        ...

    def close(self) -> None:
        """Release the link; idempotent."""
        ...


class SerialStream:
    """A pyserial port (RS-232, USB-CDC, pty). Open with :func:`open_serial`."""

    def __init__(self, port: Any, name: str | None = None) -> None:
        self._port = port
        self._name = name or port.port

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        with map_exceptions(self._name):
            if self._port.timeout != timeout:
                self._port.timeout = timeout
            first: bytes = self._port.read(1)
            if not first:
                return b""
            waiting = min(self._port.in_waiting, max_bytes - 1)
            return first + self._port.read(waiting) if waiting > 0 else first

    def write(self, data: bytes, timeout: float | None = None) -> None:
        with map_exceptions(self._name):
            if self._port.write_timeout != timeout:
                self._port.write_timeout = timeout
            self._port.write(data)
            self._port.flush()

    def close(self) -> None:
        with map_exceptions(self._name):
            self._port.close()


def open_serial(
    port: str,
    *,
    baudrate: int = 9600,
    bytesize: int = 8,
    parity: str = "N",
    stopbits: float = 1,
    xonxoff: bool = False,
    rtscts: bool = False,
    dsrdtr: bool = False,
    exclusive: bool = True,
    name: str | None = None,
) -> SerialStream:
    """Open a serial port.

    Raises:
        DeviceNotFound: the port does not exist.
        DeviceBusy / DevicePermissionDenied / DeviceOffline: the OS refused it.
        DeviceConfigError: a parameter pyserial does not accept.
    """
    import serial

    with map_exceptions(name or port):
        handle = serial.Serial(
            port=port,
            baudrate=baudrate,
            bytesize=bytesize,
            parity=PARITIES.get(parity, parity),
            stopbits=stopbits,
            xonxoff=xonxoff,
            rtscts=rtscts,
            dsrdtr=dsrdtr,
            timeout=0.1,
            exclusive=exclusive,
        )
    return SerialStream(handle, name or port)


class TcpStream:
    """A TCP socket (network printers on 9100, LAN scanners). Open with :func:`connect_tcp`."""

    def __init__(self, sock: socket.socket, name: str) -> None:
        self._sock = sock
        self._name = name

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        with map_exceptions(self._name):
            self._sock.settimeout(timeout)
            try:
                data = self._sock.recv(max_bytes)
            except TimeoutError:
                return b""
        if not data:
            raise DeviceOffline("connection closed by the device", self._name)
        return data

    def write(self, data: bytes, timeout: float | None = None) -> None:
        with map_exceptions(self._name):
            self._sock.settimeout(timeout)
            self._sock.sendall(data)

    def close(self) -> None:
        with map_exceptions(self._name):
            self._sock.close()


def connect_tcp(
    address: str, default_port: int | None = None, timeout: float = 3.0, name: str | None = None
) -> TcpStream:
    """Connect to ``host:port`` (or ``host`` with ``default_port``).

    Raises:
        DeviceConfigError: the address has no usable port.
        DeviceTimeout / DeviceOffline / DeviceNotFound: the connection failed.
    """
    from kiosk.devices.errors import DeviceConfigError

    host, _, port_text = address.rpartition(":") if ":" in address else (address, "", "")
    try:
        port = int(port_text) if port_text else default_port
    except ValueError:
        port = None
    if not host or port is None:
        raise DeviceConfigError(f"expected host:port, got {address!r}", name)
    with map_exceptions(name or address):
        sock = socket.create_connection((host, port), timeout=timeout)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return TcpStream(sock, name or address)


class DummyStream:
    """An in-memory stream: replays scripted reads, records writes.

    Args:
        reads: chunks ``read`` returns in order (more can be added with :meth:`push`).
        on_write: called with each written chunk; its return value (bytes) is queued
            for reading, so a simulator can answer queries (``lambda b: b"\\x12"``).
        name: for errors.

    :meth:`unplug` makes the next read/write raise DeviceOffline, like a pulled cable.
    """

    def __init__(
        self,
        reads: Iterable[bytes] = (),
        on_write: Callable[[bytes], bytes | None] | None = None,
        name: str = "dummy",
    ) -> None:
        self._chunks: list[bytes] = [bytes(c) for c in reads if c]
        self._on_write = on_write
        self._name = name
        self._ready = threading.Condition()
        self._gone = False
        self.written = bytearray()
        self.closed = False

    def push(self, data: bytes) -> None:
        """Queue ``data`` for reading (thread-safe)."""
        with self._ready:
            if data:
                self._chunks.append(bytes(data))
            self._ready.notify_all()

    def unplug(self) -> None:
        """Make the link disappear: pending and future reads raise DeviceOffline."""
        with self._ready:
            self._gone = True
            self._ready.notify_all()

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        with self._ready:
            self._ready.wait_for(lambda: self._chunks or self._gone or self.closed, timeout)
            self._raise_if_gone()
            if not self._chunks:
                return b""
            chunk = self._chunks.pop(0)
            if len(chunk) > max_bytes:
                self._chunks.insert(0, chunk[max_bytes:])
                chunk = chunk[:max_bytes]
            return chunk

    def write(self, data: bytes, timeout: float | None = None) -> None:
        with self._ready:
            self._raise_if_gone()
            self.written += data
        if self._on_write is not None:
            reply = self._on_write(bytes(data))
            if reply:
                self.push(reply)

    def close(self) -> None:
        with self._ready:
            self.closed = True
            self._ready.notify_all()

    def _raise_if_gone(self) -> None:
        if self._gone:
            raise DeviceOffline("unplugged", self._name)
        if self.closed:
            raise DeviceError("stream is closed", self._name)


__all__ = ["ByteStream", "DummyStream", "SerialStream", "TcpStream", "connect_tcp", "open_serial"]
