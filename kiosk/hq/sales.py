"""Store a batch of sales exactly once in effect (DESIGN.md invariant 4).

Theory of operation: the API has already refused the batch (422 naming the field)
if any sale breaks the model or :mod:`kiosk.hq.sale_rules`, so every sale here is
well formed and adds up. Both request paths (the pydantic models and
:mod:`kiosk.hq.fast_ingest`) hand over :class:`EncodedSale` values: a sale's row, its
lines and its canonical JSON, encoded once; :func:`store_encoded` writes them in ONE
transaction, exactly once per (store, lane, transaction id). A sale not stored before
is ``accepted``; one stored before is a replay: ``duplicate`` when the stored document
has the same SHA-256, else ``rejected`` (a transaction id reused for a different sale
is a lane bug that must reach a person, not be silently dropped; the lane
dead-letters it).

How a batch is written on PostgreSQL (``_COPY_FROM`` rows or more; fewer go as plain
INSERT): one query finds the stored ones and draws ids for the others, which are
COPYed straight into ``sale`` and ``sale_line`` in COPY's binary format
(:mod:`kiosk.hq.pg_copy`: psycopg's C code writes the rows); if a concurrent request
stored one of them in between, the unique constraint refuses the COPY, everything is
rolled back and the batch is written again through a staging table and ``INSERT ...
SELECT ... ON CONFLICT DO NOTHING RETURNING``. Earlier measurements
(``bench_sync_drain.py``, 40 x 500 sales, 2 shared cores): COPY + staging
12,200-14,500 sales/s against 3,000-3,800 for multi-row ``INSERT ... VALUES ... ON
CONFLICT``; the direct COPY saves the staging table's second pass;
``bench_sync_drain.py --side-by-side`` compares the whole drain with a raw COPY of the
same rows.

SQLite has no COPY: one cached ``INSERT ... ON CONFLICT DO NOTHING RETURNING``
statement is run with many parameter sets (SQLAlchemy pages them into multi-row
VALUES); building a fresh 500-row VALUES construct per batch spent 80% of its time
compiling SQL.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from kiosk.hq import coupons, metrics, pg_copy
from kiosk.hq.auth import LaneIdentity
from kiosk.hq.db import utc_now, write_transaction
from kiosk.hq.models import SaleDocument, SaleResult
from kiosk.hq.tables import sale, sale_line

PG_WRITE = "copy"  # or "insert"; see the module docstring
_COPY_FROM = 50  # rows; a small batch is faster as plain INSERT than a COPY round trip
_MAX_PARAMS = 30_000  # below SQLite's 32,766 and PostgreSQL's 65,535 bind parameters
T = TypeVar("T")
# The columns of a sale row: store_id, lane_id and received_at come from the request,
# the others from the document, in EncodedSale.values order.
SALE_COLUMNS = (
    "store_id",
    "lane_id",
    "received_at",
    "transaction_id",
    "status",
    "currency",
    "started_at",
    "completed_at",
    "net",
    "tax",
    "deposit",
    "total",
    "item_count",
    "document_sha256",
    "document",
)
LINE_COLUMNS = (
    "sale_id",
    "line_no",
    "sku",
    "gtin",
    "quantity",
    "weight_g",
    "unit_price",
    "amount",
    "tax_class",
    "tax",
    "voided",
)
Outcome = tuple[str, str, str | None]  # transaction id, status, reason
CONFLICT = "transaction id already stored with a different document"


@dataclass(frozen=True, slots=True)
class EncodedSale:
    """One sale ready to write: ``values`` are SALE_COLUMNS[3:] (document_sha256 and
    document last), ``lines`` are LINE_COLUMNS[1:] per line."""

    transaction_id: str
    values: tuple[Any, ...]
    lines: list[tuple[Any, ...]]

    @property
    def sha256(self) -> str:
        return str(self.values[-2])


def canonical_json(document: SaleDocument) -> str:
    """The document as compact JSON (what is stored and hashed): keys in the model's field
    order, so equal documents give equal text whatever order the lane wrote them in.
    :mod:`kiosk.hq.fast_ingest` writes the same bytes (tests/hq pins it)."""
    return document.model_dump_json(by_alias=True)


def encode_sale(document: Any, text: str, sha256: str) -> EncodedSale:
    """``document`` (a SaleDocument or fast_ingest's struct: the same attribute names) with
    its canonical JSON ``text`` and that text's SHA-256, as rows."""
    totals = document.totals
    return EncodedSale(
        document.transaction_id,
        (
            document.transaction_id,
            document.status,
            document.currency,
            document.started_at,
            document.completed_at,
            totals.net,
            totals.tax,
            totals.deposit,
            totals.total,
            totals.item_count,
            sha256,
            text,
        ),
        [
            (
                line.line_no,
                line.sku,
                line.gtin,
                line.quantity,
                line.weight_g,
                line.unit_price,
                line.amount,
                line.tax_class,
                line.tax,
                line.voided,
            )
            for line in document.lines
        ],
    )


def encode_document(document: SaleDocument) -> EncodedSale:
    text = canonical_json(document)
    return encode_sale(document, text, hashlib.sha256(text.encode()).hexdigest())


def store_batch(
    engine: sa.Engine, who: LaneIdentity, documents: Sequence[SaleDocument]
) -> list[SaleResult]:
    """Write ``documents`` (already checked to belong to ``who`` and by
    :func:`kiosk.hq.sale_rules.sale_problems`); one result per sale, in the order given."""
    outcomes = store_encoded(engine, who, [encode_document(d) for d in documents])
    return [SaleResult(transaction_id=t, status=s, reason=r) for t, s, r in outcomes]  # type: ignore[arg-type]


def store_encoded(
    engine: sa.Engine, who: LaneIdentity, encoded: Sequence[EncodedSale]
) -> list[Outcome]:
    """Write ``encoded`` sales (checked as for :func:`store_batch`) in one transaction; one
    (transaction id, status, reason) per sale, in the order given."""
    results, prepared = _dedupe(encoded)
    try:
        inserted, stored = _write(engine, who, prepared, direct=PG_WRITE == "copy")
    except pg_copy.CopyConflict:
        # Another request stored one of these sales between the look-up and the COPY:
        # all rolled back; again, with the database deciding what is new.
        inserted, stored = _write(engine, who, prepared, direct=False)
    return _outcomes(encoded, results, prepared, inserted, stored)


def store_overlapped(
    engine: sa.Engine,
    who: LaneIdentity,
    tids: Sequence[str],
    prepare: Callable[[], Sequence[EncodedSale] | None],
) -> list[Outcome] | None:
    """``store_encoded(engine, who, prepare())``, or None (nothing written) if ``prepare``
    returns None; ``tids`` are the transaction ids of the sales ``prepare`` will return.
    On PostgreSQL's COPY path the database draws an id for each sale while ``prepare``
    checks and encodes them (:func:`kiosk.hq.pg_copy.draw_ids_while`), and every sale is
    COPYed as new; if one was stored already (a batch sent again) the unique constraint
    refuses the COPY, all is rolled back, and the batch is written again the way that
    asks the database what is new (answering "duplicate" or a conflict per sale)."""
    unique = list(dict.fromkeys(tids))
    copying = engine.dialect.name == "postgresql" and PG_WRITE == "copy"
    if not copying or len(unique) < _COPY_FROM:
        now = prepare()
        return None if now is None else store_encoded(engine, who, now)
    head = (who.store_id, who.lane_id, utc_now())
    encoded: Sequence[EncodedSale] = ()
    try:
        with write_transaction(engine) as conn:
            ids, ready = pg_copy.draw_ids_while(conn, len(unique), prepare)
            if ready is None:
                raise _Declined  # rolled back: only ids were drawn (gaps are fine)
            encoded = ready
            results, prepared = _dedupe(encoded)
            if list(prepared) != unique:
                raise ValueError("store_overlapped: tids are not the prepared sales' ids")
            inserted, stored = dict(zip(unique, ids, strict=True)), {}
            _copy_new(conn, head, prepared, inserted)
    except _Declined:
        return None
    except pg_copy.CopyConflict:  # a sale of the batch is stored already
        inserted, stored = _write(engine, who, prepared, direct=False)
    return _outcomes(encoded, results, prepared, inserted, stored)


class _Declined(Exception):
    """``prepare`` found the batch in doubt: roll back, write nothing."""


def _dedupe(encoded: Sequence[EncodedSale]) -> tuple[dict[int, Outcome], dict[str, EncodedSale]]:
    """The outcomes of repeats inside the batch (by index), and the first sale of each
    transaction id."""
    results: dict[int, Outcome] = {}
    prepared: dict[str, EncodedSale] = {}
    for index, item in enumerate(encoded):
        tid = item.transaction_id
        if tid in prepared:
            same = prepared[tid].sha256 == item.sha256 and prepared[tid].values == item.values
            results[index] = (tid, "duplicate", None) if same else (tid, "rejected", CONFLICT)
        else:
            prepared[tid] = item
    return results, prepared


def _outcomes(
    encoded: Sequence[EncodedSale],
    results: dict[int, Outcome],
    prepared: dict[str, EncodedSale],
    inserted: dict[str, int],
    stored: dict[str, str],
) -> list[Outcome]:
    metrics.sales_stored(len(inserted))  # GET /metrics: the ingest rate
    for index, item in enumerate(encoded):
        if index in results:
            continue
        tid = item.transaction_id
        if tid in inserted:
            results[index] = (tid, "accepted", None)
        elif stored.get(tid) == prepared[tid].sha256:
            results[index] = (tid, "duplicate", None)
        else:
            results[index] = (tid, "rejected", CONFLICT)
    return [results[i] for i in range(len(encoded))]


def _write(
    engine: sa.Engine, who: LaneIdentity, prepared: dict[str, EncodedSale], *, direct: bool
) -> tuple[dict[str, int], dict[str, str]]:
    """One transaction: the sales of ``prepared`` not stored yet, and their lines. Returns
    (transaction id -> sale id of those inserted, transaction id -> stored SHA-256 of the
    others)."""
    head = (who.store_id, who.lane_id, utc_now())
    with write_transaction(engine) as conn:
        if direct and _copying(conn, prepared):
            stored, inserted = pg_copy.look_up(conn, who.store_id, who.lane_id, list(prepared))
            _copy_new(conn, head, prepared, inserted)
            return inserted, stored
        inserted = _insert_sales(conn, [head + p.values for p in prepared.values()])
        stored = _stored_hashes(conn, who, [t for t in prepared if t not in inserted])
        _insert_lines(
            conn,
            [
                (inserted[tid], *line)
                for tid, p in prepared.items()
                if tid in inserted
                for line in p.lines
            ],
        )
        _redeemed(conn, head, prepared, inserted)
    return inserted, stored


def _copy_new(
    conn: sa.Connection,
    head: tuple[str, str, str],
    prepared: dict[str, EncodedSale],
    inserted: dict[str, int],
) -> None:
    """COPY the sales the look-up drew ids for (``inserted``), and their lines."""
    if inserted:
        pg_copy.copy_binary(
            conn,
            "sale",
            ("id", *SALE_COLUMNS),
            [(i, *head, *prepared[tid].values) for tid, i in inserted.items()],
        )
    lines = [(i, *line) for tid, i in inserted.items() for line in prepared[tid].lines]
    if len(inserted) >= _COPY_FROM:
        pg_copy.copy_binary(conn, "sale_line", LINE_COLUMNS, lines)
    else:
        _insert_lines(conn, lines)
    _redeemed(conn, head, prepared, inserted)


def _redeemed(
    conn: sa.Connection,
    head: tuple[str, str, str],
    prepared: dict[str, EncodedSale],
    inserted: dict[str, int],
) -> None:
    """The serial-numbered coupons of the new sales, used once (kiosk.hq.coupons)."""
    documents = ((tid, str(prepared[tid].values[-1])) for tid in inserted)
    coupons.record_redemptions(conn, head[0], head[1], documents)


def _insert_for(conn: sa.Connection) -> Any:
    return postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert


def _chunks(rows: Sequence[T], columns: int) -> Iterator[Sequence[T]]:
    size = max(1, _MAX_PARAMS // columns)
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _copying(conn: sa.Connection, rows: Sequence[Any] | dict[str, Any]) -> bool:
    return conn.dialect.name == "postgresql" and PG_WRITE == "copy" and len(rows) >= _COPY_FROM


def _insert_sales(conn: sa.Connection, rows: list[tuple[Any, ...]]) -> dict[str, int]:
    if _copying(conn, rows):
        return pg_copy.insert_sales(conn, SALE_COLUMNS, rows)
    return _insert_sales_values(conn, [dict(zip(SALE_COLUMNS, row, strict=True)) for row in rows])


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


def _insert_lines(conn: sa.Connection, rows: list[tuple[Any, ...]]) -> None:
    if _copying(conn, rows):
        pg_copy.copy_rows(conn, "sale_line", LINE_COLUMNS, rows)
    elif rows:
        conn.execute(sale_line.insert(), [dict(zip(LINE_COLUMNS, r, strict=True)) for r in rows])


def _stored_hashes(conn: sa.Connection, who: LaneIdentity, tids: list[str]) -> dict[str, str]:
    if not tids:
        return {}
    if conn.dialect.name == "postgresql":  # one array parameter: nothing to compile per size
        result = conn.exec_driver_sql(
            "SELECT transaction_id, document_sha256 FROM sale WHERE store_id = %(store)s "
            "AND lane_id = %(lane)s AND transaction_id = ANY(%(tids)s)",
            {"store": who.store_id, "lane": who.lane_id, "tids": tids},
        )
        return {row[0]: row[1] for row in result}
    found: dict[str, str] = {}
    for chunk in _chunks(tids, 1):
        query = sa.select(sale.c.transaction_id, sale.c.document_sha256).where(
            sale.c.store_id == who.store_id,
            sale.c.lane_id == who.lane_id,
            sale.c.transaction_id.in_(list(chunk)),
        )
        found.update((row[0], row[1]) for row in conn.execute(query))
    return found
