"""Read-only queries behind the staff web pages (SQLAlchemy Core, SQLite and PostgreSQL).

Each function returns plain frozen dataclasses (no SQLAlchemy rows leave this module).
Times stay ISO 8601 text as stored; JSON columns are decoded leniently (a stored
value that does not decode shows as empty, it never breaks a page).

Raises ``sa.exc.SQLAlchemyError`` when the database cannot be read (the app turns it
into a 503).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from kiosk.hq.tables import lane, lane_audit, lane_status, sale

SALE_LIMIT = 50
AUDIT_LIMIT = 50


@dataclass(frozen=True, slots=True)
class Device:
    name: str
    kind: str
    status: str
    detail: str


@dataclass(frozen=True, slots=True)
class LaneRow:
    """One lane on the overview: enrolment, last heartbeat (None: never) and today's sales."""

    store_id: str
    lane_id: str
    disabled: bool
    state: str | None
    app_version: str | None
    outbox_depth: int | None
    devices: tuple[Device, ...]
    sent_at: str | None
    received_at: str | None
    sales_today: tuple[tuple[str, int, int], ...]  # (currency, count, total minor units)


@dataclass(frozen=True, slots=True)
class SaleRow:
    completed_at: str
    transaction_id: str
    status: str
    currency: str
    total: int
    payments: tuple[tuple[str, str], ...]  # (brand or method, masked PAN as stored)


@dataclass(frozen=True, slots=True)
class AuditRow:
    at: str
    staff_id: str
    action: str
    reason: str
    details: str


def day_bounds(now: dt.datetime) -> tuple[str, str]:
    """The UTC day of ``now`` as [start, end) ISO text comparable with stored times."""
    start = now.astimezone(dt.UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    end = start + dt.timedelta(days=1)
    return start.strftime("%Y-%m-%dT%H:%M:%S"), end.strftime("%Y-%m-%dT%H:%M:%S")


def overview(engine: sa.Engine, now: dt.datetime) -> list[LaneRow]:
    """Every enrolled lane by store and lane id, with its last heartbeat and the count and
    total of its completed sales of the UTC day of ``now`` (per currency)."""
    start, end = day_bounds(now)
    joined = lane.outerjoin(
        lane_status,
        sa.and_(lane.c.store_id == lane_status.c.store_id, lane.c.lane_id == lane_status.c.lane_id),
    )
    lanes = sa.select(
        lane.c.store_id,
        lane.c.lane_id,
        lane.c.disabled,
        lane_status.c.state,
        lane_status.c.app_version,
        lane_status.c.outbox_depth,
        lane_status.c.devices,
        lane_status.c.sent_at,
        lane_status.c.received_at,
    ).select_from(joined)
    totals = (
        sa.select(
            sale.c.store_id,
            sale.c.lane_id,
            sale.c.currency,
            sa.func.count(),
            sa.func.coalesce(sa.func.sum(sale.c.total), 0),
        )
        .where(
            sale.c.status == "completed",
            sale.c.completed_at >= start,
            sale.c.completed_at < end,
        )
        .group_by(sale.c.store_id, sale.c.lane_id, sale.c.currency)
    )
    with engine.connect() as conn:
        lane_rows = conn.execute(lanes.order_by(lane.c.store_id, lane.c.lane_id)).all()
        total_rows = conn.execute(totals.order_by(sale.c.currency)).all()
    today: dict[tuple[str, str], list[tuple[str, int, int]]] = {}
    for store_id, lane_id, currency, count, total in total_rows:
        today.setdefault((store_id, lane_id), []).append((currency, int(count), int(total)))
    return [
        LaneRow(
            store_id=r.store_id,
            lane_id=r.lane_id,
            disabled=bool(r.disabled),
            state=r.state,
            app_version=r.app_version,
            outbox_depth=r.outbox_depth,
            devices=_devices(r.devices),
            sent_at=r.sent_at,
            received_at=r.received_at,
            sales_today=tuple(today.get((r.store_id, r.lane_id), ())),
        )
        for r in lane_rows
    ]


def lane_sales(engine: sa.Engine, store_id: str, lane_id: str) -> list[SaleRow]:
    """The lane's last :data:`SALE_LIMIT` sales, newest first."""
    query = (
        sa.select(
            sale.c.completed_at,
            sale.c.transaction_id,
            sale.c.status,
            sale.c.currency,
            sale.c.total,
            sale.c.document,
        )
        .where(sale.c.store_id == store_id, sale.c.lane_id == lane_id)
        .order_by(sale.c.completed_at.desc(), sale.c.id.desc())
        .limit(SALE_LIMIT)
    )
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return [SaleRow(r[0], r[1], r[2], r[3], int(r[4]), _payments(_json(r[5], {}))) for r in rows]


def lane_audit_rows(engine: sa.Engine, store_id: str, lane_id: str) -> list[AuditRow]:
    """The lane's last :data:`AUDIT_LIMIT` audit records (staff actions outside a sale)."""
    query = (
        sa.select(
            lane_audit.c.at,
            lane_audit.c.staff_id,
            lane_audit.c.action,
            lane_audit.c.reason,
            lane_audit.c.details,
        )
        .where(lane_audit.c.store_id == store_id, lane_audit.c.lane_id == lane_id)
        .order_by(lane_audit.c.at.desc(), lane_audit.c.id.desc())
        .limit(AUDIT_LIMIT)
    )
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return [AuditRow(r[0], r[1] or "", r[2], r[3], r[4]) for r in rows]


def lane_exists(engine: sa.Engine, store_id: str, lane_id: str) -> bool:
    """Whether the lane is enrolled (disabled or not)."""
    query = sa.select(lane.c.lane_id).where(lane.c.store_id == store_id, lane.c.lane_id == lane_id)
    with engine.connect() as conn:
        return conn.execute(query).first() is not None


def _json(text: str | None, fallback: Any) -> Any:
    try:
        return json.loads(text) if text else fallback
    except ValueError:
        return fallback


def _devices(text: str | None) -> tuple[Device, ...]:
    items = _json(text, [])
    if not isinstance(items, list):
        return ()
    return tuple(
        Device(
            str(d.get("name", "")),
            str(d.get("kind", "")),
            str(d.get("status", "")),
            str(d.get("detail") or ""),
        )
        for d in items
        if isinstance(d, dict)
    )


def _payments(document: Any) -> tuple[tuple[str, str], ...]:
    payments = document.get("payments") if isinstance(document, dict) else None
    if not isinstance(payments, list):
        return ()
    return tuple(
        (str(p.get("brand") or p.get("method") or ""), str(p.get("masked_pan") or ""))
        for p in payments
        if isinstance(p, dict)
    )
