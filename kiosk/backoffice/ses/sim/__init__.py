"""A simulator of the SES.HOSPEDAJES web service (``kiosk sim ses``).

:class:`SesSimulator` serves :mod:`.service` on a standard-library HTTP server on
127.0.0.1 (a daemon thread from :func:`kiosk.threads.start_thread`), speaking the
same SOAP as the driver (:mod:`kiosk.backoffice.ses.wire`): it checks the Basic
user and password, the cabecera, unzips the solicitud, validates it against our
XSD and the published cross-field rules, and answers a lote (a UUID) or
``codigo`` :data:`.service.INVALID_CODE` with the first thing wrong. Tests read
:attr:`SesSimulator.service` (``accepted``: the parts received, by lote) and queue
faults: :meth:`down_next` (HTTP 503), :meth:`refuse_next` (a codigo other than 0),
:meth:`garbage_next` (200 with a body that is not XML), :meth:`bad_answer_next`
(a SOAP answer without a lote), :meth:`drop_next` (the connection closed). Another
process queues them with ``POST /sim/fault {"kind": "refuse", "count": 1}``.
"""

from __future__ import annotations

from kiosk.backoffice.ses.sim.server import Fault, Faults, _Server
from kiosk.backoffice.ses.sim.service import INVALID_CODE, SesService
from kiosk.http_sim import ServedSimulator

#: The simulator's web-service user, password and landlord code (``kiosk sim ses``).
USER = "SIM-SES-USER"
PASSWORD = "SIM-SES-PASSWORD"
LANDLORD = "0000000001"
PATH = "/hospedajes-web/ws/v1/comunicacion"

__all__ = ["INVALID_CODE", "LANDLORD", "PASSWORD", "PATH", "USER", "SesSimulator"]


class SesSimulator(ServedSimulator):
    """The SES.HOSPEDAJES service on ``host:port`` (port 0 picks a free one)."""

    THREAD_NAME = "ses-sim"

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        user: str = USER,
        password: str = PASSWORD,
        landlord: str = LANDLORD,
    ) -> None:
        self.service = SesService(user, password, landlord)
        self.faults = Faults()
        self._server = _Server((host, port), self.service, self.faults)

    @property
    def url(self) -> str:
        """The ``comunicacion`` endpoint (``[hotel] ses_url``)."""
        return f"http://{self._server.server_address[0]}:{self.port}{PATH}"

    # -- faults ---------------------------------------------------------------------

    def down_next(self, count: int = 1, status: int = 503) -> None:
        """The next ``count`` calls answer HTTP ``status``."""
        self.faults.add(Fault("down", status=status), count)

    def refuse_next(self, count: int = 1, code: str = "10121", description: str = "") -> None:
        """The next ``count`` communications are refused with ``code``."""
        self.faults.add(Fault("refuse", code=code, description=description), count)

    def garbage_next(self, count: int = 1) -> None:
        """The next ``count`` calls answer 200 with a body that is not XML."""
        self.faults.add(Fault("garbage"), count)

    def bad_answer_next(self, count: int = 1) -> None:
        """The next ``count`` calls answer codigo 0 without a lote."""
        self.faults.add(Fault("bad_answer"), count)

    def drop_next(self, count: int = 1) -> None:
        """The next ``count`` calls get the connection closed without an answer."""
        self.faults.add(Fault("drop"), count)
