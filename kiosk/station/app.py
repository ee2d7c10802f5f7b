"""The station's HTTP side: lanes report and fetch commands; staff use the page.

Lane calls carry ``Authorization: Bearer <station key>`` (``[station] key``, the
same on the station and its lanes). Staff calls carry the session cookie set by
``POST /signin``. Reports are validated strictly (a lane with a bug is told at once,
422 naming the field) and may not carry card numbers or MRZ-like text anywhere.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
from collections.abc import AsyncIterator
from enum import StrEnum
from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, StreamingResponse
from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field

from kiosk.domain.cardlike import looks_like_card_data
from kiosk.domain.mrzlike import looks_like_mrz
from kiosk.domain.staff import Staff
from kiosk.station.board import Board, StationError
from kiosk.station.page import board_page, sign_in_page
from kiosk.station.sessions import SignInRefused, StaffSessions
from kiosk.station.texts import COOKIE as LANGUAGE_COOKIE
from kiosk.station.texts import TEXTS, pick_language

COOKIE = "kiosk_station"
STAFF_CHECK_S = 5.0  # an open page of a disabled account closes within this long
BATCH_S = 0.05  # changes within this long go to the pages as one board
LANE_ID = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"
LaneId = Annotated[str, Path(pattern=LANE_ID)]


def _no_secrets(text: str) -> str:
    if looks_like_card_data(text) or looks_like_mrz(text):
        raise ValueError("card numbers and document (MRZ) text are not allowed here")
    if any(ord(c) < 32 for c in text):
        raise ValueError("control characters are not allowed")
    return text


Text = Annotated[str, Field(max_length=200), AfterValidator(_no_secrets)]
Short = Annotated[str, Field(max_length=40), AfterValidator(_no_secrets)]
# ids the lane makes (hashes, basket ids): a run of digits there is no card number
Key = Annotated[str, Field(pattern=r"^[A-Za-z0-9_.:-]{1,64}$")]


class LaneState(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    PAUSED = "paused"
    OUT_OF_SERVICE = "out_of_service"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class DeviceLine(_Strict):
    name: Short
    status: Text
    ok: bool


class AlertLine(_Strict):
    key: Key
    kind: Short
    detail: Text = ""
    raised_at: Annotated[AwareDatetime, Field(strict=False)]


class BasketLine(_Strict):
    no: Annotated[int, Field(ge=1, le=100_000)]
    name: Text
    quantity: Annotated[int, Field(ge=0, le=100_000)]
    price: Annotated[str, Field(pattern=r"^-?\d{1,12}(\.\d{1,3})?$")]


class CouponLine(_Strict):
    """A coupon on the lane's basket: what it saves now, and whether it applies yet."""

    name: Text
    saving: Annotated[str, Field(pattern=r"^-?\d{1,12}(\.\d{1,3})?$")]
    met: bool = True


class CommandResult(_Strict):
    """A lane's outcome of a command: applied, or refused and why."""

    id: Annotated[int, Field(ge=1)]
    ok: bool
    message: Text = ""
    took_s: Annotated[float | None, Field(ge=0, le=10 * 365 * 86400, strict=False)] = None


class LaneReport(_Strict):
    state: Annotated[LaneState, Field(strict=False)]
    journey: Short
    step: Short
    items: Annotated[int, Field(ge=0, le=100_000)]
    total: Annotated[str, Field(pattern=r"^-?\d{1,12}(\.\d{1,3})?$")]
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    last_touch_s: Annotated[float, Field(ge=0, le=10 * 365 * 86400, strict=False)]
    devices: Annotated[list[DeviceLine], Field(max_length=32)] = []
    consumables: Annotated[dict[Short, Short], Field(max_length=16)] = {}
    alerts: Annotated[list[AlertLine], Field(max_length=64)] = []
    applied: Annotated[list[int], Field(max_length=256)] = []
    results: Annotated[list[CommandResult], Field(max_length=256)] = []
    basket_id: Key | None = None
    lines: Annotated[list[BasketLine], Field(max_length=500)] = []
    coupons: Annotated[list[CouponLine], Field(max_length=32)] = []
    remote: Annotated[list[Short], Field(max_length=32)] = []
    summary: Annotated[dict[Short, Short], Field(max_length=16)] = {}  # booking, room...


class RemoteKind(StrEnum):
    RESOLVE = "resolve"
    VOID_LINE = "void_line"
    SET_QUANTITY = "set_quantity"
    OVERRIDE_PRICE = "override_price"
    SUSPEND = "suspend"
    RESUME = "resume"
    OPEN_LANE = "open_lane"
    CLOSE_LANE = "close_lane"


