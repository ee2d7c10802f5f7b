"""Read-only queries of the attendant screen: device status, today's totals, the last
sale, and the lane flags as the audit log left them. Plain functions over the store and
the device objects; the service checks the role first."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from typing import Any

from kiosk.app.attendant.model import DeviceLine, LaneFlags, LaneTotals
from kiosk.devices.status import DeviceStatus, Health
from kiosk.store.totals import last_completed_sale, sales_since


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


def todays_totals(conn: Any, lane_id: str, today: date, currency: str) -> LaneTotals:
    """Sales of ``lane_id`` completed since UTC midnight of ``today``: count, sum, cancelled
    count and approved payments by brand (or method). Raises StoreError."""
    sums = sales_since(conn, lane_id, datetime.combine(today, time(0), UTC))
    return LaneTotals(today, currency, sums.count, sums.total, sums.cancelled, sums.by_brand)


def last_sale_document(conn: Any, lane_id: str) -> dict[str, Any] | None:
    """The newest completed sale document of ``lane_id`` (for a reprint), or None."""
    return last_completed_sale(conn, lane_id)


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
