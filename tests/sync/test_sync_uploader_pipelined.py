"""The pipelined drain (``in_flight`` > 1) against a real HQ server, through a proxy that
decides each batch's fate by its first sale: passed, its reply dropped after HQ
committed, or refused without reaching HQ. Every scenario ends with HQ's sales equal to
the lane's, each exactly once (DESIGN.md invariants 4 and 10)."""

from __future__ import annotations

import http.server
import json
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lane_helpers import add_sales, assert_hq_equals_lane, lane_db, lane_sales, wait_for

from kiosk.store.sync_state import dead_letters, requeue_dead_letters, status
from kiosk.sync.client import HqClient
from kiosk.sync.errors import HqRefused, HqUnreachable, SyncError
from kiosk.sync.uploader import drain


class BatchProxy:
    """Reverse proxy to HQ; ``fates[first transaction id]`` (used once) says what happens
    to that batch: ``drop`` (HQ answers, the lane gets no reply), ``drop-after:<tid>``
    (the same, once the batch starting with <tid> was dropped: both were in flight),
    ``hold`` (HQ answers, the reply waits for :attr:`release`), or an HTTP status
    answered without asking HQ."""

    def __init__(self, upstream: str, fates: dict[str, str] | None = None) -> None:
        self.upstream = upstream.rstrip("/")
        self.fates = dict(fates or {})
        self.dropped: dict[str, threading.Event] = {}
        self.overlapped: list[str] = []
        self.first_ids: list[str] = []
        self.held: list[str] = []
        self.release = threading.Event()
        self._lock = threading.Lock()
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                first = next(iter(json.loads(body).values()))[0]["transaction_id"]
                with proxy._lock:
                    proxy.first_ids.append(first)
                    fate = proxy.fates.pop(first, "pass")
                    done = proxy.dropped.setdefault(first, threading.Event())
                if fate.isdigit():
                    self._answer(int(fate), b'{"error":"refused","message":"by the proxy"}')
                    return
                headers = {
                    k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")
                }
                reply = httpx.post(proxy.upstream + self.path, content=body, headers=headers)
                if fate == "hold":
                    with proxy._lock:
                        proxy.held.append(first)
                    proxy.release.wait(30)
                if fate in ("pass", "hold"):
                    self._answer(reply.status_code, reply.content)
                    return
                if fate.startswith("drop-after:"):
                    other = fate.split(":", 1)[1]
                    with proxy._lock:
                        event = proxy.dropped.setdefault(other, threading.Event())
                    if event.wait(10):
                        proxy.overlapped.append(first)
                self.close_connection = True  # HQ committed; the lane never hears of it
                done.set()

            def _answer(self, status: int, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)


@pytest.fixture
def proxy(hq_server):
    proxy = BatchProxy(hq_server.url)
    yield proxy
    proxy.close()


@pytest.fixture
def lane(tmp_path):
    conn = lane_db(tmp_path / "lane.sqlite3")
    yield conn
    conn.close()


def _piped(conn, url, token, batch_size, in_flight=2):
    """drain with ``in_flight`` batches, each poster with its own client; the caller's
    client (splits only) is closed afterwards."""
    client = HqClient(url, token, timeout_s=15)
    try:
        return drain(
            conn,
            client,
            batch_size,
            in_flight=in_flight,
            make_client=lambda: HqClient(url, token, timeout_s=15),
        )
    finally:
        client.close()


def _attempts(conn):
    return [r[0] for r in conn.execute("SELECT attempts FROM outbox ORDER BY id")]


def test_the_pipelined_drain_sends_everything_exactly_once(lane, hq_server, lane_token, hq_engine):
    add_sales(lane, 103, seed=11)
    report = _piped(lane, hq_server.url, lane_token, batch_size=10, in_flight=2)
    assert (report.sent, report.duplicates, report.dead) == (103, 0, 0)
    assert_hq_equals_lane(hq_engine, lane)
    assert _attempts(lane) == [1] * 103


def test_the_second_reply_then_the_first_are_lost(lane, proxy, lane_token, hq_engine):
    sales = add_sales(lane, 40, seed=12)
    first, second = sales[0]["transaction_id"], sales[10]["transaction_id"]
    proxy.fates = {first: f"drop-after:{second}", second: "drop"}
    with pytest.raises(HqUnreachable):
        _piped(lane, proxy.url, lane_token, batch_size=10)
    assert proxy.overlapped == [first]  # batch 2 reached HQ while batch 1 awaited its reply
    # HQ has both batches, but the lane marked nothing it did not hear, and stopped.
    assert status(lane).pending == 40
    assert _attempts(lane) == [1] * 20 + [0] * 20
    assert proxy.first_ids[2:] == []
    report = _piped(lane, proxy.url, lane_token, batch_size=10)
    assert (report.sent, report.duplicates, report.dead) == (40, 20, 0)
    assert_hq_equals_lane(hq_engine, lane)


def test_an_hq_that_refuses_one_batch_stops_the_drain_and_loses_nothing(
    lane, proxy, lane_token, hq_engine
):
    sales = add_sales(lane, 50, seed=13)
    proxy.fates = {sales[20]["transaction_id"]: "503"}
    with pytest.raises(HqUnreachable):
        _piped(lane, proxy.url, lane_token, batch_size=10)
    sent = {
        t for (t,) in lane.execute("SELECT transaction_id FROM outbox WHERE sent_at IS NOT NULL")
    }
    failed = {s["transaction_id"] for s in sales[20:30]}
    assert not sent & failed
    assert sent >= {s["transaction_id"] for s in sales[:20]}  # answered before the refusal
    assert status(lane).dead_letters == 0
    _piped(lane, proxy.url, lane_token, batch_size=10)
    assert_hq_equals_lane(hq_engine, lane)


