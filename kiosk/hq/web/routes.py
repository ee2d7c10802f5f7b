"""Routes and access control of the staff web pages.

Access: ``Authorization: Bearer <admin_token>``, or ``?token=<admin_token>`` once, which
answers 303 to the same page without the token and sets an HttpOnly cookie holding an
HMAC of the token (never the token itself). All comparisons use ``hmac.compare_digest``.
Lane tokens do not open the pages. Without an admin token the pages answer 404.
Answers are HTML, never cached, with a Content-Security-Policy that allows no scripts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
from dataclasses import dataclass

import sqlalchemy as sa
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from kiosk.hq.web import queries, render

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
    """``admin_token`` empty: pages disabled."""

    admin_token: str = ""
    not_reporting_minutes: int = 10


def configure(app: FastAPI, *, admin_token: str, not_reporting_minutes: int = 10) -> None:
    """Turn the pages on (non-empty ``admin_token``) or off for ``app``; logs which."""
    app.state.hq_web = WebSettings(admin_token, not_reporting_minutes)
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
        return _html(render.overview_page(rows, now, settings.not_reporting_minutes))

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
        return _html(render.lane_page(store_id, lane_id, sales, audit))

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
    header = request.headers.get("authorization", "")
    if header.startswith("Bearer ") and _same(
        header[len("Bearer ") :].strip(), settings.admin_token
    ):
        return settings, None
    if token is not None:
        if not _same(token, settings.admin_token):
            return settings, _unauthorized("The token in the link is wrong.")
        redirect = RedirectResponse(here, status_code=303, headers=_HEADERS)
        redirect.set_cookie(
            COOKIE,
            session_value(settings.admin_token),
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
            path="/",
        )
        return settings, redirect
    cookie = request.cookies.get(COOKIE)
    if cookie is not None and _same(cookie, session_value(settings.admin_token)):
        return settings, None
    return settings, _unauthorized(
        "Send 'Authorization: Bearer <admin token>' or open this page once with "
        "?token=<admin token>."
    )


def _unauthorized(text: str) -> Response:
    response = _html(render.message_page("Unauthorized", text), 401)
    response.headers["WWW-Authenticate"] = "Bearer"
    return response


def _html(text: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(text, status_code=status, headers=_HEADERS)
