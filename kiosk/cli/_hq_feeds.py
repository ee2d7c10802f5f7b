"""``kiosk hq offers|recalls|coupons import FILE [--replace]``: what the lanes pull as feeds.

Each feed's module in kiosk.hq (:mod:`~kiosk.hq.offers`, :mod:`~kiosk.hq.recalls`,
:mod:`~kiosk.hq.coupons`) reads its file (``read_file``: a problem names the row or
entry and the field), writes it in one transaction (``import_<feed>``; with
``--replace`` what the file leaves out is withdrawn) and says what it wrote
(``describe``); the command is the same for the three. The module is imported when
the command runs, not when the parser is built.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Feed:
    name: str  # the action, and the module kiosk.hq.<name>
    help: str
    import_help: str
    file_help: str
    replace_help: str


FEEDS = (
    Feed("offers", "offers and loyalty cards for the lanes", "import offers or cards (CSV or JSON)",
         "FILE.json or FILE.csv (kiosk.hq.offers)", "withdraw offers not in it"),
    Feed("recalls", "recalled batches the lanes refuse",
         "import recalls from a CSV file (gtin, batch)", "FILE.csv with gtin, batch[, withdrawn]",
         "lift recalls not in the file"),
    Feed("coupons", "store and paperless coupons, GS1 families",
         "import the coupon list from a JSON file", 'FILE.json with "coupons" and/or "families"',
         "withdraw entries not in the file"),
)  # fmt: skip


def register(actions: Any, engine: Callable[[argparse.Namespace], Any]) -> None:
    """Add the feeds to the ``kiosk hq`` actions; ``engine(args)`` opens HQ's database."""
    for feed in FEEDS:
        parser = actions.add_parser(feed.name, help=feed.help)
        verbs = parser.add_subparsers(dest=f"{feed.name}_action", metavar="ACTION", required=True)
        imp = verbs.add_parser("import", help=feed.import_help)
        imp.add_argument("file", type=Path, help=feed.file_help)
        imp.add_argument("--replace", action="store_true", help=feed.replace_help)
        imp.set_defaults(func=lambda args, name=feed.name: _import(args, engine, name))


def _import(
    args: argparse.Namespace, engine: Callable[[argparse.Namespace], Any], name: str
) -> int:
    from kiosk.cli import UserError
    from kiosk.hq.db import check_schema
    from kiosk.hq.errors import HqError

    module = importlib.import_module(f"kiosk.hq.{name}")
    try:
        hq = engine(args)
        check_schema(hq)
        write = getattr(module, f"import_{name}")
        report = write(hq, module.read_file(args.file), replace=args.replace)
    except HqError as error:
        raise UserError(str(error)) from error
    print(module.describe(report))
    return 0
