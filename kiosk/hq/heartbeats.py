"""What HQ stores of a lane's heartbeat: the last one per lane (``lane_status``) and,
through :func:`kiosk.hq.fleet.record_heartbeat`, what it says beyond that (config
version and error, last errors, device changes)."""

from __future__ import annotations

import json

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from kiosk.hq import fleet, metrics
from kiosk.hq.auth import LaneIdentity
from kiosk.hq.db import utc_now, write_one
from kiosk.hq.models import Heartbeat
from kiosk.hq.tables import lane_status


def store_heartbeat(engine: sa.Engine, who: LaneIdentity, beat: Heartbeat) -> str:
    """Store ``beat`` of lane ``who``; returns the time HQ received it (UTC text)."""
    metrics.stamp("route thread")
    now = utc_now()
    row = {
        "store_id": who.store_id,
        "lane_id": who.lane_id,
        "state": beat.state,
        "app_version": beat.app_version,
        "outbox_depth": beat.outbox_depth,
        "devices": json.dumps([d.model_dump() for d in beat.devices]),
        "sent_at": beat.sent_at,
        "received_at": now,
    }
    insert = postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert
    statement = insert(lane_status).values(**row)
    statement = statement.on_conflict_do_update(
        index_elements=["store_id", "lane_id"],
        set_={k: statement.excluded[k] for k in row if k not in ("store_id", "lane_id")},
    )
    write_one(engine, statement, durable=False)
    fleet.record_heartbeat(engine, who.store_id, who.lane_id, beat, now)  # history, errors
    return now
