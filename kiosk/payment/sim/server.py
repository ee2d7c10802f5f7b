"""The simulator's transport: an HTTP(S) server on a local port serving ``POST /nexo``.

``POST /sim/power-cycle`` switches the terminal off and on (running requests end unpaid).
``POST /sim/scenario`` with ``{"scenario": "decline", "count": 1}`` queues scenarios
for the next payments (used by ``kiosk sim terminal`` users and out-of-process tests).
A message the terminal cannot use gets an EventNotification ``Reject`` (as Adyen's do).
"""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from kiosk.payment.errors import PaymentError
from kiosk.payment.sim.terminal import DROP, Scenario, SimulatedTerminal
from kiosk.threads import start_thread

log = logging.getLogger(__name__)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        super().setup()
        # Answer in one segment: without this, Nagle + delayed ACK add ~40 ms per answer.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: object) -> None:
        log.debug("%s " + format, self.address_string(), *args)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        if self.path == "/sim/scenario":
            self._control(body)
            return
        if self.path == "/sim/power-cycle":
            running = self.server.terminal.power_cycle()
            self._reply(200, str(running).encode())
            return
        if self.path != "/nexo":
            self._reply(404, b"not found")
            return
        try:
            answer = self.server.terminal.handle(body)
        except PaymentError as error:
            self._reply(200, self.server.terminal.refuse(error))
            return
        if answer is DROP:
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
            return
        assert isinstance(answer, bytes)
        self._reply(200, answer)

    def _control(self, body: bytes) -> None:
        try:
            data = json.loads(body)
            scenario = Scenario(data["scenario"])
            count = int(data.get("count", 1))
        except (ValueError, KeyError, TypeError) as error:
            self._reply(400, f"bad scenario request: {error}".encode())
            return
        self.server.terminal.queue(*[scenario] * count)
        self._reply(200, b"ok")

    def _reply(self, status: int, body: bytes) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            log.info("the lane had gone before the answer was sent")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], terminal: SimulatedTerminal) -> None:
        self.terminal = terminal
        super().__init__(address, _Handler)

    def handle_error(self, request: object, client_address: object) -> None:
        # A lane killed or timed out mid-request resets the connection: not a simulator bug.
        log.info("connection from %s ended abruptly", client_address, exc_info=True)


class TerminalServer:
    """Serve ``terminal`` on ``host:port`` (port 0 picks a free one) in a thread.

    With ``certfile``/``keyfile`` the server speaks HTTPS, as a real terminal does.
    """

    def __init__(
        self,
        terminal: SimulatedTerminal,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        certfile: Path | None = None,
        keyfile: Path | None = None,
    ) -> None:
        self.terminal = terminal
        self._server = _Server((host, port), terminal)
        self.scheme = "http"
        if certfile is not None:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(certfile, keyfile)
            self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
            self.scheme = "https"
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        """The TCP port listened on."""
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        """The ``/nexo`` endpoint's URL."""
        return f"{self.scheme}://127.0.0.1:{self.port}/nexo"

    def start(self) -> TerminalServer:
        """Serve in a daemon thread; returns self."""
        self._thread = start_thread("terminal-sim", lambda: self._server.serve_forever(0.05))
        return self

    def serve_forever(self) -> None:
        """Serve in the calling thread (the CLI)."""
        self._server.serve_forever()

    def stop(self) -> None:
        """Release waiting requests, stop serving and close the socket."""
        self.terminal.stop()
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> TerminalServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
