"""The HQ API's error answers: JSON ``{"error": code, "message": sentence}``, and the line
between "your record is wrong" and "try again later".

Theory of operation (DESIGN.md invariant 10): a lane dead-letters what HQ refuses for
its content and retries what failed for HQ's own reasons
(``kiosk.sync.uploader``: 413/422 split the batch until the bad record is alone, then
dead-letter it; 5xx and 429 are retried; other 4xx stop the uploader). So:

* 422 ``invalid_body`` - the body breaks the model or a sale rule; the message starts
  with the field (``sales[3].totals.total: ...``). A body that cannot be parsed at all
  (not UTF-8, nested too deep for the parser) is 422 too, never 400: only 413/422
  let the lane isolate the record.
* 422 ``unstorable`` - the database refused a value of the record (a constraint, a
  value it cannot hold). The models are meant to make this impossible; if it happens
  it is still the record's fault, and a 503 would make the lane retry it forever.
* 503 ``unavailable`` - the database cannot be reached or failed for its own
  reasons: retry later.

Database messages are logged and answered without SQL parameters, and with long digit
runs masked: a parameter may be anything the lane sent (DESIGN.md invariant 6).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from kiosk.hq.cards import redact_digits
from kiosk.hq.event_models import EVENT_TYPES

log = logging.getLogger(__name__)
MAX_DETAILS = 20
_HTTP_CODES = {403: "forbidden", 404: "not_found", 405: "method_not_allowed"}
# Errors the record's content causes; anything else from the database is transient.
_CONTENT_ERRORS = (sa.exc.DataError, sa.exc.IntegrityError)
_CONTENT_CAUSES = (UnicodeError, ValueError, TypeError, OverflowError)


def field_path(loc: Sequence[Any]) -> str:
    """``("body", "sales", 3, "totals", "total")`` as ``sales[3].totals.total``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part != "body" or text:
            text += f".{part}" if text else str(part)
    return text


def is_content_error(error: sa.exc.SQLAlchemyError) -> bool:
    """True if the database refused a value of the record (not a transient failure)."""
    if isinstance(error, _CONTENT_ERRORS):
        return True
    # A value the driver could not even send (e.g. not encodable): not a DBAPI error.
    return (
        isinstance(error, sa.exc.StatementError)
        and not isinstance(error, sa.exc.DBAPIError)
        and isinstance(error.orig, _CONTENT_CAUSES)
    )


def database_message(error: sa.exc.SQLAlchemyError) -> str:
    """The driver's first line, without the SQL, parameters or long digit runs."""
    cause = getattr(error, "orig", None) or error
    first = (str(cause).strip().splitlines() or [type(cause).__name__])[0]
    column = getattr(getattr(cause, "diag", None), "column_name", None)
    where = f" (column {column})" if column else ""
    return redact_digits(f"{type(cause).__name__}: {first}{where}")[:300]


def _detail(error: Any) -> dict[str, Any]:
    """One validation error as ``{loc, msg, type}``. Never "input", which would echo what
    was refused (maybe a card number). A discriminated union's tag (an event type) is
    dropped from the location, and a missing or unknown tag is blamed on ``type``, so the
    lane reads ``events[3].type`` or ``events[3].data.rating``."""
    loc = list(error.get("loc", ()))
    kind = str(error.get("type", ""))
    msg = str(error.get("msg", ""))
    loc = [
        p for n, p in enumerate(loc) if not (p in EVENT_TYPES and n and isinstance(loc[n - 1], int))
    ]
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        loc.append("type")
        msg = "must be one of " + ", ".join(sorted(EVENT_TYPES))
    return {"loc": loc, "msg": msg, "type": kind}


def _invalid(details: list[dict[str, Any]]) -> JSONResponse:
    first = details[0] if details else {"loc": [], "msg": "invalid"}
    where = field_path(first["loc"])
    return JSONResponse(
        status_code=422,
        content={
            "error": "invalid_body",
            "message": f"{where}: {first['msg']}" if where else str(first["msg"]),
            "details": details,
        },
    )


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers of the module docstring on ``app``."""

    @app.exception_handler(RequestValidationError)
    async def invalid_body(_request: Request, error: RequestValidationError) -> JSONResponse:
        return _invalid([_detail(e) for e in error.errors()[:MAX_DETAILS]])

    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, error: HTTPException) -> JSONResponse:
        if error.status_code == 400:  # FastAPI: the body could not be parsed
            return _invalid([{"loc": ["body"], "msg": str(error.detail), "type": "body"}])
        return JSONResponse(
            status_code=error.status_code,
            headers=error.headers,
            content={
                "error": _HTTP_CODES.get(error.status_code, "http_error"),
                "message": str(error.detail),
            },
        )

    @app.exception_handler(sa.exc.SQLAlchemyError)
    async def database_error(_request: Request, error: sa.exc.SQLAlchemyError) -> JSONResponse:
        message = database_message(error)
        if is_content_error(error):
            log.warning("database refused a record: %s", message)
            return JSONResponse(
                status_code=422,
                content={
                    "error": "unstorable",
                    "message": f"the database refused a value of this record: {message}",
                },
            )
        log.error("database error: %s", message)
        return JSONResponse(
            status_code=503,
            content={
                "error": "unavailable",
                "message": "the HQ database is unavailable; retry later",
            },
        )
