"""Shared set-up of the HQ benchmarks: an HQ database (SQLite file or a fresh PostgreSQL
database), an enrolled lane, and ``kiosk hq serve`` in a subprocess on a free port (so the
server does not share the benchmark client's GIL).

``hq_server(..., cpus={0})`` pins the server to those CPUs; ``fast_sales=False`` runs it
with the sales upload's fast path off (every batch through the pydantic models), for a
before/after in one run. The server always has an admin token, so :meth:`Hq.timings`
reads HQ's own request-time histogram (``GET /api/v1/timings``)."""

from __future__ import annotations

import contextlib
import os
import secrets
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import psycopg
import sqlalchemy as sa

from kiosk.hq.auth import enrol_lane
from kiosk.hq.db import create_engine, normalise_url, upgrade
from kiosk.hq.server import free_port

EXAMPLE_CONFIG = Path(__file__).resolve().parent.parent / "config" / "example.toml"
DEFAULT_PG = os.environ.get("KIOSK_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


@dataclass
class Hq:
    url: str
    database_url: str
    engine: sa.Engine
    folder: Path
    pid: int
    admin_token: str = ""

    def cpu_seconds(self) -> float:
        """User + system CPU time the HQ server process has used so far."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def timings(self) -> dict[str, Any]:
        """HQ's own reading: request-time histograms per route and fast-path counts."""
        headers = {"Authorization": f"Bearer {self.admin_token}"}
        reply = httpx.get(f"{self.url}/api/v1/timings", headers=headers, timeout=30)
        reply.raise_for_status()
        result: dict[str, Any] = reply.json()
        return result


def histogram_diff(
    before: dict[str, Any], after: dict[str, Any], route: str, part: str = "routes"
) -> list[float]:
    """Durations (seconds, one per request, each its bucket's geometric middle) of the
    requests to ``route`` between two :meth:`Hq.timings` readings (``part`` "routes"),
    or of one phase of them (``part`` "phases", ``route`` "ROUTE|a -> b")."""
    steps = after["steps_per_doubling"]

    def buckets(reading: dict[str, Any]) -> dict[str, int]:
        if part == "routes":
            found: dict[str, int] = reading["routes"].get(route, {}).get("buckets", {})
            return found
        key, _, phase = route.partition("|")
        return dict(reading.get("phases", {}).get(key, {}).get(phase, {}).get("buckets", {}))

    old = buckets(before)
    out: list[float] = []
    for key, count in buckets(after).items():
        middle = 2 ** ((int(key) + 0.5) / steps) / 1e6
        out.extend([middle] * (count - old.get(key, 0)))
    return sorted(out)


def phase_report(before: dict[str, Any], after: dict[str, Any], route: str) -> list[str]:
    """Lines saying where HQ's time on ``route`` went between two readings: per phase
    (time between two stamps, :func:`kiosk.hq.metrics.stamp`) its count, p50 and p99,
    and its share of the time of the requests that took HQ at least 100 ms."""
    names = sorted(after.get("phases", {}).get(route, {}))
    slow_after = after.get("slow", {}).get(route, {"count": 0, "seconds": {}})
    slow_before = before.get("slow", {}).get(route, {"count": 0, "seconds": {}})
    slow_count = slow_after["count"] - slow_before["count"]
    slow = {
        name: seconds - slow_before["seconds"].get(name, 0.0)
        for name, seconds in slow_after["seconds"].items()
    }
    total = sum(slow.values()) or 1.0
    lines = [f"    where it went ({slow_count} requests of >= 100 ms: share of their time):"]
    rows = []
    for name in names:
        times = histogram_diff(before, after, f"{route}|{name}", part="phases")
        if times:
            rows.append((slow.get(name, 0.0), name, times))
    for share, name, times in sorted(rows, reverse=True):
        lines.append(
            f"      {name}: {len(times)}, p50 {percentile(times, 50) * 1000:.1f} ms, p99 "
            f"{percentile(times, 99) * 1000:.1f} ms; slow share {share / total * 100:.0f} %"
        )
    return lines


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile of sorted ``values`` (nearest rank), NaN if empty."""
    if not values:
        return float("nan")
    return values[min(len(values) - 1, int(len(values) * q / 100))]


def load_average() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


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
def hq_server(
    backend: str,
    *,
    pg_url: str = DEFAULT_PG,
    cpus: set[int] | None = None,
    fast_sales: bool = True,
    workers: int = 1,
) -> Iterator[Hq]:
    """A migrated HQ database and a serving ``kiosk hq serve`` subprocess (pinned to
    ``cpus`` if given; with the sales fast path off if not ``fast_sales``; ``workers``
    processes, PostgreSQL only when more than one)."""
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        folder = Path(tmp)
        with database(backend, folder, pg_url) as url:
            engine = create_engine(url)
            upgrade(engine)
            port = free_port()
            admin = secrets.token_urlsafe(24)
            env = {
                **os.environ,
                # The example file's [hq] values are the defaults; the admin token turns
                # on GET /api/v1/timings.
                "KIOSK_CONFIG": str(EXAMPLE_CONFIG),
                "KIOSK__HQ__ADMIN_TOKEN": admin,
            }
            start = ["-m", "kiosk"] if fast_sales else ["-c", _MODEL_PATH_ONLY]
            process = subprocess.Popen(
                [
                    sys.executable,
                    *start,
                    "hq",
                    "--database-url",
                    url,
                    "serve",
                    "--port",
                    str(port),
                    "--workers",
                    str(workers),
                    *(
                        ["--threads", os.environ["BENCH_HQ_THREADS"]]
                        if os.environ.get("BENCH_HQ_THREADS")
                        else []
                    ),
                ],
                env=env,
                stderr=_server_log(),
            )
            if cpus is not None:
                # At once, while the interpreter is still importing: the worker threads
                # it starts later inherit the CPUs.
                os.sched_setaffinity(process.pid, cpus)
            try:
                _wait_healthy(f"http://127.0.0.1:{port}", process)
                yield Hq(f"http://127.0.0.1:{port}", url, engine, folder, process.pid, admin)
            finally:
                process.terminate()
                process.wait(30)
                engine.dispose()


_MODEL_PATH_ONLY = (
    "import sys; import kiosk.hq.fast_ingest as f; f.ENABLED = False; "
    "from kiosk.cli import main; sys.exit(main(sys.argv[1:]))"
)


def _server_log() -> int | None:
    """Server log to the terminal with BENCH_VERBOSE=1, else discarded."""
    return None if os.environ.get("BENCH_VERBOSE") else subprocess.DEVNULL


def enrol(hq: Hq, store: str, lane: str) -> str:
    return enrol_lane(hq.engine, store, lane)


def _wait_healthy(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120  # a loaded 2-core machine imports slowly
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"HQ exited with {process.returncode} (BENCH_VERBOSE=1 shows why)")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{url}/api/v1/health").status_code == 200:
                return
        time.sleep(0.1)
    raise RuntimeError(f"HQ at {url} did not become healthy")
