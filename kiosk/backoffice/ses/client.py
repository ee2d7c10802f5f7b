"""``SesClient``: sends one parte de viajeros to SES.HOSPEDAJES and returns its lote.

One POST per call (httpx, HTTP Basic, ``Content-Type: text/xml``), bounded by the
timeout; the answer is read by :mod:`.wire`. No httpx exception leaves this
module: a connection failure, a timeout, HTTP 5xx or 429 is ``UNREACHABLE``;
HTTP 401/403 is ``AUTH``; another HTTP status or a body that is not the published
shape is ``BAD_ANSWER``; the service's no is ``REFUSED`` with its codigo and
descripcion (:mod:`.errors`). The password never appears in a message or a log.
"""

from __future__ import annotations

import logging

import httpx

from kiosk.backoffice.ses import wire
from kiosk.backoffice.ses.errors import SesError, SesErrorKind

log = logging.getLogger(__name__)
#: The ``aplicacion`` named in the cabecera (the service limits its length).
APPLICATION = "Kiosk"


class SesClient:
    """The web service at ``url`` for landlord ``landlord`` (``codigoArrendador``).

    Args:
        url: the ``comunicacion`` endpoint (``[hotel] ses_url``).
        user, password: the web-service user the Ministry issued.
        landlord: the ``codigoArrendador``.
        timeout_s: the most one call waits.
        transport: an httpx transport (tests), else the network.
    """

    def __init__(
        self,
        url: str,
        user: str,
        password: str,
        landlord: str,
        timeout_s: float = 20.0,
        *,
        application: str = APPLICATION,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.url = url
        self.cabecera = wire.Cabecera(landlord=landlord, application=application[:50])
        self._http = httpx.Client(
            auth=httpx.BasicAuth(user, password),
            timeout=timeout_s,
            transport=transport,
            headers={"Content-Type": "text/xml; charset=utf-8", "SOAPAction": '""'},
        )

    def close(self) -> None:
        self._http.close()

    def _post(self, body: bytes) -> bytes:
        try:
            response = self._http.post(self.url, content=body)
        except httpx.TimeoutException:
            raise SesError(
                SesErrorKind.UNREACHABLE, f"SES did not answer in time ({self.url})"
            ) from None
        except httpx.HTTPError as error:
            raise SesError(
                SesErrorKind.UNREACHABLE, f"SES unreachable at {self.url}: {type(error).__name__}"
            ) from None
        status = response.status_code
        if status in (401, 403):
            raise SesError(SesErrorKind.AUTH, f"SES refused the user (HTTP {status}): check "
                           "[hotel] ses_user / ses_password")  # fmt: skip
        if status >= 500 or status == 429:
            # A SOAP Fault may come with 500: read it, else the service is down.
            if status == 500 and b"Fault" in response.content[:2000]:
                try:
                    wire.body_of(response.content, "Fault")
                except SesError as error:
                    if error.kind is SesErrorKind.REFUSED:
                        raise
            raise SesError(SesErrorKind.UNREACHABLE, f"SES answered HTTP {status}")
        if status != 200:
            raise SesError(SesErrorKind.BAD_ANSWER, f"SES answered HTTP {status}")
        return response.content

    def send(self, solicitud_xml: bytes) -> str:
        """Send the parte ``solicitud_xml`` (already validated); its lote.

        Raises:
            SesError: see the module.
        """
        answer = self._post(wire.comunicacion_envelope(self.cabecera, solicitud_xml))
        return wire.read_comunicacion(answer)

    def lote_state(self, lote: str) -> wire.LoteState:
        """What the service says of ``lote`` now.

        Raises:
            SesError: see the module; ``BAD_ANSWER`` also when the lote is not in the answer.
        """
        for state in wire.read_consulta(self._post(wire.consulta_envelope((lote,)))):
            if state.lote == lote:
                return state
        raise SesError(SesErrorKind.BAD_ANSWER, f"the answer does not name lote {lote}")
