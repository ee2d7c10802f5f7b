"""The sync loop through a fault-injecting proxy; after every scenario HQ's sales equal the
lane's exactly (count, totals, no duplicates). Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from fault_proxy import FaultProxy
from hq_fixtures import hq_sales
from lane_helpers import add_sales, assert_hq_equals_lane, lane_db, sync_config, wait_for

from kiosk.hq.server import ServerThread
from kiosk.store.sync_state import status
from kiosk.sync.service import SyncService


@pytest.fixture
def proxy(hq_server):
    proxy = FaultProxy(hq_server.port)
    yield proxy
    proxy.close()


@pytest.fixture
def lane(tmp_path):
    conn = lane_db(tmp_path / "lane.sqlite3")
    yield conn
    conn.close()


@pytest.fixture
def service(tmp_path, proxy, lane_token, lane):
    service = SyncService(tmp_path / "lane.sqlite3", sync_config(proxy.url, lane_token))
    yield service
    service.stop()


def _drained(lane):
    return lambda: status(lane).pending == 0


@pytest.mark.parametrize(
    ("connections", "responses"),
    [
        (("drop",) * 3, ()),
        ((), ("reset",) * 3),
        ((), ("http500",) * 3),
        (("drop", "pass", "drop"), ("reset", "http500", "pass", "reset")),
    ],
    ids=["dropped-connections", "reset-after-commit", "http-500", "mixed"],
)
def test_faults_delay_but_never_lose_or_double_a_sale(  # noqa: PLR0917
    service, proxy, lane, hq_engine, connections, responses
):
    add_sales(lane, 120, seed=5)
    proxy.plan(connections=connections, responses=responses)
    service.start()
    wait_for(_drained(lane), what="the outbox to drain")
    assert sum(proxy.injected.values()) == len([f for f in connections + responses if f != "pass"])
    assert_hq_equals_lane(hq_engine, lane)
    # the faulted batches were sent again: a second attempt, answered "duplicate" if HQ
    # had committed the first
    assert lane.execute("SELECT max(attempts) FROM outbox").fetchone()[0] >= 2


def test_latency_slows_but_sells_on(service, proxy, lane, hq_engine):
    proxy.latency = 0.02
    add_sales(lane, 60, seed=6)
    service.start()
    service.wake()
    wait_for(_drained(lane), what="the outbox to drain")
    assert_hq_equals_lane(hq_engine, lane)


def test_hq_restarted_mid_drain(service, proxy, lane, hq_engine, hq_server):
    add_sales(lane, 400, seed=7)
    service.start()
    wait_for(lambda: len(hq_sales(hq_engine)) > 0, what="the first batch at HQ")
    hq_server.stop(force=True)
    add_sales(lane, 20, seed=8)  # the lane keeps selling while HQ is down
    restarted = ServerThread(hq_engine).start()
    try:
        proxy.retarget(restarted.port)
        wait_for(_drained(lane), what="the outbox to drain after the restart")
    finally:
        restarted.stop(force=True)
    assert_hq_equals_lane(hq_engine, lane)


def test_hq_away_then_back_the_lane_catches_up_alone(service, proxy, lane, hq_engine, hq_server):
    hq_server.stop(force=True)
    service.start()
    add_sales(lane, 50, seed=9)
    wait_for(lambda: "last_error" in status(lane).state, what="an error to be recorded")
    assert status(lane).pending == 50
    back = ServerThread(hq_engine).start()
    try:
        proxy.retarget(back.port)
        wait_for(_drained(lane), what="the outbox to drain once HQ is back")
    finally:
        back.stop(force=True)
    assert_hq_equals_lane(hq_engine, lane)
