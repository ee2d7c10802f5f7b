"""The fleet: what HQ keeps of each lane's heartbeats beyond the last one, and the
lanes' configuration endpoint.

:func:`record_heartbeat` keeps per lane the config version, the configuration error
and the last error log records the heartbeat carried (``lane_fleet``), and adds a row
to ``device_history`` each time a device's status differs from the one last seen (a
device no longer reported gets status ``"absent"``); only the newest
:data:`HISTORY_KEEP` rows per lane are kept. A heartbeat that changes none of this
writes nothing here. :func:`router` serves ``GET /api/v1/lanes/config`` to an
authenticated lane: its merged overrides (:mod:`kiosk.hq.lane_config`) and version, with
an ``ETag``; ``?known=VERSION`` answers ``{"version": ..., "unchanged": true}`` when the
lane already has that version.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy.dialects import postgresql, sqlite

from kiosk.hq import lane_config, metrics
from kiosk.hq.db import write_transaction
from kiosk.hq.models import Heartbeat
from kiosk.hq.tables import device_history, lane_fleet

HISTORY_KEEP = 200
HISTORY_SHOWN = 50
ABSENT = "absent"


@dataclass(frozen=True, slots=True)
class DeviceChange:
    at: str
    device: str
    kind: str
    status: str
    detail: str


@dataclass(frozen=True, slots=True)
class LaneError:
    at: str
    logger: str
    message: str


@dataclass(frozen=True, slots=True)
class FleetInfo:
    """What the lane page shows of a lane beyond its sales: None fields when never told."""

    config_version: str | None
    config_error: str | None
    errors: tuple[LaneError, ...]
    history: tuple[DeviceChange, ...]  # newest first


def record_heartbeat(
    engine: sa.Engine, store_id: str, lane_id: str, beat: Heartbeat, received_at: str
) -> None:
    """Keep what ``beat`` says beyond the last heartbeat; see the module docstring."""
    metrics.stamp("status written")
    _record(engine, store_id, lane_id, beat, received_at)
    metrics.stamp("fleet written")


def _record(
    engine: sa.Engine, store_id: str, lane_id: str, beat: Heartbeat, received_at: str
) -> None:
    lane_key = (lane_fleet.c.store_id == store_id, lane_fleet.c.lane_id == lane_id)
    with engine.connect() as conn:
        before = conn.execute(sa.select(lane_fleet).where(*lane_key)).first()
    seen: dict[str, str] = _decode(before.devices, {}) if before is not None else {}
    statuses = {d.name: d.status for d in beat.devices}
    changes = [
        {"device": d.name, "kind": d.kind, "status": d.status, "detail": d.detail}
        for d in beat.devices
        if seen.get(d.name) != d.status
    ] + [
        {"device": name, "kind": "", "status": ABSENT, "detail": None}
        for name, status in seen.items()
        if name not in statuses and status != ABSENT
    ]
    statuses.update({name: ABSENT for name in seen if name not in statuses})
    row = {
        "config_version": beat.config_version,
        "config_error": beat.config_error,
        "errors": json.dumps([e.model_dump() for e in beat.errors]),
        "devices": json.dumps(statuses, sort_keys=True),
    }
    if before is not None and not changes and all(getattr(before, k) == v for k, v in row.items()):
        return
    values = {"store_id": store_id, "lane_id": lane_id, "updated_at": received_at, **row}
    insert = postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert
    upsert = insert(lane_fleet).values(**values)
    upsert = upsert.on_conflict_do_update(  # two workers' first heartbeats of a lane
        index_elements=["store_id", "lane_id"],
        set_={k: upsert.excluded[k] for k in values if k not in ("store_id", "lane_id")},
    )
    with write_transaction(engine, durable=False) as conn:
        conn.execute(upsert)
        if changes:
            conn.execute(
                sa.insert(device_history),
                [
                    {
                        "store_id": store_id,
                        "lane_id": lane_id,
                        "at": beat.sent_at,
                        "received_at": received_at,
                        **c,
                    }
                    for c in changes
                ],
            )
            _prune(conn, store_id, lane_id)


def _prune(conn: sa.Connection, store_id: str, lane_id: str) -> None:
    """Delete all but the newest HISTORY_KEEP history rows of the lane."""
    t = device_history
    lane_rows = (t.c.store_id == store_id, t.c.lane_id == lane_id)
    oldest_kept = conn.execute(
        sa.select(t.c.id)
        .where(*lane_rows)
        .order_by(t.c.id.desc())
        .offset(HISTORY_KEEP - 1)
        .limit(1)
    ).scalar()
    if oldest_kept is not None:
        conn.execute(sa.delete(t).where(*lane_rows, t.c.id < oldest_kept))


def lane_info(
    engine: sa.Engine, store_id: str, lane_id: str, shown: int = HISTORY_SHOWN
) -> FleetInfo:
    """The lane's config version and error, last errors and newest device changes."""
    t = device_history
    with engine.connect() as conn:
        row = conn.execute(
            sa.select(lane_fleet).where(
                lane_fleet.c.store_id == store_id, lane_fleet.c.lane_id == lane_id
            )
        ).first()
        history = conn.execute(
            sa.select(t.c.at, t.c.device, t.c.kind, t.c.status, t.c.detail)
            .where(t.c.store_id == store_id, t.c.lane_id == lane_id)
            .order_by(t.c.id.desc())
            .limit(shown)
        ).all()
    changes = tuple(DeviceChange(h.at, h.device, h.kind, h.status, h.detail or "") for h in history)
    if row is None:
        return FleetInfo(None, None, (), changes)
    errors = tuple(
        LaneError(str(e.get("at", "")), str(e.get("logger", "")), str(e.get("message", "")))
        for e in _decode(row.errors, [])
        if isinstance(e, dict)
    )
    return FleetInfo(row.config_version, row.config_error, errors, changes)


def config_versions(engine: sa.Engine) -> dict[tuple[str, str], tuple[str, bool]]:
    """(store, lane) -> (config version, whether the lane reported a config error)."""
    query = sa.select(
        lane_fleet.c.store_id,
        lane_fleet.c.lane_id,
        lane_fleet.c.config_version,
        lane_fleet.c.config_error,
    )
    with engine.connect() as conn:
        return {
            (r.store_id, r.lane_id): (r.config_version, r.config_error is not None)
            for r in conn.execute(query)
        }


def _decode(text: str | None, empty: Any) -> Any:
    """Stored JSON, or ``empty`` if it does not decode to the same kind of value."""
    try:
        value = json.loads(text or "")
    except ValueError:
        return empty
    return value if isinstance(value, type(empty)) else empty


def router(engine: sa.Engine) -> APIRouter:
    """``GET /api/v1/lanes/config`` for the lane whose token the request carries."""
    api = APIRouter(tags=["lanes"])

    @api.get("/api/v1/lanes/config")
    def lane_configuration(
        request: Request, known: str | None = Query(None, max_length=64)
    ) -> JSONResponse:
        """The configuration HQ manages for this lane: ``{"version": V, "overrides":
        {"section.key": value}}`` (fleet, then store, then lane), or ``{"version": V,
        "unchanged": true}`` if ``known`` is already V. The lane validates it with its
        own loader and applies it at its next start."""
        who = request.scope["state"]["lane"]
        version, merged = lane_config.for_lane(engine, who.store_id, who.lane_id)
        headers = {"ETag": f'"{version}"', "Cache-Control": "no-store"}
        if known == version:
            return JSONResponse({"version": version, "unchanged": True}, headers=headers)
        return JSONResponse({"version": version, "overrides": merged}, headers=headers)

    return api
