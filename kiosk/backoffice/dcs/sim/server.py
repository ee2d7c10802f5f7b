"""The DCS simulator's HTTP side: the DCS API (docs/dcs-api.md) on a local port.

Theory of operation. A standard-library ``ThreadingHTTPServer`` (no FastAPI: the lane
never needs it; set up as every HTTP simulator's by :mod:`kiosk.http_sim`) runs on a
thread started through :mod:`kiosk.threads`. Each request is matched against the route
table, its API key checked, its JSON body read into typed arguments (a bad one is ``400
bad_request`` naming the field), then :class:`~.state.DcsState` does the work and the
domain objects it returns are written with :mod:`kiosk.backoffice.dcs.dump`. A
:class:`~.rules.Refusal` becomes ``{"error": {"code", "message"}}`` with its status.
Before and after, the :class:`~.faults.FaultPlan` may delay, fail or garble the call.

Admin endpoints (no API key; the simulator listens on 127.0.0.1):
``POST /sim/faults`` with any of ``{"fail": {"count": 2, "status": 503},
"delay": {"count": 1, "seconds": 3}, "garbage": {"count": 1, "kind": "text"},
"clear": true}``, and ``POST /sim/reset`` (a fresh day of sample flights).
Request bodies are never logged: an APIS body holds a passport number.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from kiosk import clock as kiosk_clock
from kiosk.backoffice.dcs import dump
from kiosk.backoffice.dcs.client import API_KEY_HEADER
from kiosk.backoffice.dcs.sim.faults import GARBAGE_KINDS, FaultPlan, garble
from kiosk.backoffice.dcs.sim.rules import Refusal
from kiosk.backoffice.dcs.sim.state import DcsState
from kiosk.clock import Clock
from kiosk.domain.airport.dcs import TravelDocument
from kiosk.domain.money import Money, MoneyError
from kiosk.http_sim import ServedSimulator, SimHandler, SimServer

log = logging.getLogger(__name__)
API_ROOT = "/dcs/v1"
DEFAULT_API_KEY = "sim-dcs-key"
MAX_BODY = 64 * 1024
Json = dict[str, Any]
Route = Callable[[DcsState, dict[str, str], dict[str, str], Json], Json]


# -- request bodies ----------------------------------------------------------------------
def _str(body: Json, key: str) -> str:
    value = body.get(key)
    if not isinstance(value, str):
        raise Refusal(400, "bad_request", f"{key}: expected a string, got {value!r:.40}")
    return value


def _day(body: Json, key: str) -> date | None:
    value = body.get(key)
    if value is None:
        return None
    try:
        return date.fromisoformat(_str(body, key))
    except ValueError:
        raise Refusal(
            400, "bad_request", f"{key}: expected YYYY-MM-DD, got {value!r:.40}"
        ) from None


def _ids(body: Json) -> tuple[str, ...]:
    value = body.get("passenger_ids")
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise Refusal(400, "bad_request", "passenger_ids: expected a non-empty list of strings")
    return tuple(value)


def _query(query: dict[str, str], key: str) -> str:
    if key not in query:
        raise Refusal(400, "bad_request", f"query parameter {key!r} is missing")
    return query[key]


def _document(passenger_id: str, body: Json) -> TravelDocument:
    sex = _str(body, "sex")
    if sex not in ("M", "F", "X"):
        raise Refusal(400, "bad_request", f"sex: expected M, F or X, got {sex!r:.10}")
    return TravelDocument(
        passenger_id=passenger_id,
        document_code=_str(body, "document_code"),
        issuing_state=_str(body, "issuing_state"),
        nationality=_str(body, "nationality"),
        number=_str(body, "number"),
        surname=_str(body, "surname"),
        given_names=_str(body, "given_names"),
        birth_date=_day(body, "birth_date"),
        sex=sex,
        expiry=_day(body, "expiry"),
    )


def _paid(body: Json) -> Money | None:
    value = body.get("paid")
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("amount_minor"), int):
        raise Refusal(400, "bad_request", "paid: expected {amount_minor: int, currency: str}")
    try:
        return Money(value["amount_minor"], _str(value, "currency"))
    except MoneyError as error:
        raise Refusal(400, "bad_request", f"paid: {error}") from None


def _weight(body: Json) -> int:
    value = body.get("weight_g")
    if not isinstance(value, int) or isinstance(value, bool) or not 0 < value <= 200_000:
        raise Refusal(400, "bad_request", f"weight_g: expected grams 1-200000, got {value!r:.20}")
    return value


def _answers(body: Json) -> dict[str, bool]:
    value = body.get("answers")
    if not isinstance(value, dict):
        raise Refusal(400, "bad_request", "answers: expected an object of question: true/false")
    return value


# -- routes --------------------------------------------------------------------------------
def _find(state: DcsState, path: dict[str, str], query: dict[str, str], body: Json) -> Json:
    booking = state.find_booking(path["locator"], _query(query, "surname"))
    return dump.booking(booking)


def _search(state: DcsState, path: dict[str, str], query: dict[str, str], body: Json) -> Json:
    try:
        on = date.fromisoformat(_query(query, "date"))
    except ValueError:
        raise Refusal(400, "bad_request", "date: expected YYYY-MM-DD") from None
    found = state.find_by_name(_query(query, "surname"), query.get("given_names", ""), on)
    return {"bookings": [dump.booking(b) for b in found]}


def _apis(state: DcsState, path: dict[str, str], query: dict[str, str], body: Json) -> Json:
    verdict = state.send_document(path["locator"], _document(path["passenger"], body))
    return {"verdict": dump.verdict(verdict)}


def _seats(state: DcsState, path: dict[str, str], query: dict[str, str], body: Json) -> Json:
    return dump.seat_map(state.seat_map(path["locator"], path["segment"]))


def _seat(state: DcsState, path: dict[str, str], query: dict[str, str], body: Json) -> Json:
    passenger = state.assign_seat(
        path["locator"], path["segment"], path["passenger"], _str(body, "seat").upper()
    )
    return dump.passenger(passenger)


def _check_in(state: DcsState, path: dict[str, str], query: dict[str, str], body: Json) -> Json:
    return dump.booking(state.check_in(path["locator"], _ids(body), _answers(body)))


def _bag(state: DcsState, path: dict[str, str], query: dict[str, str], body: Json) -> Json:
    tag = state.add_bag(path["locator"], path["passenger"], _weight(body), _paid(body))
    return dump.bag_tag(tag)


def _passes(state: DcsState, path: dict[str, str], query: dict[str, str], body: Json) -> Json:
    ids = tuple(i for i in _query(query, "passenger_ids").split(",") if i)
    if not ids:
        raise Refusal(400, "bad_request", "passenger_ids: expected P1,P2,...")
    passes = state.boarding_passes(path["locator"], ids)
    return {"boarding_passes": [dump.boarding_pass(p) for p in passes]}


def _cancel(state: DcsState, path: dict[str, str], query: dict[str, str], body: Json) -> Json:
    return {"cancelled": list(state.cancel_check_in(path["locator"], _ids(body)))}


def _compile(pattern: str) -> re.Pattern[str]:
    """``/bookings/{locator}`` -> a regex with a named group for each ``{name}``."""
    return re.compile("^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", pattern) + "$")


ROUTES: list[tuple[str, re.Pattern[str], Route]] = [
    (method, _compile(pattern), handler)
    for method, pattern, handler in (
        ("GET", "/bookings", _search),
        ("GET", "/bookings/{locator}", _find),
        ("PUT", "/bookings/{locator}/passengers/{passenger}/document", _apis),
        ("GET", "/bookings/{locator}/segments/{segment}/seat-map", _seats),
        ("PUT", "/bookings/{locator}/segments/{segment}/passengers/{passenger}/seat", _seat),
        ("POST", "/bookings/{locator}/check-in", _check_in),
        ("POST", "/bookings/{locator}/check-in/cancel", _cancel),
        ("POST", "/bookings/{locator}/passengers/{passenger}/bags", _bag),
        ("GET", "/bookings/{locator}/boarding-passes", _passes),
    )
]


def route(method: str, path: str) -> tuple[Route, dict[str, str]]:
    """The handler of ``method path`` (relative to the API root) and its path parameters."""
    allowed = False
    for route_method, pattern, handler in ROUTES:
        match = pattern.match(path)
        if match:
            if route_method == method:
                return handler, {k: unquote(v) for k, v in match.groupdict().items()}
            allowed = True
    if allowed:
        raise Refusal(405, "method_not_allowed", f"{method} is not allowed on {path}")
    raise Refusal(404, "no_such_resource", f"no resource {path}")


# -- HTTP ------------------------------------------------------------------------------------
class _Handler(SimHandler):
    server: _Server

    def do_GET(self) -> None:
        self._serve("GET")

    def do_PUT(self) -> None:
        self._serve("PUT")

    def do_POST(self) -> None:
        self._serve("POST")

    def do_DELETE(self) -> None:
        self._serve("DELETE")

    def _serve(self, method: str) -> None:
        url = urlsplit(self.path)
        try:
            raw = self._read_body()
        except Refusal as refusal:
            self._error(refusal)
            return
        if url.path.startswith("/sim/") and method == "POST":
            self._admin(url.path, raw)
            return
        sim = self.server.simulator
        fault = sim.faults.take()
        if fault.delay_s and sim.stopping.wait(fault.delay_s):
            return
        if fault.fail_status:
            self._error(Refusal(fault.fail_status, "unavailable", "the DCS is not available"))
            return
        status, reply = self._api(method, url.path, url.query, raw)
        body = json.dumps(reply).encode()
        if fault.garbage:
            status, body = 200, garble(fault.garbage, body)
        sim.show(f"{method} {url.path} -> {status}")
        self.send(status, body)

    def _api(self, method: str, path: str, query_text: str, raw: bytes) -> tuple[int, Json]:
        try:
            if self.headers.get(API_KEY_HEADER) != self.server.simulator.api_key:
                raise Refusal(401, "unauthorized", f"missing or wrong {API_KEY_HEADER} header")
            if not path.startswith(API_ROOT + "/"):
                raise Refusal(404, "no_such_resource", f"the API is under {API_ROOT}")
            handler, params = route(method, path[len(API_ROOT) :])
            body = _json_body(raw)
            query = {k: v[-1] for k, v in parse_qs(query_text).items()}
            return 200, handler(self.server.simulator.state, params, query, body)
        except Refusal as refusal:
            return refusal.status, _error_json(refusal)

    def _admin(self, path: str, raw: bytes) -> None:
        sim = self.server.simulator
        try:
            body = _json_body(raw)
            if path == "/sim/reset":
                sim.state.reset()
            elif path == "/sim/faults":
                _apply_faults(sim.faults, body)
            else:
                raise Refusal(404, "no_such_resource", f"no admin resource {path}")
        except Refusal as refusal:
            self._error(refusal)
            return
        except (ValueError, TypeError) as error:
            self._error(Refusal(400, "bad_request", str(error)))
            return
        self.send(200, b'{"ok": true}')

    def _read_body(self) -> bytes:
        try:
            length = self.content_length()
        except ValueError:
            raise Refusal(400, "bad_request", "Content-Length is not a number") from None
        if length > MAX_BODY:
            self.close_connection = True
            raise Refusal(413, "too_large", f"a body of {length} bytes is over {MAX_BODY}")
        return self.rfile.read(length) if length > 0 else b""

    def _error(self, refusal: Refusal) -> None:
        self.server.simulator.show(f"{self.command} {self.path} -> {refusal.status}")
        self.send(refusal.status, json.dumps(_error_json(refusal)).encode())


def _error_json(refusal: Refusal) -> Json:
    return {"error": {"code": refusal.code, "message": refusal.message}}


def _json_body(raw: bytes) -> Json:
    if not raw.strip():
        return {}
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError):
        raise Refusal(400, "bad_request", "the body is not JSON") from None
    if not isinstance(body, dict):
        raise Refusal(400, "bad_request", "the body is not a JSON object")
    return body


def _apply_faults(faults: FaultPlan, body: Json) -> None:
    if body.get("clear"):
        faults.clear()
    if "fail" in body:
        faults.fail_next(int(body["fail"]["count"]), int(body["fail"].get("status", 503)))
    if "delay" in body:
        faults.delay_next(int(body["delay"]["count"]), float(body["delay"]["seconds"]))
    if "garbage" in body:
        kind = str(body["garbage"].get("kind", GARBAGE_KINDS[0]))
        faults.garbage_next(int(body["garbage"]["count"]), kind)


class _Server(SimServer):
    def __init__(self, address: tuple[str, int], simulator: DcsSimulator) -> None:
        self.simulator = simulator
        super().__init__(address, _Handler)


class DcsSimulator(ServedSimulator):
    """The DCS API with sample flights at ``airport``, on ``host:port`` (0: a free port).

    ``clock`` (aware UTC; default :func:`kiosk.clock.utc_now`) places the sample day;
    ``show`` gets one line per request (the CLI prints them). :attr:`faults` (or
    :meth:`fail_next`, :meth:`delay_next`, :meth:`garbage_next`) spoils the next calls.
    """

    THREAD_NAME = "dcs-sim"

    def __init__(
        self,
        airport: str = "LIS",
        clock: Clock | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        api_key: str = DEFAULT_API_KEY,
        *,
        show: Callable[[str], object] | None = None,
    ) -> None:
        airport = airport.upper()
        if not re.fullmatch(r"[A-Z]{3}", airport):
            raise ValueError(f"airport {airport!r}: expected a 3-letter IATA code")
        self.airport, self.api_key = airport, api_key
        self.state = DcsState(airport, clock or kiosk_clock.utc_now)
        self.faults = FaultPlan()
        self.stopping = threading.Event()
        self._show = show
        self._host = host
        self._server = _Server((host, port), self)

    @property
    def url(self) -> str:
        """The API root to give the driver (``http://127.0.0.1:PORT/dcs/v1``)."""
        host = "127.0.0.1" if self._host in ("", "0.0.0.0") else self._host
        return f"http://{host}:{self.port}{API_ROOT}"

    def show(self, line: str) -> None:
        if self._show is not None:
            self._show(line)

    def fail_next(self, count: int, status: int = 503) -> None:
        self.faults.fail_next(count, status)

    def delay_next(self, count: int, seconds: float) -> None:
        self.faults.delay_next(count, seconds)

    def garbage_next(self, count: int, kind: str = "text") -> None:
        self.faults.garbage_next(count, kind)

    def _release(self) -> None:
        self.stopping.set()  # delayed calls end at once
