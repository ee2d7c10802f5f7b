"""PostgreSQL bulk writes with COPY (psycopg 3): the faster path for sale batches.

``insert_sales`` COPYs rows into a per-connection temporary staging table, then moves
them with one ``INSERT ... SELECT ... ON CONFLICT DO NOTHING RETURNING`` so the
unique (store, lane, transaction id) constraint still decides what is new.

Rows go as COPY *text* encoded here, a chunk of ``CHUNK_BYTES`` at a time (one
``write`` per chunk instead of psycopg adapting every value of every row): ``None``
is ``\\N``, a bool ``t``/``f``, an int its digits, text with backslash, tab, newline
and carriage return escaped (the COPY text format's specials).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa

CHUNK_BYTES = 256 * 1024
_STAGE = (
    "CREATE TEMP TABLE IF NOT EXISTS sale_stage (LIKE sale INCLUDING DEFAULTS) "
    "ON COMMIT DELETE ROWS"
)
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def copy_value(value: Any) -> str:
    """``value`` as one field of COPY text format."""
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, str):
        if "\\" in value or "\t" in value or "\n" in value or "\r" in value:
            return value.translate(_ESCAPES)
        return value
    return str(value)


def copy_rows(
    conn: sa.Connection, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    """COPY ``rows`` (tuples in ``columns`` order) into ``table`` in the current transaction."""
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        chunk: list[str] = []
        size = 0
        for row in rows:
            line = "\t".join([copy_value(v) for v in row])
            chunk.append(line)
            size += len(line)
            if size >= CHUNK_BYTES:
                copy.write(("\n".join(chunk) + "\n").encode())
                chunk, size = [], 0
        if chunk:
            copy.write(("\n".join(chunk) + "\n").encode())


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
