"""The fast path for applying a page of catalog changes: SQLite reads HQ's JSON itself.

A first pull is a million entries; parsing each in Python and building a
:class:`CatalogItem` cost more than the SQL. Here the page's JSON text goes
straight into SQLite's ``json_each``: one query checks the shape of every entry
(types, PLU and GTIN-14 form; the catalog tables' CHECK constraints do the rest),
then a handful of set-based statements apply the page and move the cursor, all in
ONE transaction (DESIGN.md invariant 5). If an entry fails the shape check
(:class:`NotFast`) or SQLite refuses the page, nothing is written and the caller
applies the page item by item through :meth:`CatalogRepository.apply_changes`.

Rows use the store's encoding (``kiosk.store.codec.ITEM_COLUMNS``; names as the JSON
object HQ sent).
"""

from __future__ import annotations

import sqlite3

from kiosk.store.catalog import CURSOR_KEY, set_meta
from kiosk.store.codec import ITEM_COLUMNS
from kiosk.store.db import write_transaction

_FIELDS = (
    "sku",
    "deleted",
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
# One pass over the page's JSON: every entry becomes a typed row of a temporary table.
_STAGE = (
    "CREATE TEMP TABLE catalog_page AS SELECT e.type AS type, "
    + ", ".join(f"e.value ->> '{f}' AS {f}" for f in _FIELDS)
    + ", e.value -> 'names' AS names, e.value -> 'gtins' AS gtins "
    "FROM json_each(:page, '$.items') AS e"
)
_DIGITS = "NOT {0} GLOB '*[^0-9]*'"
_BAD_ENTRIES = f"""
SELECT count(*) FROM temp.catalog_page WHERE NOT coalesce(
  type = 'object' AND typeof(sku) = 'text' AND length(sku) > 0
  AND typeof(deleted) = 'integer'
  AND (deleted = 1 OR (
    json_type(names) = 'object' AND names <> '{{}}'
    AND typeof(price) = 'integer'
    AND typeof(currency) = 'text' AND length(currency) = 3
    AND typeof(tax_class) = 'text' AND length(tax_class) > 0
    AND typeof(unit) = 'text'
    AND typeof(age_limit) IN ('null', 'integer')
    AND typeof(quantity_limit) IN ('null', 'integer')
    AND typeof(deposit) IN ('null', 'integer')
    AND typeof(category) IN ('null', 'text')
    AND typeof(image) IN ('null', 'text')
    AND (plu IS NULL OR (typeof(plu) = 'text' AND length(plu) BETWEEN 4 AND 5
                         AND {_DIGITS.format("plu")}))
    AND json_type(gtins) = 'array'
    AND NOT EXISTS (SELECT 1 FROM json_each(gtins) g WHERE g.type <> 'text'
                    OR length(g.value) <> 14 OR NOT {_DIGITS.format("g.value")})
  )), 0)
"""
_LIVE = "SELECT * FROM temp.catalog_page WHERE deleted = 0"
_SELECT_COLUMNS = {"names": "json(names)", "category": "coalesce(category, '')"}
_UPSERT = (
    f"INSERT INTO catalog_item ({', '.join(ITEM_COLUMNS)}) SELECT "
    + ", ".join(_SELECT_COLUMNS.get(c, c) for c in ITEM_COLUMNS)
    + f" FROM ({_LIVE}) WHERE true ON CONFLICT (sku) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in ITEM_COLUMNS if c != "sku")
)
_DELETE_ITEMS = (
    "DELETE FROM catalog_item WHERE sku IN (SELECT sku FROM temp.catalog_page WHERE deleted = 1)"
)
_DELETE_BARCODES = f"DELETE FROM catalog_barcode WHERE sku IN (SELECT sku FROM ({_LIVE}))"
_INSERT_BARCODES = (
    "INSERT OR REPLACE INTO catalog_barcode (gtin14, sku) SELECT g.value, l.sku "
    f"FROM ({_LIVE}) AS l, json_each(l.gtins) AS g"
)
_COUNTS = (
    "SELECT coalesce(sum(deleted = 0), 0), coalesce(sum(deleted = 1), 0) FROM temp.catalog_page"
)


class NotFast(ValueError):
    """An entry needs the careful path (it may still be fine, or be skipped there)."""


def apply_page_text(conn: sqlite3.Connection, page: str, cursor: str) -> tuple[int, int]:
    """Apply the page (HQ's JSON text) and the cursor in one transaction; return
    (upserts, deletes).

    Raises:
        NotFast: if the text is not JSON or an entry needs the careful path.
        sqlite3.Error: if a constraint refused the page (nothing was written).
    """
    if not conn.execute("SELECT json_valid(?)", (page,)).fetchone()[0]:
        raise NotFast("the page is not valid JSON")
    with write_transaction(conn):
        conn.execute("DROP TABLE IF EXISTS temp.catalog_page")
        conn.execute(_STAGE, {"page": page})
        try:
            bad = conn.execute(_BAD_ENTRIES).fetchone()[0]
            if bad:
                raise NotFast(f"{bad} entries need checking one by one")
            upserts, deletes = conn.execute(_COUNTS).fetchone()
            conn.execute(_DELETE_ITEMS)
            conn.execute(_UPSERT)
            conn.execute(_DELETE_BARCODES)
            conn.execute(_INSERT_BARCODES)
            set_meta(conn, CURSOR_KEY, cursor)
        finally:
            conn.execute("DROP TABLE temp.catalog_page")
    return int(upserts), int(deletes)
