"""``kiosk hq coupons import FILE.json [--replace]``: the coupon list for the lanes."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any


def register(actions: Any, engine: Callable[[argparse.Namespace], Any]) -> None:
    """Add ``coupons`` to the ``kiosk hq`` actions; ``engine(args)`` opens HQ's database."""
    coupons = actions.add_parser("coupons", help="store and paperless coupons, GS1 families")
    verbs = coupons.add_subparsers(dest="coupons_action", metavar="ACTION", required=True)
    imp = verbs.add_parser("import", help="import the coupon list from a JSON file")
    imp.add_argument("file", type=Path, help='FILE.json with "coupons" and/or "families"')
    imp.add_argument("--replace", action="store_true", help="withdraw entries not in the file")
    imp.set_defaults(func=lambda args: _import(args, engine))


def _import(args: argparse.Namespace, engine: Callable[[argparse.Namespace], Any]) -> int:
    from kiosk.cli import UserError
    from kiosk.hq import coupons
    from kiosk.hq.db import check_schema
    from kiosk.hq.errors import HqError

    try:
        hq = engine(args)
        check_schema(hq)
        report = coupons.import_coupons(hq, coupons.read_file(args.file), replace=args.replace)
    except HqError as error:
        raise UserError(str(error)) from error
    print(coupons.describe(report))
    return 0
