"""A real lane reads its whole store at start only after an unclean stop.

GIVEN a real lane process (``kiosk run --console``) logging to a file
WHEN it quits in order and starts again
THEN the second start runs no full check (the log names every one);
WHEN it is killed with SIGKILL and starts again
THEN that start checks the whole file, in the background;
and WHEN the store's catalog pages are damaged while it is down
THEN the next start pages the attendant with a message that names the file.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from test_store_integrity import filled, scribble_over_the_catalog

from kiosk.store.integrity import marker_path
from kiosk.store.sample_catalog import sample_items

ROOT = Path(__file__).resolve().parents[2]
FULL_CHECK = "did not stop cleanly last time: checking the whole database"


def lane_config(tmp_path: Path) -> Path:
    config = tmp_path / "lane.toml"
    config.write_text(
        f'[lane]\nstore_id = "s1"\nlane_id = "l1"\n[store]\npath = "{tmp_path / "lane.db"}"\n'
        f'[logging]\nlevel = "INFO"\nfile = "{tmp_path / "lane.log"}"\n',
        encoding="utf-8",
    )
    return config


def lane(config: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "kiosk", "run", "--console", "--config", str(config)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def quit_in_order(config: Path) -> str:
    process = lane(config)
    out, _ = process.communicate("status\nquit\n", timeout=120)
    assert process.returncode == 0, out
    return out


def start_and_kill(config: Path) -> None:
    """Start the lane, wait until its console is up, then SIGKILL it."""
    process = lane(config)
    assert process.stdout is not None
    try:
        for line in process.stdout:
            if "console: type a command" in line:
                break
        else:
            raise AssertionError("the lane exited before its console was up")
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()


def full_checks(tmp_path: Path) -> int:
    log = tmp_path / "lane.log"
    return log.read_text(encoding="utf-8").count(FULL_CHECK) if log.exists() else 0


def test_only_a_start_after_an_unclean_stop_reads_the_whole_store(tmp_path: Path) -> None:
    config = lane_config(tmp_path)
    quit_in_order(config)  # a new store: nothing to check
    assert marker_path(tmp_path / "lane.db").exists()
    quit_in_order(config)
    assert full_checks(tmp_path) == 0
    start_and_kill(config)
    assert not marker_path(tmp_path / "lane.db").exists()
    quit_in_order(config)
    assert full_checks(tmp_path) == 1


def test_damage_found_after_an_unclean_stop_pages_the_attendant(tmp_path: Path) -> None:
    config = lane_config(tmp_path)
    database = tmp_path / "lane.db"
    filled(database, sample_items())  # written outside a lane: no clean-stop marker
    scribble_over_the_catalog(database)
    process = lane(config)
    assert process.stdin is not None
    assert process.stdout is not None
    try:
        for line in process.stdout:
            if "ATTENDANT: device_fault store:" in line:
                assert str(database) in line
                assert "damaged" in line
                break
        else:
            raise AssertionError("the lane never paged the attendant about its store")
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert full_checks(tmp_path) == 1
