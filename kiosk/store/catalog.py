"""The catalog repository: find items by SKU, by any barcode form, by PLU, by name.

Theory of operation: an item is one ``catalog_item`` row (names as a JSON
object); each of its GTINs is a ``catalog_barcode`` row keyed by the GTIN-14
(a WITHOUT ROWID primary key: one B-tree descent per scan); a PLU is a unique
column of the item. Every scanned form (EAN-8, UPC-E, UPC-A, EAN-13, GTIN-14,
a 4-5 digit PLU) is normalised here with :mod:`kiosk.domain.gtin` before it
is looked up. Name search uses the FTS5 table ``catalog_search`` that triggers
keep in step with the items.

Writes (:meth:`CatalogRepository.upsert`, :meth:`CatalogRepository.apply_changes`)
each run in one ``BEGIN IMMEDIATE`` transaction; ``apply_changes`` advances
the catalog cursor in the same transaction as the changes it covers (DESIGN.md
invariant 5). Bulk file loads live in :mod:`kiosk.store.catalog_import`.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from kiosk.domain.catalog import CatalogItem
from kiosk.domain.gtin import (
    BarcodeError,
    NotAProductCode,
    expand_upce,
    is_valid_gtin,
    to_gtin14,
)
from kiosk.store.codec import ITEM_COLUMNS, item_from_row, item_to_row
from kiosk.store.db import write_transaction
from kiosk.store.errors import StoreError, sqlite_errors

CURSOR_KEY = "cursor"

_SELECT_ITEM = (
    "SELECT i.*, (SELECT group_concat(b.gtin14, ' ') FROM catalog_barcode b "
    "WHERE b.sku = i.sku) AS gtins FROM catalog_item i"
)
_UPSERT_ITEM = (
    f"INSERT INTO catalog_item ({', '.join(ITEM_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(ITEM_COLUMNS))}) ON CONFLICT (sku) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in ITEM_COLUMNS if c != "sku")
)
_WORD = re.compile(r"\w+")


def barcode_candidates(code: str) -> tuple[list[str], str | None]:
    """The GTIN-14s a scanned ``code`` may stand for, and the PLU it may be.

    An 8-digit code is tried as EAN-8 and as UPC-E (both can be valid); a 4-5
    digit code is a PLU; 12, 13 and 14 digits are UPC-A, EAN-13 and GTIN-14.

    Raises:
        NotAProductCode: if the code is not all digits.
        BarcodeError: if the code is none of these (wrong length, wrong check digit).
    """
    code = code.strip()
    if not (code.isascii() and code.isdigit()):
        # Never echo it: text at the scanner may be personal (a document, a card).
        raise NotAProductCode(f"a code of {len(code)} characters that are not all digits")
    if len(code) in (4, 5):
        return [], code
    if len(code) == 8:
        candidates = [code.zfill(14)] if is_valid_gtin(code) else []
        if code[0] in "01":
            with contextlib.suppress(BarcodeError):
                candidates.append(expand_upce(code).zfill(14))
        if not candidates:
            raise BarcodeError(
                f"{code!r} is neither a valid EAN-8 nor a valid UPC-E (check digit wrong)"
            )
        return candidates, None
    return [to_gtin14(code)], None


class CatalogRepository:
    """Reads and writes the catalog on one connection from :func:`kiosk.store.db.connect`."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    # ------------------------------------------------------------ reads
    def get(self, sku: str) -> CatalogItem | None:
        """The item with this SKU, or None.

        Raises:
            StoreError: if the database cannot be read.
        """
        return self._one(f"{_SELECT_ITEM} WHERE i.sku = ?", (sku,), f"reading item {sku!r}")

    def lookup(self, code: str) -> CatalogItem | None:
        """The item a scanned or typed code stands for (any GTIN form or a PLU), or None.

        Raises:
            BarcodeError: if ``code`` is not a well-formed barcode or PLU.
            StoreError: if the database cannot be read.
        """
        gtins, plu = barcode_candidates(code)
        if plu is not None:
            return self.by_plu(plu)
        for gtin14 in gtins:
            item = self._one(
                f"{_SELECT_ITEM} JOIN catalog_barcode k ON k.sku = i.sku WHERE k.gtin14 = ?",
                (gtin14,),
                f"looking up {code!r}",
            )
            if item is not None:
                return item
        return None

    def by_plu(self, plu: str) -> CatalogItem | None:
        """The item with this PLU (4-5 digits), or None."""
        return self._one(f"{_SELECT_ITEM} WHERE i.plu = ?", (plu,), f"looking up PLU {plu!r}")

    def search(
        self, text: str, *, category: str | None = None, limit: int = 50
    ) -> list[CatalogItem]:
        """Items whose name in any language has words starting with each word of ``text``.

        Accents and case are ignored ("platano" finds "Plátanos"). Best matches first.

        Raises:
            StoreError: if the database cannot be read.
        """
        words = _WORD.findall(text)
        if not words:
            return []
        query = " ".join(f'"{word}"*' for word in words)
        where = "catalog_search MATCH ?"
        params: list[Any] = [query]
        if category is not None:
            where += " AND i.category = ?"
            params.append(category)
        sql = (
            f"{_SELECT_ITEM} JOIN catalog_search s ON s.rowid = i.rowid WHERE {where} "
            "ORDER BY s.rank LIMIT ?"
        )
        return self._many(sql, (*params, limit), f"searching names for {text!r}")

    def by_category(self, category: str, *, limit: int | None = None) -> list[CatalogItem]:
        """Items of ``category`` ordered by SKU (the produce and bakery grids)."""
        sql = f"{_SELECT_ITEM} WHERE i.category = ? ORDER BY i.sku LIMIT ?"
        return self._many(
            sql, (category, -1 if limit is None else limit), f"listing category {category!r}"
        )

    def categories(self) -> list[str]:
        """Every non-empty category name, sorted."""
        with sqlite_errors("listing categories"):
            rows = self._conn.execute(
                "SELECT DISTINCT category FROM catalog_item WHERE category != '' ORDER BY category"
            ).fetchall()
        return [row[0] for row in rows]

    def count(self) -> int:
        """How many items the catalog holds."""
        with sqlite_errors("counting items"):
            return int(self._conn.execute("SELECT count(*) FROM catalog_item").fetchone()[0])

    def meta(self, key: str) -> str | None:
        """A catalog_meta value ('cursor', 'imported_at', 'source'), or None."""
        with sqlite_errors(f"reading catalog meta {key!r}"):
            row = self._conn.execute(
                "SELECT value FROM catalog_meta WHERE key = ?", (key,)
            ).fetchone()
        return None if row is None else str(row[0])

    def cursor(self) -> str | None:
        """HQ's change cursor the catalog is up to date with, or None before the first pull."""
        return self.meta(CURSOR_KEY)

    # ------------------------------------------------------------ writes
    def upsert(self, items: Iterable[CatalogItem]) -> int:
        """Insert or replace ``items`` (and their barcodes) in one transaction; return the count.

        Raises:
            StoreError: if an item breaks a constraint (a PLU or GTIN already used
                by another item in the same batch); nothing is written then.
        """
        return self.apply_changes(items, (), None)

    def apply_changes(
        self,
        upserts: Iterable[CatalogItem],
        deletes: Sequence[str],
        cursor: str | None,
        *,
        skipped: list[str] | None = None,
    ) -> int:
        """Apply a batch of catalog changes and advance the cursor, all in ONE transaction.

        Args:
            upserts: items to insert or replace (their GTIN set replaces the old one;
                a GTIN that belonged to another item moves to this one).
            deletes: SKUs to remove (missing ones are ignored).
            cursor: the new cursor value, or None to leave it unchanged.
            skipped: if given, an item that breaks a constraint (a PLU already used
                by another item) is left out and described here, and the rest of
                the batch and the cursor still commit (one bad item from HQ must not
                stop the catalog for good).

        Returns:
            How many items were upserted.

        Raises:
            StoreError: on a constraint failure (e.g. a PLU already used by another
                item); the whole batch is rolled back, the cursor does not move.
        """
        count = 0
        with sqlite_errors("applying catalog changes"), write_transaction(self._conn) as conn:
            for item in upserts:
                if skipped is None:
                    write_item(conn, item)
                elif not _write_or_skip(conn, item, skipped):
                    continue
                count += 1
            conn.executemany("DELETE FROM catalog_item WHERE sku = ?", [(s,) for s in deletes])
            if cursor is not None:
                set_meta(conn, CURSOR_KEY, cursor)
        return count

    # ------------------------------------------------------------ helpers
    def _one(self, sql: str, params: Sequence[Any], what: str) -> CatalogItem | None:
        with sqlite_errors(what):
            row = self._conn.execute(sql, params).fetchone()
        return None if row is None else _item(row)

    def _many(self, sql: str, params: Sequence[Any], what: str) -> list[CatalogItem]:
        with sqlite_errors(what):
            rows = self._conn.execute(sql, params).fetchall()
        return [_item(row) for row in rows]


