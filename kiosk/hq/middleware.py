"""ASGI middleware of the HQ API: request timings, lane authentication, body size limit
and the sales upload's fast path, outermost first.

Authentication and the body limit run before FastAPI reads or parses a body, so a
stranger's request or an oversized one is refused without being parsed, and nothing is
written. :class:`FastSales` answers a clean sales batch itself
(:mod:`kiosk.hq.fast_ingest`) and hands anything else to the app unchanged.
:class:`RequestTimes` keeps a histogram of how long HQ took per request (from the
request reaching the app to the last byte of the answer handed to the server, less
waiting for the client's body), which the admin token reads at ``GET /api/v1/timings``:
the benchmarks read HQ's own latency there instead of timing inside a load generator.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import anyio.to_thread
import sqlalchemy as sa
from starlette.requests import Request
from starlette.responses import JSONResponse

from kiosk.hq import fast_ingest
from kiosk.hq.auth import Authenticator, AuthError
from kiosk.hq.errors import HqError
from kiosk.hq.metrics import Stamps, clear_stamps, phases, stamp, start_stamps
from kiosk.hq.web.routes import admin_refusal

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

PUBLIC_PATHS = (
    "/api/v1/health",
    "/api/v1/ready",
    "/openapi.json",
    "/docs",
    "/docs/oauth2-redirect",
    "/redoc",
)
# The admin API: guarded by the admin token (kiosk.hq.web.routes.admin_refusal), not a lane's.
TIMINGS_PATH = "/api/v1/timings"
ADMIN_PATHS = ("/api/v1/kpis", "/api/v1/events.csv", TIMINGS_PATH)
SALES_PATH = "/api/v1/sales/batch"
# Routes timed apart; any other request counts as "other" (no key per made-up path).
TIMED = frozenset(
    {
        "POST /api/v1/sales/batch",
        "POST /api/v1/lanes/heartbeat",
        "POST /api/v1/audit/batch",
        "POST /api/v1/events",
        "GET /api/v1/catalog/changes",
    }
)
STEPS_PER_DOUBLING = 16  # histogram buckets 2**(1/16) apart: +-2.2 % around a bucket's middle
SLOW_SECONDS = 0.1  # a request at least this long adds its phases to the route's "slow" sums
# Threads for reading a lane's credentials when its cache entry is gone (issue 16): apart
# from the request pool, where a heartbeat's check queued behind the sales batches. As
# many as that pool has: 4 made the first round of 200 lanes on PostgreSQL (every lane
# uncached at once) wait longer for them than it had in the shared pool.
AUTH_THREADS = 8


async def send_error(
    send: Send, status: int, error: str, message: str, headers: tuple[tuple[bytes, bytes], ...] = ()
) -> None:
    body = json.dumps({"error": error, "message": message}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Refuse request bodies larger than ``max_bytes`` with 413 (declared or streamed)."""

    def __init__(self, app: App, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._refuse(send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.max_bytes:
                await self._refuse(send)
                return
            if not message.get("more_body"):
                break
        stamp("body read")
        await self.app(scope, _replay(b"".join(chunks), receive), send)

    async def _refuse(self, send: Send) -> None:
        await send_error(
            send,
            413,
            "body_too_large",
            f"request body larger than {self.max_bytes} bytes; send smaller batches",
            ((b"connection", b"close"),),
        )


class LaneAuth:
    """Authenticate every non-public request; put the LaneIdentity in ``scope["state"]``."""

    def __init__(self, app: App, authenticator: Authenticator) -> None:
        self.app = app
        self.authenticator = authenticator
        self._threads = anyio.CapacityLimiter(AUTH_THREADS)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        # Only the API needs a lane token; the staff pages check their own admin token.
        if (
            scope["type"] != "http"
            or path in PUBLIC_PATHS
            or path in ADMIN_PATHS
            or not path.startswith("/api/")
        ):
            await self.app(scope, receive, send)
            return
        raw = dict(scope["headers"]).get(b"authorization", b"")
        header = raw.decode("latin-1")
        try:
            who = self.authenticator.authenticate_cached(header)
            if who is None:  # not cached: the database read must not block the event loop
                who = await anyio.to_thread.run_sync(
                    self._authenticate, header, limiter=self._threads
                )
        except AuthError as error:
            await send_error(
                send, 401, "unauthorized", str(error), ((b"www-authenticate", b"Bearer"),)
            )
            return
        except HqError as error:
            await send_error(send, 503, "unavailable", str(error))
            return
        scope.setdefault("state", {})["lane"] = who
        stamp("authenticated")
        await self.app(scope, receive, send)

    def _authenticate(self, header: str) -> Any:
        stamp("auth thread")
        return self.authenticator.authenticate(header)


class FastSales:
    """``POST /api/v1/sales/batch`` of an authenticated lane: a clean batch is decoded,
    checked, written and answered by :func:`kiosk.hq.fast_ingest.try_batch` on a worker
    thread; if it declines (any doubt; nothing written) the request goes to the app with
    the same body. Sits inside :class:`BodyLimit` and :class:`LaneAuth`."""

    def __init__(self, app: App, engine: sa.Engine) -> None:
        self.app = app
        self.engine = engine

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        who = scope.get("state", {}).get("lane")
        if (
            scope["type"] != "http"
            or scope.get("method") != "POST"
            or scope.get("path") != SALES_PATH
            or who is None
            or not fast_ingest.ENABLED
        ):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away: nobody to answer
            chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                break
        body = b"".join(chunks)
        types = [v for k, v in scope["headers"] if k == b"content-type"]
        answer = await anyio.to_thread.run_sync(
            self._try_batch, who, body, types[0] if len(types) == 1 else None
        )
        if answer is None:
            await self.app(scope, _replay(body, receive), send)
            return
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-length", str(len(answer)).encode()),
                    (b"content-type", b"application/json"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": answer})

    def _try_batch(self, who: Any, body: bytes, content_type: bytes | None) -> bytes | None:
        stamp("sales thread")
        answer = fast_ingest.try_batch(self.engine, who, body, content_type)
        stamp("sales written")
        return answer


def _replay(body: bytes, receive: Receive) -> Receive:
    delivered = False

    async def replay() -> Message:
        nonlocal delivered
        if not delivered:
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


class RequestTimes:
    """Outermost: a histogram of request durations per route, read with the admin token at
    ``GET /api/v1/timings`` (404 without an admin token, like the admin API). A duration
    is from the request reaching the app to the last byte of the answer handed to the
    server, less the time spent waiting for the client's body bytes (a slow or starved
    client is not HQ's time; a body already received costs no wait).

    The answer: ``{"steps_per_doubling": 16, "fast_sales": {"fast": n, "declined": m},
    "routes": {"POST /api/v1/sales/batch":
    {"count": n, "buckets": {"k": count}}}}`` where bucket ``k`` holds durations d with
    ``2**(k/16) <= d / 1 us < 2**((k+1)/16)``. Counts only grow: a reader diffs two
    readings. Costs two clock reads and a logarithm per request, on the event loop (no
    lock needed).

    Where the time went (:func:`kiosk.hq.metrics.stamp`): ``"phases": {route: {"a -> b":
    {"count": n, "buckets": {...}}}}``, histograms as above of the time between
    consecutive stamps of a timed request (first ``arrived``, last ``answered``), and
    ``"slow": {route: {"count": n, "seconds": {"a -> b": s}}}``, the phases summed over
    the requests that took at least ``SLOW_SECONDS``: what the tail waited for."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.routes: dict[str, dict[int, int]] = {}
        self.phases: dict[str, dict[str, dict[int, int]]] = {}
        self.slow: dict[str, dict[str, float]] = {}
        self.slow_count: dict[str, int] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        if path == TIMINGS_PATH:
            await self._answer(scope, receive, send)
            return
        key = f"{scope.get('method')} {path}"
        if key not in TIMED:
            key = "other"
        started = time.perf_counter()
        stamps = start_stamps("arrived", started) if key != "other" else None
        waited = 0.0  # blocked in receive(): the client's bytes not there yet

        async def timed_receive() -> Message:
            nonlocal waited
            asked = time.perf_counter()
            message = await receive()
            waited += time.perf_counter() - asked
            return message

        async def timed_send(message: Message) -> None:
            await send(message)
            if message["type"] == "http.response.body" and not message.get("more_body"):
                self.record(key, time.perf_counter() - started - waited)
                if stamps is not None:
                    stamps.append(("answered", time.perf_counter()))
                    self.record_phases(key, stamps, waited)

        try:
            await self.app(scope, timed_receive, timed_send)
        finally:
            if stamps is not None:
                clear_stamps()

    def record(
        self, key: str, seconds: float, into: dict[str, dict[int, int]] | None = None
    ) -> None:
        micro = max(seconds * 1e6, 1.0)
        bucket = int(math.log2(micro) * STEPS_PER_DOUBLING)
        counts = (self.routes if into is None else into).setdefault(key, {})
        counts[bucket] = counts.get(bucket, 0) + 1

    def record_phases(self, key: str, stamps: Stamps, waited: float) -> None:
        """Histograms of the phases of one request; their sums if it was slow."""
        steps = phases(stamps)
        route = self.phases.setdefault(key, {})
        for name, seconds in steps:
            self.record(name, seconds, route)
        if stamps[-1][1] - stamps[0][1] - waited >= SLOW_SECONDS:
            self.slow_count[key] = self.slow_count.get(key, 0) + 1
            sums = self.slow.setdefault(key, {})
            for name, seconds in steps:
                sums[name] = sums.get(name, 0.0) + seconds

    def reading(self) -> dict[str, Any]:
        return {
            "steps_per_doubling": STEPS_PER_DOUBLING,
            "fast_sales": dict(fast_ingest.counts),
            "routes": {
                key: {"count": sum(counts.values()), "buckets": dict(sorted(counts.items()))}
                for key, counts in self.routes.items()
            },
            "phases": {
                key: {
                    name: {"count": sum(c.values()), "buckets": dict(sorted(c.items()))}
                    for name, c in route.items()
                }
                for key, route in self.phases.items()
            },
            "slow": {
                key: {"count": self.slow_count.get(key, 0), "seconds": dict(sums)}
                for key, sums in self.slow.items()
            },
        }

    async def _answer(self, scope: Scope, receive: Receive, send: Send) -> None:
        refusal = admin_refusal(Request(scope, receive))
        response = refusal or JSONResponse(self.reading())
        await response(scope, receive, send)
