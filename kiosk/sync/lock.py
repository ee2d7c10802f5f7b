"""Exactly one uploader per lane database: an fcntl lock on ``<database>.sync-lock``.

The kernel drops the lock when the holder dies (even on SIGKILL or power cut),
so it can never go stale the way a lock row with a heartbeat can. The file
holds the holder's pid for the error message.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from types import TracebackType

from kiosk.sync.errors import LockHeld, SyncError


def lock_path(database: Path | str) -> Path:
    return Path(f"{database}.sync-lock")


class UploaderLock:
    """``with UploaderLock(db_path):`` -- raises :class:`LockHeld` if another holds it."""

    def __init__(self, database: Path | str) -> None:
        self.path = lock_path(database)
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock without waiting.

        Raises:
            LockHeld: naming the pid of the uploader that holds it.
            SyncError: if the lock file cannot be opened.
        """
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise SyncError(f"{self.path}: cannot open the uploader lock: {error}") from error
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "?"
            os.close(fd)
            raise LockHeld(
                f"another uploader (pid {holder}) already serves this lane database ({self.path})"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> UploaderLock:
        self.acquire()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()