def write_item(conn: sqlite3.Connection, item: CatalogItem) -> None:
    """Upsert one item and replace its barcodes (inside the caller's transaction).

    Raises:
        BarcodeError: if one of the item's GTINs is malformed.
        sqlite3.Error: on a constraint failure (the caller maps it).
    """
    conn.execute(_UPSERT_ITEM, item_to_row(item))
    conn.execute("DELETE FROM catalog_barcode WHERE sku = ?", (item.sku,))
    conn.executemany(
        "INSERT OR REPLACE INTO catalog_barcode (gtin14, sku) VALUES (?, ?)",
        [(to_gtin14(gtin), item.sku) for gtin in item.gtins],
    )


def _write_or_skip(conn: sqlite3.Connection, item: CatalogItem, skipped: list[str]) -> bool:
    """Write ``item`` under a savepoint; on a constraint failure undo just it."""
    conn.execute("SAVEPOINT catalog_item")
    try:
        write_item(conn, item)
    except sqlite3.IntegrityError as error:
        conn.execute("ROLLBACK TO catalog_item")
        conn.execute("RELEASE catalog_item")
        skipped.append(f"{item.sku}: {error}")
        return False
    conn.execute("RELEASE catalog_item")
    return True


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    """Set a catalog_meta value (inside the caller's transaction)."""
    conn.execute(
        "INSERT INTO catalog_meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def _item(row: sqlite3.Row) -> CatalogItem:
    gtins = row["gtins"]
    return item_from_row(row, tuple(sorted(gtins.split())) if gtins else ())


__all__ = ["CatalogRepository", "StoreError", "barcode_candidates", "set_meta", "write_item"]
