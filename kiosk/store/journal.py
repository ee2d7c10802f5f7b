"""The open-basket journal: every basket change is on disk before the screen shows it.

Theory of operation (DESIGN.md invariant 2): a basket being sold is one
``open_basket`` row; each :class:`BasketLine` is one ``open_basket_line`` row
keyed by ``(basket_id, line_no)`` holding a JSON snapshot of the item as it
was scanned. Every change (start, a new or changed line, discard) is its own
``BEGIN IMMEDIATE`` transaction, committed with ``synchronous=FULL`` before
the call returns. A line is *upserted*, never appended, so replaying a change
after a crash cannot double it. After a restart :meth:`BasketJournal.restore`
rebuilds each open basket with :meth:`Basket.from_lines`, equal to the basket
whose lines were last recorded. The open basket disappears in the transaction
that stores its sale (:mod:`kiosk.store.sales`) or by :meth:`discard`; baskets
left without a line by a crash go at the next start (:meth:`discard_empty`).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kiosk.domain.basket import Basket, BasketError, BasketLine
from kiosk.domain.money import Money
from kiosk.store.aside_journal import aside_of, record_aside
from kiosk.store.codec import item_from_json, item_to_json, utc_now
from kiosk.store.db import write_transaction
from kiosk.store.errors import StoreError, sqlite_errors

log = logging.getLogger(__name__)

_UPSERT_LINE = """
INSERT INTO open_basket_line (basket_id, line_no, item, quantity, weight_g, unit_price,
    currency, voided, price_override_reason, scanned_code, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (basket_id, line_no) DO UPDATE SET
    item = excluded.item, quantity = excluded.quantity, weight_g = excluded.weight_g,
    unit_price = excluded.unit_price, currency = excluded.currency, voided = excluded.voided,
    price_override_reason = excluded.price_override_reason,
    scanned_code = excluded.scanned_code, updated_at = excluded.updated_at
"""


@dataclass(frozen=True)
class OpenBasket:
    """A restored basket and when it was started (UTC ISO 8601)."""

    basket: Basket
    started_at: str
    updated_at: str


class BasketJournal:
    """Journals open baskets on one connection from :func:`kiosk.store.db.connect`."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def start(self, basket_id: str, currency: str, started_at: str | None = None) -> None:
        """Record that a basket was opened (a repeated start of the same id is a no-op).

        Raises:
            StoreError: if the write fails.
        """
        at = started_at or utc_now()
        with sqlite_errors(f"starting basket {basket_id}"), write_transaction(self._conn):
            self._conn.execute(
                "INSERT INTO open_basket (basket_id, currency, started_at, updated_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (basket_id) DO NOTHING",
                (basket_id, currency, at, at),
            )

    def record(self, basket_id: str, *lines: BasketLine) -> None:
        """Store the current state of ``lines`` (new or changed) in one durable transaction.

        Raises:
            StoreError: if the basket was not started or the write fails.
        """
        at = utc_now()
        with sqlite_errors(f"journaling basket {basket_id}"), write_transaction(self._conn):
            updated = self._conn.execute(
                "UPDATE open_basket SET updated_at = ? WHERE basket_id = ?", (at, basket_id)
            )
            if updated.rowcount != 1:
                raise StoreError(f"basket {basket_id} is not open in the journal")
            self._conn.executemany(_UPSERT_LINE, [_line_row(basket_id, ln, at) for ln in lines])

    def record_aside(self, basket_id: str, entries: Iterable[Any]) -> None:
        """Store the basket's items put aside (kiosk.store.aside_journal). Raises StoreError."""
        record_aside(self._conn, basket_id, entries)

    def aside_of(self, basket_id: str) -> tuple[tuple[datetime, str], ...]:
        """The basket's items put aside as journaled, oldest first. Raises StoreError."""
        return aside_of(self._conn, basket_id)

    def discard(self, basket_id: str) -> bool:
        """Remove an open basket without a sale (attendant void); True if it existed."""
        with sqlite_errors(f"discarding basket {basket_id}"), write_transaction(self._conn):
            return delete_open_basket(self._conn, basket_id)

    def discard_empty(self) -> int:
        """Remove every open basket that has no line (call at start-up); return how many.

        A basket is journaled as soon as it is opened, before its first line: a lane
        that dies in between (or whose first scan was refused) leaves an empty
        ``open_basket`` row that no restart restores and none would ever remove.
        No payment can belong to one: paying needs a line.

        Raises:
            StoreError: if the write fails.
        """
        with sqlite_errors("discarding empty open baskets"), write_transaction(self._conn):
            removed = self._conn.execute(
                "DELETE FROM open_basket WHERE NOT EXISTS (SELECT 1 FROM open_basket_line l "
                "WHERE l.basket_id = open_basket.basket_id)"
            ).rowcount
        if removed:
            log.info("discarded %d empty open basket(s) left by earlier runs", removed)
        return removed

    def restore(self) -> list[Basket]:
        """Every open basket, oldest first, exactly as last journaled.

        Raises:
            StoreError: if a journaled line cannot be rebuilt (damaged file).
        """
        return [open_basket.basket for open_basket in self.open_baskets()]

    def open_baskets(self) -> list[OpenBasket]:
        """Like :meth:`restore`, with each basket's start and last-change times."""
        with sqlite_errors("restoring open baskets"):
            heads = self._conn.execute(
                "SELECT basket_id, currency, started_at, updated_at FROM open_basket "
                "ORDER BY started_at, basket_id"
            ).fetchall()
            lines = self._conn.execute(
                "SELECT * FROM open_basket_line ORDER BY basket_id, line_no"
            ).fetchall()
        by_basket: dict[str, list[BasketLine]] = {}
        for row in lines:
            by_basket.setdefault(row["basket_id"], []).append(_line_from_row(row))
        result = []
        for head in heads:
            basket_id = head["basket_id"]
            try:
                basket = Basket.from_lines(
                    basket_id, head["currency"], tuple(by_basket.get(basket_id, ()))
                )
            except (BasketError, ValueError) as error:
                raise StoreError(
                    f"journaled basket {basket_id} cannot be rebuilt: {error}"
                ) from error
            result.append(OpenBasket(basket, head["started_at"], head["updated_at"]))
        return result


def delete_open_basket(conn: sqlite3.Connection, basket_id: str) -> bool:
    """Delete an open basket and its lines inside the caller's transaction."""
    conn.execute("DELETE FROM open_basket_line WHERE basket_id = ?", (basket_id,))
    return conn.execute("DELETE FROM open_basket WHERE basket_id = ?", (basket_id,)).rowcount == 1


def _line_row(basket_id: str, line: BasketLine, at: str) -> tuple[object, ...]:
    return (
        basket_id,
        line.line_no,
        item_to_json(line.item),
        line.quantity,
        line.weight_g,
        line.unit_price.minor,
        line.unit_price.currency,
        int(line.voided),
        line.price_override_reason,
        line.scanned_code,
        at,
    )


def _line_from_row(row: sqlite3.Row) -> BasketLine:
    try:
        return BasketLine(
            line_no=row["line_no"],
            item=item_from_json(row["item"]),
            quantity=row["quantity"],
            weight_g=row["weight_g"],
            unit_price=Money(row["unit_price"], row["currency"]),
            voided=bool(row["voided"]),
            price_override_reason=row["price_override_reason"],
            scanned_code=row["scanned_code"],
        )
    except (BasketError, ValueError) as error:
        raise StoreError(
            f"journaled line {row['basket_id']}/{row['line_no']} cannot be rebuilt: {error}"
        ) from error
