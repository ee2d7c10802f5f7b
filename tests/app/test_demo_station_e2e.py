"""`kiosk demo` starts the store's attendant station and the demo lane reports to it: an
unknown barcode scanned through the simulated scanner is put aside (the shopper keeps
scanning) and becomes an alert on the station's board, and the demo attendant's account
is copied from the station to the lane (the demo in its own process; the station in its
own child process)."""

from __future__ import annotations

import contextlib
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk import clock

# config/demo.toml puts an unknown barcode aside: the shopper keeps scanning (the lane
# stays shopping) and the attendant's alert goes out with the scan. `wait finished` only
# keeps the demo running while the test watches the station's board.
SCRIPT = """
wait idle 15
4006381333931
expect item_put_aside 15
wait shopping 15
wait finished 60
quit
"""


def _alerts(board: Path) -> list[tuple[str, str]]:
    if not board.exists():
        return []
    with (
        contextlib.closing(sqlite3.connect(board)) as conn,
        contextlib.suppress(
            sqlite3.OperationalError  # not created yet
        ),
    ):
        return conn.execute("SELECT lane_id, kind FROM alert").fetchall()
    return []


@pytest.mark.slow
def test_an_unknown_item_at_the_demo_lane_is_an_alert_at_the_demo_station(tmp_path: Path) -> None:
    script = tmp_path / "shopper.txt"
    script.write_text(SCRIPT, encoding="utf-8")
    workdir = tmp_path / "demo"
    command = [sys.executable, "-m", "kiosk", "demo", "--dir", str(workdir), "--no-hq"]
    demo = subprocess.Popen(
        [*command, "--script", str(script)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    board = workdir / "station" / "station.sqlite3"
    copied = "staff accounts copied from the station: demo"

    def done() -> bool:
        # the accounts are copied after the report that carries the alert: wait for both
        return ("lane-01", "unknown_barcode") in _alerts(board) and copied in _log(workdir)

    try:
        deadline = clock.monotonic() + 90
        while clock.monotonic() < deadline and not done():
            assert demo.poll() is None, demo.stdout.read().decode() if demo.stdout else ""
            time.sleep(0.2)  # polling another process's database, not a timing check
        assert ("lane-01", "unknown_barcode") in _alerts(board)
    finally:
        demo.terminate()
        demo.wait(30)
    assert copied in _log(workdir)


def _log(workdir: Path) -> str:
    path = workdir / "kiosk.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""
