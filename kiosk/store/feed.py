"""The lane's copy of one of HQ's changes feeds: its cursor, and a page applied with it.

HQ sends offers, recalls and coupons as changes feeds (kiosk.sync.changes_feed): pages of
changes, each with the cursor it brings the lane up to. A repository of such a copy
(kiosk.store.offers, .recalls, .coupons) subclasses :class:`FeedRepository`, names its
catalog_meta key and its feed, and writes each page inside :meth:`FeedRepository._page`,
which stores the page's cursor in the same transaction (DESIGN.md invariant 5): a crash
between pages loses nothing and applies nothing twice.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import ClassVar

from kiosk.store.catalog import set_meta
from kiosk.store.db import write_transaction
from kiosk.store.errors import sqlite_errors


class FeedRepository:
    """A lane connection's copy of one changes feed; subclasses set the two names."""

    CURSOR_KEY: ClassVar[str]  # its catalog_meta key, e.g. "offers_cursor"
    FEED: ClassVar[str]  # its name in errors, e.g. "offers"

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def cursor(self) -> int:
        """HQ's cursor of the feed this store is up to date with (0 before the first pull)."""
        with sqlite_errors(f"reading the {self.FEED} cursor"):
            row = self._conn.execute(
                "SELECT value FROM catalog_meta WHERE key = ?", (self.CURSOR_KEY,)
            ).fetchone()
        return int(row[0]) if row is not None and str(row[0]).isdigit() else 0

    @contextmanager
    def _page(self, cursor: int) -> Iterator[sqlite3.Connection]:
        """One write transaction for a page: the block's writes, then ``cursor``.

        Raises:
            StoreError: if the store refuses the page (nothing of it is written).
        """
        with sqlite_errors(f"applying {self.FEED} up to {cursor}"), write_transaction(self._conn):
            yield self._conn
            set_meta(self._conn, self.CURSOR_KEY, str(cursor))


__all__ = ["FeedRepository"]
