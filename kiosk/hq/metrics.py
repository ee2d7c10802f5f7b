"""HQ's Prometheus metrics and its readiness probe.

``install(app, engine)`` adds:

- an outermost ASGI middleware counting requests by method, route template and
  status and timing them (``kiosk_hq_requests_total``, ``kiosk_hq_request_seconds``);
  the route is Starlette's template (``/api/v1/records/{kind}/batch``), so a lane id in
  a path never becomes a label;
- ``GET /metrics`` (the admin token, as for the admin API; 404 without one): those,
  the sales stored (``kiosk_hq_sales_stored_total``, counted by the sales paths through
  :func:`sales_stored`), and per lane, read from ``lane_status`` at scrape time, the
  outbox backlog its last heartbeat reported and the heartbeat's age;
- ``GET /api/v1/ready`` (no credentials): 200 when the database answers and is at the
  schema this program needs, else 503 naming why. ``/api/v1/health`` stays the
  liveness probe (the process runs).

With several worker processes (``kiosk hq serve --workers N``) every process writes
its samples to ``$PROMETHEUS_MULTIPROC_DIR`` and a scrape of any worker adds them up
(prometheus_client's multiprocess mode); ``serve`` sets that folder up.

Where a request waited (issue 16): :func:`stamp` marks a named moment of the request
being handled (``"route thread"``: the route began on a worker thread; ``"db
connected"``: a database connection was handed over, after the write lock on SQLite).
:class:`kiosk.hq.middleware.RequestTimes` starts each timed request's list of stamps
(:func:`start_stamps`) and at its answer turns consecutive stamps into phases
(``"arrived -> route thread"``: waiting for a thread of the pool, the event loop and
anything between) that ``GET /api/v1/timings`` reports per route. A stamp is a clock
read and a list append; outside a timed request it does nothing. The stamps ride in a
context variable, which anyio copies into the worker threads that run a request.
"""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Iterator
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from kiosk.hq.db import current_revision, head_revision
from kiosk.hq.tables import lane_status

METRICS_PATH = "/metrics"
READY_PATH = "/api/v1/ready"

REQUESTS = Counter("kiosk_hq_requests", "HTTP requests answered", ["method", "route", "status"])
LATENCY = Histogram(
    "kiosk_hq_request_seconds",
    "time from a request's arrival to the end of its answer",
    ["method", "route"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
SALES = Counter("kiosk_hq_sales_stored", "sales stored (a replay of a stored sale not counted)")

_Scope = dict[str, Any]
Stamps = list[tuple[str, float]]
_STAMPS: ContextVar[Stamps | None] = ContextVar("kiosk_hq_stamps", default=None)


def start_stamps(name: str, at: float) -> Stamps:
    """Begin the stamps of the request being handled in this context (first: ``name``
    at ``at``, a ``time.perf_counter()`` reading); returns the list :func:`stamp` fills."""
    stamps = [(name, at)]
    _STAMPS.set(stamps)
    return stamps


def current_stamps() -> Stamps | None:
    """The stamps of the request being handled in this context (None outside one), for
    work done for it elsewhere (another thread) to add to."""
    return _STAMPS.get()


def clear_stamps() -> None:
    """End the stamps of this context's request."""
    _STAMPS.set(None)


def stamp(name: str) -> None:
    """Mark that the request being handled reached ``name`` now (no-op outside one)."""
    stamps = _STAMPS.get()
    if stamps is not None:
        stamps.append((name, time.perf_counter()))


def phases(stamps: Stamps) -> list[tuple[str, float]]:
    """("a -> b", seconds) for each pair of consecutive stamps."""
    return [
        (f"{a} -> {b}", max(0.0, t_b - t_a)) for (a, t_a), (b, t_b) in itertools.pairwise(stamps)
    ]


def _stamp_checkout(*_args: Any) -> None:
    stamp("db connected")


def sales_stored(count: int) -> None:
    """Count ``count`` newly stored sales (called by the sales upload paths)."""
    if count:
        SALES.inc(count)


class RequestMetrics:
    """Outermost ASGI middleware: counts and times every HTTP request by route template."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: _Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = [500]

        async def watched(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                status[0] = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, watched)
        finally:
            route = getattr(scope.get("route"), "path", None) or "other"
            method = scope.get("method", "")
            REQUESTS.labels(method, route, str(status[0])).inc()
            LATENCY.labels(method, route).observe(time.perf_counter() - started)


class LaneCollector(Collector):
    """Per-lane gauges read from ``lane_status`` when Prometheus scrapes."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def collect(self) -> Iterator[GaugeMetricFamily]:
        backlog = GaugeMetricFamily(
            "kiosk_lane_outbox_depth",
            "records the lane still had to send at its last heartbeat",
            labels=["store", "lane"],
        )
        age = GaugeMetricFamily(
            "kiosk_lane_heartbeat_age_seconds",
            "seconds since the lane's last heartbeat reached HQ",
            labels=["store", "lane"],
        )
        now = datetime.now(UTC)
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(
                    lane_status.c.store_id,
                    lane_status.c.lane_id,
                    lane_status.c.outbox_depth,
                    lane_status.c.received_at,
                )
            ).all()
        for store_id, lane_id, depth, received_at in rows:
            backlog.add_metric([store_id, lane_id], float(depth))
            seen = _parse_time(received_at)
            if seen is not None:
                age.add_metric([store_id, lane_id], max(0.0, (now - seen).total_seconds()))
        yield backlog
        yield age


def install(app: FastAPI, engine: sa.Engine) -> None:
    """Add the request metrics, ``GET /metrics`` and ``GET /api/v1/ready`` to ``app``."""
    from kiosk.hq.web.routes import admin_refusal

    lanes = LaneCollector(engine)
    if not sa.event.contains(engine, "checkout", _stamp_checkout):
        sa.event.listen(engine, "checkout", _stamp_checkout)

    @app.get(METRICS_PATH, include_in_schema=False)
    def metrics(request: Request) -> Response:
        refusal = admin_refusal(request)
        if refusal is not None:
            return refusal
        return Response(scrape(lanes), media_type=CONTENT_TYPE_LATEST)

    @app.get(READY_PATH, tags=["health"])
    def ready() -> JSONResponse:
        """Readiness probe: the database answers and is at this program's schema."""
        try:
            with engine.connect() as conn:
                found = current_revision(conn)
        except sa.exc.SQLAlchemyError as error:
            return JSONResponse(
                {"status": "unavailable", "reason": f"database: {type(error).__name__}"},
                status_code=503,
            )
        if found != head_revision():
            return JSONResponse(
                {"status": "unavailable", "reason": f"schema {found}, needs {head_revision()}"},
                status_code=503,
            )
        return JSONResponse({"status": "ready"})

    app.add_middleware(RequestMetrics)


def scrape(lanes: LaneCollector) -> bytes:
    """The exposition text: this process's (or, in multiprocess mode, every worker's)
    counters plus the per-lane gauges."""
    registry = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    else:
        for metric in (REQUESTS, LATENCY, SALES):
            registry.register(metric)
    registry.register(lanes)
    return generate_latest(registry)


def _parse_time(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
