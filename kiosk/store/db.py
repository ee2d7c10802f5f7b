"""The one SQLite connection factory and the migration runner.

Every connection to a lane database is made by :func:`connect`, which sets the
pragmas the durability promises rest on (DESIGN.md invariants 1 and 2): WAL,
``synchronous=FULL``, ``foreign_keys=ON`` and a ``busy_timeout``. Connections
are in autocommit mode (``isolation_level=None``): every write transaction is
opened explicitly with ``BEGIN IMMEDIATE`` through :func:`write_transaction`.

At start-up (``check=True``) the file is checked cheaply - header, schema version,
the clean-stop marker - and read whole (``PRAGMA quick_check``) only when the last
stop was not clean; see :mod:`kiosk.store.integrity`.

Migrations are the files ``kiosk/store/migrations/NNNN_name.sql``, applied in
order, each in its own transaction together with the ``PRAGMA user_version``
bump that records it.
"""

from __future__ import annotations

import contextlib
import importlib.resources
import logging
import re
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from kiosk.sdnotify import Notifier
from kiosk.store import integrity
from kiosk.store.errors import CorruptDatabaseError, StoreError, is_corruption

log = logging.getLogger(__name__)
# How long systemd is asked to wait for each migration at start (kiosk-lane.service
# gives the start 60 s; 0017 copies every outbox document once).
MIGRATION_SECONDS = 600
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
_SQLITE_READONLY = 8


def connect(
    path: Path | str,
    *,
    busy_timeout_ms: int = 5000,
    check: bool = False,
    migrate: bool = True,
    auto_checkpoint: bool = True,
    on_damage: Callable[[StoreError], object] | None = None,
) -> sqlite3.Connection:
    """Open (creating if needed) the lane database at ``path``.

    Args:
        path: the SQLite file; its folder is created if missing.
        busy_timeout_ms: how long a writer waits for another writer's lock.
        check: the start-up check (do this once, at start): the header, the schema,
            :func:`check_writable`, and the clean-stop marker, which is removed; the
            whole file is checked (``PRAGMA quick_check``) only if the marker was
            missing (the last run did not stop cleanly), see :mod:`kiosk.store.integrity`.
        migrate: apply pending migrations.
        auto_checkpoint: let a commit copy the WAL back into the database every
            1000 pages (SQLite's default). False keeps that extra write and fsync
            out of this connection's commits (the sale commit's p99); then
            another connection must call :func:`checkpoint` now and then (the
            sync loop does), or the WAL file keeps growing.
        on_damage: with ``check``, run an owed full check on a background thread and
            report damage to this callback; None runs it here, before returning.

    Raises:
        CorruptDatabaseError: if the file is not a database or quick_check fails.
        StoreError: if the file cannot be opened (or, with ``check``, written).
    """
    path = Path(path)
    full_check_owed = False
    if check:
        existed = integrity.check_header(path)
        clean = integrity.take_clean_stop(path)  # cleared: a crash from now on owes a check
        full_check_owed = existed and not clean
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(
            path, isolation_level=None, check_same_thread=False, timeout=busy_timeout_ms / 1000
        )
    except (OSError, sqlite3.Error) as error:
        raise StoreError(f"{path}: cannot open the lane database: {error}") from error
    try:
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        if full_check_owed and on_damage is None:
            integrity.quick_check(conn, path)
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise StoreError(f"{path}: cannot switch to WAL journal mode (got {mode})")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        if not auto_checkpoint:
            conn.execute("PRAGMA wal_autocheckpoint = 0")
        if check:
            conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()  # the schema reads
            check_writable(conn, path)
        if migrate:
            apply_migrations(conn)
        elif check:
            check_schema_version(conn)
    except sqlite3.Error as error:
        conn.close()
        if is_corruption(error):
            raise CorruptDatabaseError(
                f"{path}: is not a usable SQLite database ({error}); restore it from a backup "
                "or move it aside and let the lane create a new one"
            ) from error
        raise StoreError(f"{path}: cannot prepare the lane database: {error}") from error
    except BaseException:
        conn.close()
        raise
    if full_check_owed and on_damage is not None:
        integrity.check_in_background(path, on_damage)
    return conn


