"""A simulator of the Mews Connector API for the kiosk's hotel journey (``kiosk sim pms``).

:class:`MewsSimulator` serves the sample hotel of :mod:`.data` (stays relative to
its clock's day) through :mod:`.api` on a standard-library HTTP server
(:mod:`.server`) on 127.0.0.1, in a thread started with
:func:`kiosk.threads.start_thread`. Tests reach into :attr:`MewsSimulator.hotel`
to arrange a case (a room made ready) and queue faults with :meth:`fail_next`,
:meth:`slow_next`, :meth:`garbage_next` and :meth:`drop_next`.
"""

from __future__ import annotations

from datetime import datetime

from kiosk.backoffice.pms.sim.api import Clock, MewsApi
from kiosk.backoffice.pms.sim.data import Hotel, guid, sample_property
from kiosk.backoffice.pms.sim.server import Fault, Faults, _Server
from kiosk.clock import utc_now
from kiosk.http_sim import ServedSimulator

#: The demo environment's tokens are public at Mews; these are the simulator's own.
CLIENT_TOKEN = "SIM-CLIENT-TOKEN"
ACCESS_TOKEN = "SIM-ACCESS-TOKEN"

__all__ = ["ACCESS_TOKEN", "CLIENT_TOKEN", "MewsSimulator", "guid"]


class MewsSimulator(ServedSimulator):
    """The Mews Connector API on ``host:port`` (port 0 picks a free one)."""

    THREAD_NAME = "pms-sim"

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        clock: Clock | None = None,
        *,
        client_token: str = CLIENT_TOKEN,
        access_token: str = ACCESS_TOKEN,
        hotel: Hotel | None = None,
    ) -> None:
        self.clock: Clock = clock or utc_now
        self.hotel = hotel or sample_property(self.clock().date())
        self.api = MewsApi(self.hotel, self.clock, client_token, access_token)
        self.faults = Faults()
        self._server = _Server((host, port), self.api, self.faults)

    @property
    def url(self) -> str:
        """The platform address (the driver's ``base_url``)."""
        host = str(self._server.server_address[0])
        return f"http://{host}:{self.port}"

    def _release(self) -> None:
        self.faults.released.set()  # slow answers end at once

    # -- arranging cases -----------------------------------------------------------

    def fail_next(self, count: int = 1, status: int = 503) -> None:
        """The next ``count`` calls answer HTTP ``status`` (503, 429, 500, 408 ...)."""
        self.faults.add(Fault("status", status), count)

    def slow_next(self, delay_s: float, count: int = 1) -> None:
        """The next ``count`` calls wait ``delay_s`` before answering."""
        self.faults.add(Fault("slow", delay_s=delay_s), count)

    def garbage_next(self, count: int = 1) -> None:
        """The next ``count`` calls answer 200 with a body that is not JSON."""
        self.faults.add(Fault("garbage"), count)

    def drop_next(self, count: int = 1) -> None:
        """The next ``count`` calls get the connection closed without an answer."""
        self.faults.add(Fault("drop"), count)

    def set_room_state(self, number: str, state: str) -> None:
        """Housekeeping: set room ``number``'s state ("Dirty", "Clean", "Inspected" ...)."""
        self.hotel.resources[guid(f"room-{number}")]["State"] = state

    def now(self) -> datetime:
        return self.clock()
