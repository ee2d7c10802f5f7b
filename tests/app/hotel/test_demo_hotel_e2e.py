"""`kiosk demo --journey hotel` end to end in its own process, with the window on the
offscreen platform: the demo starts the Mews simulator, the Salto encoder simulator, the
document reader on a pty and the terminal; a passport put on the reader (the demo's
terminal command) travels the real serial driver to the hotel runner, which finds the
stay arriving today at the PMS over HTTP by the passport's name and moves the kiosk to
the stay screen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """
wait welcome 30
doc ana
wait stay 30
state
quit
"""


@pytest.mark.slow
def test_a_passport_on_the_demo_reader_finds_the_stay(tmp_path: Path) -> None:
    script = tmp_path / "guest.txt"
    script.write_text(SCRIPT, encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kiosk",
            "demo",
            "--journey",
            "hotel",
            "--dir",
            str(tmp_path / "demo"),
            "--script",
            str(script),
            "--no-hq",
            "--quit-after-ms",
            "15000",
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ana's passport on the reader" in result.stdout
    assert "at stay" in result.stdout, result.stdout + result.stderr
    assert "timed out" not in result.stdout