class RemoteRequest(_Strict):
    """Remote help asked from the page; the lane checks the rest (roles, the basket)."""

    kind: Annotated[RemoteKind, Field(strict=False)]
    alert_id: Annotated[int, Field(ge=1)] | None = None
    approved: bool = True
    item_code: Annotated[str, Field(pattern=r"^[A-Za-z0-9]{1,20}$")] | None = None
    price_minor: Annotated[int, Field(ge=0, le=100_000_000)] | None = None
    line_no: Annotated[int, Field(ge=1, le=100_000)] | None = None
    quantity: Annotated[int, Field(ge=0, le=999)] | None = None
    reason: Text = ""


def create_app(board: Board, sessions: StaffSessions, *, key: str) -> FastAPI:
    """The station app over ``board`` and ``sessions``; lanes authenticate with ``key``."""
    changed = asyncio.Event()
    loop_box: list[asyncio.AbstractEventLoop] = []

    def wake() -> None:
        if loop_box:
            loop_box[0].call_soon_threadsafe(_pulse, changed)

    board.on_change(wake)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        loop_box.append(asyncio.get_running_loop())
        task = asyncio.create_task(_escalation_loop(board))
        yield
        task.cancel()

    app = FastAPI(title="Kiosk station", lifespan=lifespan, docs_url=None, redoc_url=None)

    @app.exception_handler(RequestValidationError)
    async def refused(_request: Request, error: RequestValidationError) -> JSONResponse:
        """422 naming each field and why, never echoing what was sent (it may be a secret)."""
        problems = [
            {"field": ".".join(str(p) for p in e["loc"][1:]), "problem": e["msg"]}
            for e in error.errors()
        ]
        return JSONResponse({"error": "invalid", "problems": problems}, status_code=422)

    _lane_routes(app, board, sessions, changed, key)
    _staff_routes(app, board, sessions, changed)
    return app


def _lane_routes(
    app: FastAPI, board: Board, sessions: StaffSessions, changed: asyncio.Event, key: str
) -> None:
    """What lanes call: report, and fetch commands (long poll)."""

    def lane_caller(request: Request) -> None:
        header = request.headers.get("authorization", "")
        if not (key and hmac.compare_digest(header.encode(), f"Bearer {key}".encode())):
            raise HTTPException(401, "send 'Authorization: Bearer <station key>'")

    lane_only = [Depends(lane_caller)]

    @app.post("/api/lanes/{lane_id}/report", dependencies=lane_only)
    def report(lane_id: LaneId, body: LaneReport) -> dict[str, Any]:
        """A lane's state now; answers with the commands it has not applied."""
        data = body.model_dump(mode="json")
        return {"commands": [c.__dict__ for c in board.report(lane_id, data)]}

    @app.get("/api/lanes/{lane_id}/staff", dependencies=lane_only)
    def staff(lane_id: LaneId) -> dict[str, Any]:
        """The store's staff accounts (PIN hashes, never PINs) for the lane to copy."""
        return {"accounts": sessions.accounts()}

    @app.get("/api/lanes/{lane_id}/commands", dependencies=lane_only)
    async def commands(
        lane_id: LaneId,
        after: Annotated[int, Query(ge=0)] = 0,
        wait: Annotated[float, Query(ge=0, le=30)] = 0.0,
    ) -> dict[str, Any]:
        """Commands after ``after``; waits up to ``wait`` s for one (long poll)."""
        deadline = asyncio.get_running_loop().time() + wait
        while True:
            # off the event loop: the board's lock may be held by a report writing its file
            found = await asyncio.to_thread(board.commands_after, lane_id, after)
            left = deadline - asyncio.get_running_loop().time()
            if found or left <= 0:
                return {"commands": [c.__dict__ for c in found]}
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(changed.wait(), timeout=left)


