"""Integrity of the lane database at start-up: cheap every time, whole only when owed.

Theory of operation
-------------------
A start must not read the whole store (a 1M-item catalog is ~0.7 s of
``PRAGMA quick_check``), yet a file damaged by a power cut or a bad disk must be
named clearly (DESIGN.md invariant 8). So :func:`kiosk.store.db.connect` with
``check=True`` does, every start:

* :func:`check_header`: the first 100 bytes are SQLite's (magic, page size), and
  the file is not shorter than its header says (a truncated copy) when no WAL or
  journal is left to replay;
* the schema is read and its version checked (``db.connect`` does it: migrations);
* :func:`take_clean_stop`: the *clean-stop marker*, a file next to the database
  (``lane.sqlite3.clean-stop``) that :func:`mark_clean_stop` writes when the lane
  stops in order (``Lane.stop``), is removed. Present: the last run stopped
  cleanly and no full check is due. Absent (killed, power cut, first start of an
  old file): the full check is owed.

The full check (:func:`quick_check`) runs then on a background thread of its own
(:func:`check_in_background`, a read-only connection; readers never block the
lane's writers in WAL mode), a few seconds after start and at a low priority, and
reports damage to a callback (the lane pages the attendant). A lane stopped before
it finished, or after it found damage, writes no marker, so the next start checks
again. ``kiosk store check`` runs it on demand.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

from kiosk import clock as kiosk_clock
from kiosk.store.errors import CorruptDatabaseError, StoreError, is_corruption
from kiosk.threads import start_thread, start_timer

log = logging.getLogger(__name__)

MARKER_SUFFIX = ".clean-stop"
#: The owed full check waits this long after start, then runs at a low CPU priority,
#: so that the lane's own start (imports, window, first paint) does not share its cores.
CHECK_DELAY_S = 5.0
CHECK_NICENESS = 10
HEADER_SIZE = 100
_MAGIC = b"SQLite format 3\x00"
_RESTORE = "restore it from a backup or move it aside and let the lane create a new one"

# Databases of this process whose full check is running or found damage: no marker.
_owed: set[Path] = set()
_owed_lock = threading.Lock()


def marker_path(path: Path | str) -> Path:
    """Where the clean-stop marker of the database at ``path`` lives."""
    path = Path(path)
    return path.with_name(path.name + MARKER_SUFFIX)


def check_header(path: Path | str) -> bool:
    """Check the database file's header without reading the rest of it.

    Returns:
        True if the file exists with content (False: SQLite will create it).

    Raises:
        CorruptDatabaseError: if the header is not SQLite's or the file is shorter
            than the header says and no WAL is there to complete it.
        StoreError: if the file cannot be read.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size == 0:
            return False
        with path.open("rb") as handle:
            header = handle.read(HEADER_SIZE)
    except FileNotFoundError:
        return False
    except OSError as error:
        raise StoreError(f"{path}: cannot read the lane database: {error}") from error
    if len(header) < HEADER_SIZE or not header.startswith(_MAGIC):
        raise CorruptDatabaseError(
            f"{path}: is not a usable SQLite database (its header is not SQLite's); {_RESTORE}"
        )
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise CorruptDatabaseError(
            f"{path}: is not a usable SQLite database (page size {page_size} in its "
            f"header); {_RESTORE}"
        )
    pages = int.from_bytes(header[28:32], "big")
    header_is_current = header[24:28] == header[92:96]  # else SQLite ignores the count
    if header_is_current and pages * page_size > size and not _recovery_pending(path):
        raise CorruptDatabaseError(
            f"{path}: is not a usable SQLite database (truncated: {size} bytes, its header "
            f"says {pages} pages of {page_size}); {_RESTORE}"
        )
    return True


def _recovery_pending(path: Path) -> bool:
    """True if a WAL or a rollback journal may still complete the file (SQLite replays
    them when it opens it): then the header may rightly count pages not yet written."""
    for suffix in ("-wal", "-journal"):
        try:
            if path.with_name(path.name + suffix).stat().st_size > 0:
                return True
        except FileNotFoundError:
            continue
    return False


def take_clean_stop(path: Path | str) -> bool:
    """Remove the clean-stop marker; return True if it was there (the last stop was clean).

    Raises:
        StoreError: if the marker exists but cannot be removed.
    """
    marker = marker_path(path)
    try:
        marker.unlink()
    except FileNotFoundError:
        return False
    except OSError as error:
        raise StoreError(f"{marker}: cannot remove the clean-stop marker: {error}") from error
    return True


