"""Open baskets left without a line by a crash are removed when the lane starts again,
instead of piling up for ever; baskets with lines are kept (DESIGN.md invariant 2).

GIVEN a real lane process (``kiosk run --console``) whose first scan opened a basket
and called the attendant (an unknown product: the basket is journaled, no line is)
WHEN it is killed with SIGKILL, three times over, and then started once more
THEN no empty open basket is left in its database.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from kiosk.domain.basket import Basket
from kiosk.domain.catalog import SaleUnit
from kiosk.store.db import connect
from kiosk.store.journal import BasketJournal
from kiosk.store.sample_catalog import sample_items

ROOT = Path(__file__).resolve().parents[2]
UNKNOWN = "4006381333931"  # a valid EAN-13 that is not in the lane's (empty) catalog


def lane_config(tmp_path: Path) -> Path:
    config = tmp_path / "lane.toml"
    config.write_text(
        f'[lane]\nstore_id = "s1"\nlane_id = "l1"\n[store]\npath = "{tmp_path / "lane.db"}"\n',
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


def open_a_basket_and_die(config: Path) -> None:
    """Scan an unknown code (the basket opens, no line is added), then SIGKILL the lane."""
    process = lane(config)
    assert process.stdin is not None
    assert process.stdout is not None
    try:
        process.stdin.write(UNKNOWN + "\n")
        process.stdin.flush()
        # The controller journals the basket before it broadcasts the attendant call.
        for line in process.stdout:
            if "ATTENDANT: unknown_barcode" in line:
                break
        else:
            raise AssertionError("the lane exited before it handled the scan")
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()


def open_baskets(config: Path) -> list[tuple[str, int]]:
    conn = sqlite3.connect(config.with_name("lane.db"))
    try:
        return conn.execute(
            "SELECT b.basket_id, count(l.line_no) FROM open_basket b "
            "LEFT JOIN open_basket_line l USING (basket_id) GROUP BY b.basket_id"
        ).fetchall()
    finally:
        conn.close()


def test_empty_baskets_left_by_kills_are_gone_after_a_restart(tmp_path: Path) -> None:
    config = lane_config(tmp_path)
    for kills in range(1, 4):
        open_a_basket_and_die(config)
        baskets = open_baskets(config)
        assert [lines for _, lines in baskets] == [0], f"after kill {kills}: {baskets}"
    restarted = lane(config)
    out, _ = restarted.communicate("status\nquit\n", timeout=120)
    assert restarted.returncode == 0, out
    assert "phase idle" in out
    assert open_baskets(config) == []


def test_discard_empty_keeps_baskets_with_lines(tmp_path: Path) -> None:
    conn = connect(tmp_path / "lane.db")
    journal = BasketJournal(conn)
    item = next(i for i in sample_items() if i.unit is SaleUnit.EACH)
    basket, line = Basket("full", "EUR").add_item(item, scanned_code="x")
    for basket_id in ("empty-1", "full", "empty-2"):
        journal.start(basket_id, "EUR")
    journal.record("full", line)
    assert journal.discard_empty() == 2
    assert [b.basket_id for b in journal.restore()] == [basket.basket_id]
    assert journal.discard_empty() == 0
    conn.close()
