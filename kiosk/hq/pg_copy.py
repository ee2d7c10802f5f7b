"""PostgreSQL bulk writes with COPY (psycopg 3): the faster path for sale batches.

Three ways, all in the caller's transaction:

* :func:`draw_ids_while` then COPY (the fast path's, issue 16): ids are drawn from the
  table's sequence for every sale of the batch, without asking which are stored, and the
  sales are COPYed straight in; a batch holding a sale stored already (a lane that never
  heard HQ's answer sends it again) is refused by the unique (store, lane, transaction
  id) constraint: :class:`CopyConflict`, and the caller writes again the look-up's or the
  staging way. A lane's batches are new sales nearly always, and probing the index for
  each before the COPY probes it again cost PostgreSQL ~1.8 ms of a 500-sale batch.
* :func:`look_up` then COPY: one query finds which transaction ids are stored already
  and draws ids from the table's sequence for the others, which are COPYed straight
  into ``sale`` and ``sale_line`` (:func:`copy_binary`). If a concurrent request stored
  one of them meanwhile, the unique (store, lane, transaction id) constraint refuses the
  COPY: :class:`CopyConflict`, and the caller writes again the other way.
* :func:`insert_sales`: COPY into a per-connection temporary staging table, then one
  ``INSERT ... SELECT ... ON CONFLICT DO NOTHING RETURNING``, so the constraint decides
  what is new (slower: the INSERT ... SELECT moves every row a second time).

:func:`copy_binary` sends COPY's binary format, each row written by psycopg's C code
(no formatting or escaping in Python; the column types come from the catalog).
:func:`copy_rows` (the staging path) sends COPY *text* encoded here, a chunk of
``CHUNK_BYTES`` at a time: ``None`` is ``\\N``, a bool ``t``/``f``, an int its digits,
text with backslash, tab, newline and carriage return escaped (the COPY text format's
specials).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import sqlalchemy as sa

from kiosk.hq.errors import HqError

CHUNK_BYTES = 256 * 1024
T = TypeVar("T")
_STAGE = (
    "CREATE TEMP TABLE IF NOT EXISTS sale_stage (LIKE sale INCLUDING DEFAULTS) "
    "ON COMMIT DELETE ROWS"
)
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def text(value: str) -> str:
    """``value`` as a COPY text field (its specials escaped)."""
    if "\\" in value or "\t" in value or "\n" in value or "\r" in value:
        return value.translate(_ESCAPES)
    return value


_FORMATS: dict[type, Callable[[Any], str]] = {
    int: str,
    str: text,
    type(None): lambda _: "\\N",
    bool: lambda value: "t" if value else "f",
}


def copy_value(value: Any) -> str:
    """``value`` (int, str, bool or None) as one field of COPY text format."""
    return _FORMATS[type(value)](value)


def copy_line(row: Sequence[Any]) -> str:
    """One row of COPY text (no newline)."""
    formats = _FORMATS
    return "\t".join([formats[type(v)](v) for v in row])


class LookUpFailed(HqError):
    """The database failed the query of :func:`draw_ids_while` (a lost connection...)."""


class CopyConflict(HqError):
    """A row COPYed broke a unique constraint (a concurrent writer got there first); the
    transaction is lost and must be rolled back."""


def copy_rows(
    conn: sa.Connection, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    """COPY ``rows`` (tuples in ``columns`` order) into ``table`` in the current transaction.

    Raises:
        CopyConflict: if a row breaks a unique constraint.
    """
    from psycopg import errors

    try:
        _copy(conn, table, columns, rows)
    except errors.UniqueViolation as error:
        raise CopyConflict(f"COPY into {table}: {error.diag.constraint_name}") from error


def _copy(
    conn: sa.Connection,
    table: str,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
) -> None:
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        chunk: list[str] = []
        size = 0
        for row in rows:
            line = copy_line(row)
            chunk.append(line)
            size += len(line)
            if size >= CHUNK_BYTES:
                copy.write(("\n".join(chunk) + "\n").encode())
                chunk, size = [], 0
        if chunk:
            copy.write(("\n".join(chunk) + "\n").encode())


# One probe of the unique (store, lane, transaction id) index per transaction id (a
# LATERAL subquery; its LIMIT keeps the planner from turning it into a join), whatever
# the planner believes. As a plain LEFT JOIN, with statistics from before a bulk load
# (the lane estimated at 1 row), it hashed every stored sale of the lane per batch, so
# the look-up grew with the lane's history (4 ms -> 40 ms per 500-sale batch over a
# 20,000-sale drain). The sequence is named once per query (an InitPlan), not per row.
def copy_binary(
    conn: sa.Connection, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    """COPY ``rows`` (tuples in ``columns`` order: int, str, bool or None) into ``table`` in
    the current transaction, in COPY's binary format: psycopg's C code writes each row, so
    nothing is formatted or escaped in Python (1,500 sale lines: ~2.0 ms against ~3.4 ms
    as text built here). The column types are read from the catalog once per connection.

    Raises:
        CopyConflict: if a row breaks a unique constraint.
    """
    from psycopg import errors

    raw = conn.connection.driver_connection
    cursor = raw.cursor()  # type: ignore[union-attr]
    types = _column_types(raw, cursor, table, columns)
    try:
        with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN (FORMAT BINARY)") as copy:
            copy.set_types(types)
            for row in rows:
                copy.write_row(row)
    except errors.UniqueViolation as error:
        raise CopyConflict(f"COPY into {table}: {error.diag.constraint_name}") from error


# Per pooled connection: (table, columns) -> the columns' type oids (binary COPY needs
# the exact types: an int4 column refuses an int8 value).
_TYPES: weakref.WeakKeyDictionary[Any, dict[tuple[str, tuple[str, ...]], list[int]]] = (
    weakref.WeakKeyDictionary()
)


def _column_types(raw: Any, cursor: Any, table: str, columns: Sequence[str]) -> list[int]:
    known = _TYPES.setdefault(raw, {})
    key = (table, tuple(columns))
    if key not in known:
        cursor.execute(
            "SELECT attname, atttypid::int FROM pg_attribute WHERE attrelid = %s::regclass "
            "AND attnum > 0 AND NOT attisdropped",
            (table,),
        )
        oids = dict(cursor.fetchall())
        known[key] = [oids[name] for name in columns]
    return known[key]


_LOOK_UP = (
    "SELECT t.tid, s.document_sha256, CASE WHEN s.document_sha256 IS NULL THEN nextval(("
    "SELECT pg_get_serial_sequence('sale', 'id'))::regclass) END "
    "FROM unnest(%(tids)s::text[]) AS t(tid) LEFT JOIN LATERAL (SELECT document_sha256 "
    "FROM sale WHERE store_id = %(store)s AND lane_id = %(lane)s AND transaction_id = t.tid "
    "LIMIT 1) AS s ON true"
)
# The same with the ids as one text of lines: psycopg dumps a 500-string list in Python
# (~0.6 ms of CPU per 500-sale batch), one string in C (issue 16). Only when no id holds
# a newline and none is empty (the fast path's never do: JSON has no raw control
# characters and it declines escaped ones); else the array.
_LOOK_UP_LINES = _LOOK_UP.replace(
    "unnest(%(tids)s::text[])", "unnest(string_to_array(%(tids)s, E'\\n'))"
)


def _look_up_query(tids: Sequence[str]) -> tuple[str, str | list[str]]:
    """The look-up query and its ``tids`` parameter (see _LOOK_UP_LINES)."""
    lines = "\n".join(tids)
    if all(tids) and lines.count("\n") == len(tids) - 1:
        return _LOOK_UP_LINES, lines
    return _LOOK_UP, list(tids)


def look_up(
    conn: sa.Connection, store_id: str, lane_id: str, tids: Sequence[str]
) -> tuple[dict[str, str], dict[str, int]]:
    """In one round trip: (transaction id -> stored SHA-256) of the sales stored already,
    and (transaction id -> a new id from the sequence) of the others."""
    stored: dict[str, str] = {}
    new: dict[str, int] = {}
    query, param = _look_up_query(tids)
    params = {"tids": param, "store": store_id, "lane": lane_id}
    for tid, sha, new_id in conn.exec_driver_sql(query, params):
        if new_id is None:
            stored[tid] = sha
        else:
            new[tid] = new_id
    return stored, new


_DRAW_IDS = (
    "SELECT nextval((SELECT pg_get_serial_sequence('sale', 'id'))::regclass) "
    "FROM generate_series(1, %(n)s)"
)


def draw_ids_while(conn: sa.Connection, count: int, work: Callable[[], T]) -> tuple[list[int], T]:
    """``count`` new ids from the ``sale`` sequence, and ``work()``'s result, which runs
    while the database draws them: the query is sent first (psycopg's pipeline mode), so
    its round trip overlaps the caller's checks and encoding. Ids a rolled-back
    transaction drew are gaps, as with any sequence."""
    from psycopg import Error

    raw = conn.connection.driver_connection
    cursor = raw.cursor()  # type: ignore[union-attr]
    try:
        with raw.pipeline():  # type: ignore[union-attr]
            cursor.execute(_DRAW_IDS, {"n": count})
            done = work()
            rows = cursor.fetchall()
    except Error as error:  # psycopg's own, not wrapped by SQLAlchemy here
        raise LookUpFailed(f"drawing sale ids: {type(error).__name__}") from error
    return [row[0] for row in rows], done


def insert_sales(
    conn: sa.Connection, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> dict[str, int]:
    """Insert new sales via the staging table; map transaction id -> id of those inserted."""
    if not rows:
        return {}
    names = ", ".join(columns)
    conn.exec_driver_sql(_STAGE)
    copy_rows(conn, "sale_stage", columns, rows)
    result = conn.exec_driver_sql(
        f"INSERT INTO sale ({names}) SELECT {names} FROM sale_stage "
        "ON CONFLICT (store_id, lane_id, transaction_id) DO NOTHING "
        "RETURNING transaction_id, id"
    )
    return {row[0]: row[1] for row in result}  # ON COMMIT DELETE ROWS empties the stage
