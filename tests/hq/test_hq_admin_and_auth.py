"""Issue 9 item 10: the admin token of a ``?token=`` link never reaches the access log;
wrong admin tokens are throttled per client address (429 with Retry-After, exponential
lock); an unknown lane id is refused from a short negative cache instead of a database
query per request. Real HQ servers over HTTP; clocks are injected, nothing sleeps."""

from __future__ import annotations

import logging
import re
import threading

import httpx
import pytest
import sqlalchemy as sa
from hq_calls import HEARTBEAT, heartbeat, post

from kiosk.hq import auth, web
from kiosk.hq.auth import Authenticator, AuthError, enrol_lane
from kiosk.hq.server import ServerThread
from kiosk.hq.throttle import BASE_SECONDS, FREE_FAILURES, MAX_SECONDS, LoginThrottle

ADMIN = "admin-token-0123456789abcdef"
SQLITE_ONLY = pytest.mark.parametrize("hq_url", ["sqlite"], indirect=True)


class Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class AccessLines(logging.Handler):
    """Keeps the formatted access log lines; ``seen`` is set once ``count`` arrived."""

    def __init__(self, count: int) -> None:
        super().__init__()
        self.lines: list[str] = []
        self.count = count
        self.seen = threading.Event()

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())
        if len(self.lines) >= self.count:
            self.seen.set()


@SQLITE_ONLY
def test_the_admin_token_of_a_link_never_reaches_the_access_log(hq_engine):
    server = ServerThread(hq_engine, log_level="info")  # the access log on, as `hq serve`
    web.configure(server.server.config.app, admin_token=ADMIN)
    access = logging.getLogger("uvicorn.access")
    lines = AccessLines(count=4)
    access.addHandler(lines)
    try:
        with server:
            for query in (f"token={ADMIN}", f"x=1&token={ADMIN}", f"%74oken={ADMIN}"):
                response = httpx.get(f"{server.url}/lanes/s/l?{query}")
                assert response.status_code == 303, query  # the link worked
            assert httpx.get(f"{server.url}/?token=wrong-{ADMIN}").status_code == 401
            assert lines.seen.wait(10), lines.lines  # uvicorn logs after answering
    finally:
        access.removeHandler(lines)
    assert len(lines.lines) == 4
    for line in lines.lines:
        assert ADMIN not in line
        assert "oken=[redacted]" in line
    assert "x=1&token=[redacted]" in lines.lines[1]


def _server(hq_engine: sa.Engine, clock: Clock) -> ServerThread:
    """A server with the pages on and a throttle on ``clock``."""
    server = ServerThread(hq_engine)
    throttle = LoginThrottle(clock)
    web.configure(server.server.config.app, admin_token=ADMIN, throttle=throttle)
    return server


def _page(server: ServerThread, token: str, source: str = "127.0.0.1") -> httpx.Response:
    transport = httpx.HTTPTransport(local_address=source)
    with httpx.Client(transport=transport) as client:
        return client.get(f"{server.url}/", headers={"Authorization": f"Bearer {token}"})


@SQLITE_ONLY
def test_wrong_admin_tokens_lock_the_address_with_429_and_a_growing_retry_after(hq_engine):
    clock = Clock()
    with _server(hq_engine, clock) as server:
        for n in range(FREE_FAILURES):  # typos cost nothing
            assert _page(server, f"guess-{n}").status_code == 401
        assert _page(server, ADMIN).status_code == 200  # a success forgets them
        for n in range(FREE_FAILURES + 1):
            assert _page(server, f"guess-{n}").status_code == 401
        locked = _page(server, "guess-x")
        assert locked.status_code == 429
        assert locked.headers["retry-after"] == str(int(BASE_SECONDS))
        assert "try again in" in locked.text
        # Locked means locked: the right token is not even checked (no oracle for guessers).
        assert _page(server, ADMIN).status_code == 429
        # Another address is not locked.
        assert _page(server, ADMIN, source="127.0.0.2").status_code == 200
        waits = []
        for _ in range(4):  # each failure after the lock doubles it
            clock.now += int(locked.headers["retry-after"])
            assert _page(server, "guess-again").status_code == 401
            locked = _page(server, ADMIN)
            assert locked.status_code == 429
            waits.append(int(locked.headers["retry-after"]))
        assert waits == [2, 4, 8, 16]
        clock.now += waits[-1]
        assert _page(server, ADMIN).status_code == 200


