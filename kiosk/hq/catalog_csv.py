"""Import the master catalog from CSV into HQ (``kiosk hq catalog import FILE``).

Columns (the same as the lane's catalog CSV): sku, gtin (``|`` separated, any GTIN
form; stored as GTIN-14), plu, name_en, name_es, name_fr, price (decimal major
units, e.g. 1.99), tax_class, unit (each|weight), age_limit, quantity_limit,
deposit, category, image. Rules are those of :class:`kiosk.domain.catalog.CatalogItem`.

The whole file is imported in ONE transaction: a bad row anywhere rolls it all
back and the error names the line and the column.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from kiosk.domain.catalog import CatalogError, CatalogItem, SaleUnit
from kiosk.domain.catalog_format import CATALOG_CSV_HEADER
from kiosk.domain.gtin import BarcodeError, to_gtin14
from kiosk.domain.money import Money, MoneyError
from kiosk.hq import catalog
from kiosk.hq.db import write_transaction
from kiosk.hq.errors import CatalogImportError, HqError
from kiosk.hq.fields import check_printable
from kiosk.hq.tables import CSV, catalog_item

COLUMNS = CATALOG_CSV_HEADER  # the lane's catalog CSV format, one definition
_LANGUAGES = ("en", "es", "fr")
_CHUNK = 5000


def parse_row(row: dict[str, str], currency: str) -> dict[str, Any]:
    """One CSV row as a catalog row (see ``kiosk.hq.catalog.CONTENT``).

    Raises:
        ValueError: naming the column that is wrong.
    """

    def cell(name: str) -> str:
        return (row.get(name) or "").strip()

    def optional_int(name: str) -> int | None:
        text = cell(name)
        if not text:
            return None
        if not text.isdigit():
            raise ValueError(f"column {name}: {text!r} is not a whole number")
        return int(text)

    try:
        # "gtin" as in the lane's catalog CSV; "gtins" is accepted for older files.
        codes = (cell("gtin") or cell("gtins")).split("|")
        gtins = tuple(to_gtin14(code.strip()) for code in codes if code.strip())
        deposit = Money.parse(cell("deposit"), currency) if cell("deposit") else None
        unit = cell("unit") or "each"
        item = CatalogItem(
            sku=cell("sku"),
            names=tuple(
                (lang, cell(f"name_{lang}")) for lang in _LANGUAGES if cell(f"name_{lang}")
            ),
            price=Money.parse(cell("price"), currency),
            tax_class=cell("tax_class"),
            gtins=gtins,
            plu=cell("plu") or None,
            unit=SaleUnit(unit),
            age_limit=optional_int("age_limit"),
            quantity_limit=optional_int("quantity_limit"),
            deposit=deposit,
            category=cell("category"),
            image=cell("image") or None,
        )
    except (CatalogError, BarcodeError, MoneyError) as error:
        raise ValueError(str(error)) from None
    except ValueError as error:
        raise ValueError(f"{error}") from None
    if not item.tax_class:
        raise ValueError("column tax_class: empty")
    if item.deposit is not None and item.deposit.minor < 0:
        raise ValueError("column deposit: negative")  # lanes refuse it, so would every sale
    return _fits(
        {
            "sku": item.sku,
            "names": json.dumps(dict(item.names), ensure_ascii=False),
            "price": item.price.minor,
            "currency": currency,
            "tax_class": item.tax_class,
            "unit": item.unit.value,
            "gtins": json.dumps(list(item.gtins)),
            "plu": item.plu,
            "age_limit": item.age_limit,
            "quantity_limit": item.quantity_limit,
            "deposit": item.deposit.minor if item.deposit else None,
            "category": item.category,
            "image": item.image,
            "deleted": False,
        }
    )


# Text columns the import fills, with the length each holds (tables.py is the one truth).
_LIMITS = {c.name: c.type.length for c in catalog_item.columns if c.info == CSV}


def _fits(row: dict[str, Any]) -> dict[str, Any]:
    """``row`` unchanged if every text value is printable and fits its column.

    Raises:
        ValueError: naming the column (PostgreSQL would refuse the whole import).
    """
    for name, limit in _LIMITS.items():
        value = row[name]
        if value is None:
            continue
        if len(value) > limit:
            raise ValueError(f"column {name}: {len(value)} characters, at most {limit}")
        try:
            check_printable(value)
        except ValueError as error:  # PydanticCustomError is a ValueError
            raise ValueError(f"column {name}: {error}") from None
    return row


def read_rows(path: Path, currency: str) -> Iterator[dict[str, Any]]:
    """Parsed rows of the CSV file.

    Raises:
        CatalogImportError: naming the file, line and problem.
    """
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            missing = [
                c for c in ("sku", "price", "tax_class") if c not in (reader.fieldnames or [])
            ]
            if missing:
                raise CatalogImportError(
                    f"{path}: missing column(s) {', '.join(missing)}; expected {', '.join(COLUMNS)}"
                )
            for row in reader:
                try:
                    yield parse_row(row, currency)
                except ValueError as error:
                    raise CatalogImportError(f"{path}:{reader.line_num}: {error}") from None
    except OSError as error:
        raise CatalogImportError(f"{path}: cannot read: {error}") from error
    except (UnicodeDecodeError, csv.Error) as error:
        raise CatalogImportError(f"{path}: not a UTF-8 CSV file: {error}") from error


def import_csv(
    engine: sa.Engine,
    path: Path,
    currency: str,
    *,
    replace: bool = False,
    progress: Callable[[int], None] | None = None,
) -> tuple[int, int]:
    """Import ``path``; return (rows read, items changed). With ``replace``, items not in
    the file are deleted. ``progress(n)`` is called after each chunk of n rows.

    Raises:
        CatalogImportError: for a bad file or row (nothing is written).
        HqError: if the database fails.
    """
    read = changed = 0
    seen: set[str] = set()
    try:
        with write_transaction(engine) as conn:
            chunk: list[dict[str, Any]] = []
            for row in read_rows(path, currency):
                if row["sku"] in seen:
                    raise CatalogImportError(f"{path}: sku {row['sku']!r} appears twice")
                seen.add(row["sku"])
                chunk.append(row)
                if len(chunk) >= _CHUNK:
                    changed += catalog.upsert_items(conn, chunk)
                    read += len(chunk)
                    if progress:
                        progress(len(chunk))
                    chunk = []
            changed += catalog.upsert_items(conn, chunk)
            read += len(chunk)
            if progress and chunk:
                progress(len(chunk))
            if replace:
                changed += catalog.delete_missing(conn, seen)
    except sa.exc.IntegrityError as error:
        raise CatalogImportError(f"{path}: {error.orig}") from error
    except sa.exc.SQLAlchemyError as error:
        raise HqError(f"catalog import failed: {error}") from error
    return read, changed
