"""The simulator's transport: a standard-library HTTP server (kiosk.http_sim) for
``POST /api/connector/v1/...``.

Faults for tests are queued on :class:`Faults` and apply to the next calls in
order: ``status`` answers with an HTTP error (503, 429 with ``Retry-After``, ...)
and a Mews-like ``Message``; ``slow`` waits before answering (a timeout on the
lane's side); ``garbage`` answers 200 with a body that is not JSON; ``drop``
closes the connection without an answer. ``POST /sim/fault`` with
``{"kind": "status", "status": 503, "count": 2}`` queues faults from another
process (the CLI's users). Bodies are read with exact decimals and written with
:func:`~kiosk.backoffice.pms.mews_wire.encode`.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass
from decimal import Decimal

from kiosk.backoffice.pms.mews_wire import encode
from kiosk.backoffice.pms.sim.api import MewsApi
from kiosk.http_sim import FaultQueue, SimHandler, SimServer

log = logging.getLogger(__name__)
PREFIX = "/api/connector/v1/"
FAULT_KINDS = ("status", "slow", "garbage", "drop")


@dataclass(frozen=True)
class Fault:
    kind: str  # one of FAULT_KINDS
    status: int = 503
    delay_s: float = 0.0


class Faults(FaultQueue[Fault]):
    """The faults for the next calls (:class:`kiosk.http_sim.FaultQueue`)."""

    def __init__(self) -> None:
        super().__init__(FAULT_KINDS)
        self.released = threading.Event()  # set on stop: slow answers end at once


class _Handler(SimHandler):
    server: _Server

    def do_POST(self) -> None:
        raw = self.rfile.read(self.content_length())
        if self.path == "/sim/fault":
            self._control(raw)
            return
        if not self.path.startswith(PREFIX):
            self._reply(404, {"Message": "Not found."})
            return
        fault = self.server.faults.next()
        if fault is not None and self._faulted(fault):
            return
        try:
            body = json.loads(raw, parse_float=Decimal)
        except ValueError:
            self._reply(400, {"Message": "Invalid JSON"})
            return
        try:
            status, reply = self.server.api.handle(self.path[len(PREFIX) :], body)
            payload = encode(reply)
        except Exception:  # a bug or data a test bent out of shape: Mews answers 500
            log.exception("simulated Mews failed on %s", self.path)
            status, payload = 500, encode({"Message": "Internal server error.", "RequestId": "sim"})
        self.send(status, payload)

    def _faulted(self, fault: Fault) -> bool:
        """Apply a fault; True if the answer was given (or refused) by it."""
        if fault.kind == "slow":
            self.server.faults.released.wait(fault.delay_s)
            return False
        if fault.kind == "garbage":
            self.send(200, b"<html>Service Unavailable</html>\x00\xff")
            return True
        if fault.kind == "drop":
            self.drop()
            return True
        headers = {"Retry-After": "1"} if fault.status == 429 else {}
        message = {429: "Too many requests.", 408: "Request timeout."}.get(
            fault.status, "The service is temporarily unavailable."
        )
        self._reply(fault.status, {"Message": message, "RequestId": "sim"}, headers)
        return True

    def _control(self, raw: bytes) -> None:
        try:
            data = json.loads(raw)
            fault = Fault(
                str(data["kind"]), int(data.get("status", 503)), float(data.get("delay_s", 0))
            )
            self.server.faults.add(fault, int(data.get("count", 1)))
        except (ValueError, KeyError, TypeError) as error:
            self._reply(400, {"Message": f"bad fault request: {error}"})
            return
        self._reply(200, {})

    def _reply(
        self, status: int, body: dict[str, object], headers: dict[str, str] | None = None
    ) -> None:
        self.send(status, encode(body), headers=headers)


class _Server(SimServer):
    def __init__(self, address: tuple[str, int], api: MewsApi, faults: Faults) -> None:
        self.api = api
        self.faults = faults
        super().__init__(address, _Handler)
