"""Store a batch of lane audit records exactly once in effect (like sales, invariant 4).

Unique on (store, lane, audit id); :func:`kiosk.hq.once.store_once` tells new
records (``accepted``) from replays (``duplicate``) and reused ids (``rejected``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from kiosk.hq.auth import LaneIdentity
from kiosk.hq.models import AuditDocument, SaleResult
from kiosk.hq.once import store_once
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
    return store_once(
        engine,
        who,
        table=lane_audit,
        id_column="audit_id",
        records=records,
        make_row=lambda record, received_at: _row(who, record, received_at),
        what="audit id",
    )
