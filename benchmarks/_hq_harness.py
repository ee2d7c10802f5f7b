"""Shared set-up of the HQ benchmarks: an HQ database (SQLite file or a fresh PostgreSQL
database), an enrolled lane, and ``kiosk hq serve`` in a subprocess on a free port (so the
server does not share the benchmark client's GIL)."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import psycopg
import sqlalchemy as sa

from kiosk.hq.auth import enrol_lane
from kiosk.hq.db import create_engine, normalise_url, upgrade
from kiosk.hq.server import free_port

DEFAULT_PG = os.environ.get("KIOSK_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


@dataclass
class Hq:
    url: str
    database_url: str
    engine: sa.Engine
    folder: Path
    pid: int

    def cpu_seconds(self) -> float:
        """User + system CPU time the HQ server process has used so far."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextlib.contextmanager
def database(backend: str, folder: Path, pg_url: str = DEFAULT_PG) -> Iterator[str]:
    """A database URL for ``backend``; a PostgreSQL database is created and dropped."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'hq.sqlite3'}"
        return
    name = f"kiosk_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        url = sa.make_url(normalise_url(pg_url)).set(database=name)
        yield url.render_as_string(hide_password=False)
    finally:
        with psycopg.connect(pg_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def hq_server(backend: str, *, pg_url: str = DEFAULT_PG) -> Iterator[Hq]:
    """A migrated HQ database and a serving ``kiosk hq serve`` subprocess."""
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        folder = Path(tmp)
        with database(backend, folder, pg_url) as url:
            engine = create_engine(url)
            upgrade(engine)
            port = free_port()
            env = {**os.environ, "KIOSK_CONFIG": str(folder / "none.toml")}
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "kiosk",
                    "hq",
                    "--database-url",
                    url,
                    "serve",
                    "--port",
                    str(port),
                    *(
                        ["--threads", os.environ["BENCH_HQ_THREADS"]]
                        if os.environ.get("BENCH_HQ_THREADS")
                        else []
                    ),
                ],
                env=env,
                stderr=_server_log(),
            )
            try:
                _wait_healthy(f"http://127.0.0.1:{port}")
                yield Hq(f"http://127.0.0.1:{port}", url, engine, folder, process.pid)
            finally:
                process.terminate()
                process.wait(30)
                engine.dispose()


def _server_log() -> int | None:
    """Server log to the terminal with BENCH_VERBOSE=1, else discarded."""
    return None if os.environ.get("BENCH_VERBOSE") else subprocess.DEVNULL


def enrol(hq: Hq, store: str, lane: str) -> str:
    return enrol_lane(hq.engine, store, lane)


def _wait_healthy(url: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{url}/api/v1/health").status_code == 200:
                return
        time.sleep(0.1)
    raise RuntimeError(f"HQ at {url} did not become healthy")
