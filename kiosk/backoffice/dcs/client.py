"""The DCS driver: :class:`HttpDepartureControl` speaks the DCS API (docs/dcs-api.md).

Theory of operation. Each protocol method is one HTTP request (httpx, JSON bodies,
the API key in ``X-Api-Key``); the reply is read by :mod:`.parse`. This module is
the boundary where httpx and JSON errors stop (DESIGN.md): whatever happens, a
caller sees either the domain object or a :class:`DcsError`:

==================================================  ===============  =========================
what happened                                       kind             code
==================================================  ===============  =========================
cannot connect, timed out, connection dropped       ``unreachable``  ``connect``, ``timeout``,
                                                                     ``transport``
HTTP 5xx or 429 (the DCS is down or overloaded)     ``unreachable``  the DCS's or ``http_503``
HTTP 401/403 (wrong API key: the lane cannot work)  ``unreachable``  ``unauthorized``
HTTP 404                                            ``not_found``    the DCS's code
HTTP 409/422 (the airline said no)                  ``refused``      the DCS's code
HTTP 400, any other status (the DCS cannot read us) ``invalid``      the DCS's code
a 2xx reply that is not JSON or not the right shape ``invalid``      ``bad_reply`` (names field)
==================================================  ===============  =========================

httpx is imported by the first request (the lane's start does not wait for it).
"""

from __future__ import annotations

import json
import threading
from datetime import date
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from kiosk import warmup
from kiosk.backoffice.dcs import dump, parse
from kiosk.domain.airport.dcs import (
    BagTag,
    BoardingPassData,
    Booking,
    DcsError,
    DcsErrorKind,
    DocumentVerdict,
    Passenger,
    SeatMap,
    TravelDocument,
)
from kiosk.domain.money import Money

if TYPE_CHECKING:
    import httpx

warmup.defer("httpx")
API_KEY_HEADER = "X-Api-Key"


def _part(value: str) -> str:
    """One path segment, quoted so that a typed ``A/B`` stays one segment."""
    return quote(value, safe="")


