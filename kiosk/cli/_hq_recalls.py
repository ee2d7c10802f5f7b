"""``kiosk hq recalls import FILE.csv [--replace]``: recalled batches for the lanes."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any


def register(actions: Any, engine: Callable[[argparse.Namespace], Any]) -> None:
    """Add ``recalls`` to the ``kiosk hq`` actions; ``engine(args)`` opens HQ's database."""
    recalls = actions.add_parser("recalls", help="recalled batches the lanes refuse")
    verbs = recalls.add_subparsers(dest="recalls_action", metavar="ACTION", required=True)
    imp = verbs.add_parser("import", help="import recalls from a CSV file (gtin, batch)")
    imp.add_argument("file", type=Path, help="FILE.csv with gtin, batch[, withdrawn]")
    imp.add_argument("--replace", action="store_true", help="lift recalls not in the file")
    imp.set_defaults(func=lambda args: _import(args, engine))


def _import(args: argparse.Namespace, engine: Callable[[argparse.Namespace], Any]) -> int:
    from kiosk.cli import UserError
    from kiosk.hq import recalls
    from kiosk.hq.db import check_schema
    from kiosk.hq.errors import HqError

    try:
        hq = engine(args)
        check_schema(hq)
        report = recalls.import_recalls(hq, recalls.read_file(args.file), replace=args.replace)
    except HqError as error:
        raise UserError(str(error)) from error
    print(recalls.describe(report))
    return 0
