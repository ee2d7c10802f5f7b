"""What the simulated SES.HOSPEDAJES does with a request: check, validate, file, answer.

:meth:`SesService.handle` takes a request body (the SOAP envelope) and returns the
HTTP status and the SOAP answer. ``comunicacionRequest``: the cabecera must name
this landlord, ``tipoOperacion`` ``A`` and ``tipoComunicacion`` ``PV``
(else codigo :data:`HEADER_CODE`); the solicitud must unzip and validate (else
:data:`INVALID_CODE` with the first error); then a new lote (UUID) files the
communications and codigo 0 answers with it. ``consultaLoteRequest``: the state of
each lote asked (unknown lotes: codigoEstado 5, "no existe"). A request that is not
SOAP gets a SOAP Fault with HTTP 500. The codes are the simulator's own (the
Ministry's catalogue of error codes is not public): ``docs/ses-hospedajes.md``.
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass

from kiosk.backoffice.ses import wire
from kiosk.backoffice.ses.errors import SesError
from kiosk.backoffice.ses.solicitud import validate

HEADER_CODE = "10103"
INVALID_CODE = "10121"


@dataclass(frozen=True)
class Filed:
    """One communication the simulator accepted."""

    lote: str
    establishment: str
    reference: str
    persons: int
    xml: bytes


def _text(el: object, path: str) -> str:
    found = el.find(path)  # type: ignore[attr-defined]
    return "" if found is None or found.text is None else str(found.text).strip()


class SesService:
    """The simulated service's state: who may call, and the lotes filed."""

    def __init__(self, user: str, password: str, landlord: str) -> None:
        self.user, self.password, self.landlord = user, password, landlord
        self.accepted: dict[str, list[Filed]] = {}
        self.requests = 0  # comunicacion requests received (answered or not)
        self._lock = threading.Lock()

    def authorised(self, user: str, password: str) -> bool:
        return (user, password) == (self.user, self.password)

    def handle(self, body: bytes) -> tuple[int, bytes]:
        """(HTTP status, SOAP answer) for one request body."""
        try:
            name, operation = wire.operation_of(body)
        except SesError as error:
            return 500, wire.fault(f"cannot read the request: {error}")
        if name == "consultaLoteRequest":
            return 200, self._consulta(operation)
        if name != "comunicacionRequest":
            return 500, wire.fault(f"unknown operation {name[:40]}")
        with self._lock:
            self.requests += 1
        return 200, self._comunicacion(operation)

    def _comunicacion(self, operation: object) -> bytes:
        cabecera = operation.find("peticion/cabecera")  # type: ignore[attr-defined]
        if cabecera is None:
            return wire.comunicacion_answer(HEADER_CODE, "falta la cabecera")
        for tag, wanted in (
            ("codigoArrendador", self.landlord),
            ("tipoOperacion", "A"),
            ("tipoComunicacion", "PV"),
        ):
            if _text(cabecera, tag) != wanted:
                return wire.comunicacion_answer(HEADER_CODE, f"cabecera: {tag} no válido")
        try:
            xml = wire.unzip_solicitud(_text(operation, "peticion/solicitud"))
            root = validate(xml)
        except SesError as error:
            return wire.comunicacion_answer(INVALID_CODE, f"solicitud: {error}"[:400])
        lote = str(uuid.uuid4())
        establishment = _text(root, "solicitud/codigoEstablecimiento")
        filed = [
            Filed(
                lote,
                establishment,
                _text(c, "contrato/referencia"),
                len(c.findall("persona")),
                xml,
            )
            for c in root.iter("comunicacion")
        ]
        with self._lock:
            self.accepted[lote] = filed
        return wire.comunicacion_answer("0", "Ok", lote)

    def _consulta(self, operation: object) -> bytes:
        lotes = [
            str(el.text or "").strip()
            for el in operation.iter("lote")  # type: ignore[attr-defined]
        ]
        states = []
        with self._lock:
            for lote in lotes:
                filed = self.accepted.get(lote)
                if filed is None:
                    states.append(wire.LoteState(lote, "5", "no existe", (), ()))
                    continue
                codes = tuple(f"{lote[:8]}-{i}" for i in range(1, len(filed) + 1))
                states.append(wire.LoteState(lote, "1", "Tramitado", codes, ()))
        return wire.consulta_answer(tuple(states))

    def references(self) -> list[str]:
        """The contract references accepted so far, in the order filed."""
        with self._lock:
            return [f.reference for filed in self.accepted.values() for f in filed]