class HttpDepartureControl:
    """:class:`~kiosk.domain.airport.dcs.DepartureControl` over the DCS API.

    ``base_url`` is the API root (``http://dcs.example:8790/dcs/v1``); ``timeout_s``
    bounds each request (connect, read, write). Safe to call from several threads.
    """

    def __init__(self, base_url: str, api_key: str, timeout_s: float = 10.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.timeout_s = timeout_s
        self._client: httpx.Client | None = None
        self._lock = threading.Lock()

    def close(self) -> None:
        """Close the HTTP connections (a later call opens new ones)."""
        with self._lock:
            client, self._client = self._client, None
        if client is not None:
            client.close()

    # -- DepartureControl --------------------------------------------------------------
    def find_booking(self, record_locator: str, surname: str) -> Booking:
        """``GET /bookings/{locator}?surname=``."""
        reply = self._call("GET", f"/bookings/{_part(record_locator)}", {"surname": surname})
        return parse.booking(reply)

    def find_by_name(self, surname: str, given_names: str, on: date) -> tuple[Booking, ...]:
        """``GET /bookings?surname=&given_names=&date=``."""
        query = {"surname": surname, "given_names": given_names, "date": on.isoformat()}
        return parse.bookings(self._call("GET", "/bookings", query))

    def send_document(self, record_locator: str, document: TravelDocument) -> DocumentVerdict:
        """``PUT /bookings/{locator}/passengers/{id}/document``."""
        path = (
            f"/bookings/{_part(record_locator)}/passengers/{_part(document.passenger_id)}/document"
        )
        return parse.verdict(self._call("PUT", path, body=dump.document(document)))

    def seat_map(self, record_locator: str, segment_id: str) -> SeatMap:
        """``GET /bookings/{locator}/segments/{segment}/seat-map``."""
        path = f"/bookings/{_part(record_locator)}/segments/{_part(segment_id)}/seat-map"
        return parse.seat_map(self._call("GET", path))

    def assign_seat(
        self, record_locator: str, segment_id: str, passenger_id: str, seat: str
    ) -> Passenger:
        """``PUT /bookings/{locator}/segments/{segment}/passengers/{id}/seat``."""
        path = (
            f"/bookings/{_part(record_locator)}/segments/{_part(segment_id)}"
            f"/passengers/{_part(passenger_id)}/seat"
        )
        return parse.passenger(self._call("PUT", path, body={"seat": seat}))

    def check_in(
        self, record_locator: str, passenger_ids: tuple[str, ...], answers: dict[str, bool]
    ) -> Booking:
        """``POST /bookings/{locator}/check-in``."""
        body = {"passenger_ids": list(passenger_ids), "answers": dict(answers)}
        reply = self._call("POST", f"/bookings/{_part(record_locator)}/check-in", body=body)
        return parse.booking(reply)

    def add_bag(
        self, record_locator: str, passenger_id: str, weight_g: int, paid: Money | None
    ) -> BagTag:
        """``POST /bookings/{locator}/passengers/{id}/bags``."""
        path = f"/bookings/{_part(record_locator)}/passengers/{_part(passenger_id)}/bags"
        body = {"weight_g": weight_g, "paid": dump.money(paid)}
        return parse.bag_tag(self._call("POST", path, body=body))

    def boarding_passes(
        self, record_locator: str, passenger_ids: tuple[str, ...]
    ) -> tuple[BoardingPassData, ...]:
        """``GET /bookings/{locator}/boarding-passes?passenger_ids=P1,P2``."""
        path = f"/bookings/{_part(record_locator)}/boarding-passes"
        reply = self._call("GET", path, {"passenger_ids": ",".join(passenger_ids)})
        return parse.boarding_passes(reply)

    def cancel_check_in(self, record_locator: str, passenger_ids: tuple[str, ...]) -> None:
        """``POST /bookings/{locator}/check-in/cancel``."""
        body = {"passenger_ids": list(passenger_ids)}
        reply = self._call("POST", f"/bookings/{_part(record_locator)}/check-in/cancel", body=body)
        parse.cancelled(reply)

    # -- transport ---------------------------------------------------------------------
    def _http(self) -> httpx.Client:
        with self._lock:
            if self._client is None:
                import httpx

                self._client = httpx.Client(
                    headers={API_KEY_HEADER: self.api_key, "Accept": "application/json"},
                    timeout=httpx.Timeout(self.timeout_s),
                    follow_redirects=False,
                )
            return self._client

    def _call(
        self,
        method: str,
        path: str,
        query: dict[str, str] | None = None,
        body: dict[str, Any] | None = None,
    ) -> object:
        """Send one request; the parsed JSON of a 2xx reply, else :class:`DcsError`."""
        client = self._http()
        import httpx  # imported by _http: a dictionary lookup

        url = self.base_url + path
        what = f"DCS {method} {path}"
        try:
            response = client.request(method, url, params=query, json=body)
        except httpx.TimeoutException:
            raise DcsError(
                DcsErrorKind.UNREACHABLE,
                f"{what}: no answer in {self.timeout_s:g} s",
                "timeout",
            ) from None
        except (httpx.ConnectError, httpx.UnsupportedProtocol) as error:
            raise DcsError(
                DcsErrorKind.UNREACHABLE, f"{what}: cannot connect to {url}: {error}", "connect"
            ) from None
        except (httpx.HTTPError, OSError) as error:
            raise DcsError(
                DcsErrorKind.UNREACHABLE,
                f"{what}: connection failed: {type(error).__name__}: {error}",
                "transport",
            ) from None
        return read_reply(what, response.status_code, response.content)


def read_reply(what: str, status: int, content: bytes) -> object:
    """The JSON of a 2xx reply to request ``what``; any other reply as :class:`DcsError`
    (the table in the module docstring). Never raises anything else."""
    try:
        data: object = json.loads(content, parse_constant=_not_a_number) if content else None
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        data = _NOT_JSON
    if 200 <= status < 300:
        if data is _NOT_JSON or (data is None and status != 204):
            shown = content[:40].decode("utf-8", "replace")
            raise DcsError(
                DcsErrorKind.INVALID, f"{what}: the reply is not JSON: {shown!r}", "bad_reply"
            )
        return data
    code, message = parse.error(data)
    detail = (
        f"{what}: HTTP {status}"
        + (f" {code}" if code else "")
        + (f": {message}" if message else "")
    )
    if status >= 500 or status == 429:
        raise DcsError(DcsErrorKind.UNREACHABLE, detail, code or f"http_{status}")
    if status in (401, 403):
        raise DcsError(DcsErrorKind.UNREACHABLE, detail, "unauthorized")
    if status == 404:
        raise DcsError(DcsErrorKind.NOT_FOUND, detail, code or "not_found")
    if status in (409, 422):
        raise DcsError(DcsErrorKind.REFUSED, detail, code or f"http_{status}")
    raise DcsError(DcsErrorKind.INVALID, detail, code or f"http_{status}")


_NOT_JSON = object()


def _not_a_number(constant: str) -> object:
    raise ValueError(f"{constant} is not JSON")