def mark_clean_stop(path: Path | str) -> bool:
    """Write the clean-stop marker (the lane stopped in order); return True if written.

    Not written while this process still owes the database its full check (running,
    or it found damage): the next start checks again. A failure to write is logged,
    never raised (the next start then checks the whole file, nothing worse).
    """
    path = Path(path)
    with _owed_lock:
        owed = path.resolve() in _owed
    if owed:
        log.warning("%s: full check not finished or failed: no clean-stop marker", path)
        return False
    marker = marker_path(path)
    temporary = marker.with_name(marker.name + ".tmp")
    text = f"clean stop at {kiosk_clock.utc_now().isoformat()} by pid {os.getpid()}\n"
    try:
        with temporary.open("w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(marker)
        sync_folder(marker.parent)
    except OSError as error:
        log.warning("%s: cannot write the clean-stop marker: %s", marker, error)
        return False
    return True


def sync_folder(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable (fsync the folder itself)."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def quick_check(conn: sqlite3.Connection, path: Path | str) -> None:
    """Run ``PRAGMA quick_check``; raise :class:`CorruptDatabaseError` naming the damage."""
    rows = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
    if rows != ["ok"]:
        detail = "; ".join(rows[:5])
        raise CorruptDatabaseError(f"{path}: database is damaged (quick_check: {detail})")


def check_file(path: Path | str) -> float:
    """The full check of the database at ``path`` on a read-only connection of its own.

    Returns:
        The seconds it took.

    Raises:
        CorruptDatabaseError: naming the damage.
        StoreError: if the file cannot be opened or read.
    """
    path = Path(path)
    check_header(path)
    started = time.perf_counter()
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise StoreError(f"{path}: cannot open the lane database: {error}") from error
    try:
        quick_check(conn, path)
    except sqlite3.DatabaseError as error:
        if not is_corruption(error):
            raise StoreError(f"{path}: cannot check the lane database: {error}") from error
        raise CorruptDatabaseError(
            f"{path}: database is damaged (quick_check: {error}); {_RESTORE}"
        ) from error
    finally:
        conn.close()
    return time.perf_counter() - started


class DamageReport:
    """Keeps what a background check found until a listener is attached, then passes it on.

    The lane's connection (and its check) comes before the controller that pages the
    attendant; :meth:`found` is the ``on_damage`` callback, :meth:`report_to` attaches
    the controller. Thread-safe; each finding reaches the listener once.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiting: list[StoreError] = []
        self._listener: Callable[[StoreError], object] | None = None

    def found(self, error: StoreError) -> None:
        with self._lock:
            listener = self._listener
            if listener is None:
                self._waiting.append(error)
                return
        listener(error)

    def report_to(self, listener: Callable[[StoreError], object]) -> None:
        with self._lock:
            self._listener = listener
            waiting, self._waiting = self._waiting, []
        for error in waiting:
            listener(error)


def check_in_background(
    path: Path | str, on_damage: Callable[[StoreError], object]
) -> threading.Thread:
    """Run :func:`check_file` on a background thread; damage goes to ``on_damage``.

    Until it ends well, :func:`mark_clean_stop` writes no marker for ``path``.
    """
    path = Path(path)
    key = path.resolve()
    with _owed_lock:
        _owed.add(key)
    log.warning(
        "%s: the lane did not stop cleanly last time: checking the whole database in the "
        "background (PRAGMA quick_check)",
        path,
    )

    def run() -> None:
        _lower_priority()
        try:
            seconds = check_file(path)
        except StoreError as error:
            log.error("%s: full check failed: %s", path, error)
            on_damage(error)
            return
        with _owed_lock:
            _owed.discard(key)
        log.info("%s: full check (quick_check) ok in %.2f s", path, seconds)

    if CHECK_DELAY_S > 0:
        return start_timer("store-check", CHECK_DELAY_S, run)
    return start_thread("store-check", run)


def _lower_priority() -> None:
    """Lower this thread's CPU priority (Linux threads have their own nice value)."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), CHECK_NICENESS)
    except (AttributeError, OSError) as error:  # not Linux, or not allowed: run as is
        log.debug("store check keeps its priority: %s", error)


__all__ = [
    "MARKER_SUFFIX",
    "DamageReport",
    "check_file",
    "check_header",
    "check_in_background",
    "mark_clean_stop",
    "marker_path",
    "quick_check",
    "take_clean_stop",
]
