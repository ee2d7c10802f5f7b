"""Routes and access control of the staff web pages.

Access: ``Authorization: Bearer <admin_token>``, or ``?token=<admin_token>`` once, which
answers 303 to the same page without the token and sets an HttpOnly cookie holding an
HMAC of the token (never the token itself). All comparisons use ``hmac.compare_digest``.
Lane tokens do not open the pages. Without an admin token the pages answer 404.
Wrong tokens (header, link or cookie) are counted per client address and lock it out
for a while with 429 and ``Retry-After`` (:mod:`kiosk.hq.throttle`); the token in a
link is kept out of the access log (:mod:`kiosk.hq.access_log`).
Answers are HTML, never cached, with a Content-Security-Policy that allows no scripts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
from dataclasses import dataclass, field
from typing import Annotated

import sqlalchemy as sa
from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from kiosk.hq import fleet
from kiosk.hq.kpis import KpiFilter, check_date
from kiosk.hq.throttle import LoginThrottle
from kiosk.hq.web import kpi_page, queries, render

log = logging.getLogger(__name__)
COOKIE = "kiosk_hq_admin"
_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


@dataclass(frozen=True, slots=True)
class WebSettings:
    """``admin_token`` empty: pages disabled. ``throttle`` counts wrong tokens."""

    admin_token: str = ""
    not_reporting_minutes: int = 10
    throttle: LoginThrottle = field(default_factory=LoginThrottle)


def configure(
    app: FastAPI,
    *,
    admin_token: str,
    not_reporting_minutes: int = 10,
    throttle: LoginThrottle | None = None,
) -> None:
    """Turn the pages on (non-empty ``admin_token``) or off for ``app``; logs which.
    ``throttle``: the failed-login throttle to use (tests pass one with their clock)."""
    app.state.hq_web = WebSettings(admin_token, not_reporting_minutes, throttle or LoginThrottle())
    if admin_token:
        log.info("HQ web pages enabled at / (admin token required)")
    else:
        log.warning("HQ web pages disabled: set [hq] admin_token to enable them (they answer 404)")


def router(engine: sa.Engine) -> APIRouter:
    """The pages' router over ``engine``; settings come from :func:`configure`."""
    pages = APIRouter(include_in_schema=False)

    @pages.get("/", response_class=HTMLResponse)
    def overview(request: Request, token: str | None = None) -> Response:
        settings, refused = _gate(request, token, "/")
        if refused is not None:
            return refused
        now = dt.datetime.now(dt.UTC)
        rows = queries.overview(engine, now)
        versions = fleet.config_versions(engine)
        return _html(render.overview_page(rows, now, settings.not_reporting_minutes, versions))

    @pages.get("/lanes/{store_id}/{lane_id}", response_class=HTMLResponse)
    def lane_detail(
        request: Request, store_id: str, lane_id: str, token: str | None = None
    ) -> Response:
        _, refused = _gate(request, token, render.lane_href(store_id, lane_id))
        if refused is not None:
            return refused
        # Ids are printable text; a NUL or control character (which PostgreSQL refuses
        # in text) cannot name an enrolled lane.
        valid = all(part.isprintable() for part in (store_id, lane_id))
        if not valid or not queries.lane_exists(engine, store_id, lane_id):
            text = f"No lane {store_id}/{lane_id} is enrolled."
            return _html(render.message_page("Not found", text), 404)
        sales = queries.lane_sales(engine, store_id, lane_id)
        audit = queries.lane_audit_rows(engine, store_id, lane_id)
        info = fleet.lane_info(engine, store_id, lane_id)
        return _html(render.lane_page(store_id, lane_id, sales, audit, info))

    @pages.get("/kpis", response_class=HTMLResponse)
    def kpi_overview(
        request: Request,
        *,
        token: str | None = None,
        date_from: Annotated[str | None, Query(alias="from")] = None,
        date_to: Annotated[str | None, Query(alias="to")] = None,
        store: str | None = None,
        lane: str | None = None,
        journey: str | None = None,
        language: str | None = None,
    ) -> Response:
        _, refused = _gate(request, token, "/kpis")
        if refused is not None:
            return refused
        try:
            f = KpiFilter(
                check_date(date_from or None),
                check_date(date_to or None),
                *(v or None for v in (store, lane, journey, language)),
            )
        except ValueError as error:
            return _html(render.message_page("Bad filter", str(error)), 422)
        if any(
            v is not None and not v.isprintable() for v in (f.store, f.lane, f.journey, f.language)
        ):
            return _html(render.message_page("Bad filter", "Filters are printable text."), 422)
        return _html(kpi_page.kpi_page(engine, f))

    return pages


