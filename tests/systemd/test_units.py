"""The two systemd units: supervised (notify + watchdog), hardened, and valid.

``systemd-analyze security --offline=true`` scores a unit file without loading it
into a running systemd (this machine's PID 1 need not be systemd). The score must
stay "OK" or better; the figures are in the README.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

UNITS = Path(__file__).resolve().parents[2] / "systemd"
ANALYZE = shutil.which("systemd-analyze")
GOOD_ENOUGH = ("PERFECT", "SAFE", "OK")

pytestmark = pytest.mark.skipif(ANALYZE is None, reason="scripts/test installs systemd")


def exposure(unit: Path) -> tuple[float, str]:
    result = subprocess.run(
        [str(ANALYZE), "security", "--offline=true", "--no-pager", str(unit)],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    found = re.search(
        r"Overall exposure level for \S+: (\d+\.\d) (\w+)", result.stdout + result.stderr
    )
    assert found, result.stdout + result.stderr
    return float(found[1]), found[2]


@pytest.mark.parametrize("name", ["kiosk-lane.service", "kiosk-hq.service"])
def test_each_unit_is_hardened_to_ok_or_better(name: str) -> None:
    score, level = exposure(UNITS / name)
    assert level in GOOD_ENOUGH, f"{name}: {score} {level}"
    assert score < 4.0


def test_a_bare_unit_would_not_pass(tmp_path: Path) -> None:
    """The check can fail: the same service without its hardening scores far worse."""
    bare = tmp_path / "kiosk-bare.service"
    bare.write_text("[Service]\nExecStart=/bin/true\n")
    score, level = exposure(bare)
    assert level not in GOOD_ENOUGH
    assert score > 8.0


@pytest.mark.parametrize("name", ["kiosk-lane.service", "kiosk-hq.service"])
def test_each_unit_verifies_apart_from_programs_not_installed_here(name: str) -> None:
    result = subprocess.run(
        [str(ANALYZE), "verify", str(UNITS / name)],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    problems = [
        line
        for line in (result.stdout + result.stderr).splitlines()
        if line.strip() and "is not executable: No such file or directory" not in line
    ]
    assert problems == []


def test_the_lane_is_supervised_by_notify_and_a_watchdog() -> None:
    text = (UNITS / "kiosk-lane.service").read_text()
    settings = dict(
        line.split("=", 1) for line in text.splitlines() if "=" in line and not line.startswith("#")
    )
    assert settings["Type"] == "notify"
    assert settings["NotifyAccess"] == "all"  # the app is cage's child, not the main process
    assert int(settings["WatchdogSec"]) > 0
    assert settings["Restart"] == "always"
    assert int(settings["StartLimitBurst"]) > 0
