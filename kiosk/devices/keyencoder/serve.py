"""Put a :class:`~kiosk.devices.keyencoder.sim.SaltoSimulator` on real links.

:class:`TcpServer` listens on ``host:port`` like a Salto server's PMS channel
(one thread per connection, each with its own parser); ``stop()`` closes the
listener and every connection, as a restarted server would, and ``start()``
may be called again on the same port. :func:`serve_pty` answers on a
:class:`~kiosk.devices.sim.pty.VirtualPort` (a serial Salto link).
:class:`ControlServer` takes operator commands on a Unix socket, one per line,
one reply line back, and :func:`send_command` sends one. Threads come from
:mod:`kiosk.threads`.
"""

from __future__ import annotations

import contextlib
import logging
import os
import select
import socket
import threading
from pathlib import Path

from kiosk.devices.errors import DeviceError
from kiosk.devices.keyencoder.sim import SaltoSimulator
from kiosk.devices.sim.pty import VirtualPort
from kiosk.threads import start_thread

log = logging.getLogger(__name__)


class TcpServer:
    """Serve ``sim`` on ``host:port`` (port 0 picks a free one; see :attr:`port`)."""

    def __init__(self, sim: SaltoSimulator, host: str = "127.0.0.1", port: int = 0) -> None:
        self.sim = sim
        self.host = host
        self.port = port
        self._listener: socket.socket | None = None
        self._connections: set[socket.socket] = set()
        self._lock = threading.Lock()
        self.accepted = 0

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    def start(self) -> None:
        """Bind and accept on a thread. Raises OSError when the port cannot be bound."""
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((self.host, self.port))
        listener.listen(4)
        self.port = listener.getsockname()[1]
        self._listener = listener
        start_thread(f"sim-keyencoder-{self.port}", lambda: self._accept(listener))

    def stop(self) -> None:
        """Close the listener and every open connection."""
        listener, self._listener = self._listener, None
        if listener is not None:
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()
        with self._lock:
            connections, self._connections = self._connections, set()
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
            connection.close()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return  # stopped
            with self._lock:
                if self._listener is not listener:
                    connection.close()
                    return
                self._connections.add(connection)
                self.accepted += 1
            start_thread("sim-keyencoder-conn", lambda c=connection: self._serve(c))  # type: ignore[misc]

    def _serve(self, connection: socket.socket) -> None:
        parser = self.sim.new_parser()
        try:
            while True:
                data = connection.recv(4096)
                if not data:
                    return
                reply = self.sim.feed(parser, data)
                if reply:
                    connection.sendall(reply)
        except OSError as error:
            log.debug("keyencoder sim connection closed: %s", error)
        finally:
            with self._lock:
                self._connections.discard(connection)
            connection.close()


def serve_pty(sim: SaltoSimulator, port: VirtualPort, stop: threading.Event) -> None:
    """Answer on ``port`` (plugged) until ``stop`` is set or the port is unplugged."""
    parser = sim.new_parser()
    while not stop.is_set() and port.plugged:
        try:
            ready, _, _ = select.select([port.fileno()], [], [], 0.1)
            if not ready:
                continue
            reply = sim.feed(parser, port.read(4096))
            if reply:
                port.write(reply)
        except (OSError, ValueError, DeviceError) as error:  # unplugged under us
            log.debug("keyencoder sim pty closed: %s", error)
            return


class ControlServer:
    """A Unix socket at ``path`` taking :meth:`SaltoSimulator.command` lines."""

    def __init__(self, sim: SaltoSimulator, path: str | Path) -> None:
        self.sim = sim
        self.path = Path(path)
        self._listener: socket.socket | None = None

    def start(self) -> None:
        """Bind and serve on a thread. Raises OSError when the path cannot be bound."""
        with contextlib.suppress(FileNotFoundError):
            if self.path.is_socket():
                self.path.unlink()
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(str(self.path))
        listener.listen(4)
        self._listener = listener
        start_thread("sim-keyencoder-control", lambda: self._accept(listener))

    def stop(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.path)

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            start_thread("sim-keyencoder-operator", lambda c=connection: self._serve(c))  # type: ignore[misc]

    def _serve(self, connection: socket.socket) -> None:
        with connection, connection.makefile("rwb") as stream:
            for raw in stream:
                reply = self.sim.command(raw.decode("utf-8", "replace"))
                stream.write(reply.replace("\n", " ").encode("utf-8") + b"\n")
                stream.flush()


def send_command(path: str | Path, command: str, timeout: float = 5.0) -> str:
    """Send one operator command to a running simulator's control socket; return its reply.

    Raises:
        OSError: nothing listens at ``path`` (or it did not answer in time).
    """
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(timeout)
        sock.connect(str(path))
        sock.sendall(command.strip().encode("utf-8") + b"\n")
        reply = bytearray()
        while not reply.endswith(b"\n"):
            chunk = sock.recv(4096)
            if not chunk:
                break
            reply += chunk
    return reply.decode("utf-8", "replace").strip()
