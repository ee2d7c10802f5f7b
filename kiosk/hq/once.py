"""Store a lane's records exactly once in effect (invariant 4), for any record table.

Each record has an id unique per (store, lane) and the SHA-256 of its document.
``INSERT ... ON CONFLICT DO NOTHING RETURNING`` tells new records (``accepted``)
from replays: ``duplicate`` when the stored document has the same SHA-256 (the
lane sent it again after a lost reply), else ``rejected`` (its id is stored with
another document; the lane dead-letters it). A batch that repeats an id is
answered per record in order: the first is stored, the others compared with it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from kiosk.hq.auth import LaneIdentity
from kiosk.hq.db import utc_now, write_transaction
from kiosk.hq.models import SaleResult

R = TypeVar("R")


def store_once(
    engine: sa.Engine,
    who: LaneIdentity,
    *,
    table: sa.Table,
    id_column: str,
    records: Sequence[R],
    make_row: Callable[[R, str], dict[str, Any]],
    what: str,
) -> list[SaleResult]:
    """Write ``records`` (already checked to belong to ``who``) into ``table``.

    Args:
        id_column: the column of the record's id (unique with store_id, lane_id).
        make_row: ``(record, received_at) -> row`` holding ``id_column`` and
            ``document_sha256``.
        what: the record's name in a refusal ("audit id", "check-in id").
    Returns:
        One result per record, in order.
    """
    received_at = utc_now()
    mine = [make_row(record, received_at) for record in records]
    rows: dict[str, dict[str, Any]] = {}
    for row in mine:
        rows.setdefault(row[id_column], row)
    insert = postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert
    id_col = table.c[id_column]
    statement = (
        insert(table)
        .on_conflict_do_nothing(index_elements=["store_id", "lane_id", id_column])
        .returning(id_col)
    )
    with write_transaction(engine) as conn:
        inserted = {row[0] for row in conn.execute(statement, list(rows.values()))}
        stored = {
            row[0]: row[1]
            for row in conn.execute(
                sa.select(id_col, table.c.document_sha256).where(
                    table.c.store_id == who.store_id,
                    table.c.lane_id == who.lane_id,
                    id_col.in_(list(rows)),
                )
            )
        }
    results: list[SaleResult] = []
    seen: set[str] = set()
    for row in mine:
        rid = row[id_column]
        if rid in inserted and rid not in seen:
            results.append(SaleResult(transaction_id=rid, status="accepted"))
        elif stored.get(rid) == row["document_sha256"]:
            results.append(SaleResult(transaction_id=rid, status="duplicate"))
        else:
            reason = f"{what} already stored with a different record"
            results.append(SaleResult(transaction_id=rid, status="rejected", reason=reason))
            continue
        seen.add(rid)
    return results
