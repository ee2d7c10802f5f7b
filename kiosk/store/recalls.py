"""Recalled batches in the lane store (table ``recall``, 0010): the lane's copy of HQ's list.

HQ sends recall changes (kiosk.sync.recalls_pull); :meth:`RecallRepository.apply_changes`
writes one page and its cursor (catalog_meta ``recalls_cursor``) in ONE transaction
(DESIGN.md invariant 5): a recall in force is upserted, a lifted one deleted.
:meth:`RecallRepository.recalled` reads the pairs for
:class:`kiosk.domain.checkout.sale_rules.SaleRules`, so a recall holds while HQ is down.
"""

from __future__ import annotations

from collections.abc import Sequence

from kiosk.store.errors import sqlite_errors
from kiosk.store.feed import FeedRepository

CURSOR_KEY = "recalls_cursor"


class RecallRepository(FeedRepository):
    """Reads and writes recalled (GTIN-14, batch) pairs on one lane connection."""

    CURSOR_KEY = CURSOR_KEY
    FEED = "recalls"

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
        with self._page(cursor):
            self._conn.executemany(
                "INSERT INTO recall (gtin, batch, version) VALUES (?, ?, ?) "
                "ON CONFLICT (gtin, batch) DO UPDATE SET version = excluded.version",
                list(recalled),
            )
            self._conn.executemany("DELETE FROM recall WHERE gtin = ? AND batch = ?", list(lifted))

    def recalled(self) -> frozenset[tuple[str, str]]:
        """Every recalled (GTIN-14, batch) pair."""
        with sqlite_errors("reading recalls"):
            rows = self._conn.execute("SELECT gtin, batch FROM recall").fetchall()
        return frozenset((str(gtin), str(batch)) for gtin, batch in rows)


__all__ = ["CURSOR_KEY", "RecallRepository"]
