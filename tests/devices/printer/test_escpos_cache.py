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


def test_processes_starting_together_never_read_a_half_written_cache(tmp_path: Path) -> None:
    cache, tmp = tmp_path / "cache", tmp_path / "tmp"
    tmp.mkdir()
    env = {
        **{k: v for k, v in os.environ.items() if k != "ESCPOS_CAPABILITIES_PICKLE_DIR"},
        "XDG_CACHE_HOME": str(cache),
        "TMPDIR": str(tmp),
        "PYTHONPATH": str(ROOT),
    }
    command = [sys.executable, "-c", "import kiosk.devices.printer.render"]
    starts = [subprocess.Popen(command, env=env, stderr=subprocess.PIPE) for _ in range(6)]
    for start in starts:
        _, err = start.communicate(timeout=60)
        assert start.returncode == 0, err.decode()[-500:]


def test_a_cache_damaged_by_a_crash_is_rebuilt(tmp_path: Path) -> None:
    cache, tmp = tmp_path / "cache", tmp_path / "tmp"
    tmp.mkdir()
    start_once(cache, tmp)
    (pickled,) = (cache / "kiosk" / "escpos").glob("*.capabilities.pickle")
    pickled.write_bytes(pickled.read_bytes()[:10])  # a crash while escpos wrote it
    start_once(cache, tmp)
    assert pickled.stat().st_size > 1000
