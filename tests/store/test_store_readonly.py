"""A lane database the lane cannot write stops the lane at start-up with one line naming
the file, instead of starting and failing at the first scan (DESIGN.md invariant 8).

The file is made read-only the way that holds for root too (tests often run as root,
for whom permission bits do not stop a write): ``chattr +i``. Without root, ``chmod
0444`` does it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.store.db import connect
from kiosk.store.errors import StoreError

ROOT = Path(__file__).resolve().parents[2]
MILK = "8410000000016"


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    """``path`` cannot be written by this user (root included) inside the block."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        try:
            yield
        finally:
            path.chmod(0o644)
        return
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(path)], check=False).returncode:
        pytest.skip("running as root without a working chattr +i: cannot make a file read-only")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", str(path)], check=True)


def lane_config(tmp_path: Path) -> Path:
    database = tmp_path / "lane.sqlite3"
    config = tmp_path / "lane.toml"
    config.write_text(
        f'[lane]\nstore_id = "s1"\nlane_id = "l1"\n[store]\npath = "{database}"\n',
        encoding="utf-8",
    )
    return config


def kiosk(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )


def test_a_read_only_lane_database_stops_the_lane_at_start(tmp_path: Path) -> None:
    config = lane_config(tmp_path)
    database = tmp_path / "lane.sqlite3"
    catalog = ROOT / "assets" / "catalog" / "sample_catalog.csv"
    imported = kiosk("catalog", "import", "--config", str(config), "--no-progress", str(catalog))
    assert imported.returncode == 0, imported.stderr
    with read_only(database):
        result = kiosk(
            "run", "--console", "--config", str(config), stdin=f"{MILK}\nwait shopping 20\nquit\n"
        )
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(database) in lines[0]
    assert "read-only" in lines[0]
    assert "console:" not in result.stdout  # the lane never came up


def test_connect_checks_that_the_file_is_writable_only_when_asked(tmp_path: Path) -> None:
    database = tmp_path / "lane.sqlite3"
    connect(database).close()
    with read_only(database):
        with pytest.raises(StoreError, match="read-only") as caught:
            connect(database, check=True)
        assert str(database) in str(caught.value)
        reader = connect(database, migrate=False)  # tools may still read it
        assert reader.execute("PRAGMA user_version").fetchone()[0] > 0
        reader.close()
