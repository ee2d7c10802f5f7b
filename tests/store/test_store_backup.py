"""Online backups of the lane store while another process writes, and restoring one."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.store.backup import (
    BackupError,
    BackupSchedule,
    backups,
    in_use,
    restore,
    take_backup,
    verify,
)
from kiosk.store.db import connect

T0 = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)

# A second process commits one row per transaction as fast as it can until killed.
WRITER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)
conn.execute("PRAGMA journal_mode=WAL")
conn.execute("CREATE TABLE IF NOT EXISTS ticks (n INTEGER PRIMARY KEY, pad TEXT)")
print("ready", flush=True)
n = 0
while True:
    n += 1
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO ticks VALUES (?, ?)", (n, "x" * 2000))
    conn.execute("COMMIT")
"""


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "lane.sqlite3"
    connect(path).close()  # the lane's schema
    return path


def rows(path: Path) -> list[int]:
    conn = sqlite3.connect(path)
    try:
        return [n for (n,) in conn.execute("SELECT n FROM ticks ORDER BY n")]
    finally:
        conn.close()


def test_backups_taken_while_another_process_commits_are_whole_and_consistent(
    store: Path, tmp_path: Path
) -> None:
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(store)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout.readline().strip() == "ready"
        taken = [
            take_backup(store, tmp_path / "backups", now=T0 + timedelta(seconds=i), keep=10)
            for i in range(3)
        ]
    finally:
        writer.kill()
        writer.wait()
    counts = []
    for path in taken:
        assert verify(path) > 0
        numbers = rows(path)
        # a snapshot of committed transactions: 1..N with no gap and no half row
        assert numbers == list(range(1, len(numbers) + 1))
        counts.append(len(numbers))
    assert counts == sorted(counts)
    assert counts[-1] > 0
    assert len(rows(store)) >= counts[-1]


def test_only_the_newest_are_kept_and_a_partial_copy_is_cleared(
    store: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    stale = folder / "lane-20261205T090000000000Z.sqlite3.partial"  # a round killed midway
    stale.write_bytes(b"half a copy")
    for i in range(5):
        take_backup(store, folder, now=T0 + timedelta(minutes=i), keep=2)
    assert [p.name for p in backups(folder)] == [
        "lane-20261205T100300000000Z.sqlite3",
        "lane-20261205T100400000000Z.sqlite3",
    ]
    assert not stale.exists()


def test_restore_puts_the_backup_in_place_and_keeps_the_replaced_store(
    store: Path, tmp_path: Path
) -> None:
    conn = sqlite3.connect(store)
    conn.execute("CREATE TABLE ticks (n INTEGER PRIMARY KEY, pad TEXT)")
    conn.execute("INSERT INTO ticks VALUES (1, 'a')")
    conn.commit()
    conn.close()
    backup = take_backup(store, tmp_path / "b", now=T0, keep=3)
    conn = sqlite3.connect(store)
    conn.execute("INSERT INTO ticks VALUES (2, 'b')")
    conn.commit()
    conn.close()

    kept = restore(backup, store, now=T0 + timedelta(hours=1))

    assert rows(store) == [1]
    assert kept is not None
    assert rows(kept) == [1, 2]  # nothing lost by restoring
    assert kept.name == "lane.sqlite3.before-restore-20261205T110000Z"


def test_restore_refuses_while_a_lane_has_the_store_open(store: Path, tmp_path: Path) -> None:
    backup = take_backup(store, tmp_path / "b", now=T0, keep=3)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
            " c.execute('PRAGMA journal_mode=WAL'); c.execute('SELECT 1').fetchall();"
            " print('open', flush=True); sys.stdin.read()",
            str(store),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        assert in_use(store)
        with pytest.raises(BackupError, match="in use"):
            restore(backup, store, now=T0)
    finally:
        holder.kill()
        holder.wait()
    assert not in_use(store)
    restore(backup, store, now=T0)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda p: p.write_bytes(b"not sqlite at all" * 100), id="garbage"),
        pytest.param(lambda p: p.write_bytes(p.read_bytes()[:1000]), id="cut-short"),
        pytest.param(lambda p: sqlite3.connect(p).execute("PRAGMA user_version=999"), id="newer"),
        pytest.param(lambda p: p.unlink() or sqlite3.connect(p).close(), id="empty"),
    ],
)
def test_a_damaged_or_foreign_backup_is_refused_and_the_store_is_untouched(
    store: Path, tmp_path: Path, damage
) -> None:
    backup = take_backup(store, tmp_path / "b", now=T0, keep=3)
    damage(backup)
    before = store.read_bytes()
    with pytest.raises(BackupError):
        restore(backup, store, now=T0)
    assert store.read_bytes() == before
    assert not list(store.parent.glob("*.before-restore-*"))


def test_the_schedule_reports_a_round_that_fails_and_keeps_going(
    store: Path, tmp_path: Path
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be")
    errors: list[BackupError] = []
    schedule = BackupSchedule(
        store, blocked, every_s=3600, keep=2, clock=lambda: T0, on_error=errors.append
    )
    assert schedule.run_once() is None
    assert len(errors) == 1
    schedule.folder = tmp_path / "ok"
    assert schedule.run_once() is not None
    assert schedule.taken == 1


def test_the_command_line_backs_up_and_restores(store: Path, tmp_path: Path) -> None:
    env = {**os.environ, "KIOSK_CONFIG": ""}
    kiosk = [sys.executable, "-m", "kiosk", "store"]
    done = subprocess.run(
        [*kiosk, "backup", "--db", str(store), "--to", str(tmp_path / "b")],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    (backup,) = backups(tmp_path / "b")
    assert str(backup) in done.stdout
    done = subprocess.run(
        [*kiosk, "restore", str(backup), "--db", str(store)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert "restored from" in done.stdout
    refused = subprocess.run(
        [*kiosk, "restore", str(tmp_path / "nothing.sqlite3"), "--db", str(store)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert refused.returncode == 2
    assert len(refused.stderr.strip().splitlines()) == 1
