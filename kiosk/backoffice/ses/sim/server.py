"""The SES simulator's transport: a standard-library HTTP server (kiosk.http_sim) for the SOAP
endpoint.

Every ``POST`` to a path ending in ``/comunicacion`` needs HTTP Basic with the
simulator's user (else 401); the next queued fault, if any, applies (``down``: an
HTTP error; ``refuse``: a well-formed refusal; ``garbage``: 200 and not XML;
``bad_answer``: codigo 0 without a lote; ``drop``: the connection closed), else
:meth:`~.service.SesService.handle` answers. ``POST /sim/fault`` with
``{"kind": "refuse", "count": 1}`` queues a fault from another process.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
from dataclasses import dataclass

from kiosk.backoffice.ses import wire
from kiosk.backoffice.ses.sim.service import SesService
from kiosk.http_sim import FaultQueue, SimHandler, SimServer

log = logging.getLogger(__name__)
FAULT_KINDS = ("down", "refuse", "garbage", "bad_answer", "drop")
MAX_BODY = 10_000_000


@dataclass(frozen=True)
class Fault:
    kind: str
    status: int = 503
    code: str = "10121"
    description: str = ""


class Faults(FaultQueue[Fault]):
    """The faults for the next calls (:class:`kiosk.http_sim.FaultQueue`)."""

    def __init__(self) -> None:
        super().__init__(FAULT_KINDS)


def _basic(header: str) -> tuple[str, str]:
    if not header.startswith("Basic "):
        return "", ""
    try:
        user, _, password = base64.b64decode(header[6:], validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return "", ""
    return user, password


class _Handler(SimHandler):
    server: _Server
    content_type = "text/xml; charset=utf-8"

    def do_POST(self) -> None:
        length = self.content_length()
        if length > MAX_BODY:
            self.send(413, b"too big", "text/plain")
            return
        raw = self.rfile.read(length)
        if self.path == "/sim/fault":
            self._control(raw)
            return
        if not self.path.endswith("/comunicacion"):
            self.send(404, b"not found", "text/plain")
            return
        if not self.server.service.authorised(*_basic(self.headers.get("Authorization", ""))):
            self.send(401, b"", "text/plain", {"WWW-Authenticate": 'Basic realm="SES"'})
            return
        fault = self.server.faults.next()
        if fault is not None and self._faulted(fault):
            return
        try:
            status, answer = self.server.service.handle(raw)
        except Exception:  # a bug: the service answers 500 with a Fault
            log.exception("simulated SES failed")
            status, answer = 500, wire.fault("error interno")
        self.send(status, answer)

    def _faulted(self, fault: Fault) -> bool:
        if fault.kind == "down":
            self.send(fault.status, b"<html>Service Unavailable</html>", "text/html")
        elif fault.kind == "refuse":
            why = fault.description or "datos no válidos (simulado)"
            self.send(200, wire.comunicacion_answer(fault.code, why))
        elif fault.kind == "garbage":
            self.send(200, b"<html>mantenimiento</html>\x00\xff", "text/html")
        elif fault.kind == "bad_answer":
            self.send(200, wire.comunicacion_answer("0", "Ok"))
        else:  # drop
            self.drop()
        return True

    def _control(self, raw: bytes) -> None:
        try:
            data = json.loads(raw)
            details = {k: data[k] for k in ("status", "code", "description") if k in data}
            fault = Fault(str(data["kind"]), **details)
            self.server.faults.add(fault, int(data.get("count", 1)))
        except (ValueError, KeyError, TypeError) as error:
            self.send(400, f"bad fault request: {error}".encode(), "text/plain")
            return
        self.send(200, b"{}", "application/json")


class _Server(SimServer):
    def __init__(self, address: tuple[str, int], service: SesService, faults: Faults) -> None:
        self.service = service
        self.faults = faults
        super().__init__(address, _Handler)
