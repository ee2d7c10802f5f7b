"""Heartbeats written in groups (kiosk.hq.heartbeats) through a real HQ on SQLite and
PostgreSQL: many lanes at once each get their own facts stored, in the order each lane
sent them; an answered heartbeat survives HQ being killed; a heartbeat the database
refuses does not take the rest of its group with it; HQ's timings say where a
heartbeat's time went."""

from __future__ import annotations

import asyncio
import json
import os
import random
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from hq_fixtures import STORE

from kiosk.hq import fleet, web
from kiosk.hq.auth import LaneIdentity, enrol_lane
from kiosk.hq.db import create_engine
from kiosk.hq.heartbeats import HeartbeatWriter
from kiosk.hq.models import Heartbeat
from kiosk.hq.samples import make_sale
from kiosk.hq.server import ServerThread, free_port

ADMIN = "admin-token-for-the-heartbeat-test-0123456789"


def beat_body(n: int) -> dict[str, object]:
    """The n-th heartbeat of a lane: outbox depth n, its printer's status flips each time
    (so every heartbeat is a device change HQ must keep, in order)."""
    return {
        "state": "selling",
        "app_version": "0.1.0",
        "outbox_depth": n,
        "sent_at": f"2026-12-05T10:00:{n % 60:02d}.000Z",
        "devices": [{"name": "printer", "kind": "printer", "status": status(n)}],
    }


def status(n: int) -> str:
    return "ok" if n % 2 == 0 else "paper_out"


async def send_beats(
    base: str, token: str, count: int, acked: list[tuple[int, str]], stop: asyncio.Event
) -> None:
    """One lane: ``count`` heartbeats one after another (the next after the answer);
    (n, received_at) of each answered one goes to ``acked``."""
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=30) as client:
        for n in range(count):
            if stop.is_set():
                return
            try:
                answer = await client.post("/api/v1/lanes/heartbeat", json=beat_body(n))
            except httpx.HTTPError:
                return  # HQ was killed
            assert answer.status_code == 200, answer.text
            acked.append((n, answer.json()["received_at"]))


def stored(engine: sa.Engine, lane_id: str) -> tuple[int, str, list[str]]:
    """(outbox depth, received_at) of the lane's last heartbeat at HQ, and its printer's
    statuses in the device history, oldest first."""
    with engine.connect() as conn:
        depth, received_at = conn.execute(
            sa.text("SELECT outbox_depth, received_at FROM lane_status WHERE lane_id = :l"),
            {"l": lane_id},
        ).one()
    info = fleet.lane_info(engine, STORE, lane_id, shown=fleet.HISTORY_KEEP)
    return depth, received_at, [c.status for c in reversed(info.history)]


def test_many_lanes_at_once_each_keep_their_own_heartbeats_in_order(hq_engine):
    lanes = {f"lane-{n:02d}": enrol_lane(hq_engine, STORE, f"lane-{n:02d}") for n in range(30)}
    acked: dict[str, list[tuple[int, str]]] = {lane: [] for lane in lanes}

    async def all_lanes(base: str) -> None:
        stop = asyncio.Event()
        await asyncio.gather(*(send_beats(base, lanes[k], 6, acked[k], stop) for k in lanes))

    with ServerThread(hq_engine) as server:
        asyncio.run(all_lanes(server.url))

    for lane_id, answers in acked.items():
        assert [n for n, _ in answers] == list(range(6))
        depth, received_at, history = stored(hq_engine, lane_id)
        assert (depth, received_at) == (5, answers[-1][1])  # the last one, as answered
        assert history == [status(n) for n in range(6)]  # every change, in order


def serve(url: str, tmp_path: Path) -> tuple[subprocess.Popen[bytes], str]:
    """``kiosk hq serve`` in its own process, ready."""
    config = tmp_path / "hq.toml"
    config.write_text('[lane]\nstore_id = "s1"\nlane_id = "hq"\n')
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(Path.cwd()), "KIOSK_CONFIG": ""}
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "kiosk", "hq", "--config", str(config)),
            *("--database-url", url, "serve", "--port", str(port)),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(f"{base}/api/v1/ready", timeout=2).status_code == 200:
                return process, base
        except httpx.HTTPError:
            pass
        assert process.poll() is None, "HQ exited"
        time.sleep(0.1)  # waiting for another process to listen
    raise AssertionError("HQ never became ready")


def test_an_answered_heartbeat_survives_hq_being_killed(hq_url, hq_engine, tmp_path):
    """GIVEN 20 lanes sending heartbeats as fast as HQ answers, WHEN HQ is killed
    (SIGKILL) after 150 answers, THEN every answered heartbeat is stored, with the
    device change it carried (lane_status and the history committed together)."""
    lanes = {f"lane-{n:02d}": enrol_lane(hq_engine, STORE, f"lane-{n:02d}") for n in range(20)}
    acked: dict[str, list[tuple[int, str]]] = {lane: [] for lane in lanes}
    process, base = serve(hq_url, tmp_path)

    async def all_lanes_then_kill() -> None:
        stop = asyncio.Event()
        senders = asyncio.gather(*(send_beats(base, lanes[k], 150, acked[k], stop) for k in lanes))
        while sum(len(a) for a in acked.values()) < 150 and not senders.done():
            await asyncio.sleep(0.001)
        process.send_signal(signal.SIGKILL)
        stop.set()
        await senders

    try:
        asyncio.run(all_lanes_then_kill())
    finally:
        process.kill()
        process.wait(30)

    assert sum(len(a) for a in acked.values()) >= 150
    for lane_id, answers in acked.items():
        if not answers:
            continue
        last_answered = answers[-1][0]
        depth, _, history = stored(hq_engine, lane_id)
        assert depth in (last_answered, last_answered + 1)  # the one in flight may be stored
        assert history == [status(n) for n in range(depth + 1)]


