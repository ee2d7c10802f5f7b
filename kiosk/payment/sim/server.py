"""The simulator's transport: an HTTP(S) server on a local port serving ``POST /nexo``.

``POST /sim/power-cycle`` switches the terminal off and on (running requests end unpaid).
``POST /sim/scenario`` with ``{"scenario": "decline", "count": 1}`` queues scenarios
for the next payments (used by ``kiosk sim terminal`` users and out-of-process tests).
A message the terminal cannot use gets an EventNotification ``Reject`` (as Adyen's do).
"""

from __future__ import annotations

import json
import ssl
from pathlib import Path

from kiosk.http_sim import ServedSimulator, SimHandler, SimServer
from kiosk.payment.errors import PaymentError
from kiosk.payment.sim.terminal import DROP, Scenario, SimulatedTerminal


class _Handler(SimHandler):
    server: _Server

    def do_POST(self) -> None:
        body = self.rfile.read(self.content_length())
        if self.path == "/sim/scenario":
            self._control(body)
            return
        if self.path == "/sim/power-cycle":
            running = self.server.terminal.power_cycle()
            self.send(200, str(running).encode())
            return
        if self.path != "/nexo":
            self.send(404, b"not found")
            return
        try:
            answer = self.server.terminal.handle(body)
        except PaymentError as error:
            self.send(200, self.server.terminal.refuse(error))
            return
        if answer is DROP:
            self.drop()
            return
        assert isinstance(answer, bytes)
        self.send(200, answer)

    def _control(self, body: bytes) -> None:
        try:
            data = json.loads(body)
            scenario = Scenario(data["scenario"])
            count = int(data.get("count", 1))
        except (ValueError, KeyError, TypeError) as error:
            self.send(400, f"bad scenario request: {error}".encode())
            return
        self.server.terminal.queue(*[scenario] * count)
        self.send(200, b"ok")


class _Server(SimServer):
    def __init__(self, address: tuple[str, int], terminal: SimulatedTerminal) -> None:
        self.terminal = terminal
        super().__init__(address, _Handler)


class TerminalServer(ServedSimulator):
    """Serve ``terminal`` on ``host:port`` (port 0 picks a free one) in a thread.

    With ``certfile``/``keyfile`` the server speaks HTTPS, as a real terminal does.
    """

    THREAD_NAME = "terminal-sim"

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

    @property
    def url(self) -> str:
        """The ``/nexo`` endpoint's URL."""
        return f"{self.scheme}://127.0.0.1:{self.port}/nexo"

    def _release(self) -> None:
        self.terminal.stop()  # running requests end unpaid
