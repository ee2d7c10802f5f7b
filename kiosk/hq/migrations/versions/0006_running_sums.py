"""Running (prefix) sums of the KPI rollups (:mod:`kiosk.hq.kpi_cum`), filled from them.

``kpi_cum_day`` / ``kpi_cum_hour`` hold per lane (and for the fleet: store and lane "")
and cell the sum of every day up to and including ``day``, one row per calendar day from
the cell's first day to the lane's last (``kpi_cum_lane``), so any range of days is two
rows per lane and cell. They are filled here from ``kpi_day``, ``kpi_day_fleet`` and
``kpi_hour`` (the same rows the ingest writes from now on: tests/hq checks both) and
kept by the ingest in the transaction that stores the events.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_CELLS = ["journey", "language", "metric", "key"]
# Sources of the running sums: (target, its cell columns, SELECT of day sums with
# day, store_id, lane_id, the cell columns, n, total).
_SOURCES = (
    ("kpi_cum_day", _CELLS, f"SELECT day, store_id, lane_id, {', '.join(_CELLS)}, n, total "
     "FROM kpi_day"),
    ("kpi_cum_day", _CELLS, f"SELECT day, '' AS store_id, '' AS lane_id, {', '.join(_CELLS)}, "
     "n, total FROM kpi_day_fleet"),
    ("kpi_cum_hour", ["hour", *_CELLS], "SELECT day, hour, store_id, lane_id, journey, language, "
     "metric, '' AS key, sum(n) AS n, sum(total) AS total FROM kpi_hour "
     "WHERE metric = 'interventions' "
     "GROUP BY day, hour, store_id, lane_id, journey, language, metric"),
    ("kpi_cum_hour", ["hour", *_CELLS], "SELECT day, hour, '' AS store_id, '' AS lane_id, "
     "journey, language, metric, key, sum(n) AS n, sum(total) AS total FROM kpi_hour "
     "GROUP BY day, hour, journey, language, metric, key"),
)  # fmt: skip


def _table(name: str, *hour: sa.Column[object]) -> None:
    op.create_table(
        name,
        sa.Column("day", sa.String(10), primary_key=True),
        sa.Column("store_id", sa.String(64), primary_key=True),
        sa.Column("lane_id", sa.String(64), primary_key=True),
        *hour,  # after the lane: a lane's rows of a day are together
        sa.Column("journey", sa.String(16), primary_key=True),
        sa.Column("language", sa.String(16), primary_key=True),
        sa.Column("metric", sa.String(24), primary_key=True),
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("n", sa.BigInteger, nullable=False),
        sa.Column("total", sa.BigInteger, nullable=False),
    )


def upgrade() -> None:
    _table("kpi_cum_day")
    _table("kpi_cum_hour", sa.Column("hour", sa.Integer, primary_key=True, autoincrement=False))
    op.create_table(
        "kpi_cum_lane",
        sa.Column("store_id", sa.String(64), primary_key=True),
        sa.Column("lane_id", sa.String(64), primary_key=True),
        sa.Column("first_day", sa.String(10), nullable=False),
        sa.Column("last_day", sa.String(10), nullable=False),
    )
    fill()


def fill() -> None:
    """Fill the running sums from the day sums (the tables must be empty)."""
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("SET LOCAL work_mem = '256MB'")
    op.execute(
        "INSERT INTO kpi_cum_lane (store_id, lane_id, first_day, last_day) "
        "SELECT store_id, lane_id, min(day), max(day) FROM kpi_day GROUP BY store_id, lane_id"
    )
    op.execute(
        "INSERT INTO kpi_cum_lane (store_id, lane_id, first_day, last_day) "
        "SELECT '', '', min(day), max(day) FROM kpi_day HAVING count(*) > 0"
    )
    first, last = bind.execute(sa.text("SELECT min(day), max(day) FROM kpi_day")).one()
    if first is None:
        return
    calendar = op.create_table("kpi_calendar", sa.Column("day", sa.String(10), primary_key=True))
    start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    days = [(start + dt.timedelta(days=i)).isoformat() for i in range((end - start).days + 1)]
    op.bulk_insert(calendar, [{"day": day} for day in days])
    for target, cells, source in _SOURCES:
        dims = ["store_id", "lane_id", *cells]
        listed = ", ".join(f"c.{name}" for name in dims)
        window = f"OVER (PARTITION BY {listed} ORDER BY cal.day ROWS UNBOUNDED PRECEDING)"
        matches = " AND ".join(f"s.{name} = c.{name}" for name in dims)
        op.execute(
            f"INSERT INTO {target} (day, {', '.join(dims)}, n, total) "
            f"SELECT cal.day, {listed}, sum(coalesce(s.n, 0)) {window}, "
            f"sum(coalesce(s.total, 0)) {window} "
            f"FROM (SELECT {', '.join(dims)}, min(day) AS first FROM ({source}) src "
            f"GROUP BY {', '.join(dims)}) c "
            "JOIN kpi_cum_lane l ON l.store_id = c.store_id AND l.lane_id = c.lane_id "
            "JOIN kpi_calendar cal ON cal.day >= c.first AND cal.day <= l.last_day "
            f"LEFT JOIN ({source}) s ON s.day = cal.day AND {matches} "
            # in the order of the primary key (day, lane first), as the ingest appends
            # them: a range query reads each lane's few rows from one or two pages
            f"ORDER BY cal.day, {listed}"
        )
    op.drop_table("kpi_calendar")


def downgrade() -> None:
    op.drop_table("kpi_cum_lane")
    op.drop_table("kpi_cum_hour")
    op.drop_table("kpi_cum_day")
