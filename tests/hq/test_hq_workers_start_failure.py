"""``kiosk hq serve --workers N`` (what ``--workers auto`` runs on a PostgreSQL machine
with more than one CPU) when its workers cannot start: the command fails, with a non-zero
status and a line that says why, as one process does. systemd/kiosk-hq.service restarts
HQ on failure only: a supervisor that restarts workers that fail every time, or that
stops with status 0, leaves HQ down with the unit looking healthy (or cleanly stopped).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from hq_fixtures import make_hq_url
from test_hq_workers import ENV

from kiosk.hq.db import create_engine, upgrade
from kiosk.hq.server import free_port

pytestmark = pytest.mark.postgres
ADMIN = "admin-token-for-the-workers-test-0123456789"
# Bound on how long a start that is going to fail may take (three Python processes
# start and stop): the test fails if HQ is still running then, whatever the machine.
GIVE_UP_S = 120


@pytest.fixture
def pg_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A PostgreSQL schema of this test's own (another test may leave the session's
    database behind its schema version)."""
    url = make_hq_url("postgres", tmp_path, request)
    engine = create_engine(url)
    upgrade(engine)
    engine.dispose()
    return url


def _serve(url: str, tmp_path: Path, *args: str, hq: str = "") -> tuple[int | None, str]:
    """Run ``kiosk hq serve --port P *args`` until it exits (or GIVE_UP_S passed: then it
    is stopped and None returned); its exit status and what it wrote."""
    config = tmp_path / "hq.toml"
    config.write_text(
        f'[lane]\nstore_id = "s1"\nlane_id = "hq"\n[hq]\nadmin_token = "{ADMIN}"\n{hq}',
        encoding="utf-8",
    )
    out = tmp_path / "serve.log"
    command = [sys.executable, "-m", "kiosk", "hq", "--config", str(config)]
    command += ["--database-url", url, "serve", "--port", str(free_port()), *args]
    with out.open("w", encoding="utf-8") as log:
        process = subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, env=ENV, start_new_session=True
        )
        try:
            status: int | None = process.wait(GIVE_UP_S)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(30)
            status = None
    return status, out.read_text(encoding="utf-8")


def _tls_files(tmp_path: Path) -> str:
    """[hq] TLS settings naming a certificate and key that are not PEM (a botched renewal)."""
    cert, key = tmp_path / "hq.crt", tmp_path / "hq.key"
    cert.write_text("not a certificate\n", encoding="utf-8")
    key.write_text("not a key\n", encoding="utf-8")
    return f'tls_certfile = "{cert}"\ntls_keyfile = "{key}"\n'


def test_one_process_with_a_bad_certificate_fails(pg_url: str, tmp_path: Path) -> None:
    status, output = _serve(pg_url, tmp_path, "--workers", "1", hq=_tls_files(tmp_path))
    assert status not in (None, 0), output[-2000:]
    assert "cannot serve" in output


def test_workers_with_a_bad_certificate_fail_instead_of_restarting(
    pg_url: str, tmp_path: Path
) -> None:
    # WHEN the certificate cannot be loaded, with two workers
    status, output = _serve(pg_url, tmp_path, "--workers", "2", hq=_tls_files(tmp_path))
    # THEN serve fails and says why (it did not restart the failing workers for ever)
    assert status is not None, "HQ kept running with no worker able to start:\n" + output[-2000:]
    assert status != 0, output[-2000:]
    assert "cannot serve" in output
    assert str(tmp_path / "hq.crt") in output or "PEM" in output


def test_workers_that_cannot_start_fail_with_a_non_zero_status(pg_url: str, tmp_path: Path) -> None:
    # GIVEN a setting every worker refuses as it starts (its thread limiter: -1 threads)
    single, single_output = _serve(pg_url, tmp_path, "--workers", "1", "--threads", "-1")
    assert single not in (None, 0), single_output[-2000:]  # one process: a failure
    # WHEN two workers start with it
    status, output = _serve(pg_url, tmp_path, "--workers", "2", "--threads", "-1")
    # THEN serve fails too (systemd restarts it, and counts the failures), said so
    assert status not in (None, 0), output[-2000:]
    assert "worker" in output
    assert "could not start" in output
