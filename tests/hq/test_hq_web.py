"""The staff web pages (kiosk.hq.web) against a real HQ server, on SQLite and PostgreSQL:
access control, what the overview and lane pages show, HTML escaping, garbage input."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from html.parser import HTMLParser
from urllib.parse import quote

import httpx
import pytest
import sqlalchemy as sa
from hq_fixtures import LANE, STORE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.hq import web
from kiosk.hq.db import utc_now
from kiosk.hq.samples import make_sale
from kiosk.hq.server import ServerThread
from kiosk.hq.tables import lane, lane_status

ADMIN = "admin-token-0123456789abcdef"
HOSTILE_STORE = "<script>alert('s')"  # no '/': ids never hold one
HOSTILE_LANE = '"><img src=x onerror=alert(1)>'


@pytest.fixture
def web_server(hq_engine: sa.Engine) -> Iterator[ServerThread]:
    """A real HQ server whose pages are on (admin token ``ADMIN``)."""
    server = ServerThread(hq_engine, max_body_bytes=1024 * 1024)
    web.configure(server.server.config.app, admin_token=ADMIN, not_reporting_minutes=5)
    server.start()
    yield server
    server.stop(force=True)


@pytest.fixture
def web_client(web_server: ServerThread) -> Iterator[httpx.Client]:
    """A keep-alive client of ``web_server`` (no cookies kept)."""
    with httpx.Client(base_url=web_server.url, cookies=None) as client:
        yield client


def _get(server: ServerThread, path: str, token: str | None = ADMIN, **kw) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.get(f"{server.url}{path}", headers=headers, **kw)


def _post(server: ServerThread, token: str, path: str, body: dict) -> httpx.Response:
    response = httpx.post(
        f"{server.url}{path}", json=body, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 200, response.text
    return response


def _beat(server: ServerThread, token: str, **changes: object) -> None:
    beat = {
        "state": "selling",
        "app_version": "1.2.3",
        "outbox_depth": 4,
        "dead_letters": 0,
        "sent_at": utc_now(),
        "devices": [
            {"name": "scanner", "kind": "scanner", "status": "ok"},
            {"name": "printer", "kind": "printer", "status": "offline", "detail": "unplugged"},
        ],
    }
    _post(server, token, "/api/v1/lanes/heartbeat", {**beat, **changes})


def _sale(rng: random.Random, day: dt.date, status: str = "completed") -> dict:
    sale = make_sale(STORE, LANE, rng)
    sale["completed_at"] = f"{day.isoformat()}T00:00:30Z"
    sale["started_at"] = f"{day.isoformat()}T00:00:00Z"
    sale["status"] = status
    return sale


class _Checker(HTMLParser):
    """Collects text and checks that non-void elements are closed in order."""

    VOID = frozenset({"meta", "br", "img", "input", "link", "hr"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1:] == [tag], f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(text: str) -> _Checker:
    checker = _Checker()
    checker.feed(text)
    checker.close()
    assert checker.stack == [], f"unclosed {checker.stack}"
    return checker


def test_lane_auth_lets_the_pages_through(hq_server):
    """The lane-token middleware guards /api/ only: the pages do their own auth."""
    response = _get(hq_server, "/", token=None)
    assert response.status_code == 404  # pages off here; not the API's 401


def test_pages_are_not_found_without_an_admin_token(hq_server, lane_token):
    for path in ("/", f"/lanes/{STORE}/{LANE}", f"/?token={ADMIN}"):
        assert _get(hq_server, path, token=None).status_code == 404
        assert _get(hq_server, path, token=lane_token).status_code == 404
    paths = _get(hq_server, "/openapi.json", token=None).json()["paths"]
    assert all(p.startswith("/api/") for p in paths), sorted(paths)


def test_pages_need_the_admin_token_not_a_lane_token(web_server, lane_token):
    for path in ("/", f"/lanes/{STORE}/{LANE}"):
        assert _get(web_server, path).status_code == 200
        for token in (None, "wrong-token", ADMIN + "x", lane_token):
            refused = _get(web_server, path, token=token)
            assert refused.status_code == 401, (path, token)
            assert refused.headers["www-authenticate"] == "Bearer"
        assert _get(web_server, f"{path}?token={quote(lane_token)}", token=None).status_code == 401


def test_a_token_link_sets_an_http_only_cookie(web_server):
    with httpx.Client(base_url=web_server.url) as client:
        link = client.get(f"/lanes/{STORE}/{LANE}", params={"token": ADMIN})
        assert link.status_code == 303
        assert link.headers["location"] == f"/lanes/{STORE}/{LANE}"
        cookie = link.headers["set-cookie"]
        assert "httponly" in cookie.lower()
        assert "samesite=strict" in cookie.lower()
        assert ADMIN not in cookie
        assert client.get("/").status_code == 200  # the cookie alone opens the pages
    forged = httpx.get(f"{web_server.url}/", cookies={web.routes.COOKIE: "0" * 64})
    assert forged.status_code == 401


def test_the_overview_shows_a_lane_with_its_heartbeat_and_todays_sales(
    web_server, hq_engine, lane_token
):
    rng = random.Random(7)
    today = dt.datetime.now(dt.UTC).date()
    counted = [_sale(rng, today), _sale(rng, today)]
    ignored = [_sale(rng, today, "cancelled"), _sale(rng, today - dt.timedelta(days=1))]
    _post(web_server, lane_token, "/api/v1/sales/batch", {"sales": counted + ignored})
    _beat(web_server, lane_token)
    silent = "lane-99"
    with hq_engine.begin() as conn:  # a lane whose last heartbeat is an hour old
        conn.execute(
            lane.insert().values(
                store_id=STORE,
                lane_id=silent,
                secret_sha256="0" * 64,
                enrolled_at=utc_now(),
                disabled=False,
            )
        )
        old = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
        conn.execute(
            lane_status.insert().values(
                store_id=STORE,
                lane_id=silent,
                state="selling",
                app_version="1.0",
                outbox_depth=0,
                devices="[]",
                sent_at=old,
                received_at=old,
            )
        )
    page = _get(web_server, "/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    rows = {}
    for tr in page.text.split("<tr>")[1:]:
        cells = [c.split("</td>")[0] for c in tr.split("<td")[1:]]
        if cells:
            rows[_parse(cells[0].split(">", 1)[1]).text[0]] = cells
    total = sum(s["totals"]["total"] for s in counted)
    mine = rows[LANE]
    assert mine[1] == ">selling"
    assert "1.2.3" in mine[4]
    assert 'class="bad">printer: offline (unplugged)' in mine[5]
    assert mine[6].endswith(">4")
    assert mine[8].endswith(">2")
    assert mine[9].endswith(f">{total // 100}.{total % 100:02d} EUR")
    assert "not reporting" in rows[silent][1]
    assert "1 h" in rows[silent][3]
    checker = _parse(page.text)
    assert [a.get("href") for t, a in checker.tags if t == "a"] == [
        "/kpis",
        f"/lanes/{STORE}/{LANE}",
        f"/lanes/{STORE}/{silent}",
    ]
    assert not any(t == "script" for t, _ in checker.tags)

    detail = _get(web_server, f"/lanes/{STORE}/{LANE}")
    assert detail.status_code == 200
    _parse(detail.text)
    for sale in counted + ignored:
        assert sale["transaction_id"] in detail.text
    assert detail.text.count("VISA ************1234") == 4
    assert "cancelled" in detail.text
    assert _get(web_server, f"/lanes/{STORE}/nope").status_code == 404


def test_stored_values_are_escaped(web_server, hq_engine, lane_token):
    evil = "<script>alert(2)</script>"
    _beat(
        web_server,
        lane_token,
        state=evil[:64],
        app_version="<b>1</b>",
        devices=[{"name": evil, "kind": "x", "status": "<i>", "detail": "\"'&<>"}],
    )
    audit = {
        "schema": 1,
        "kind": "audit",
        "transaction_id": "a-1",
        "store_id": STORE,
        "lane_id": LANE,
        "at": utc_now(),
        "staff_id": evil[:64],
        "action": "void_line",
        "reason": evil,
        "details": {"x": evil},
    }
    _post(web_server, lane_token, "/api/v1/audit/batch", {"records": [audit]})
    with hq_engine.begin() as conn:
        conn.execute(
            lane.insert().values(
                store_id=HOSTILE_STORE,
                lane_id=HOSTILE_LANE,
                secret_sha256="0" * 64,
                enrolled_at=utc_now(),
                disabled=False,
            )
        )
    pages = [
        _get(web_server, "/"),
        _get(web_server, f"/lanes/{STORE}/{LANE}"),
        _get(web_server, f"/lanes/{quote(HOSTILE_STORE, safe='')}/{quote(HOSTILE_LANE, safe='')}"),
    ]
    for page in pages:
        assert page.status_code == 200
        checker = _parse(page.text)
        assert {t for t, _ in checker.tags} <= {
            "html",
            "head",
            "meta",
            "title",
            "style",
            "body",
            "h1",
            "h2",
            "p",
            "a",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
            "span",
            "br",
            "code",
        }
        for raw in ("<script>", "<img", "<b>", "<i>"):
            assert raw not in page.text
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in pages[0].text
    assert HOSTILE_STORE in "".join(_parse(pages[0].text).text)
    assert evil in "".join(_parse(pages[1].text).text)  # audit reason, shown as text
    assert HOSTILE_LANE in "".join(_parse(pages[2].text).text)


_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    names=st.tuples(_text, _text, _text),
    params=st.dictionaries(st.sampled_from(["token", "x", "q", ""]), _text, max_size=3),
    token=st.sampled_from([ADMIN, None, "wrong"]),
)
def test_garbage_paths_and_queries_never_give_a_server_error(web_client, names, params, token):
    store, lane_id, raw = names
    for path in (
        f"/lanes/{quote(store, safe='')}/{quote(lane_id, safe='')}",
        "/" + quote(raw, safe="/?&=%"),
        "/lanes/" + quote(raw, safe="/"),
    ):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = web_client.get(path, headers=headers, params=params)
        assert response.status_code < 500, (path, params, response.text)
        if response.headers.get("content-type", "").startswith("text/html"):
            _parse(response.text)