def session_value(admin_token: str) -> str:
    """The cookie value for ``admin_token``: an HMAC, so the cookie does not hold the token."""
    return hmac.new(admin_token.encode(), b"kiosk-hq-web-session", hashlib.sha256).hexdigest()


def _same(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8", "replace"), expected.encode("utf-8"))


def _gate(request: Request, token: str | None, here: str) -> tuple[WebSettings, Response | None]:
    """The settings and None if the request may see the page, else the answer to send."""
    settings: WebSettings = getattr(request.app.state, "hq_web", None) or WebSettings()
    if not settings.admin_token:
        return settings, _html(render.message_page("Not found", "No such page."), 404)
    address = request.client.host if request.client else "unknown"
    wait = settings.throttle.retry_after(address)
    if wait:  # not even a right token is checked while locked (see kiosk.hq.throttle)
        return settings, _too_many(wait)
    answer, tried = _login(request, token, here, settings.admin_token)
    if answer is None or answer.status_code == 303:
        settings.throttle.succeeded(address)
    elif tried:
        settings.throttle.failed(address)
    return settings, answer


def _login(
    request: Request, token: str | None, here: str, admin_token: str
) -> tuple[Response | None, bool]:
    """(None or the answer to send, whether a wrong token was presented)."""
    header = request.headers.get("authorization", "")
    if header.startswith("Bearer ") and _same(header[len("Bearer ") :].strip(), admin_token):
        return None, False
    if token is not None:
        if not _same(token, admin_token):
            return _unauthorized("The token in the link is wrong."), True
        redirect = RedirectResponse(here, status_code=303, headers=_HEADERS)
        redirect.set_cookie(
            COOKIE,
            session_value(admin_token),
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
            path="/",
        )
        return redirect, False
    cookie = request.cookies.get(COOKIE)
    if cookie is not None and _same(cookie, session_value(admin_token)):
        return None, False
    # A cookie is HMAC(token): guessing cookies is guessing tokens, so it counts too.
    tried = header.startswith("Bearer ") or cookie is not None
    return _unauthorized(
        "Send 'Authorization: Bearer <admin token>' or open this page once with "
        "?token=<admin token>."
    ), tried


def admin_refusal(request: Request) -> Response | None:
    """None if ``request`` carries the admin token (header or the pages' cookie), else the
    JSON answer for the admin API (404 pages off, 401 wrong token, 429 locked out)."""
    settings: WebSettings = getattr(request.app.state, "hq_web", None) or WebSettings()
    if not settings.admin_token:
        return _json_error(404, "not_found", "the admin API is off (no hq.admin_token)")
    address = request.client.host if request.client else "unknown"
    wait = settings.throttle.retry_after(address)
    if wait:
        locked = _json_error(429, "too_many_attempts", f"too many wrong tokens; retry in {wait} s")
        locked.headers["Retry-After"] = str(wait)
        return locked
    page_answer, tried = _login(request, None, request.url.path, settings.admin_token)
    if page_answer is None:
        settings.throttle.succeeded(address)
        return None
    if tried:
        settings.throttle.failed(address)
    refused = _json_error(401, "unauthorized", "send 'Authorization: Bearer <admin token>'")
    refused.headers["WWW-Authenticate"] = "Bearer"
    return refused


def _json_error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse(
        {"error": code, "message": message},
        status_code=status,
        headers={"Cache-Control": "no-store"},
    )


def _too_many(seconds: int) -> Response:
    text = f"Too many wrong tokens from your address; try again in {seconds} s."
    response = _html(render.message_page("Too many attempts", text), 429)
    response.headers["Retry-After"] = str(seconds)
    return response


def _unauthorized(text: str) -> Response:
    response = _html(render.message_page("Unauthorized", text), 401)
    response.headers["WWW-Authenticate"] = "Bearer"
    return response


def _html(text: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(text, status_code=status, headers=_HEADERS)