def _staff_routes(
    app: FastAPI, board: Board, sessions: StaffSessions, changed: asyncio.Event
) -> None:
    """What staff use: the page, sign-in, the live board, acknowledging alerts."""

    def staff_caller(request: Request) -> Staff:
        staff = sessions.staff_for(request.cookies.get(COOKIE))
        if staff is None:
            raise HTTPException(401, "sign in first")
        return staff

    signed_only = [Depends(staff_caller)]

    def language(request: Request) -> str:
        return pick_language(
            request.query_params.get("lang"),
            request.cookies.get(LANGUAGE_COOKIE),
            request.headers.get("accept-language"),
        )

    @app.get("/", response_class=HTMLResponse)
    def page(request: Request) -> HTMLResponse:
        lang = language(request)
        staff = sessions.staff_for(request.cookies.get(COOKIE))
        if staff is None:
            answer = HTMLResponse(sign_in_page(lang))
        else:
            answer = HTMLResponse(board_page(lang, staff.name, staff.role.value))
        if request.query_params.get("lang") == lang:
            answer.set_cookie(LANGUAGE_COOKIE, lang, samesite="strict", max_age=365 * 86400)
        return answer

    @app.post("/signin")
    async def sign_in(request: Request) -> Any:
        form = parse_qs((await request.body())[:4096].decode("utf-8", "replace"))
        staff_id = form.get("staff_id", [""])[0][:64]
        pin = form.get("pin", [""])[0][:32]
        try:
            token = await asyncio.to_thread(sessions.sign_in, staff_id, pin)
        except SignInRefused as refused:
            lang = language(request)
            text = TEXTS[lang][refused.key].format(**refused.params)
            return HTMLResponse(sign_in_page(lang, text), status_code=401)
        answer = RedirectResponse("/", status_code=303)
        answer.set_cookie(COOKIE, token, httponly=True, samesite="strict")
        return answer

    @app.post("/signout")
    def sign_out(request: Request) -> RedirectResponse:
        sessions.sign_out(request.cookies.get(COOKIE))
        answer = RedirectResponse("/", status_code=303)
        answer.delete_cookie(COOKIE)
        return answer

    @app.get("/api/board", dependencies=signed_only)
    def current() -> dict[str, Any]:
        return board.snapshot()

    _event_route(app, board, sessions, changed, signed_only)
    _remote_routes(app, board, staff_caller)


def _event_route(
    app: FastAPI,
    board: Board,
    sessions: StaffSessions,
    changed: asyncio.Event,
    signed_only: list[Any],
) -> None:
    """The page's live board (server-sent events)."""

    @app.get("/events", dependencies=signed_only)
    async def events(request: Request) -> StreamingResponse:
        """Server-sent events: the whole board on every change (and every 15 s)."""

        token = request.cookies.get(COOKIE)
        loop = asyncio.get_running_loop()

        async def stream() -> AsyncIterator[bytes]:
            seen, checked = -1, loop.time()
            while not await request.is_disconnected():
                if loop.time() - checked >= STAFF_CHECK_S:  # a disabled account stops here too
                    checked = loop.time()
                    if await asyncio.to_thread(sessions.staff_for, token) is None:
                        yield b"event: signedout\ndata: {}\n\n"
                        return
                if board.version != seen:
                    seen = board.version
                    # made off the event loop (the board's lock may be held by a report
                    # writing its file), once per version for every page
                    yield b"data: " + await asyncio.to_thread(board.snapshot_json) + b"\n\n"
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(changed.wait(), timeout=15)
                if board.version == seen:
                    yield b": keep-alive\n\n"
                else:
                    await asyncio.sleep(BATCH_S)  # a burst of reports is one message

        headers = {"Cache-Control": "no-store", "X-Accel-Buffering": "no"}
        return StreamingResponse(stream(), media_type="text/event-stream", headers=headers)


def _remote_routes(app: FastAPI, board: Board, staff_caller: Any) -> None:
    """What signed-in staff ask of a lane: "on my way", and remote help."""

    @app.post("/api/alerts/{alert_id}/ack")
    def acknowledge(
        alert_id: int,
        request: Request,
        staff: Staff = Depends(staff_caller),  # noqa: B008 - FastAPI's way to inject
    ) -> JSONResponse:
        """ "I'm on my way": the lane is told who is coming."""
        where = request.client.host if request.client else "unknown"
        try:
            command = board.acknowledge(alert_id, staff.staff_id, staff.name, f"station {where}")
        except StationError as error:
            return JSONResponse({"error": str(error)}, status_code=409)
        return JSONResponse({"command": command.id})

    @app.post("/api/lanes/{lane_id}/commands")
    def remote(
        lane_id: LaneId,
        body: RemoteRequest,
        request: Request,
        staff: Staff = Depends(staff_caller),  # noqa: B008 - FastAPI's way to inject
    ) -> JSONResponse:
        """Remote help: queued for the lane, which applies it as this member of staff."""
        where = request.client.host if request.client else "unknown"
        args = body.model_dump(mode="json", exclude_none=True, exclude={"kind", "alert_id"})
        try:
            command = board.command(
                lane_id,
                body.kind.value,
                args,
                staff_id=staff.staff_id,
                staff_name=staff.name,
                where_from=f"station {where}",
                alert_id=body.alert_id,
            )
        except StationError as error:
            return JSONResponse({"error": str(error)}, status_code=409)
        return JSONResponse({"command": command.id})


def _pulse(event: asyncio.Event) -> None:
    """Wake every waiter once: set, then clear on the next turn of the loop."""
    event.set()
    asyncio.get_running_loop().call_soon(event.clear)


async def _escalation_loop(board: Board) -> None:
    while True:
        await asyncio.to_thread(board.escalate)
        await asyncio.sleep(1.0)
