"""How domain values are written into SQLite rows and JSON snapshots, and read back.

One place owns the encoding of a :class:`CatalogItem` (catalog rows, the item
snapshot kept with each journaled basket line) so that what is read back is
exactly what was written. Money is stored as integer minor units plus the
currency code; names as a JSON object ``{"en": "Bananas", "es": "Plátanos"}``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from kiosk import clock
from kiosk.domain.catalog import CatalogItem, SaleUnit
from kiosk.domain.money import Money
from kiosk.store.errors import StoreError

# Column order of catalog_item as written by every insert in this package.
ITEM_COLUMNS = (
    "sku",
    "names",
    "price",
    "currency",
    "tax_class",
    "unit",
    "age_limit",
    "quantity_limit",
    "deposit",
    "category",
    "image",
    "plu",
)


def utc_now() -> str:
    """The current time as UTC ISO 8601 with a "Z" (the one format the store writes)."""
    return clock.utc_now().strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def names_to_json(names: tuple[tuple[str, str], ...]) -> str:
    return json.dumps(dict(names), ensure_ascii=False, separators=(",", ":"))


def item_to_row(item: CatalogItem) -> tuple[Any, ...]:
    """The catalog_item row (in :data:`ITEM_COLUMNS` order) for ``item``."""
    return (
        item.sku,
        names_to_json(item.names),
        item.price.minor,
        item.price.currency,
        item.tax_class,
        item.unit.value,
        item.age_limit,
        item.quantity_limit,
        None if item.deposit is None else item.deposit.minor,
        item.category,
        item.image,
        item.plu,
    )


def item_from_row(row: Mapping[str, Any] | Any, gtins: tuple[str, ...]) -> CatalogItem:
    """Build the item from a catalog_item row and its GTIN-14s.

    Raises:
        StoreError: if the stored row breaks a catalog rule (a damaged or hand-edited file).
    """
    try:
        currency = row["currency"]
        deposit = row["deposit"]
        return CatalogItem(
            sku=row["sku"],
            names=tuple(json.loads(row["names"]).items()),
            price=Money(row["price"], currency),
            tax_class=row["tax_class"],
            gtins=gtins,
            plu=row["plu"],
            unit=SaleUnit(row["unit"]),
            age_limit=row["age_limit"],
            quantity_limit=row["quantity_limit"],
            deposit=None if deposit is None else Money(deposit, currency),
            category=row["category"],
            image=row["image"],
        )
    except (ValueError, TypeError, AttributeError) as error:
        raise StoreError(f"catalog item {row['sku']!r} is stored wrongly: {error}") from error


def item_to_json(item: CatalogItem) -> str:
    """A self-contained JSON snapshot of ``item`` (kept with each journaled line)."""
    return json.dumps(
        {
            "sku": item.sku,
            "names": [list(pair) for pair in item.names],
            "price": item.price.minor,
            "currency": item.price.currency,
            "tax_class": item.tax_class,
            "gtins": list(item.gtins),
            "plu": item.plu,
            "unit": item.unit.value,
            "age_limit": item.age_limit,
            "quantity_limit": item.quantity_limit,
            "deposit": None if item.deposit is None else item.deposit.minor,
            "category": item.category,
            "image": item.image,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def item_from_json(text: str) -> CatalogItem:
    """The item written by :func:`item_to_json`.

    Raises:
        StoreError: if the snapshot is not one (a damaged or hand-edited file).
    """
    try:
        data = json.loads(text)
        currency = data["currency"]
        deposit = data["deposit"]
        return CatalogItem(
            sku=data["sku"],
            names=tuple((str(lang), str(name)) for lang, name in data["names"]),
            price=Money(data["price"], currency),
            tax_class=data["tax_class"],
            gtins=tuple(data["gtins"]),
            plu=data["plu"],
            unit=SaleUnit(data["unit"]),
            age_limit=data["age_limit"],
            quantity_limit=data["quantity_limit"],
            deposit=None if deposit is None else Money(deposit, currency),
            category=data["category"],
            image=data["image"],
        )
    except (ValueError, TypeError, KeyError) as error:
        raise StoreError(f"journaled item snapshot is unreadable: {error}") from error
