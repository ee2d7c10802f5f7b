"""``kiosk doctor`` as an installer runs it: a real process against a real terminal
simulator process, a real HQ on 127.0.0.1, a scanner on a real pseudo-terminal and a
real lane store; then each part broken in turn."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hq_fixtures import LANE, STORE

from kiosk.store.db import connect

ENV = {**os.environ, "PYTHONPATH": str(Path.cwd()), "KIOSK_CONFIG": ""}


@pytest.fixture
def terminal() -> Iterator[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "sim", "terminal", "--port", "0", "--pin-delay", "0"],
        stdout=subprocess.PIPE,
        text=True,
        env=ENV,
    )
    assert process.stdout is not None
    url = process.stdout.readline().split(" on ")[1].split(" ")[0]
    yield url
    process.kill()
    process.wait()


@pytest.fixture
def scanner_port() -> Iterator[str]:
    controller, device = os.openpty()
    yield os.ttyname(device)
    os.close(controller)
    os.close(device)


def lane_config(tmp_path: Path, *, terminal: str, hq: str, token: str, port: str) -> Path:
    store = tmp_path / "lane.sqlite3"
    if not store.exists():
        connect(store).close()
    path = tmp_path / "lane.toml"
    path.write_text(
        f"""
[lane]
store_id = "{STORE}"
lane_id = "{LANE}"

[store]
path = "{store}"
backup_dir = "{tmp_path / "backups"}"

[payment]
driver = "simulator"
terminal_url = "{terminal}"

[sync]
hq_url = "{hq}"
token = "{token}"

[[devices]]
name = "scanner"
type = "scanner"
driver = "serial"
port = "{port}"
"""
    )
    return path


def doctor(config: Path) -> tuple[int, dict[str, str]]:
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "doctor", "--config", str(config), "--full"],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=120,
        check=False,
    )
    lines = {}
    for line in done.stdout.splitlines():
        level, check, _detail = line.split(maxsplit=2)
        lines[check if check != "device" else line.split()[2]] = level
    return done.returncode, lines


def test_a_healthy_lane_then_each_part_broken_in_turn(
    tmp_path: Path, terminal: str, hq_server, lane_token: str, scanner_port: str
) -> None:
    config = lane_config(
        tmp_path, terminal=terminal, hq=hq_server.url, token=lane_token, port=scanner_port
    )
    status, found = doctor(config)
    assert found == {
        "config": "OK",
        "store": "OK",
        "disk": found["disk"],  # the machine's own free space: OK or WARN
        "backups": "WARN",  # none taken yet
        "scanner": "OK",
        "terminal": "OK",
        "hq": "OK",
    }
    assert found["disk"] in ("OK", "WARN")
    assert status == 0

    # HQ refuses the token
    broken = lane_config(
        tmp_path, terminal=terminal, hq=hq_server.url, token="lane-x.bad", port=scanner_port
    )
    status, found = doctor(broken)
    assert (status, found["hq"], found["terminal"]) == (1, "FAIL", "OK")

    # nothing listens where the terminal should be, nor the scanner
    broken = lane_config(
        tmp_path,
        terminal="http://127.0.0.1:9/",
        hq=hq_server.url,
        token=lane_token,
        port=str(tmp_path / "no-such-tty"),
    )
    status, found = doctor(broken)
    assert (status, found["terminal"], found["scanner"], found["hq"]) == (1, "FAIL", "FAIL", "OK")

    # the store is damaged
    (tmp_path / "lane.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\xff" * 8000)
    status, found = doctor(config)
    assert (status, found["store"]) == (1, "FAIL")


def test_a_config_that_does_not_load_is_one_failing_line(tmp_path: Path) -> None:
    bad = tmp_path / "lane.toml"
    bad.write_text("[lane]\nstore_id = 'store 1'\n")
    status, found = doctor(bad)
    assert (status, found) == (1, {"config": "FAIL"})