PG_ONLY = [pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.mark.parametrize("hq_url", PG_ONLY, indirect=True)
def test_a_heartbeat_the_database_refuses_does_not_take_its_group_with_it(hq_engine):
    """A value PostgreSQL refuses (a state longer than its column; the model would have
    refused it, so it is built past the model) fails its own heartbeat only."""
    good = Heartbeat.model_validate(beat_body(1))
    bad = good.model_copy(update={"state": "x" * 100})

    async def three_at_once() -> list[object]:
        writer = HeartbeatWriter(hq_engine)
        return await asyncio.gather(
            *(
                writer.record(LaneIdentity(STORE, lane_id), beat)
                for lane_id, beat in (("l1", good), ("l2", bad), ("l3", good))
            ),
            return_exceptions=True,
        )

    first, second, third = asyncio.run(three_at_once())
    assert isinstance(first, str)
    assert isinstance(third, str)
    assert isinstance(second, sa.exc.DataError)
    with hq_engine.connect() as conn:
        kept = conn.execute(sa.text("SELECT lane_id FROM lane_status ORDER BY lane_id")).all()
    assert [k[0] for k in kept] == ["l1", "l3"]
    assert [c.status for c in fleet.lane_info(hq_engine, STORE, "l3").history] == ["paper_out"]


def test_the_timings_say_where_a_heartbeats_time_went(hq_engine, lane_token):
    server = ServerThread(hq_engine)
    web.configure(server.server.config.app, admin_token=ADMIN)
    with server:
        for n in range(3):
            answer = httpx.post(
                f"{server.url}/api/v1/lanes/heartbeat",
                json=beat_body(n),
                headers={"Authorization": f"Bearer {lane_token}"},
            )
            assert answer.status_code == 200
        reading = httpx.get(
            f"{server.url}/api/v1/timings", headers={"Authorization": f"Bearer {ADMIN}"}
        ).json()
    phases = reading["phases"]["POST /api/v1/lanes/heartbeat"]
    for name in ("queued -> group begun", "group begun -> group written"):
        assert phases[name]["count"] == 3
    assert phases["group written -> answered"]["count"] == 3
    assert sum(p["count"] for name, p in phases.items() if name.startswith("arrived -> ")) == 3


@pytest.mark.parametrize("hq_url", PG_ONLY, indirect=True)
def test_heartbeats_are_answered_while_sales_batches_hold_every_request_thread(hq_url, hq_engine):
    """GIVEN 40 sales batches each holding one of the 40 request threads (their insert
    waits for a table lock the test holds), WHEN a lane whose credentials are not cached
    sends a heartbeat, THEN it is checked and stored and answered meanwhile (before issue
    16 it needed three of those threads, and its credentials check one more)."""
    engine = create_engine(hq_url, pool_size=50)
    sellers = {f"till-{n:02d}": enrol_lane(engine, STORE, f"till-{n:02d}") for n in range(40)}
    token = enrol_lane(engine, STORE, "lane-beat")
    blocker = engine.connect()
    blocker.begin()
    blocker.execute(sa.text("LOCK TABLE sale IN EXCLUSIVE MODE"))
    server = ServerThread(engine).start()
    pool = ThreadPoolExecutor(40)
    try:
        batches = [
            pool.submit(
                httpx.post,
                f"{server.url}/api/v1/sales/batch",
                content=json.dumps({"sales": [make_sale(STORE, lane, random.Random(n))]}),
                headers={"Authorization": f"Bearer {t}", "Content-Type": "application/json"},
                timeout=60,
            )
            for n, (lane, t) in enumerate(sellers.items())
        ]
        waiting = 0
        for _ in range(600):  # until the 40 inserts wait for the lock (polling, not timing)
            with engine.connect() as conn:
                waiting = conn.execute(
                    sa.text(
                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        " AND datname = current_database()"
                    )
                ).scalar_one()
            if waiting >= 40:
                break
            time.sleep(0.05)
        assert waiting >= 40
        answer = httpx.post(
            f"{server.url}/api/v1/lanes/heartbeat",
            json=beat_body(1),
            headers={"Authorization": f"Bearer {token}"},
            timeout=20,
        )
        assert answer.status_code == 200
        assert stored(engine, "lane-beat")[0] == 1
        assert not any(b.done() for b in batches)  # the sales still wait
    finally:
        blocker.rollback()
        blocker.close()
        outcomes = [b.result().status_code for b in batches]
        pool.shutdown()
        server.stop()
        engine.dispose()
    assert outcomes == [200] * 40
