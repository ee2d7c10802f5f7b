"""The admin API of service measures: ``GET /api/v1/kpis`` (the KPI report as JSON, the
same as ``kiosk hq kpis --json``) and ``GET /api/v1/events.csv`` (the stored events).

Both need the admin token (``Authorization: Bearer <hq.admin_token>``, or the staff
pages' cookie), never a lane's; without an admin token configured they answer 404.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Annotated, Any, Literal

import sqlalchemy as sa
from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from kiosk.hq import kpis
from kiosk.hq.event_models import Journey
from kiosk.hq.tables import service_event
from kiosk.hq.web.routes import admin_refusal

_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_ID = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"
_LANGUAGE = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$"
CSV_COLUMNS = (
    "store_id",
    "lane_id",
    "event_id",
    "journey",
    "transaction_id",
    "type",
    "at",
    "language",
    "data",
    "received_at",
)
_ADMIN_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"description": "missing or wrong admin token"},
    404: {"description": "the admin API is off (no hq.admin_token)"},
    422: {"description": "a filter is not valid; the message names it"},
    429: {"description": "too many wrong tokens from this address"},
}
DateParam = Annotated[str | None, Query(alias="from", pattern=_DATE)]


def kpi_filter(
    *,
    date_from: str | None,
    date_to: str | None,
    store: str | None,
    lane: str | None,
    journey: str | None,
    language: str | None = None,
) -> kpis.KpiFilter:
    """A :class:`kiosk.hq.kpis.KpiFilter`; dates are checked to exist.

    Raises:
        ValueError: naming the date that is not one.
    """
    return kpis.KpiFilter(
        kpis.check_date(date_from), kpis.check_date(date_to), store, lane, journey, language
    )


def _invalid(message: str) -> JSONResponse:
    return JSONResponse(status_code=422, content={"error": "invalid_query", "message": message})


def router(engine: sa.Engine) -> APIRouter:
    """The admin API's routes over ``engine``."""
    api = APIRouter(tags=["service measures"], responses=_ADMIN_ERRORS)

    @api.get("/api/v1/kpis")
    def get_kpis(
        request: Request,
        *,
        date_from: DateParam = None,
        date_to: Annotated[str | None, Query(alias="to", pattern=_DATE)] = None,
        store: Annotated[str | None, Query(pattern=_ID)] = None,
        lane: Annotated[str | None, Query(pattern=_ID)] = None,
        journey: Journey | None = None,
        language: Annotated[str | None, Query(pattern=_LANGUAGE)] = None,
        by: Literal["store", "lane", "journey", "language", "day", "hour"] | None = None,
    ) -> Response:
        """Service measures (docs/service-events.md) over the days ``from``..``to``
        (inclusive, UTC), optionally for one store, lane, journey or language, with a
        breakdown ``by``."""
        refused = admin_refusal(request)
        if refused is not None:
            return refused
        try:
            f = kpi_filter(
                date_from=date_from,
                date_to=date_to,
                store=store,
                lane=lane,
                journey=journey,
                language=language,
            )
        except ValueError as error:
            return _invalid(str(error))
        return JSONResponse(kpis.report(engine, f, by), headers={"Cache-Control": "no-store"})

    @api.get("/api/v1/events.csv", response_class=StreamingResponse)
    def export_events(
        request: Request,
        *,
        date_from: DateParam = None,
        date_to: Annotated[str | None, Query(alias="to", pattern=_DATE)] = None,
        store: Annotated[str | None, Query(pattern=_ID)] = None,
        lane: Annotated[str | None, Query(pattern=_ID)] = None,
        journey: Journey | None = None,
    ) -> Response:
        """The stored service events as CSV (UTF-8, a header row), oldest first."""
        refused = admin_refusal(request)
        if refused is not None:
            return refused
        try:
            f = kpi_filter(
                date_from=date_from, date_to=date_to, store=store, lane=lane, journey=journey
            )
        except ValueError as error:
            return _invalid(str(error))
        return StreamingResponse(
            _csv_lines(engine, f),
            media_type="text/csv; charset=utf-8",
            headers={
                "Content-Disposition": 'attachment; filename="service-events.csv"',
                "Cache-Control": "no-store",
            },
        )

    return api


def _cell(value: object) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv_lines(engine: sa.Engine, f: kpis.KpiFilter) -> Iterator[str]:
    c = service_event.c
    query = sa.select(*[c[name] for name in CSV_COLUMNS]).order_by(c.at, c.id)
    if f.date_from:
        query = query.where(c.at >= f.date_from)
    if f.date_to:
        query = query.where(c.at < f.date_to + "T99")  # every time of that day
    for column, value in ((c.store_id, f.store), (c.lane_id, f.lane), (c.journey, f.journey)):
        if value is not None:
            query = query.where(column == value)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    yield buffer.getvalue()
    with engine.connect().execution_options(stream_results=True, yield_per=2000) as conn:
        for partition in conn.execute(query).partitions():
            buffer.seek(0)
            buffer.truncate()
            writer.writerows([_cell(v) for v in row] for row in partition)
            yield buffer.getvalue()
