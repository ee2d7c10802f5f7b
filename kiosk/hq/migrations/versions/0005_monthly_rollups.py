"""Monthly and fleet-wide rollups of service events, and indexes on the daily one.

``kpi_month`` / ``kpi_month_hour`` are ``kpi_day`` / ``kpi_hour`` summed by calendar
month: a KPI query over whole months reads them (about thirty times fewer rows) and
only the days at the edges of its range from ``kpi_day``. They are filled from the
daily rollups here and by the ingest from now on. ``kpi_day_fleet`` is ``kpi_day`` without
store and lane, for breakdowns by day of the whole fleet. ``kpi_day_lane_days`` lets the
lane-day count (availability, utilisation) read an index instead of the whole table;
``kpi_day_lane`` finds one store's or lane's days.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_DIMS = "store_id, lane_id, journey, language, metric, key"


def _table(name: str, *time_columns: sa.Column[object], lanes: bool = True) -> None:
    lane_columns = (
        [
            sa.Column("store_id", sa.String(64), primary_key=True),
            sa.Column("lane_id", sa.String(64), primary_key=True),
        ]
        if lanes
        else []
    )
    op.create_table(
        name,
        *time_columns,
        *lane_columns,
        sa.Column("journey", sa.String(16), primary_key=True),
        sa.Column("language", sa.String(16), primary_key=True),
        sa.Column("metric", sa.String(24), primary_key=True),
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("n", sa.BigInteger, nullable=False),
        sa.Column("total", sa.BigInteger, nullable=False),
    )


def upgrade() -> None:
    _table("kpi_month", sa.Column("month", sa.String(7), primary_key=True))
    _table(
        "kpi_month_hour",
        sa.Column("month", sa.String(7), primary_key=True),
        sa.Column("hour", sa.Integer, primary_key=True, autoincrement=False),
    )
    _table("kpi_day_fleet", sa.Column("day", sa.String(10), primary_key=True), lanes=False)
    op.create_index("kpi_day_lane_days", "kpi_day", ["metric", "day", "store_id", "lane_id"])
    op.create_index("kpi_day_lane", "kpi_day", ["store_id", "lane_id", "day"])
    fleet = "journey, language, metric, key"
    op.execute(
        f"INSERT INTO kpi_day_fleet (day, {fleet}, n, total) "
        f"SELECT day, {fleet}, sum(n), sum(total) FROM kpi_day GROUP BY day, {fleet}"
    )
    op.execute(
        f"INSERT INTO kpi_month (month, {_DIMS}, n, total) "
        f"SELECT substr(day, 1, 7), {_DIMS}, sum(n), sum(total) FROM kpi_day "
        f"GROUP BY substr(day, 1, 7), {_DIMS}"
    )
    op.execute(
        f"INSERT INTO kpi_month_hour (month, hour, {_DIMS}, n, total) "
        f"SELECT substr(day, 1, 7), hour, {_DIMS}, sum(n), sum(total) FROM kpi_hour "
        f"GROUP BY substr(day, 1, 7), hour, {_DIMS}"
    )


def downgrade() -> None:
    op.drop_index("kpi_day_lane", "kpi_day")
    op.drop_index("kpi_day_lane_days", "kpi_day")
    op.drop_table("kpi_day_fleet")
    op.drop_table("kpi_month_hour")
    op.drop_table("kpi_month")
