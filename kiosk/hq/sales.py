"""Store a batch of sales exactly once in effect (DESIGN.md invariant 4).

Theory of operation: the API has already refused the batch (422 naming the field)
if any sale breaks the model or :mod:`kiosk.hq.sale_rules`, so every sale here is
well formed and adds up. They go in ONE transaction as multi-row ``INSERT ... ON
CONFLICT (store, lane, transaction id) DO NOTHING RETURNING``. What the insert
returned is ``accepted``; a conflict is a replay: ``duplicate`` when the stored
document has the same SHA-256, else ``rejected`` (a transaction id reused for a
different sale is a lane bug that must reach a person, not be silently dropped; the
lane dead-letters it).

How a batch is written (measured with ``benchmarks/bench_sync_drain.py
--compare-pg-write``, 40 batches of 500 sales with 3 lines each, 2 shared cores):
on PostgreSQL, COPY into a temporary staging table then one
``INSERT ... SELECT ... ON CONFLICT DO NOTHING RETURNING`` stored 12,200-14,500
sales/s against 3,000-3,800 for multi-row ``INSERT ... VALUES ... ON CONFLICT``,
so batches of ``_COPY_FROM`` rows or more use COPY (:mod:`kiosk.hq.pg_copy`).
SQLite has no COPY: one cached ``INSERT ... ON CONFLICT DO NOTHING RETURNING``
statement is run with many parameter sets (SQLAlchemy pages them into multi-row
VALUES); building a fresh 500-row VALUES construct per batch spent 80% of its time
compiling SQL.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from kiosk.hq import pg_copy
from kiosk.hq.auth import LaneIdentity
from kiosk.hq.db import utc_now, write_transaction
from kiosk.hq.models import SaleDocument, SaleResult
from kiosk.hq.tables import sale, sale_line

PG_WRITE = "copy"  # or "insert"; see the module docstring
_COPY_FROM = 50  # rows; a small batch is faster as plain INSERT than a COPY round trip
_MAX_PARAMS = 30_000  # below SQLite's 32,766 and PostgreSQL's 65,535 bind parameters
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class _Prepared:
    document: SaleDocument
    row: dict[str, Any]


def canonical_json(document: SaleDocument) -> str:
    """The document as compact JSON (what is stored and hashed): keys in the model's field
    order, so equal documents give equal text whatever order the lane wrote them in."""
    return document.model_dump_json(by_alias=True)


def store_batch(
    engine: sa.Engine, who: LaneIdentity, documents: Sequence[SaleDocument]
) -> list[SaleResult]:
    """Write ``documents`` (already checked to belong to ``who`` and by
    :func:`kiosk.hq.sale_rules.sale_problems`); one result per sale, in the order given."""
    results: dict[int, SaleResult] = {}
    prepared: dict[str, _Prepared] = {}
    received_at = utc_now()
    for index, document in enumerate(documents):
        tid = document.transaction_id
        if tid in prepared:
            same = prepared[tid].row["document"] == canonical_json(document)
            results[index] = (
                SaleResult(transaction_id=tid, status="duplicate") if same else _conflict(tid)
            )
        else:
            prepared[tid] = _Prepared(document, _sale_row(who, document, received_at))
    with write_transaction(engine) as conn:
        inserted = _insert_sales(conn, [p.row for p in prepared.values()])
        _insert_lines(
            conn, [(inserted[tid], p.document) for tid, p in prepared.items() if tid in inserted]
        )
        stored = _stored_hashes(conn, who, [t for t in prepared if t not in inserted])
    for index, document in enumerate(documents):
        if index in results:
            continue
        tid = document.transaction_id
        if tid in inserted:
            results[index] = SaleResult(transaction_id=tid, status="accepted")
        elif stored.get(tid) == prepared[tid].row["document_sha256"]:
            results[index] = SaleResult(transaction_id=tid, status="duplicate")
        else:
            results[index] = _conflict(tid)
    return [results[i] for i in range(len(documents))]


def _conflict(tid: str) -> SaleResult:
    return SaleResult(
        transaction_id=tid,
        status="rejected",
        reason="transaction id already stored with a different document",
    )


def _sale_row(who: LaneIdentity, document: SaleDocument, received_at: str) -> dict[str, Any]:
    text = canonical_json(document)
    totals = document.totals
    return {
        "store_id": who.store_id,
        "lane_id": who.lane_id,
        "transaction_id": document.transaction_id,
        "status": document.status,
        "currency": document.currency,
        "started_at": document.started_at,
        "completed_at": document.completed_at,
        "net": totals.net,
        "tax": totals.tax,
        "deposit": totals.deposit,
        "total": totals.total,
        "item_count": totals.item_count,
        "document_sha256": hashlib.sha256(text.encode()).hexdigest(),
        "document": text,
        "received_at": received_at,
    }


def _insert_for(conn: sa.Connection) -> Any:
    return postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert


def _chunks(rows: Sequence[T], columns: int) -> Iterator[Sequence[T]]:
    size = max(1, _MAX_PARAMS // columns)
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _insert_sales(conn: sa.Connection, rows: list[dict[str, Any]]) -> dict[str, int]:
    if conn.dialect.name == "postgresql" and PG_WRITE == "copy" and len(rows) >= _COPY_FROM:
        return pg_copy.insert_sales(conn, rows)
    return _insert_sales_values(conn, rows)


def _insert_sales_values(conn: sa.Connection, rows: list[dict[str, Any]]) -> dict[str, int]:
    """Insert new sales; map transaction id -> sale id for the rows actually inserted.

    One cached statement run with many parameter sets: SQLAlchemy's "insertmanyvalues"
    turns it into multi-row VALUES pages itself (building a fresh 500-row VALUES
    construct per batch spent 80% of the time compiling SQL)."""
    if not rows:
        return {}
    statement = (
        _insert_for(conn)(sale)
        .on_conflict_do_nothing(index_elements=["store_id", "lane_id", "transaction_id"])
        .returning(sale.c.transaction_id, sale.c.id)
    )
    return {row[0]: row[1] for row in conn.execute(statement, rows)}


def _insert_lines(conn: sa.Connection, sales: Iterable[tuple[int, SaleDocument]]) -> None:
    rows = [
        {
            "sale_id": sale_id,
            "line_no": line.line_no,
            "sku": line.sku,
            "gtin": line.gtin,
            "quantity": line.quantity,
            "weight_g": line.weight_g,
            "unit_price": line.unit_price,
            "amount": line.amount,
            "tax_class": line.tax_class,
            "tax": line.tax,
            "voided": line.voided,
        }
        for sale_id, document in sales
        for line in document.lines
    ]
    if len(rows) >= _COPY_FROM and conn.dialect.name == "postgresql" and PG_WRITE == "copy":
        pg_copy.copy_rows(conn, "sale_line", rows)
    elif rows:
        conn.execute(sale_line.insert(), rows)


def _stored_hashes(conn: sa.Connection, who: LaneIdentity, tids: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for chunk in _chunks(tids, 1):
        query = sa.select(sale.c.transaction_id, sale.c.document_sha256).where(
            sale.c.store_id == who.store_id,
            sale.c.lane_id == who.lane_id,
            sale.c.transaction_id.in_(list(chunk)),
        )
        found.update((row[0], row[1]) for row in conn.execute(query))
    return found
