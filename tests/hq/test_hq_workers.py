"""``kiosk hq serve --workers N`` as real processes: stateless workers on one PostgreSQL,
a lane revoked or re-enrolled by another process refused on every worker within a
second, Prometheus metrics added up over the workers, readiness."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from kiosk.hq.db import create_engine, upgrade
from kiosk.hq.server import free_port

ENV = {**os.environ, "PYTHONPATH": str(Path.cwd()), "KIOSK_CONFIG": ""}
ADMIN = "admin-token-for-the-workers-test-0123456789"


def kiosk_hq(url: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "hq", "--database-url", url, *args],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=120,
        check=check,
    )


def serve(url: str, tmp_path: Path, workers: int) -> tuple[subprocess.Popen[str], str]:
    config = tmp_path / "hq.toml"
    config.write_text(f'[lane]\nstore_id = "s1"\nlane_id = "hq"\n[hq]\nadmin_token = "{ADMIN}"\n')
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kiosk",
            "hq",
            "--config",
            str(config),
            "--database-url",
            url,
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=ENV,
        start_new_session=True,
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


@pytest.fixture
def pg_url(pg_database: str) -> str:
    url = pg_database
    engine = create_engine(url)
    upgrade(engine)
    engine.dispose()
    return url


@pytest.fixture
def workers(pg_url: str, tmp_path: Path) -> Iterator[str]:
    process, base = serve(pg_url, tmp_path, workers=3)
    yield base
    os.killpg(process.pid, 15)
    process.wait(30)


def statuses(base: str, token: str, count: int = 40) -> set[int]:
    """Answers to ``count`` requests, each on a new connection (any worker may take it)."""
    seen = set()
    for _ in range(count):
        with httpx.Client(base_url=base, timeout=10) as client:
            answer = client.get(
                "/api/v1/catalog/changes",
                params={"cursor": 0, "limit": 1},
                headers={"Authorization": f"Bearer {token}", "Connection": "close"},
            )
        seen.add(answer.status_code)
    return seen


@pytest.mark.postgres
def test_revoked_and_reenrolled_lanes_reach_every_worker_within_a_second(
    workers: str, pg_url: str
) -> None:
    token = kiosk_hq(pg_url, "enrol-lane", "--store", "s1", "--lane", "l1").stdout.split()[0]
    assert statuses(workers, token) == {200}  # every worker that served it has it cached

    kiosk_hq(pg_url, "revoke-lane", "--store", "s1", "--lane", "l1")
    time.sleep(1.0)  # the promise under test: refused everywhere one second later
    assert statuses(workers, token) == {401}

    new = kiosk_hq(pg_url, "enrol-lane", "--store", "s1", "--lane", "l1").stdout.split()[0]
    time.sleep(1.0)
    assert statuses(workers, new) == {200}
    assert statuses(workers, token, 10) == {401}


@pytest.mark.postgres
def test_metrics_add_up_over_the_workers_and_show_each_lanes_backlog(
    workers: str, pg_url: str
) -> None:
    token = kiosk_hq(pg_url, "enrol-lane", "--store", "s1", "--lane", "l2").stdout.split()[0]
    beat = {
        "sent_at": "2026-12-05T10:00:00Z",
        "state": "idle",
        "app_version": "1.0",
        "outbox_depth": 7,
        "devices": [],
    }
    for _ in range(30):
        with httpx.Client(base_url=workers, timeout=10) as client:
            answer = client.post(
                "/api/v1/lanes/heartbeat",
                json=beat,
                headers={"Authorization": f"Bearer {token}", "Connection": "close"},
            )
        assert answer.status_code == 200, answer.text
    assert httpx.get(f"{workers}/metrics", timeout=10).status_code == 401
    text = httpx.get(
        f"{workers}/metrics", headers={"Authorization": f"Bearer {ADMIN}"}, timeout=10
    ).text
    beats = [
        line
        for line in text.splitlines()
        if line.startswith("kiosk_hq_requests_total{")
        and 'route="/api/v1/lanes/heartbeat"' in line
        and 'status="200"' in line
    ]
    assert len(beats) == 1  # one series, summed over the three workers
    assert float(beats[0].rsplit(" ", 1)[1]) == 30
    assert 'kiosk_lane_outbox_depth{lane="l2",store="s1"} 7.0' in text


@pytest.mark.postgres
def test_readiness_says_unavailable_for_a_database_behind_the_schema(
    workers: str, pg_url: str
) -> None:
    assert httpx.get(f"{workers}/api/v1/ready", timeout=10).json() == {"status": "ready"}
    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0001'")
    engine.dispose()
    answer = httpx.get(f"{workers}/api/v1/ready", timeout=10)
    assert answer.status_code == 503
    assert "needs" in answer.json()["reason"]
    assert httpx.get(f"{workers}/api/v1/health", timeout=10).status_code == 200


def test_workers_need_postgresql(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'hq.sqlite3'}"
    kiosk_hq(url, "init")
    refused = kiosk_hq(url, "serve", "--workers", "2", check=False)
    assert refused.returncode == 2
    assert "needs PostgreSQL" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1


def test_on_sqlite_a_revoked_lane_is_refused_within_a_second(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'hq.sqlite3'}"
    kiosk_hq(url, "init")
    process, base = serve(url, tmp_path, workers=1)
    try:
        token = kiosk_hq(url, "enrol-lane", "--store", "s1", "--lane", "l1").stdout.split()[0]
        assert statuses(base, token, 5) == {200}
        kiosk_hq(url, "revoke-lane", "--store", "s1", "--lane", "l1")
        time.sleep(1.1)
        assert statuses(base, token, 5) == {401}
        unknown = kiosk_hq(url, "revoke-lane", "--store", "s1", "--lane", "nope", check=False)
        assert unknown.returncode == 2
    finally:
        os.killpg(process.pid, 15)
        process.wait(30)
