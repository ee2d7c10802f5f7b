"""Read-only sale queries of the attendant screen: a lane's totals since a time, and its
newest completed sale (for a reprint). The SQL over the ``sale`` table lives here."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kiosk.store.audit import format_utc
from kiosk.store.errors import StoreError
from kiosk.store.sales import load_sale_document


@dataclass(frozen=True, slots=True)
class SalesTotals:
    """Completed sales (count, sum of totals in minor units), cancelled ones, and approved
    payments by card brand (or method when the brand is unknown)."""

    count: int
    total: int
    cancelled: int
    by_brand: tuple[tuple[str, int, int], ...]  # (brand or method, payments, amount)


def sales_since(conn: sqlite3.Connection, lane_id: str, since: datetime) -> SalesTotals:
    """Totals of ``lane_id``'s sales that ended at or after ``since``. Raises StoreError."""
    after = format_utc(since)
    try:
        count, total, cancelled = conn.execute(
            "SELECT count(*) FILTER (WHERE status = 'completed'), "
            "coalesce(sum(total) FILTER (WHERE status = 'completed'), 0), "
            "count(*) FILTER (WHERE status = 'cancelled') "
            "FROM sale WHERE lane_id = ? AND completed_at >= ?",
            (lane_id, after),
        ).fetchone()
        brands = conn.execute(
            "SELECT coalesce(json_extract(p.value, '$.brand'), "
            "json_extract(p.value, '$.method')) AS brand, count(*), "
            "sum(json_extract(p.value, '$.amount')) FROM sale, "
            "json_each(sale.document, '$.payments') AS p WHERE sale.lane_id = ? "
            "AND sale.completed_at >= ? AND sale.status = 'completed' "
            "AND json_extract(p.value, '$.outcome') IN ('approved', 'confirmed') "
            "GROUP BY brand ORDER BY brand",
            (lane_id, after),
        ).fetchall()
    except sqlite3.Error as error:
        raise StoreError(f"reading today's totals: {error}") from error
    by_brand = tuple((str(b), int(n), int(a or 0)) for b, n, a in brands)
    return SalesTotals(int(count), int(total), int(cancelled), by_brand)


def last_completed_sale(conn: sqlite3.Connection, lane_id: str) -> dict[str, Any] | None:
    """The newest completed sale document of ``lane_id``, or None. Raises StoreError."""
    try:
        row = conn.execute(
            "SELECT transaction_id FROM sale WHERE lane_id = ? AND status = "
            "'completed' ORDER BY completed_at DESC LIMIT 1",
            (lane_id,),
        ).fetchone()
    except sqlite3.Error as error:
        raise StoreError(f"finding the last sale: {error}") from error
    return None if row is None else load_sale_document(conn, row[0])
