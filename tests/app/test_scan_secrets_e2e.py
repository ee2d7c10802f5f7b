"""No card number and no passport MRZ in any file the lane writes (DESIGN.md invariant 6),
end to end: ``kiosk demo --script`` scans them through the simulated serial scanner (a
real pty) among a real sale, then every file in the demo's folder is searched for them
in any spacing: the log, the SQLite database with its WAL, the held receipts, the
printer's output and the terminal simulator's ledger."""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

MRZ = (
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
    "I<UTOD231458907<<<<<<<<<<<<<<<",
    "7408122F1204159UTO<<<<<<<<<<<6",
)
PAN = "5555555555554444"
# What an MRZ gives away even when cut up or escaped: names and document numbers.
MRZ_PIECES = ("ERIKSSON", "L898902C3", "D23145890", "7408122F1204159")

SCRIPT = f"""
wait idle 10
ABC-123
expect scan.not_a_product 20
https://example.com/menu?table=4
expect scan.not_a_product 20
{MRZ[0]}
expect scan.document_not_accepted 20
{MRZ[1]}
expect scan.document_not_accepted 20
{MRZ[2]}
expect scan.document_not_accepted 20
{MRZ[3]}
expect scan.document_not_accepted 20
5555 5555 5555 4444
expect scan.card_not_accepted 20
5555-5555-5555-4444
expect scan.card_not_accepted 20
{PAN}
expect scan.card_not_accepted 20
# the demo asks "Do you need bags?" (config/demo.toml)
bags none
8410000000016
wait shopping 20
# the demo weighs the bagging area (config/demo.toml): the milk goes in the bag
bag 1040
wait bagged 20
pay
wait finished 60
receipt
next
wait idle 20
quit
"""


def pan_in_any_spacing(text: str) -> bool:
    """The card number's digits in order with up to three other characters between them."""
    return re.search(r"\D{0,3}".join(PAN), text) is not None


def test_the_search_would_find_a_leak(tmp_path: Path) -> None:
    leak = tmp_path / "kiosk.log"
    leak.write_text("scan '5555 5555 5555 4444' and 'P<UTOERIKSSON<<ANNA' failed")
    assert leaks(leak) == ["ERIKSSON", "the card number"]
    assert leaks_in("P<UTO" + "\\r".join(MRZ)) != []


@pytest.mark.slow
def test_a_scripted_session_leaves_no_card_number_or_mrz_in_any_file(tmp_path: Path) -> None:
    script = tmp_path / "shopper.txt"
    # After the sale the script waits for ever; the lane is then killed, so its SQLite
    # WAL and anything not yet cleaned up stay on disk to be searched too.
    script.write_text(SCRIPT + "wait paying 3600\n", encoding="utf-8")
    workdir = tmp_path / "demo"
    command = [sys.executable, "-m", "kiosk", "demo", "--no-hq", "--dir", str(workdir)]
    lane = subprocess.Popen(
        [*command, "--script", str(script)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    shown: list[str] = []
    assert lane.stdout is not None
    try:
        for line in lane.stdout:
            shown.append(line)
            if "screen: welcome" in line and any("sale committed" in s for s in shown):
                break
    finally:
        lane.kill()
        lane.wait()
    output = "".join(shown)
    assert "sale committed" in output, output
    assert "Traceback" not in output
    files = sorted(p for p in workdir.rglob("*") if p.is_file())
    names = {p.name for p in files}
    assert {"kiosk.log", "lane.sqlite3", "lane.sqlite3-wal"} <= names, names
    assert "refused (not logged)" in (workdir / "kiosk.log").read_text(encoding="utf-8")
    assert {str(p.relative_to(workdir)): leaks(p) for p in files if leaks(p)} == {}
    # The console shows what the shopper saw; it must not echo the codes either.
    assert leaks_in(output) == []


def leaks(path: Path) -> list[str]:
    """What of the MRZs and the card number ``path`` holds (held receipts decoded)."""
    raw = path.read_bytes()
    if path.name.endswith(".held-receipts.json"):
        raw += b"".join(base64.b64decode(job["data"]) for job in json.loads(raw))
    return leaks_in(raw.decode("latin-1"))


def leaks_in(text: str) -> list[str]:
    found = [piece for piece in (*MRZ, *MRZ_PIECES) if piece in text.upper()]
    return found + (["the card number"] if pan_in_any_spacing(text) else [])
