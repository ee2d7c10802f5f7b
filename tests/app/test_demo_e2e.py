"""`kiosk demo` end to end, as a person would run it without a screen: a scripted
shopper scans through the simulated serial scanner (a real pty), an attendant
approves an age check, the card terminal simulator approves the payment over
HTTP, the receipt printer simulator prints, and the local HQ receives the sale."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """
wait idle 10
8410000000016
8410000000016
8410148001135
wait intervention 20
approve s-17
wait shopping 20
pay
wait finished 60
receipt
synced 60
next
wait idle 20
quit
"""


@pytest.mark.slow
def test_scripted_demo_sells_prints_and_reaches_hq(tmp_path: Path) -> None:
    script = tmp_path / "shopper.txt"
    script.write_text(SCRIPT, encoding="utf-8")
    workdir = tmp_path / "demo"
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "demo", "--dir", str(workdir), "--script", str(script)],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "every sale has reached HQ" in result.stdout

    lane = sqlite3.connect(workdir / "lane.sqlite3")
    (payload,) = lane.execute("SELECT payload FROM outbox WHERE sent_at IS NOT NULL").fetchone()
    document = json.loads(payload)
    assert [line["sku"] for line in document["lines"]][-1] == "S00113"
    assert document["payments"][0]["outcome"] == "approved"
    assert document["interventions"][0]["kind"] == "age_restricted"

    hq = sqlite3.connect(workdir / "hq.sqlite3")
    rows = hq.execute("SELECT transaction_id FROM sale").fetchall()
    assert rows == [(document["transaction_id"],)]
    assert sorted((workdir / "receipts").glob("*.png")), "the printer simulator printed nothing"
