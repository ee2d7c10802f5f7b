"""A simulator on a local HTTP port: the standard library's threaded server, set up once.

The HTTP simulators (the card terminal's ``/nexo``, the hotel PMS, SES.HOSPEDAJES, the
airline DCS) each answer their own API with their own handler; what their servers have
in common lives here, as :func:`kiosk.devices.sim.tcp.serve_tcp` is for the TCP ones
(a module of its own outside the layers, like :mod:`kiosk.threads`, because payment,
backoffice and devices may not import each other).

- :class:`SimServer`: a thread per connection (daemon threads, so a hung client never
  holds the process), the port reusable at once, and a client that hangs up
  mid-request (a lane killed or timed out) logged at info, not as a traceback.
- :class:`SimHandler`: HTTP/1.1 keep-alive, each answer in one segment (without
  ``TCP_NODELAY``, Nagle and delayed ACK add ~40 ms per answer), request lines at
  debug; :meth:`~SimHandler.send` writes an answer (a client already gone is logged)
  and :meth:`~SimHandler.drop` closes the connection unanswered (the "drop" fault).
- :class:`FaultQueue`: the faults queued for the next calls (a status, a slow or a
  garbled answer, a dropped connection: each simulator has its own kinds).
- :class:`ServedSimulator`: what the simulator object does with its server: serve on a
  daemon thread (:func:`kiosk.threads.start_thread`) or in the calling thread (the
  CLI, :meth:`~ServedSimulator.serve_until_interrupted` for ``kiosk sim``), stop
  (releasing requests that wait first), and ``with``.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar, Generic, Protocol, Self, TypeVar

from kiosk.threads import start_thread

log = logging.getLogger(__name__)


class Fault(Protocol):
    """A simulator's fault: its ``kind`` and what the kind needs (a status, a delay...)."""

    @property
    def kind(self) -> str: ...


F = TypeVar("F", bound=Fault)


class FaultQueue(Generic[F]):
    """A thread-safe queue of faults for a simulator's next calls, taken in order (a
    test queues them, another process by the simulator's ``POST /sim/fault``)."""

    def __init__(self, kinds: tuple[str, ...]) -> None:
        self.kinds = kinds
        self._queue: list[F] = []
        self._lock = threading.Lock()

    def add(self, fault: F, count: int = 1) -> None:
        """Queue ``fault`` for the next ``count`` calls.

        Raises:
            ValueError: if its kind is not one of :attr:`kinds`.
        """
        if fault.kind not in self.kinds:
            raise ValueError(f"unknown fault {fault.kind!r}: expected one of {self.kinds}")
        with self._lock:
            self._queue.extend([fault] * count)

    def next(self) -> F | None:
        """The fault for this call (taken off the queue), or None."""
        with self._lock:
            return self._queue.pop(0) if self._queue else None

    def clear(self) -> None:
        with self._lock:
            self._queue.clear()


class SimServer(ThreadingHTTPServer):
    """A simulator's server; subclasses keep what their handler needs as attributes."""

    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request: object, client_address: object) -> None:
        # A lane killed or timed out mid-request resets the connection: not a simulator bug.
        log.info("connection from %s ended abruptly", client_address, exc_info=True)


class SimHandler(BaseHTTPRequestHandler):
    """A simulator's request handler; subclasses answer ``do_POST`` (and others)."""

    protocol_version = "HTTP/1.1"
    content_type = "application/json"  # of every answer unless send() is told otherwise

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: object) -> None:
        log.debug("%s " + format, self.address_string(), *args)

    def content_length(self) -> int:
        """The request's Content-Length (0 without one).

        Raises:
            ValueError: if it is not a number.
        """
        return int(self.headers.get("Content-Length") or 0)

    def send(
        self,
        status: int,
        body: bytes,
        content_type: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        """Answer ``status`` with ``body``; a client that has gone is logged, not raised."""
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type or self.content_type)
            self.send_header("Content-Length", str(len(body)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            log.info("the client had gone before the answer was sent")

    def drop(self) -> None:
        """Close the connection without an answer."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)


class ServedSimulator:
    """Serves ``self._server`` (set by the subclass's ``__init__``) on a named thread."""

    THREAD_NAME: ClassVar[str]  # the thread is kiosk-<THREAD_NAME>
    _server: SimServer
    _thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        """The TCP port listened on."""
        return int(self._server.server_address[1])

    def start(self) -> Self:
        """Serve in a daemon thread; returns self."""
        self._thread = start_thread(self.THREAD_NAME, lambda: self._server.serve_forever(0.05))
        return self

    def serve_forever(self) -> None:
        """Serve in the calling thread (the CLI) until Ctrl+C."""
        self._server.serve_forever(0.2)

    def serve_until_interrupted(self) -> None:
        """Serve in the calling thread (``kiosk sim ...``) until Ctrl+C, then stop."""
        try:
            self.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            self.stop()

    def _release(self) -> None:
        """Let requests that wait (a slow answer, a payment in progress) end; for stop()."""

    def stop(self) -> None:
        """Release waiting requests, stop serving and close the socket."""
        self._release()
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=5)
        with contextlib.suppress(OSError):
            self._server.server_close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


__all__ = ["Fault", "FaultQueue", "ServedSimulator", "SimHandler", "SimServer"]