def test_a_setup_refusal_is_raised_and_nothing_is_dead_lettered(lane, proxy, lane_token, hq_engine):
    sales = add_sales(lane, 30, seed=14)
    proxy.fates = {sales[10]["transaction_id"]: "403"}
    with pytest.raises(HqRefused):
        _piped(lane, proxy.url, lane_token, batch_size=10)
    assert status(lane).dead_letters == 0
    _piped(lane, proxy.url, lane_token, batch_size=10)
    assert_hq_equals_lane(hq_engine, lane)


def test_a_content_refusal_in_flight_is_split_and_nothing_else_is_held(
    lane, proxy, lane_token, hq_engine
):
    sales = add_sales(lane, 30, seed=15)
    proxy.fates = {sales[10]["transaction_id"]: "413"}  # once: the halves then pass
    report = _piped(lane, proxy.url, lane_token, batch_size=10)
    assert (report.sent, report.dead) == (30, 0)
    assert_hq_equals_lane(hq_engine, lane)


_KILLED_DRAIN = """
import sys
from kiosk.store.db import connect
from kiosk.sync.client import HqClient
from kiosk.sync.uploader import drain
path, url, token = sys.argv[1:]
drain(connect(path), HqClient(url, token), 10, in_flight=2,
      make_client=lambda: HqClient(url, token))
"""


def test_a_drain_killed_with_two_batches_in_flight_loses_nothing(
    tmp_path, lane, proxy, lane_token, hq_engine
):
    sales = add_sales(lane, 40, seed=16)
    proxy.fates = {sales[10]["transaction_id"]: "hold", sales[20]["transaction_id"]: "hold"}
    child = subprocess.Popen(
        [sys.executable, "-c", _KILLED_DRAIN, str(tmp_path / "lane.sqlite3"), proxy.url, lane_token]
    )
    try:
        wait_for(lambda: len(proxy.held) == 2, what="batches 2 and 3 in flight at once")
    finally:
        child.kill()  # SIGKILL: HQ has batches 2 and 3, the lane never heard
        child.wait(10)
    proxy.release.set()
    assert status(lane).pending == 30  # batch 1 was recorded before batch 3 was read
    report = _piped(lane, proxy.url, lane_token, batch_size=10)
    assert (report.sent, report.duplicates) == (30, 20)
    assert_hq_equals_lane(hq_engine, lane)


def test_in_flight_needs_a_client_maker(lane, hq_server, lane_token):
    client = HqClient(hq_server.url, lane_token)
    with pytest.raises(ValueError, match="make_client"):
        drain(lane, client, 10, in_flight=2)
    with pytest.raises(ValueError, match="in_flight must be at least 1, not 0"):
        drain(lane, client, 10, in_flight=0)
    client.close()


def _hq_has(engine: sa.Engine, tids: list[str]) -> list[tuple[str, int]]:
    if not tids:
        return []
    with engine.connect() as hq:
        rows = hq.execute(
            sa.text(
                "SELECT transaction_id, total FROM sale WHERE transaction_id IN :t ORDER BY 1"
            ).bindparams(sa.bindparam("t", expanding=True)),
            {"t": tids},
        ).all()
    return [(r[0], r[1]) for r in rows]


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    count=st.integers(1, 45),
    batch_size=st.integers(1, 12),
    in_flight=st.integers(2, 3),
    seed=st.integers(0, 10**9),
    faults=st.dictionaries(st.integers(0, 44), st.sampled_from(["drop", "503", "413"]), max_size=4),
)
def test_any_batches_and_failures_end_with_every_sale_once(  # noqa: PLR0917
    proxy, lane_token, hq_engine, count, batch_size, in_flight, seed, faults
):
    with tempfile.TemporaryDirectory() as tmp:
        conn = lane_db(Path(tmp) / "lane.sqlite3")
        try:
            sales = add_sales(conn, count, seed=seed)
            faults = {i: fate for i, fate in faults.items() if i < count}
            proxy.fates = {sales[i]["transaction_id"]: fate for i, fate in faults.items()}
            for _ in range(len(faults) + 2):
                try:
                    _piped(conn, proxy.url, lane_token, batch_size, in_flight)
                    break
                except SyncError:
                    sent = [
                        t
                        for (t,) in conn.execute(
                            "SELECT transaction_id FROM outbox WHERE sent_at IS NOT NULL"
                        )
                    ]
                    assert len(_hq_has(hq_engine, sent)) == len(sent)  # marked => HQ has it
            assert status(conn).pending == 0
            # only a sale refused (413) alone in its batch is dead-lettered; requeued, it passes
            refused = {sales[i]["transaction_id"] for i in faults if faults[i] == "413"}
            assert {d.transaction_id for d in dead_letters(conn)} <= refused
            requeue_dead_letters(conn)
            _piped(conn, proxy.url, lane_token, batch_size, in_flight)
            lane_rows = lane_sales(conn)
            assert _hq_has(hq_engine, [t for t, _ in lane_rows]) == lane_rows
        finally:
            conn.close()
