"""Read-only queries of the attendant screen: device status, today's totals, the last
sale, and the lane flags as the audit log left them. Plain functions over the store and
the device objects; the service checks the role first."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from typing import Any

from kiosk.app.attendant.model import DeviceLine, LaneFlags, LaneTotals
from kiosk.devices.status import DeviceStatus, Health
from kiosk.store.audit import format_utc
from kiosk.store.errors import StoreError
from kiosk.store.sales import load_sale_document


def probe_devices(devices: Mapping[str, Any]) -> list[DeviceLine]:
    """Every device's typed status, by name (``check()`` probes where the driver can)."""
    lines = []
    for name, device in sorted(devices.items()):
        try:
            status = device.check()
        except Exception as error:  # check() must not raise; a broken driver still shows
            status = DeviceStatus(Health.ERROR, detail=str(error))
        lines.append(DeviceLine(name, status))
    return lines


def todays_totals(conn: sqlite3.Connection, lane_id: str, today: date, currency: str) -> LaneTotals:
    """Sales of ``lane_id`` completed since UTC midnight of ``today``: count, sum, cancelled
    count and approved payments by brand (or method). Raises StoreError."""
    since = format_utc(datetime.combine(today, time(0), UTC))
    try:
        count, total, cancelled = conn.execute(
            "SELECT count(*) FILTER (WHERE status = 'completed'), "
            "coalesce(sum(total) FILTER (WHERE status = 'completed'), 0), "
            "count(*) FILTER (WHERE status = 'cancelled') "
            "FROM sale WHERE lane_id = ? AND completed_at >= ?",
            (lane_id, since),
        ).fetchone()
        brands = conn.execute(
            "SELECT coalesce(json_extract(p.value, '$.brand'), "
            "json_extract(p.value, '$.method')) AS brand, count(*), "
            "sum(json_extract(p.value, '$.amount')) FROM sale, "
            "json_each(sale.document, '$.payments') AS p WHERE sale.lane_id = ? "
            "AND sale.completed_at >= ? AND sale.status = 'completed' "
            "AND json_extract(p.value, '$.outcome') IN ('approved', 'confirmed') "
            "GROUP BY brand ORDER BY brand",
            (lane_id, since),
        ).fetchall()
    except sqlite3.Error as error:
        raise StoreError(f"reading today's totals: {error}") from error
    by_brand = tuple((str(b), int(n), int(a or 0)) for b, n, a in brands)
    return LaneTotals(today, currency, count, total, cancelled, by_brand)


def last_sale_document(conn: sqlite3.Connection, lane_id: str) -> dict[str, Any] | None:
    """The newest completed sale document of ``lane_id`` (for a reprint), or None."""
    try:
        row = conn.execute(
            "SELECT transaction_id FROM sale WHERE lane_id = ? AND status = "
            "'completed' ORDER BY completed_at DESC LIMIT 1",
            (lane_id,),
        ).fetchone()
    except sqlite3.Error as error:
        raise StoreError(f"finding the last sale: {error}") from error
    return None if row is None else load_sale_document(conn, row[0])


def flags_from_audit(audit: Any, basket_id: str) -> LaneFlags:
    """Closed/paused as the newest matching audit rows left them (survives a restart);
    paused only if the suspended basket is still the lane's open basket ``basket_id``."""
    closed, paused, basket = False, False, None
    seen_lane = seen_pause = False
    for record in audit.recent(limit=500):
        if not seen_lane and record.action in ("open_lane", "close_lane"):
            closed, seen_lane = record.action == "close_lane", True
        if not seen_pause and record.action in ("suspend_basket", "resume_basket", "cancel_basket"):
            seen_pause = True
            if record.action == "suspend_basket":
                basket = record.details.get("basket_id")
                paused = basket == basket_id
    return LaneFlags(closed, paused, basket if paused else None)
