"""``kiosk store check | backup | restore``: the lane database's integrity and backups.

The lane checks its file cheaply at each start and whole (``PRAGMA quick_check``)
only after an unclean stop (:mod:`kiosk.store.integrity`); this command reads the
whole file now, read-only (a running lane may keep selling), and says whether the
last stop was clean. The database is ``--db PATH``, else the ``[store] path`` of
the configuration named by ``--config`` or ``$KIOSK_CONFIG``, else
``var/lane.sqlite3``. Damage is reported as one line with exit status 2.

``backup`` takes one online backup now (the lane may keep selling) into ``--to`` or
the ``[store] backup_dir``; ``restore FILE`` checks the backup and puts it in place of
the store, keeping the replaced one beside it; it refuses while a lane has the store
open (:mod:`kiosk.store.backup`).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.cli.catalog_cmd import DEFAULT_DB, _config, _db_path


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("store", help="check, back up and restore the lane database")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    check = actions.add_parser(
        "check", help="read the whole lane database and report any damage (PRAGMA quick_check)"
    )
    check.add_argument(
        "--db", help=f"the lane database (default: from the config, else {DEFAULT_DB})"
    )
    check.add_argument("--config", help="the lane's TOML config (default: $KIOSK_CONFIG)")
    check.set_defaults(func=_check)
    backup = actions.add_parser("backup", help="take an online backup of the lane database now")
    backup.add_argument("--to", help="the backup folder (default: [store] backup_dir)")
    backup.add_argument("--keep", type=int, help="backups kept (default: [store] backup_keep)")
    restore = actions.add_parser(
        "restore", help="put a checked backup in place of the lane database (lane stopped)"
    )
    restore.add_argument("backup", help="the backup file (lane-<time>.sqlite3)")
    for sub in (backup, restore):
        sub.add_argument(
            "--db", help=f"the lane database (default: from the config, else {DEFAULT_DB})"
        )
        sub.add_argument("--config", help="the lane's TOML config (default: $KIOSK_CONFIG)")
    backup.set_defaults(func=_backup)
    restore.set_defaults(func=_restore)


def _check(args: argparse.Namespace) -> int:
    from kiosk.cli import UserError
    from kiosk.store.integrity import check_file, marker_path

    path = _db_path(args, _config(args))
    if not Path(path).is_file():
        raise UserError(f"{path}: no such lane database")
    seconds = check_file(path)  # raises CorruptDatabaseError (a StoreError) naming the damage
    last_stop = "clean" if marker_path(path).exists() else "not clean, or the lane is running"
    print(f"{path}: ok (quick_check, {seconds:.2f} s); last stop: {last_stop}")
    return 0


def _backup(args: argparse.Namespace) -> int:
    from kiosk.app.lane import utc_clock
    from kiosk.cli import UserError
    from kiosk.store.backup import take_backup

    config = _config(args)
    folder = args.to or (config.store.backup_dir if config is not None else None)
    if folder is None:
        raise UserError("no backup folder: give --to DIR or set [store] backup_dir")
    keep = args.keep or (config.store.backup_keep if config is not None else 24)
    path = take_backup(_db_path(args, config), folder, now=utc_clock(), keep=keep)
    print(f"backed up to {path}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from kiosk.app.lane import utc_clock
    from kiosk.store.backup import restore

    database = _db_path(args, _config(args))
    kept = restore(args.backup, database, now=utc_clock())
    where = f"; the replaced store is kept as {kept}" if kept else ""
    print(f"{database}: restored from {args.backup}{where}")
    return 0
