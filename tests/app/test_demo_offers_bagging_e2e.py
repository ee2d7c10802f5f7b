"""`kiosk demo` has its offers and its bagging area (the demo in its own process, as a
person runs it without a screen): the sample offers are in the lane's file, the
scripted shopper scans three yogurts (3 for 2), a milk and the demo loyalty card (a
member price on milk), puts them on the simulated bagging scale, then something more
that nobody sold (an unexpected item: the attendant accepts it), pays and prints.

The sale the lane stored carries both savings and the bagging intervention; the
receipt the printer simulator printed shows the savings."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """
wait idle 15
8410074000219
8410074000219
8410074000219
8410000000016
2900000000018
expect loyalty_card_accepted 20
# 3 yogurts of 520 g and a milk of 1040 g (config/demo.toml [bagging] item_weights)
bag 2600
wait bagged 20
# a 500 g thing nobody scanned
bag 3100
wait intervention 20
staff demo 2468
approve
wait shopping 20
wait bagged 20
pay
wait finished 60
receipt
next
wait idle 20
quit
"""


@pytest.mark.slow
def test_the_demo_sells_with_offers_and_a_bagging_area(tmp_path: Path) -> None:
    script = tmp_path / "shopper.txt"
    script.write_text(SCRIPT, encoding="utf-8")
    workdir = tmp_path / "demo"
    command = [sys.executable, "-m", "kiosk", "demo", "--dir", str(workdir), "--no-hq"]
    result = subprocess.run(
        [*command, "--script", str(script)],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr

    lane = sqlite3.connect(workdir / "lane.sqlite3")
    (payload,) = lane.execute(
        "SELECT payload FROM outbox JOIN outbox_payload USING (id) WHERE kind = 'sale'"
    ).fetchone()
    document = json.loads(payload)
    savings = {d["name"]: d["amount"] for d in document["discounts"]}
    assert savings == {"Yogurt 3 for 2": 119, "Member price milk": 16}
    assert document["totals"]["savings"] == 135
    assert document["totals"]["total"] == 3 * 119 + 95 - 135
    kinds = [i["kind"] for i in document["interventions"]]
    assert kinds == ["bagging_unexpected_item"]
    assert document["interventions"][0]["staff_id"] == "demo"

    (text,) = [p.read_text(encoding="utf-8") for p in (workdir / "receipts").glob("*.txt")]
    assert "Yogurt 3 for 2" in text
    assert "Member price milk" in text
    assert document["transaction_id"] in text
