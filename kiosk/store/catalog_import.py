"""Bulk catalog import from CSV: all rows or none.

CSV format (UTF-8, comma separated, first row is the header, column order free):

==============  =========  ==========================================================
column          required   meaning
==============  =========  ==========================================================
sku             yes        the store's item id, unique in the file
gtin            no         GTIN-8/12/13/14 or UPC-E codes separated by ``|``
plu             no         4-5 digit produce code (4011 bananas), unique
name_en ...     one+       ``name_<language>``: name_en, name_es, name_fr, ... (any
                           number; empty cells are skipped, at least one must be set)
price           yes        decimal in major units ("1.99"); per kg when unit=weight
tax_class       yes        key of the lane's tax table ("standard", "reduced", ...)
unit            no         ``each`` (default) or ``weight``
age_limit       no         minimum buyer age in years (18), empty for none
quantity_limit  no         most units per basket, empty for none
deposit         no         container deposit per unit, decimal major units ("0.10")
category        no         grid group ("produce", "bakery", ...)
image           no         asset file name of the picture
==============  =========  ==========================================================

All prices are in one currency, given to :func:`import_csv` (the lane's).

Atomicity (the choice made here): the whole file is imported in ONE
``BEGIN IMMEDIATE`` transaction. Every row is checked; if any row is bad the
transaction is rolled back and :class:`CatalogImportError` lists each bad value
as (row number, column, what is wrong), the header being row 1. So a file is
either imported completely or not at all, never half. Items already in the
catalog and not in the file are kept (merge) unless ``replace=True``. The
lane's write lock is held for the duration (seconds for 10^5 items), so run
big imports when the lane is closed; HQ changes arrive through the sync
puller in small batches instead.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kiosk.domain.catalog import CatalogItem
from kiosk.store.catalog import set_meta
from kiosk.store.catalog_csv import CatalogCsvReader
from kiosk.store.codec import ITEM_COLUMNS, item_to_row, utc_now
from kiosk.store.db import write_transaction
from kiosk.store.errors import CatalogImportError, StoreError, sqlite_errors

log = logging.getLogger(__name__)

BATCH = 5000

_INSERT_ITEM = (
    f"INSERT INTO catalog_item ({', '.join(ITEM_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(ITEM_COLUMNS))}) ON CONFLICT (sku) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in ITEM_COLUMNS if c != "sku")
)


@dataclass(frozen=True)
class ImportResult:
    """What an import did: ``items`` rows stored with ``barcodes`` GTINs."""

    items: int
    barcodes: int


def import_csv(
    conn: sqlite3.Connection,
    path: Path | str,
    *,
    currency: str = "EUR",
    replace: bool = False,
    progress: bool | None = None,
) -> ImportResult:
    """Import the CSV file at ``path`` into the catalog, all rows or none.

    Args:
        conn: a connection from :func:`kiosk.store.db.connect`.
        path: the CSV file (format in this module's docstring).
        currency: ISO 4217 code of every price in the file.
        replace: remove items that are not in the file (the file becomes the catalog).
        progress: show a tqdm bar on stderr (None: only when stderr is a terminal).

    Raises:
        CatalogImportError: listing bad rows (row number, column, problem); nothing stored.
        StoreError: if the file cannot be read or the database write fails.
    """
    path = Path(path)
    try:
        total = _count_lines(path) - 1
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        raise StoreError(f"{path}: cannot read the catalog file: {error}") from error
    from tqdm import tqdm

    with (
        handle,
        tqdm(
            total=max(total, 0),
            unit="rows",
            desc="catalog import",
            disable=(None if progress is None else not progress),
            mininterval=0.5,
        ) as bar,
        _big_cache(conn),
    ):
        rows = CatalogCsvReader(handle, str(path), currency)
        with sqlite_errors(f"importing {path}"), write_transaction(conn):
            triggers = _drop_search_triggers(conn)
            if replace:
                conn.execute("DELETE FROM catalog_barcode")
                conn.execute("DELETE FROM catalog_item")
            fresh = conn.execute("SELECT NOT EXISTS (SELECT 1 FROM catalog_item)").fetchone()[0]
            indexes = _drop_secondary_indexes(conn) if fresh else []
            items = barcodes = 0
            for batch in rows.batches(BATCH):
                bar.update(len(batch))
                if rows.bad_rows:
                    continue  # keep checking the rest of the file to report every bad row
                items += len(batch)
                barcodes += _write_batch(conn, batch, fresh=bool(fresh))
            if rows.bad_rows:
                raise CatalogImportError(str(path), rows.problems, rows.bad_rows)
            for sql in indexes:
                conn.execute(sql)
            _rebuild_search(conn, triggers)
            set_meta(conn, "imported_at", utc_now())
            set_meta(conn, "source", path.name)
    log.info("imported %d items, %d barcodes from %s", items, barcodes, path)
    return ImportResult(items, barcodes)


def _drop_search_triggers(conn: sqlite3.Connection) -> list[str]:
    """Drop the per-row name-index triggers (inside the import transaction); return their SQL.

    Rebuilding the FTS index once is ~8x faster than a trigger per row. The
    triggers come back in the same transaction, so no one ever sees them missing.
    """
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
        "AND tbl_name = 'catalog_item' AND name LIKE '%search%'"
    ).fetchall()
    for name, _ in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    return [sql for _, sql in triggers]


def _drop_secondary_indexes(conn: sqlite3.Connection) -> list[str]:
    """Drop the catalog's own indexes for a load into an empty catalog; return their SQL.

    Building an index once, sorted, beats updating it a million times. The file
    was checked for duplicate PLUs, so re-creating the unique PLU index cannot fail.
    """
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        "AND tbl_name IN ('catalog_item', 'catalog_barcode')"
    ).fetchall()
    for name, _ in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    return [sql for _, sql in indexes]


def _rebuild_search(conn: sqlite3.Connection, triggers: list[str]) -> None:
    conn.execute("DELETE FROM catalog_search")
    conn.execute(
        "INSERT INTO catalog_search (rowid, names) SELECT rowid, "
        "(SELECT group_concat(value, ' ') FROM json_each(names)) FROM catalog_item"
    )
    for sql in triggers:
        conn.execute(sql)


@contextlib.contextmanager
def _big_cache(conn: sqlite3.Connection) -> Iterator[None]:
    """A 256 MB page cache while importing (B-tree pages stop spilling), then the old size."""
    old = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute("PRAGMA cache_size = -262144")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {int(old)}")


def _write_batch(conn: sqlite3.Connection, batch: list[CatalogItem], *, fresh: bool) -> int:
    conn.executemany(_INSERT_ITEM, [item_to_row(item) for item in batch])
    if not fresh:  # an item already in the catalog: its new GTIN set replaces the old one
        conn.executemany("DELETE FROM catalog_barcode WHERE sku = ?", [(i.sku,) for i in batch])
    pairs = [(gtin, item.sku) for item in batch for gtin in item.gtins]
    conn.executemany("INSERT OR REPLACE INTO catalog_barcode (gtin14, sku) VALUES (?, ?)", pairs)
    return len(pairs)


def _count_lines(path: Path) -> int:
    count = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            count += chunk.count(b"\n")
    return count
