"""The HQ HTTP API (FastAPI): versioned endpoints under ``/api/v1``.

``create_app(engine, ...)`` builds the ASGI app; ``kiosk.hq.server`` runs it under
uvicorn. Every error answer is JSON ``{"error": code, "message": sentence}``
(:class:`~kiosk.hq.models.ErrorBody`): 401 bad credentials, 403 another lane's
data, 413 body too large, 422 a record HQ refuses for its content (naming the field),
503 database unavailable (retry later); see :mod:`kiosk.hq.api_errors`.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Annotated, Any

import anyio.to_thread
import sqlalchemy as sa
from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.exceptions import HTTPException

from kiosk import __version__
from kiosk.hq import (
    audit,
    catalog,
    checkins,
    coupons,
    events,
    fleet,
    heartbeats,
    kpi_api,
    lane_changes,
    metrics,
    offers,
    recalls,
    sales,
    web,
)
from kiosk.hq.api_errors import install_error_handlers
from kiosk.hq.auth import LaneIdentity
from kiosk.hq.checkin_models import CheckinBatch
from kiosk.hq.event_models import EventBatch, EventBatchResult
from kiosk.hq.middleware import BodyLimit, FastSales, LaneAuth, RequestTimes
from kiosk.hq.models import (
    AuditBatch,
    BatchResult,
    CatalogPage,
    ErrorBody,
    Heartbeat,
    HeartbeatAck,
    OfferPage,
    SaleBatch,
)
from kiosk.hq.sale_rules import sale_problems

_bearer = HTTPBearer(auto_error=False, description="STORE:LANE:SECRET from `kiosk hq enrol-lane`")
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": text}
    for code, text in (
        (401, "missing or wrong credentials"),
        (403, "data of another lane"),
        (413, "body too large"),
        (422, "a record HQ refuses for its content; the message names the field"),
        (503, "database unavailable; retry later"),
    )
}


async def _lane(
    request: Request, _credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> LaneIdentity:
    # async: a plain def would cost every lane request a turn in the thread pool
    who: LaneIdentity = request.scope["state"]["lane"]
    return who


Lane = Annotated[LaneIdentity, Depends(_lane)]


def create_app(
    engine: sa.Engine,
    *,
    max_body_bytes: int = 8 * 1024 * 1024,
    max_page: int = 10_000,
    threads: int | None = None,
    listen_for_lane_changes: bool = False,
) -> FastAPI:
    """The HQ ASGI application over ``engine`` (schema already migrated). ``threads``
    caps the worker threads that run requests (None: anyio's default of 40).
    ``listen_for_lane_changes``: on PostgreSQL, keep a LISTEN connection so a lane
    re-enrolled or revoked by any process is refused here within a second
    (``app.state.lane_listener``; stop it with the app)."""

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if threads is not None:
            # Fewer threads, less GIL hand-over per database round trip; see HqConfig.
            anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        yield

    app = FastAPI(
        title="Kiosk HQ",
        version=__version__,
        responses=_ERRORS,
        description="Sales upload, catalog changes, heartbeats and service events of kiosk "
        "lanes; service measures for staff (admin token).",
        lifespan=lifespan,
    )
    # Added innermost first: RequestTimes -> LaneAuth -> BodyLimit -> FastSales -> routes.
    app.add_middleware(FastSales, engine=engine)  # a clean sales batch; else the route below
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    authenticator = lane_changes.authenticator_for(engine, listen=listen_for_lane_changes)
    app.state.lane_listener = authenticator.listener
    app.add_middleware(LaneAuth, authenticator=authenticator)
    app.add_middleware(RequestTimes)
    metrics.install(app, engine)  # outermost: counts every request, GET /metrics, /ready
    beats = app.state.heartbeat_writer = heartbeats.HeartbeatWriter(engine)
    install_error_handlers(app)

    @app.get("/api/v1/health", tags=["health"])
    def health() -> dict[str, str]:
        """Liveness probe; needs no credentials."""
        return {"status": "ok", "version": __version__}

    @app.post("/api/v1/sales/batch", response_model=BatchResult, tags=["sales"])
    def upload_sales(batch: SaleBatch, who: Lane) -> BatchResult:
        """Store a batch of this lane's sales, idempotent on (store, lane, transaction id).

        A sale whose numbers do not add up refuses the whole batch (422 naming the field,
        e.g. ``sales[3].totals.total``; nothing stored). Otherwise each sale gets
        ``accepted`` (stored now), ``duplicate`` (stored before, same document) or
        ``rejected`` with a reason (its transaction id is stored with another document;
        the lane dead-letters it).

        A clean batch never gets here: :class:`kiosk.hq.middleware.FastSales` answers it
        (the same answer, :mod:`kiosk.hq.fast_ingest`); this is the path of any doubt.
        """
        _check_owner(who, [(d.store_id, d.lane_id, d.transaction_id) for d in batch.sales])
        _check_rules(batch)
        return BatchResult(results=sales.store_batch(engine, who, batch.sales))

    @app.post("/api/v1/audit/batch", response_model=BatchResult, tags=["audit"])
    def upload_audit(batch: AuditBatch, who: Lane) -> BatchResult:
        """Store this lane's audit records (staff actions outside a sale), idempotent on
        (store, lane, audit id); results as for sales."""
        _check_owner(who, [(r.store_id, r.lane_id, r.transaction_id) for r in batch.records])
        return BatchResult(results=audit.store_audit_batch(engine, who, batch.records))

    @app.post("/api/v1/checkins", response_model=BatchResult, tags=["check-ins"])
    def upload_checkins(batch: CheckinBatch, who: Lane) -> BatchResult:
        """Store this lane's check-in records (airport and hotel journeys; docs/airport.md),
        idempotent on (store, lane, check-in id); results as for sales. A record holding
        MRZ-like text anywhere refuses the whole batch (422 naming the field)."""
        _check_owner(who, [(c.store_id, c.lane_id, c.transaction_id) for c in batch.checkins])
        return BatchResult(results=checkins.store_checkins(engine, who, batch.checkins))

    @app.post("/api/v1/events", response_model=EventBatchResult, tags=["service measures"])
    def upload_events(batch: EventBatch, who: Lane) -> EventBatchResult:
        """Store this lane's service events (docs/service-events.md), idempotent on
        (store, lane, event id): each gets ``accepted``, ``duplicate`` (a replay) or
        ``rejected`` (its id is stored with other content). An event that breaks the
        contract refuses the whole batch (422 naming the field, e.g.
        ``events[3].data.rating``; nothing stored)."""
        _check_owner(who, [(e.store_id, e.lane_id, e.event_id) for e in batch.events])
        return EventBatchResult(results=events.store_events(engine, who, batch.events))

    @app.get(
        "/api/v1/catalog/changes",
        response_model=CatalogPage,
        tags=["catalog"],
        responses={
            200: {
                "headers": {
                    "X-Catalog-Cursor": {
                        "schema": {"type": "integer"},
                        "description": "the page's cursor (same as in the body)",
                    },
                    "X-Catalog-More": {
                        "schema": {"type": "string", "enum": ["0", "1"]},
                        "description": "1: ask again with the new cursor",
                    },
                }
            }
        },
    )
    def catalog_changes(
        who: Lane,
        cursor: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=100_000)] = 1000,
    ) -> Response:
        """Catalog changes with version > ``cursor``, oldest first (deletions included).
        ``limit`` above the server's ``hq.max_catalog_page`` is lowered to it."""
        del who
        body, last, more = catalog.changes_since(engine, cursor, min(limit, max_page))
        # The headers let a lane apply the body without parsing it in Python.
        headers = {"X-Catalog-Cursor": str(last), "X-Catalog-More": "1" if more else "0"}
        return Response(body, media_type="application/json", headers=headers)

    @app.get("/api/v1/offers/changes", response_model=OfferPage, tags=["catalog"])
    def offer_changes(
        who: Lane,
        cursor: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=100_000)] = 1000,
    ) -> dict[str, Any]:
        """Offer and loyalty card changes with version > ``cursor``, oldest first (withdrawn
        offers as tombstones); the lane pulls them after its catalog (kiosk.hq.offers)."""
        del who
        return offers.changes_since(engine, cursor, min(limit, max_page))

    @app.post("/api/v1/lanes/heartbeat", response_model=HeartbeatAck, tags=["lanes"])
    async def heartbeat(beat: Heartbeat, who: Lane) -> HeartbeatAck:
        """Record the lane's state, devices, outbox depth and version (answered once
        stored; kiosk.hq.heartbeats writes them in groups, on its own thread)."""
        return HeartbeatAck(received_at=await beats.record(who, beat))

    app.include_router(kpi_api.router(engine))  # admin token, off until web.configure()
    app.include_router(web.router(engine))  # staff pages, off until web.configure()
    app.include_router(fleet.router(engine))  # GET /api/v1/lanes/config (lane token)
    # GET /api/v1/recalls/changes and /api/v1/coupons/changes
    for feed in (recalls.router(engine, max_page), coupons.router(engine, max_page)):
        app.include_router(feed)
    return app


def _check_owner(who: LaneIdentity, owners: list[tuple[str, str, str]]) -> None:
    """Refuse the whole batch (403, nothing written) if a document is another lane's."""
    for store_id, lane_id, tid in owners:
        if (store_id, lane_id) != (who.store_id, who.lane_id):
            raise HTTPException(
                403,
                f"{tid} belongs to {store_id}/{lane_id}, these credentials are "
                f"{who.store_id}/{who.lane_id}",
            )


def _check_rules(batch: SaleBatch) -> None:
    """Refuse the batch (422, nothing written) if a sale breaks a rule of sale_rules."""
    errors = [
        {"loc": ("body", "sales", index, *problem.loc), "msg": problem.message, "type": "sale"}
        for index, document in enumerate(batch.sales)
        for problem in sale_problems(document)
    ]
    if errors:
        raise RequestValidationError(errors)