@SQLITE_ONLY
def test_300_fast_guesses_get_only_the_free_attempts_and_a_link_or_cookie_counts_too(hq_engine):
    clock = Clock()
    with _server(hq_engine, clock) as server, httpx.Client(base_url=server.url) as client:
        statuses = [
            client.get("/", headers={"Authorization": f"Bearer guess-{n}"}).status_code
            for n in range(300)
        ]
        assert statuses.count(401) == FREE_FAILURES + 1
        assert statuses.count(429) == 300 - FREE_FAILURES - 1
        assert client.get("/", params={"token": ADMIN}).status_code == 429
        forged = {web.routes.COOKIE: "0" * 64}
        assert httpx.get(f"{server.url}/", cookies=forged).status_code == 429
        clock.now += MAX_SECONDS
        assert client.get("/", params={"token": "guess"}).status_code == 401  # counted
        assert httpx.get(f"{server.url}/", cookies=forged).status_code == 429


def test_an_unknown_lane_costs_one_database_query_not_one_per_request(
    hq_server, hq_engine, lane_token
):
    queries: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: PLR0917
        if re.search(r"\bFROM lane\b", statement):
            queries.append(statement)

    sa.event.listen(hq_engine, "before_cursor_execute", count)
    try:
        with httpx.Client(base_url=hq_server.url) as client:
            for n in range(40):
                response = client.post(
                    HEARTBEAT,
                    json=heartbeat(),
                    headers={"Authorization": f"Bearer store-001:lane-404:secret-{n}"},
                )
                assert response.status_code == 401
                assert response.json()["error"] == "unauthorized"
            for malformed in ("store-001:" + "l" * 65, "st ore:lane-1", "store-001:-lane"):
                response = client.post(
                    HEARTBEAT, json=heartbeat(), headers={"Authorization": f"Bearer {malformed}:x"}
                )
                assert response.status_code == 401  # no enrolled lane has such an id
        assert len(queries) == 1
        # A known lane still gets in (its own cached lookup), a wrong secret still not.
        assert post(hq_server, lane_token, HEARTBEAT, heartbeat()).status_code == 200
        wrong = lane_token.rsplit(":", 1)[0] + ":wrong"
        assert post(hq_server, wrong, HEARTBEAT, heartbeat()).status_code == 401
        assert len(queries) == 2
    finally:
        sa.event.remove(hq_engine, "before_cursor_execute", count)


@SQLITE_ONLY
def test_the_unknown_lane_cache_expires_and_is_bounded(hq_engine, monkeypatch):
    clock = Clock()
    authenticator = Authenticator(hq_engine, clock)
    with pytest.raises(AuthError):
        authenticator.authenticate("Bearer store-001:lane-new:x")
    token = enrol_lane(hq_engine, "store-001", "lane-new")
    with pytest.raises(AuthError):  # still remembered as unknown, no query
        authenticator.authenticate_cached(f"Bearer {token}")
    clock.now += auth.UNKNOWN_SECONDS
    assert authenticator.authenticate_cached(f"Bearer {token}") is None  # ask the database
    assert authenticator.authenticate(f"Bearer {token}").lane_id == "lane-new"

    monkeypatch.setattr(auth, "UNKNOWN_MAX", 3)
    for n in range(10):
        with pytest.raises(AuthError):
            authenticator.authenticate(f"Bearer store-001:nobody-{n}:x")
    assert len(authenticator._unknown) == 3
    assert authenticator.authenticate_cached("Bearer store-001:nobody-0:x") is None  # forgotten
