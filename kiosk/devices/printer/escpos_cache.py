"""Where python-escpos keeps its parsed printer-capabilities cache.

Without ``ESCPOS_CAPABILITIES_PICKLE_DIR`` python-escpos parses its capabilities file
(~0.2 s) into a fresh ``mkdtemp()`` folder on *every* start, and never removes it: a
lane that restarts daily leaves a folder in /tmp per start, and pays the parse each
time. This module points it at a cache folder of our own and imports
``escpos.capabilities`` itself: escpos calls ``mkdtemp()`` even when the variable is
set (it is the default argument of ``environ.get``), so for that one import
``tempfile.mkdtemp`` answers with our folder instead of making a new one.

The cache is a pickle, and loading a pickle runs code: the folder is used only if it
belongs to this user and nobody else may write to it. Otherwise escpos keeps its own
default (slow, leaky, but safe).
"""

from __future__ import annotations

import fcntl
import importlib
import os
import pickle
import stat
import sys
import tempfile
from pathlib import Path

ENV = "ESCPOS_CAPABILITIES_PICKLE_DIR"


def _candidates() -> list[Path]:
    found = []
    if os.environ.get("CACHE_DIRECTORY"):  # systemd's CacheDirectory=
        found.append(Path(os.environ["CACHE_DIRECTORY"].split(":")[0]) / "escpos")
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    found.append(Path(base) / "kiosk" / "escpos")
    return found


def _private(folder: Path) -> bool:
    """The folder exists (made if need be), is ours, and only we may write to it."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except OSError:
        return False
    unsafe = stat.S_IWGRP | stat.S_IWOTH
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & unsafe


def use_private_cache() -> Path | None:
    """Set the cache folder for python-escpos unless the environment already chose one;
    returns the folder used, or None when none was safe (escpos keeps its default)."""
    if ENV in os.environ:
        return Path(os.environ[ENV])
    for folder in _candidates():
        if _private(folder):
            os.environ[ENV] = str(folder)
            return folder
    return None


def import_escpos_capabilities() -> None:
    """Import ``escpos.capabilities`` with its cache in our private folder and without
    the empty temporary folder escpos would otherwise leave behind on every start.
    Call it before anything imports python-escpos (the printer package does).

    escpos writes its pickle in place, so two processes starting together (the lane and
    a simulator, or test workers) would read each other's half-written file: the import
    holds an exclusive lock on the folder, and a damaged pickle (a crash while it was
    written) is removed and rebuilt.
    """
    folder = use_private_cache()
    if folder is None:
        import escpos.capabilities  # noqa: F401  (its default: slow and leaky, but safe)

        return
    original = tempfile.mkdtemp
    tempfile.mkdtemp = lambda *args, **kwargs: str(folder)  # type: ignore[assignment]
    try:
        with (folder / "lock").open("a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
            try:
                importlib.import_module("escpos.capabilities")
            except (EOFError, pickle.UnpicklingError):
                for stale in folder.glob("*.capabilities.pickle"):
                    stale.unlink(missing_ok=True)
                sys.modules.pop("escpos.capabilities", None)
                importlib.import_module("escpos.capabilities")
    finally:
        tempfile.mkdtemp = original