def checkpoint(conn: sqlite3.Connection) -> tuple[int, int]:
    """Copy committed WAL pages back into the database without waiting for readers.

    Returns:
        (pages in the WAL, pages copied) as SQLite reports them.

    Raises:
        StoreError: if the checkpoint fails.
    """
    try:
        _, in_wal, copied = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    except sqlite3.Error as error:
        raise StoreError(f"WAL checkpoint failed: {error}") from error
    return int(in_wal), int(copied)


def check_writable(conn: sqlite3.Connection, path: Path | str) -> None:
    """Make sure ``conn`` can write: a write is tried and rolled back.

    SQLite opens a file this process may not write (read-only permissions, an
    immutable file, a read-only mount) read-only without a word, and only the first
    write fails: for a lane, the first scan. Permission bits alone cannot tell (root
    writes through them), so a real write is tried: a table is created and the
    transaction rolled back, which leaves nothing behind.

    Raises:
        StoreError: naming the file, if SQLite refuses to write it.
        sqlite3.Error: for any other failure of the probe (the caller maps it).
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("CREATE TABLE main.kiosk_write_probe (x INTEGER)")
    except sqlite3.OperationalError as error:
        if getattr(error, "sqlite_errorcode", 0) & 0xFF != _SQLITE_READONLY:
            raise
        raise StoreError(
            f"{path}: the lane database is read-only for this process ({error}); make "
            "the file and its folder writable by the lane's user"
        ) from error
    finally:
        conn.execute("ROLLBACK")


def quick_check(conn: sqlite3.Connection, path: Path | str) -> None:
    """Run ``PRAGMA quick_check``; raise :class:`CorruptDatabaseError` naming the damage."""
    integrity.quick_check(conn, path)


@contextlib.contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``; rolls back if the block raises."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def migrations() -> list[tuple[int, str, str]]:
    """All migrations shipped in the package as (version, name, sql), in order."""
    found = []
    for entry in importlib.resources.files("kiosk.store.migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort()
    versions = [v for v, _, _ in found]
    if versions != list(range(1, len(found) + 1)):
        raise StoreError(f"migrations must be numbered 1..n without gaps, found {versions}")
    return found


def apply_migrations(conn: sqlite3.Connection) -> int:
    """Apply every migration newer than ``PRAGMA user_version``; return the new version.

    Raises:
        StoreError: if the database is newer than this program knows.
    """
    current, available = check_schema_version(conn), migrations()
    pending = available[current:]
    # Upgrading a lane's data may rewrite a big table (0017: the outbox); a new, empty
    # database is made in moments and asks for nothing.
    notifier = Notifier() if pending and current > 0 else None
    for version, name, sql in pending:
        log.info("applying migration %s", name)
        if notifier is not None:
            notifier.extend_timeout(MIGRATION_SECONDS, f"migrating the lane database: {name}")
        with write_transaction(conn):
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version}")
    return len(available)


def check_schema_version(conn: sqlite3.Connection) -> int:
    """The schema version (``PRAGMA user_version``) of the database.

    Raises:
        StoreError: if the database is newer than this program knows.
    """
    current = int(conn.execute("PRAGMA user_version").fetchone()[0])
    known = len(migrations())
    if current > known:
        raise StoreError(
            f"database schema version {current} is newer than this program "
            f"({known}); upgrade the kiosk software"
        )
    return current


def _statements(sql: str) -> list[str]:
    """Split a migration file into statements (no semicolons inside literals or triggers)."""
    return [s.strip() for s in sql.split(";\n") if s.strip() and not _only_comments(s)]


def _only_comments(chunk: str) -> bool:
    return all(not line.strip() or line.strip().startswith("--") for line in chunk.splitlines())
