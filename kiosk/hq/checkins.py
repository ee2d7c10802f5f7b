"""Store a batch of check-in records exactly once in effect (like sales, invariant 4).

Unique on (store, lane, check-in id); :func:`kiosk.hq.once.store_once` tells new
records (``accepted``) from replays (``duplicate``) and reused ids (``rejected``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from kiosk.hq.auth import LaneIdentity
from kiosk.hq.checkin_models import CheckinDocument
from kiosk.hq.models import SaleResult
from kiosk.hq.once import store_once
from kiosk.hq.tables import checkin


def _row(who: LaneIdentity, record: CheckinDocument, received_at: str) -> dict[str, Any]:
    text = record.model_dump_json(by_alias=True)
    return {
        "store_id": who.store_id,
        "lane_id": who.lane_id,
        "checkin_id": record.transaction_id,
        "journey": record.journey,
        "reference": record.reference,
        "status": record.status,
        "started_at": record.started_at,
        "completed_at": record.completed_at,
        "currency": record.currency,
        "fees_total": record.fees_total,
        "travellers": len(record.travellers),
        "checked_in": sum(1 for t in record.travellers if t.checked_in),
        "bags": len(record.bags),
        "document": text,
        "document_sha256": hashlib.sha256(text.encode()).hexdigest(),
        "received_at": received_at,
    }


def store_checkins(
    engine: sa.Engine, who: LaneIdentity, records: Sequence[CheckinDocument]
) -> list[SaleResult]:
    """Write ``records`` (already checked to belong to ``who``); one result each, in order."""
    return store_once(
        engine,
        who,
        table=checkin,
        id_column="checkin_id",
        records=records,
        make_row=lambda record, received_at: _row(who, record, received_at),
        what="check-in id",
    )


def checkins_of(engine: sa.Engine, store_id: str, lane_id: str) -> list[dict[str, Any]]:
    """The stored check-ins of one lane, oldest first (tests and support)."""
    query = (
        sa.select(checkin)
        .where(checkin.c.store_id == store_id, checkin.c.lane_id == lane_id)
        .order_by(checkin.c.id)
    )
    with engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(query)]
