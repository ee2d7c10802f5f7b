"""``kiosk hq serve --workers auto`` (what systemd/kiosk-hq.service runs): one worker per
CPU the service may use on PostgreSQL, one process on SQLite; a bad count is refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hq_fixtures import make_hq_url
from test_hq_workers import kiosk_hq, serve

from kiosk.hq.db import create_engine, upgrade
from kiosk.hq.server import auto_workers


def test_auto_is_one_per_usable_cpu_on_postgresql_and_one_on_sqlite() -> None:
    assert auto_workers("sqlite") == 1
    assert auto_workers("postgresql") == len(os.sched_getaffinity(0)) >= 1


@pytest.mark.parametrize("count", ["0", "-1", "two", ""])
def test_a_bad_worker_count_is_refused_in_one_line(tmp_path: Path, count: str) -> None:
    url = f"sqlite:///{tmp_path / 'hq.sqlite3'}"
    kiosk_hq(url, "init")
    refused = kiosk_hq(url, "serve", "--workers", count, check=False)
    assert refused.returncode == 2
    assert "positive number or auto" in refused.stderr


def _children(pid: int) -> list[str]:
    """The command lines of ``pid``'s child processes (read from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue  # gone meanwhile
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(cmdline)
    return found


def test_auto_on_sqlite_serves_in_one_process(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'hq.sqlite3'}"
    kiosk_hq(url, "init")
    process, _base = serve(url, tmp_path, workers="auto")  # type: ignore[arg-type]
    try:
        assert _children(process.pid) == []
    finally:
        os.killpg(process.pid, 15)
        process.wait(30)


@pytest.mark.postgres
def test_auto_on_postgresql_serves_one_worker_per_cpu(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    url = make_hq_url("postgres", tmp_path, request)  # a schema of its own
    engine = create_engine(url)
    upgrade(engine)
    engine.dispose()
    process, _base = serve(url, tmp_path, workers="auto")  # type: ignore[arg-type]
    try:
        expected = len(os.sched_getaffinity(0))
        serving = [c for c in _children(process.pid) if "resource_tracker" not in c]
        assert len(serving) == (expected if expected > 1 else 0)
    finally:
        os.killpg(process.pid, 15)
        process.wait(30)
