"""Store a batch of lane audit records exactly once in effect (like sales, invariant 4).

Unique on (store, lane, audit id); ``INSERT ... ON CONFLICT DO NOTHING RETURNING``
tells new records (``accepted``) from replays (``duplicate`` when the stored
document has the same SHA-256, else ``rejected``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from kiosk.hq.auth import LaneIdentity
from kiosk.hq.db import utc_now, write_transaction
from kiosk.hq.models import AuditDocument, SaleResult
from kiosk.hq.tables import lane_audit


def _row(who: LaneIdentity, record: AuditDocument, received_at: str) -> dict[str, Any]:
    text = record.model_dump_json(by_alias=True)
    return {
        "store_id": who.store_id,
        "lane_id": who.lane_id,
        "audit_id": record.transaction_id,
        "at": record.at,
        "staff_id": record.staff_id,
        "action": record.action,
        "reason": record.reason,
        "details": json.dumps(record.details, ensure_ascii=False, sort_keys=True),
        "document_sha256": hashlib.sha256(text.encode()).hexdigest(),
        "received_at": received_at,
    }


def store_audit_batch(
    engine: sa.Engine, who: LaneIdentity, records: Sequence[AuditDocument]
) -> list[SaleResult]:
    """Write ``records`` (already checked to belong to ``who``); one result each, in order."""
    received_at = utc_now()
    rows: dict[str, dict[str, Any]] = {}
    for record in records:
        rows.setdefault(record.transaction_id, _row(who, record, received_at))
    insert = postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert
    statement = (
        insert(lane_audit)
        .on_conflict_do_nothing(index_elements=["store_id", "lane_id", "audit_id"])
        .returning(lane_audit.c.audit_id)
    )
    with write_transaction(engine) as conn:
        inserted = {row[0] for row in conn.execute(statement, list(rows.values()))}
        stored = {
            row[0]: row[1]
            for row in conn.execute(
                sa.select(lane_audit.c.audit_id, lane_audit.c.document_sha256).where(
                    lane_audit.c.store_id == who.store_id,
                    lane_audit.c.lane_id == who.lane_id,
                    lane_audit.c.audit_id.in_(list(rows)),
                )
            )
        }
    results = []
    seen: set[str] = set()
    for record in records:
        tid = record.transaction_id
        mine = _row(who, record, received_at)["document_sha256"]
        if tid in inserted and tid not in seen:
            status = "accepted"
        elif stored.get(tid) == mine:
            status = "duplicate"
        else:
            results.append(
                SaleResult(
                    transaction_id=tid,
                    status="rejected",
                    reason="audit id already stored with a different record",
                )
            )
            continue
        seen.add(tid)
        results.append(SaleResult(transaction_id=tid, status=status))  # type: ignore[arg-type]
    return results
