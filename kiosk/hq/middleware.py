"""ASGI middleware of the HQ API: body size limit and lane authentication.

Both run before FastAPI reads or parses a body, so a stranger's request or an
oversized one is refused without being parsed, and nothing is written.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import anyio.to_thread

from kiosk.hq.auth import Authenticator, AuthError
from kiosk.hq.errors import HqError

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

PUBLIC_PATHS = ("/api/v1/health", "/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc")
# The admin API: guarded by the admin token (kiosk.hq.web.routes.admin_refusal), not a lane's.
ADMIN_PATHS = ("/api/v1/kpis", "/api/v1/events.csv")


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
        body = b"".join(chunks)
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

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
                who = await anyio.to_thread.run_sync(self.authenticator.authenticate, header)
        except AuthError as error:
            await send_error(
                send, 401, "unauthorized", str(error), ((b"www-authenticate", b"Bearer"),)
            )
            return
        except HqError as error:
            await send_error(send, 503, "unavailable", str(error))
            return
        scope.setdefault("state", {})["lane"] = who
        await self.app(scope, receive, send)
