"""Store a batch of check-in records exactly once in effect (like sales, invariant 4).

Unique on (store, lane, check-in id); ``INSERT ... ON CONFLICT DO NOTHING RETURNING``
tells new records (``accepted``) from replays (``duplicate`` when the stored
document has the same SHA-256, else ``rejected``: the lane dead-letters it).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from kiosk.hq.auth import LaneIdentity
from kiosk.hq.checkin_models import CheckinDocument
from kiosk.hq.db import utc_now, write_transaction
from kiosk.hq.models import SaleResult
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
    received_at = utc_now()
    rows: dict[str, dict[str, Any]] = {}
    for record in records:
        rows.setdefault(record.transaction_id, _row(who, record, received_at))
    insert = postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert
    statement = (
        insert(checkin)
        .on_conflict_do_nothing(index_elements=["store_id", "lane_id", "checkin_id"])
        .returning(checkin.c.checkin_id)
    )
    with write_transaction(engine) as conn:
        inserted = {row[0] for row in conn.execute(statement, list(rows.values()))}
        stored = {
            row[0]: row[1]
            for row in conn.execute(
                sa.select(checkin.c.checkin_id, checkin.c.document_sha256).where(
                    checkin.c.store_id == who.store_id,
                    checkin.c.lane_id == who.lane_id,
                    checkin.c.checkin_id.in_(list(rows)),
                )
            )
        }
    results: list[SaleResult] = []
    seen: set[str] = set()
    for record in records:
        cid = record.transaction_id
        if cid in inserted and cid not in seen:
            status = "accepted"
        elif stored.get(cid) == _row(who, record, received_at)["document_sha256"]:
            status = "duplicate"
        else:
            results.append(
                SaleResult(
                    transaction_id=cid,
                    status="rejected",
                    reason="check-in id already stored with a different record",
                )
            )
            continue
        seen.add(cid)
        results.append(SaleResult(transaction_id=cid, status=status))  # type: ignore[arg-type]
    return results


def checkins_of(engine: sa.Engine, store_id: str, lane_id: str) -> list[dict[str, Any]]:
    """The stored check-ins of one lane, oldest first (tests and support)."""
    query = (
        sa.select(checkin)
        .where(checkin.c.store_id == store_id, checkin.c.lane_id == lane_id)
        .order_by(checkin.c.id)
    )
    with engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(query)]
