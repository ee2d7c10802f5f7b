"""A device that reads a byte stream through a sans-IO parser (scanners, continuous scales).

:class:`StreamReaderDevice` claims by starting a :class:`ReconnectingWorker`
whose link is a :class:`ByteStream`; every chunk read goes into a fresh parser
per connection (a frame cut by an unplug is dropped, not glued to the next
one). Parsed events become DataEvents (when enabled); :class:`Rejected` frames
become ErrorEvents with a :class:`ProtocolError`. Drivers that must talk first
(demand-mode scales) override :meth:`_on_connected` / :meth:`_on_idle` and use
:meth:`send`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from kiosk.devices.base import Device
from kiosk.devices.errors import DeviceOffline, ProtocolError
from kiosk.devices.protocol import Parser, Rejected
from kiosk.devices.transport import ByteStream
from kiosk.devices.worker import Backoff, ReconnectingWorker

READ_SIZE = 4096


class StreamReaderDevice(Device):
    """Read ``open_stream()`` through ``make_parser()`` on a reconnecting worker thread.

    Args:
        name: the device's config name.
        open_stream: opens the link; raises DeviceError when the device is absent.
        make_parser: a new sans-IO parser (called once per connection).
        backoff: reconnect delays.
        poll_interval: read timeout; how often :meth:`_on_idle` runs and stop is noticed.
    """

    def __init__(
        self,
        name: str,
        open_stream: Callable[[], ByteStream],
        make_parser: Callable[[], Parser],
        backoff: Backoff | None = None,
        poll_interval: float = 0.1,
    ) -> None:
        super().__init__(name)
        self._open_stream = open_stream
        self._make_parser = make_parser
        self._backoff = backoff or Backoff()
        self._poll_interval = poll_interval
        self._worker: ReconnectingWorker[ByteStream] | None = None
        self._stream: ByteStream | None = None
        self._write_lock = threading.Lock()

    @property
    def connections(self) -> int:
        """How many times the worker connected since claim (1 + reconnects)."""
        return self._worker.connections if self._worker else 0

    def send(self, data: bytes, timeout: float | None = 1.0) -> None:
        """Write to the device from any thread.

        Raises:
            DeviceOffline: not connected right now.
            DeviceError: the write failed.
        """
        stream = self._stream
        if stream is None:
            raise DeviceOffline("not connected", self.name)
        with self._write_lock:
            stream.write(data, timeout)

    def _on_claim(self) -> None:
        self._worker = ReconnectingWorker(
            self.name,
            self._open_stream,
            self._serve,
            self._disconnect,
            on_status=self._set_status,
            backoff=self._backoff,
        )
        self._worker.start()

    def _on_release(self) -> None:
        if self._worker is not None:
            self._worker.stop()
            self._worker = None

    def _disconnect(self, stream: ByteStream) -> None:
        self._stream = None
        stream.close()

    def _serve(self, stream: ByteStream, stop: threading.Event) -> None:
        parser = self._make_parser()
        self._stream = stream
        self._on_connected(stream)
        while not stop.is_set():
            data = stream.read(READ_SIZE, self._poll_interval)
            if not data:
                self._on_idle(stream)
                continue
            for event in parser.feed(data):
                self._handle(event)

    def _handle(self, event: object) -> None:
        """Route one parsed event: Rejected -> ErrorEvent, anything else -> DataEvent."""
        if isinstance(event, Rejected):
            self._emit_error(ProtocolError(event.reason, self.name), event.raw)
        else:
            self._emit_data(event)

    def _on_connected(self, stream: ByteStream) -> None:
        """Called on the worker thread after each (re)connect; e.g. send an init command."""

    def _on_idle(self, stream: ByteStream) -> None:
        """Called on the worker thread after ``poll_interval`` of silence; e.g. poll a scale."""
