"""`kiosk demo` end to end, as a person would run it without a screen: a scripted
shopper answers "No bags, thanks" and scans through the simulated serial scanner (a real
pty); the beer is added with its age check pending (config/demo.toml: age_check =
"before_payment"), so Pay calls the attendant, and the demo attendant signs in and
approves the age check through the attendant service; the shopper pays, the card terminal
simulator approves the payment over HTTP, the receipt printer simulator prints, and
the local HQ receives the sale and the attendant's audit rows. The demo weighs the
bagging area (config/demo.toml): the script puts the two milks and the beer on its
simulated scale (1040 + 1040 + 560 g) and waits until the lane has them before paying."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """
wait idle 10
bags none
8410000000016
8410000000016
8410148001135
items 3 20
bag 2640
wait bagged 20
pay
wait intervention 20
staff demo 2468
approve
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
    (payload,) = lane.execute(
        "SELECT payload FROM outbox JOIN outbox_payload USING (id)"
        " WHERE sent_at IS NOT NULL AND kind = 'sale'"
    ).fetchone()
    document = json.loads(payload)
    assert [line["sku"] for line in document["lines"]][-1] == "S00113"
    assert document["payments"][0]["outcome"] == "approved"
    assert document["interventions"][0]["kind"] == "age_restricted"
    assert document["interventions"][0]["staff_id"] == "demo"
    audit = lane.execute("SELECT staff_id, action FROM lane_audit ORDER BY id").fetchall()
    assert audit == [("demo", "sign_in"), ("demo", "approve_age")]

    hq = sqlite3.connect(workdir / "hq.sqlite3")
    rows = hq.execute("SELECT transaction_id FROM sale").fetchall()
    assert rows == [(document["transaction_id"],)]
    at_hq = hq.execute("SELECT staff_id, action FROM lane_audit ORDER BY at").fetchall()
    assert at_hq == audit
    # the demo's HQ holds the sample coupons (two coupons and a family) for its lanes
    assert hq.execute("SELECT count(*) FROM coupon_entry WHERE NOT deleted").fetchone() == (3,)
    assert sorted((workdir / "receipts").glob("*.png")), "the printer simulator printed nothing"
