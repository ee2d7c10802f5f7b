"""``kiosk hq serve --workers auto`` on PostgreSQL runs no more workers than the server's
connections allow: each worker may hold its request threads' connections and a few of
its own at once, and PostgreSQL refuses a connection beyond ``max_connections`` (lanes
get 503 "too many clients" while draining a backlog). One per CPU on a big machine with
PostgreSQL's default 100 connections was more than that."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from hq_fixtures import make_hq_url
from test_hq_workers import ENV
from test_hq_workers_auto import _children

from kiosk.hq.db import create_engine, upgrade
from kiosk.hq.server import (
    ANYIO_THREADS,
    WORKER_EXTRA_CONNECTIONS,
    auto_workers,
    free_connections,
    free_port,
)


@pytest.mark.parametrize(
    ("cpus", "connections", "threads", "expected"),
    [
        (2, 97, 8, 2),  # a small machine: one per CPU
        (32, 97, 8, 97 // (8 + WORKER_EXTRA_CONNECTIONS)),  # PostgreSQL's default limit
        (32, 997, 8, 32),  # a server configured for it: one per CPU
        (4, 5, 8, 1),  # never none
        # anyio's default 40 threads and the worker's own: 97 // 51
        (4, 97, None, max(1, 97 // (ANYIO_THREADS + WORKER_EXTRA_CONNECTIONS))),
        (4, 997, None, 4),  # room for every CPU's worker
        (4, None, 8, 4),  # the limit unknown: one per CPU
    ],
)
def test_auto_workers_fit_the_connections(cpus, connections, threads, expected) -> None:
    assert auto_workers("postgresql", cpus, connections=connections, threads=threads) == expected
    assert auto_workers("sqlite", cpus, connections=connections, threads=threads) == 1


@pytest.mark.postgres
def test_free_connections_are_read_from_the_server(pg_database: str) -> None:
    engine = create_engine(pg_database)
    try:
        with engine.connect() as conn:
            settings = dict(
                conn.exec_driver_sql(
                    "SELECT name, setting::int FROM pg_settings WHERE name IN "
                    "('max_connections', 'superuser_reserved_connections', "
                    "'reserved_connections')"
                ).all()
            )
        expected = settings["max_connections"] - settings["superuser_reserved_connections"]
        assert free_connections(engine) == expected - settings.get("reserved_connections", 0)
    finally:
        engine.dispose()


def test_free_connections_of_sqlite_are_unknown(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'hq.sqlite3'}")
    try:
        assert free_connections(engine) is None
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_auto_with_many_threads_serves_in_one_process(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    # GIVEN PostgreSQL's connections (97 here) and 60 request threads per worker: two
    # workers could want 126 connections
    url = make_hq_url("postgres", tmp_path, request)
    engine = create_engine(url)
    upgrade(engine)
    free = free_connections(engine)
    engine.dispose()
    assert free is not None
    threads = free // 2 + 1
    assert free // (threads + WORKER_EXTRA_CONNECTIONS) < 2 <= len(os.sched_getaffinity(0))
    # WHEN HQ is served with --workers auto
    config = tmp_path / "hq.toml"
    config.write_text('[lane]\nstore_id = "s1"\nlane_id = "hq"\n', encoding="utf-8")
    port = free_port()
    command = [sys.executable, "-m", "kiosk", "hq", "--config", str(config)]
    command += ["--database-url", url, "serve", "--port", str(port)]
    command += ["--workers", "auto", "--threads", str(threads)]
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=ENV,
        start_new_session=True,
    )
    try:
        _wait_ready(process, f"http://127.0.0.1:{port}")
        # THEN it serves in one process (no worker processes)
        assert [c for c in _children(process.pid) if "resource_tracker" not in c] == []
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(30)


def _wait_ready(process: subprocess.Popen[bytes], base: str) -> None:
    for _ in range(600):
        try:
            if httpx.get(f"{base}/api/v1/ready", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        assert process.poll() is None, "HQ exited"
        time.sleep(0.1)  # waiting for another process to listen
    raise AssertionError("HQ never became ready")
