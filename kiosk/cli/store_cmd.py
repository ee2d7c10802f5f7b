"""``kiosk store check``: the full integrity check of a lane database, on demand.

The lane checks its file cheaply at each start and whole (``PRAGMA quick_check``)
only after an unclean stop (:mod:`kiosk.store.integrity`); this command reads the
whole file now, read-only (a running lane may keep selling), and says whether the
last stop was clean. The database is ``--db PATH``, else the ``[store] path`` of
the configuration named by ``--config`` or ``$KIOSK_CONFIG``, else
``var/lane.sqlite3``. Damage is reported as one line with exit status 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.cli.catalog_cmd import DEFAULT_DB, _config, _db_path


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("store", help="check the lane database")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    check = actions.add_parser(
        "check", help="read the whole lane database and report any damage (PRAGMA quick_check)"
    )
    check.add_argument(
        "--db", help=f"the lane database (default: from the config, else {DEFAULT_DB})"
    )
    check.add_argument("--config", help="the lane's TOML config (default: $KIOSK_CONFIG)")
    check.set_defaults(func=_check)


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
