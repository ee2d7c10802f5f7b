"""`kiosk demo --journey airport` end to end in its own process, with the window on the
offscreen platform: the demo starts the airline's DCS simulator, the document reader, the
boarding pass and bag tag printers and the belt scale on real ptys and a local HQ; a
passport put on the reader (the demo's terminal command) travels the real serial driver
to the check-in runner, which finds the booking at the DCS over HTTP by the passport's
name and moves the kiosk to "who is travelling". (The whole check-in by touch runs in
tests/ui/airport on the real window.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """
wait welcome 30
doc anna
wait passengers 30
state
quit
"""


@pytest.mark.slow
def test_a_passport_on_the_demo_reader_finds_the_booking(tmp_path: Path) -> None:
    script = tmp_path / "traveller.txt"
    script.write_text(SCRIPT, encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kiosk",
            "demo",
            "--journey",
            "airport",
            "--dir",
            str(tmp_path / "demo"),
            "--script",
            str(script),
            "--no-hq",
            "--quit-after-ms",
            "25000",
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "document 'anna' on the reader" in result.stdout
    assert "at passengers" in result.stdout, result.stdout + result.stderr
    assert "timed out" not in result.stdout
