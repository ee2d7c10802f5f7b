"""PostgreSQL bulk writes with COPY (psycopg 3): the faster path for sale batches.

``insert_sales`` COPYs rows into a per-connection temporary staging table, then moves
them with one ``INSERT ... SELECT ... ON CONFLICT DO NOTHING RETURNING`` so the
unique (store, lane, transaction id) constraint still decides what is new.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

_STAGE = (
    "CREATE TEMP TABLE IF NOT EXISTS sale_stage (LIKE sale INCLUDING DEFAULTS) "
    "ON COMMIT DELETE ROWS"
)


def copy_rows(conn: sa.Connection, table: str, rows: list[dict[str, Any]]) -> None:
    """COPY ``rows`` (dicts with the same keys) into ``table`` in the current transaction."""
    columns = list(rows[0])
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row[c] for c in columns])


def insert_sales(conn: sa.Connection, rows: list[dict[str, Any]]) -> dict[str, int]:
    """Insert new sales via the staging table; map transaction id -> id of those inserted."""
    if not rows:
        return {}
    columns = ", ".join(rows[0])
    conn.exec_driver_sql(_STAGE)
    copy_rows(conn, "sale_stage", rows)
    result = conn.exec_driver_sql(
        f"INSERT INTO sale ({columns}) SELECT {columns} FROM sale_stage "
        "ON CONFLICT (store_id, lane_id, transaction_id) DO NOTHING "
        "RETURNING transaction_id, id"
    )
    return {row[0]: row[1] for row in result}  # ON COMMIT DELETE ROWS empties the stage
