"""Recalled batches in the lane store (table ``recall``, 0010): the lane's copy of HQ's list.

HQ sends recall changes (kiosk.sync.recalls_pull); :meth:`RecallRepository.apply_changes`
writes one page and its cursor (catalog_meta ``recalls_cursor``) in ONE transaction
(DESIGN.md invariant 5): a recall in force is upserted, a lifted one deleted.
:meth:`RecallRepository.recalled` reads the pairs for
:class:`kiosk.domain.checkout.sale_rules.SaleRules`, so a recall holds while HQ is down.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from kiosk.store.catalog import set_meta
from kiosk.store.db import write_transaction
from kiosk.store.errors import sqlite_errors

CURSOR_KEY = "recalls_cursor"


class RecallRepository:
    """Reads and writes recalled (GTIN-14, batch) pairs on one lane connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def cursor(self) -> int:
        """HQ's recalls cursor this store is up to date with (0 before the first pull)."""
        with sqlite_errors("reading the recalls cursor"):
            row = self._conn.execute(
                "SELECT value FROM catalog_meta WHERE key = ?", (CURSOR_KEY,)
            ).fetchone()
        return int(row[0]) if row is not None and str(row[0]).isdigit() else 0

    def apply_changes(
        self,
        recalled: Sequence[tuple[str, str, int]],
        lifted: Sequence[tuple[str, str]],
        cursor: int,
    ) -> None:
        """Upsert ``recalled`` (gtin14, batch, version), delete ``lifted`` (gtin14, batch)
        and set the cursor, all in one transaction.

        Raises:
            StoreError: if the store refuses the page (nothing of it is written).
        """
        with sqlite_errors(f"applying recalls up to {cursor}"), write_transaction(self._conn):
            self._conn.executemany(
                "INSERT INTO recall (gtin, batch, version) VALUES (?, ?, ?) "
                "ON CONFLICT (gtin, batch) DO UPDATE SET version = excluded.version",
                list(recalled),
            )
            self._conn.executemany("DELETE FROM recall WHERE gtin = ? AND batch = ?", list(lifted))
            set_meta(self._conn, CURSOR_KEY, str(cursor))

    def recalled(self) -> frozenset[tuple[str, str]]:
        """Every recalled (GTIN-14, batch) pair."""
        with sqlite_errors("reading recalls"):
            rows = self._conn.execute("SELECT gtin, batch FROM recall").fetchall()
        return frozenset((str(gtin), str(batch)) for gtin, batch in rows)


__all__ = ["CURSOR_KEY", "RecallRepository"]
