"""Online backups of the lane store and restoring one.

A backup is taken with SQLite's online backup API while the lane keeps selling: the
copy is made a few hundred pages at a time, so the lane's writer waits at most one
step, and SQLite restarts the copy by itself if a sale commits in the middle. The
copy is written to a temporary name, checked (``PRAGMA quick_check`` and the schema
version), flushed to disk and only then renamed to ``lane-<UTC time>.sqlite3`` in the
backup folder; the oldest beyond ``keep`` are deleted. A crash at any point leaves
either a whole checked backup or a ``.partial`` file that the next round removes.

Restoring refuses a backup that fails the same checks and a store still in use (a
running lane keeps its connections open, and SQLite will not then give an exclusive
lock). The store it replaces is kept beside it as ``<name>.before-restore-<time>``
(with its WAL), so nothing is lost by restoring the wrong file.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from kiosk.store.db import check_schema_version
from kiosk.store.errors import StoreError
from kiosk.store.integrity import sync_folder
from kiosk.threads import Repeating, start_repeating

log = logging.getLogger(__name__)

PREFIX = "lane-"
SUFFIX = ".sqlite3"
PAGES_PER_STEP = 256


class BackupError(StoreError):
    """A backup could not be taken or restored; the message says which file and why."""


def take_backup(database: Path | str, folder: Path | str, *, now: datetime, keep: int) -> Path:
    """Copy the lane store ``database`` into ``folder`` as one checked file; returns its path.

    Raises :class:`BackupError` when the store cannot be read, the copy fails its
    checks or the folder cannot be written.
    """
    source_path, folder = Path(database), Path(folder)
    if not source_path.is_file():
        raise BackupError(f"{source_path}: no lane database to back up")
    final = folder / f"{PREFIX}{now.strftime('%Y%m%dT%H%M%S%fZ')}{SUFFIX}"
    partial = final.with_name(final.name + ".partial")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _remove_partials(folder)
        source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True, timeout=30)
        try:
            target = sqlite3.connect(partial)
            try:
                source.backup(target, pages=PAGES_PER_STEP)
            finally:
                target.close()
        finally:
            source.close()
        verify(partial)
        _fsync(partial)
        os.replace(partial, final)
        sync_folder(folder)
    except (sqlite3.Error, OSError) as error:
        _discard(partial)
        raise BackupError(f"backup of {source_path} to {folder} failed: {error}") from error
    except BackupError:
        _discard(partial)
        raise
    prune(folder, keep)
    return final


def backups(folder: Path | str) -> list[Path]:
    """The whole backups in ``folder``, oldest first."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(f"{PREFIX}*{SUFFIX}") if p.is_file())


def prune(folder: Path | str, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups; returns what was deleted."""
    old = backups(folder)[: max(0, len(backups(folder)) - keep)]
    for path in old:
        path.unlink(missing_ok=True)
    return old


def verify(path: Path | str) -> int:
    """Check a backup file whole: ``quick_check`` and a schema this code knows.

    Returns its schema version; raises :class:`BackupError` naming what is wrong.
    """
    path = Path(path)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise BackupError(f"{path}: cannot be opened: {error}") from error
    try:
        rows = [row[0] for row in conn.execute("PRAGMA quick_check")]
        if rows != ["ok"]:
            raise BackupError(f"{path}: damaged: {'; '.join(map(str, rows[:3]))}")
        try:
            version = check_schema_version(conn)
        except StoreError as error:
            raise BackupError(f"{path}: {error}") from error
        if version == 0:
            raise BackupError(f"{path}: not a lane database (no schema)")
        return version
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path}: not a lane database: {error}") from error
    finally:
        conn.close()


def in_use(database: Path | str) -> bool:
    """True when another connection has the store open (a running lane)."""
    conn = sqlite3.connect(database, timeout=0, isolation_level=None)
    try:
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        conn.close()


def restore(backup: Path | str, database: Path | str, *, now: datetime) -> Path | None:
    """Put ``backup`` in place of the lane store ``database``.

    Returns where the replaced store was kept (None when there was none). Raises
    :class:`BackupError` when the backup fails its checks or the store is in use.
    """
    backup, database = Path(backup), Path(database)
    verify(backup)
    if database.exists() and in_use(database):
        raise BackupError(f"{database}: in use (stop the lane before restoring)")
    incoming = database.with_name(database.name + ".restoring")
    kept: Path | None = None
    try:
        copy = sqlite3.connect(incoming)
        source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            source.backup(copy)
        finally:
            source.close()
            copy.close()
        _fsync(incoming)
        if database.exists():
            kept = database.with_name(f"{database.name}.before-restore-{now:%Y%m%dT%H%M%SZ}")
            for suffix in ("-wal", "-shm", ""):
                old = Path(f"{database}{suffix}")
                if old.exists():
                    os.replace(old, Path(f"{kept}{suffix}"))
        os.replace(incoming, database)
        sync_folder(database.parent)
    except (sqlite3.Error, OSError) as error:
        _discard(incoming)
        raise BackupError(f"restoring {backup} to {database} failed: {error}") from error
    return kept


class BackupSchedule:
    """Takes a backup every ``every_s`` seconds on a background timer while the lane runs.

    A failed round is logged and reported to ``on_error`` (the lane pages the
    attendant); the next round tries again.
    """

    def __init__(
        self,
        database: Path | str,
        folder: Path | str,
        *,
        every_s: float,
        keep: int,
        clock: Callable[[], datetime],
        on_error: Callable[[BackupError], object] = lambda error: None,
    ) -> None:
        self.database, self.folder = Path(database), Path(folder)
        self.every_s, self.keep, self.clock, self.on_error = every_s, keep, clock, on_error
        self.taken = 0
        self._rounds: Repeating | None = None

    def start(self) -> None:
        """Schedule the first round ``every_s`` from now."""
        self._rounds = start_repeating("store-backup", self.every_s, self.run_once)

    def stop(self) -> None:
        """Cancel the next round (one already running finishes)."""
        if self._rounds is not None:
            self._rounds.cancel()

    def run_once(self) -> Path | None:
        """Take one backup now; returns it, or None when it failed (reported)."""
        try:
            path = take_backup(self.database, self.folder, now=self.clock(), keep=self.keep)
        except BackupError as error:
            log.error("%s", error)
            self.on_error(error)
            return None
        self.taken += 1
        log.info("lane store backed up to %s", path)
        return path


def _discard(path: Path) -> None:
    """Remove a half-made file; a failure here must not hide the error being reported."""
    try:
        path.unlink(missing_ok=True)
    except OSError:
        log.warning("%s: could not be removed", path)


def _remove_partials(folder: Path) -> None:
    for partial in folder.glob(f"{PREFIX}*{SUFFIX}.partial"):
        partial.unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())
