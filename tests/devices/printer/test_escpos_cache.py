"""python-escpos's capabilities cache goes to a private folder of ours: no folder left in
/tmp per start, no re-parse per start, and never a folder others could plant a pickle in."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kiosk.devices.printer.escpos_cache import _private

ROOT = Path(__file__).resolve().parents[3]


def start_once(cache: Path, tmp: Path) -> None:
    env = {
        **{k: v for k, v in os.environ.items() if k != "ESCPOS_CAPABILITIES_PICKLE_DIR"},
        "XDG_CACHE_HOME": str(cache),
        "TMPDIR": str(tmp),
        "PYTHONPATH": str(ROOT),
    }
    subprocess.run(
        [sys.executable, "-c", "import kiosk.devices.printer.render"], env=env, check=True
    )


def test_the_capabilities_cache_is_ours_and_nothing_piles_up_in_tmp(tmp_path: Path) -> None:
    cache, tmp = tmp_path / "cache", tmp_path / "tmp"
    tmp.mkdir()
    for _ in range(3):  # three lane starts
        start_once(cache, tmp)
    assert list(tmp.iterdir()) == []  # escpos's own default leaves a mkdtemp() per start
    pickles = list((cache / "kiosk" / "escpos").glob("*.capabilities.pickle"))
    assert len(pickles) == 1
    assert (cache / "kiosk" / "escpos").stat().st_mode & 0o077 == 0


def test_a_folder_others_may_write_to_is_not_used(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    assert not _private(shared)
    shared.chmod(0o700)
    assert _private(shared)
