"""The fleet: what HQ keeps of each lane's heartbeats beyond the last one, and the
lanes' configuration endpoint.

:func:`record_heartbeats` keeps per lane the config version, the configuration error
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
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy.dialects import postgresql, sqlite

from kiosk.hq import lane_config
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


@dataclass(frozen=True, slots=True)
class Beat:
    """One heartbeat to keep: the lane's, what it said, when HQ received it (UTC text)."""

    store_id: str
    lane_id: str
    beat: Heartbeat
    received_at: str


_FIELDS = ("config_version", "config_error", "errors", "devices")


def record_heartbeats(conn: sa.Connection, beats: Sequence[Beat]) -> None:
    """Keep what each of ``beats`` says beyond the lane's last heartbeat, in the order
    given (the order HQ received them), in the caller's write transaction; see the
    module docstring. One read of the lanes' rows, one upsert of the rows that changed,
    one insert of the history rows."""
    seen = _fleet_rows(conn, sorted({(b.store_id, b.lane_id) for b in beats}))
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    history: list[dict[str, Any]] = []
    for b in beats:
        key = (b.store_id, b.lane_id)
        before = seen.get(key)
        row, changes = _compare(before, b.beat)
        if before is not None and not changes and all(before[k] == row[k] for k in _FIELDS):
            continue
        seen[key] = row
        rows[key] = {"store_id": key[0], "lane_id": key[1], "updated_at": b.received_at, **row}
        history += [
            {
                "store_id": key[0],
                "lane_id": key[1],
                "at": b.beat.sent_at,
                "received_at": b.received_at,
                **c,
            }
            for c in changes
        ]
    if rows:
        insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
        upsert = insert(lane_fleet)
        upsert = upsert.on_conflict_do_update(  # two workers' first heartbeats of a lane
            index_elements=["store_id", "lane_id"],
            set_={k: upsert.excluded[k] for k in (*_FIELDS, "updated_at")},
        )
        conn.execute(upsert, [rows[key] for key in sorted(rows)])  # one lock order
    if history:
        conn.execute(sa.insert(device_history), history)
        changed = sorted({(h["store_id"], h["lane_id"]) for h in history})
        for store_id, lane_id in _over_the_cap(conn, changed):
            _prune(conn, store_id, lane_id)


def _fleet_rows(
    conn: sa.Connection, keys: list[tuple[str, str]]
) -> dict[tuple[str, str], dict[str, Any]]:
    """(store, lane) -> the stored fleet fields of those lanes that have a row."""
    t = lane_fleet
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for start in range(0, len(keys), 250):  # a few hundred bound pairs per query
        chunk = keys[start : start + 250]
        query = sa.select(t.c.store_id, t.c.lane_id, *(t.c[k] for k in _FIELDS)).where(
            sa.tuple_(t.c.store_id, t.c.lane_id).in_(chunk)
        )
        for r in conn.execute(query):
            found[(r.store_id, r.lane_id)] = {k: getattr(r, k) for k in _FIELDS}
    return found


def _compare(
    before: dict[str, Any] | None, beat: Heartbeat
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The fleet fields ``beat`` gives the lane, and its device changes since ``before``."""
    seen: dict[str, str] = _decode(before["devices"], {}) if before is not None else {}
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
    return row, changes


def _over_the_cap(conn: sa.Connection, keys: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Those of the lanes ``keys`` that hold more than HISTORY_KEEP history rows: one
    counting query per few hundred lanes instead of a pruning query per lane (a group of
    first heartbeats, each a change, spent most of its transaction pruning)."""
    t = device_history
    over: list[tuple[str, str]] = []
    for start in range(0, len(keys), 250):
        query = (
            sa.select(t.c.store_id, t.c.lane_id)
            .where(sa.tuple_(t.c.store_id, t.c.lane_id).in_(keys[start : start + 250]))
            .group_by(t.c.store_id, t.c.lane_id)
            .having(sa.func.count() > HISTORY_KEEP)
        )
        over += [(r.store_id, r.lane_id) for r in conn.execute(query)]
    return sorted(over)


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
