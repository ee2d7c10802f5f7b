"""``kiosk catalog import|lookup|generate``: load, query and make catalog files.

The database is ``--db PATH``, else the ``[store] path`` of the configuration
named by ``--config`` or ``$KIOSK_CONFIG``, else ``var/lane.sqlite3``.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.config import KioskConfig

DEFAULT_DB = Path("var/lane.sqlite3")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("catalog", help="import, look up or generate catalog items")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    def with_db(sub: argparse.ArgumentParser) -> argparse.ArgumentParser:
        sub.add_argument(
            "--db", help=f"the lane database (default: from the config, else {DEFAULT_DB})"
        )
        sub.add_argument("--config", help="the lane's TOML config (default: $KIOSK_CONFIG)")
        return sub

    load = with_db(actions.add_parser("import", help="import a catalog CSV (all rows or none)"))
    load.add_argument("file", help="the CSV file (columns: see kiosk.store.catalog_import)")
    load.add_argument(
        "--currency",
        help="currency of the prices (default: the config's [lane] currency, else EUR)",
    )
    load.add_argument(
        "--replace", action="store_true", help="remove items that are not in the file"
    )
    load.add_argument("--no-progress", action="store_true", help="no progress bar")
    load.set_defaults(func=_import)

    lookup = with_db(actions.add_parser("lookup", help="find an item by barcode, PLU or SKU"))
    lookup.add_argument("code", help="GTIN-8/12/13/14, UPC-E, PLU, or sku:ID")
    lookup.set_defaults(func=_lookup)

    generate = actions.add_parser("generate", help="write a deterministic sample catalog CSV")
    generate.add_argument("out", help="the CSV file to write")
    generate.add_argument(
        "--count", type=int, default=None, help="number of items (default: the curated sample only)"
    )
    generate.add_argument("--seed", type=int, default=2026, help="random seed")
    generate.set_defaults(func=_generate)


def _config(args: argparse.Namespace) -> KioskConfig | None:
    if not (args.config or os.environ.get("KIOSK_CONFIG")):
        return None
    from kiosk.config import load_config

    return load_config(args.config)


def _db_path(args: argparse.Namespace, config: KioskConfig | None) -> Path:
    if args.db:
        return Path(args.db)
    if config is not None:
        return Path(config.store.path)
    return DEFAULT_DB


def _import(args: argparse.Namespace) -> int:
    from kiosk.store.catalog_import import import_csv
    from kiosk.store.db import connect

    config = _config(args)
    currency = args.currency or (config.lane.currency if config else "EUR")
    conn = connect(_db_path(args, config))
    try:
        result = import_csv(
            conn,
            args.file,
            currency=currency,
            replace=args.replace,
            progress=False if args.no_progress else None,
        )
    finally:
        conn.close()
    print(f"{args.file}: imported {result.items} items with {result.barcodes} barcodes")
    return 0


def _lookup(args: argparse.Namespace) -> int:
    from kiosk.cli import UserError
    from kiosk.store.catalog import CatalogRepository
    from kiosk.store.db import connect

    path = _db_path(args, _config(args))
    if not path.exists():
        raise UserError(f"{path}: no lane database here (import a catalog first)")
    conn = connect(path)
    try:
        repository = CatalogRepository(conn)
        if args.code.startswith("sku:"):
            item = repository.get(args.code[4:])
        else:
            item = repository.lookup(args.code)
    finally:
        conn.close()
    if item is None:
        print(f"{args.code}: not in the catalog")
        return 1
    unit = "/kg" if item.sold_by_weight else ""
    print(f"{item.sku}  {item.name('en')}  {item.price}{unit}  tax={item.tax_class}")
    for language, name in item.names:
        print(f"  name[{language}]: {name}")
    details = {
        "gtins": ", ".join(item.gtins) or "-",
        "plu": item.plu or "-",
        "category": item.category or "-",
        "age_limit": item.age_limit or "-",
        "quantity_limit": item.quantity_limit or "-",
        "deposit": item.deposit or "-",
    }
    for key, value in details.items():
        print(f"  {key}: {value}")
    return 0


def _generate(args: argparse.Namespace) -> int:
    from kiosk.cli import UserError
    from kiosk.store.sample_catalog import write_catalog_csv

    if args.count is not None and args.count < 0:
        raise UserError(f"--count must be 0 or more, got {args.count}")
    try:
        count = write_catalog_csv(args.out, args.count, args.seed)
    except OSError as error:
        raise UserError(f"{args.out}: cannot write: {error}") from error
    print(f"{args.out}: wrote {count} items")
    return 0
