"""The items put aside in an open basket, journaled with it (table ``open_basket_aside``).

Theory of operation: with ``[lane] unknown_barcode = "put_aside"`` a shopper who scans an
unknown item puts it aside and scans on (:mod:`kiosk.domain.checkout.aside`); the checkout
asks for the list of what is outstanding to be journaled whenever it changes
(``JournalAside``). :func:`record_aside` replaces the basket's stored list with it in one
``BEGIN IMMEDIATE`` transaction (a replay writes the same rows: nothing doubles), and
:func:`aside_of` reads it back, oldest first, for the basket restored after a restart.
The rows go with the basket: ``ON DELETE CASCADE`` when its sale is stored or it is
discarded.

A row that cannot be read back (a damaged file: a time that is no time) is logged and
left out; the rest come back. Nothing is charged for an item put aside, so leaving one
out loses no money, and the basket itself is not held up.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from kiosk.store.codec import utc_now
from kiosk.store.db import write_transaction
from kiosk.store.errors import StoreError, sqlite_errors

log = logging.getLogger(__name__)


def record_aside(conn: sqlite3.Connection, basket_id: str, entries: Iterable[Any]) -> None:
    """Store ``entries`` (each with ``raised_at`` and ``detail``) as the basket's list.

    Raises:
        StoreError: if the basket is not open in the journal or the write fails.
    """
    rows = [(basket_id, seq, _iso(e.raised_at), str(e.detail)) for seq, e in enumerate(entries)]
    with sqlite_errors(f"journaling the items put aside in {basket_id}"), write_transaction(conn):
        updated = conn.execute(
            "UPDATE open_basket SET updated_at = ? WHERE basket_id = ?", (utc_now(), basket_id)
        )
        if updated.rowcount != 1:
            raise StoreError(f"basket {basket_id} is not open in the journal")
        conn.execute("DELETE FROM open_basket_aside WHERE basket_id = ?", (basket_id,))
        conn.executemany(
            "INSERT INTO open_basket_aside (basket_id, seq, raised_at, detail) VALUES (?, ?, ?, ?)",
            rows,
        )


def aside_of(conn: sqlite3.Connection, basket_id: str) -> tuple[tuple[datetime, str], ...]:
    """The basket's items put aside as journaled: ``(raised_at, detail)``, oldest first.

    Raises:
        StoreError: if the store cannot be read.
    """
    with sqlite_errors(f"reading the items put aside in {basket_id}"):
        rows = conn.execute(
            "SELECT seq, raised_at, detail FROM open_basket_aside WHERE basket_id = ? ORDER BY seq",
            (basket_id,),
        ).fetchall()
    found = []
    for seq, raised_at, detail in rows:
        at = parse_raised_at(raised_at)
        if at is None or not isinstance(detail, str):
            log.error("skipping damaged item put aside %s/%s: %r", basket_id, seq, raised_at)
            continue
        found.append((at, detail))
    return tuple(found)


def parse_raised_at(text: object) -> datetime | None:
    """A journaled time (UTC ISO 8601), aware; None if ``text`` is no such time."""
    if not isinstance(text, str):
        return None
    try:
        at = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return at if at.tzinfo is not None else None


def _iso(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


__all__ = ["aside_of", "parse_raised_at", "record_aside"]
