"""Service events (docs/service-events.md) and their rollups for the KPI engine.

``service_event`` keeps every event once (unique on store, lane, event id);
``kpi_day`` and ``kpi_hour`` hold per-day (and per-hour) sums per lane, journey,
language, metric and key, written in the same transaction as the events they count,
so a KPI query reads thousands of rollup rows instead of millions of events.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _id() -> sa.Column[int]:
    return sa.Column(
        "id",
        sa.BigInteger().with_variant(sa.Integer, "sqlite"),
        primary_key=True,
        autoincrement=True,
    )


def _rollup(name: str, *time_columns: sa.Column[object]) -> None:
    op.create_table(
        name,
        *time_columns,
        sa.Column("store_id", sa.String(64), primary_key=True),
        sa.Column("lane_id", sa.String(64), primary_key=True),
        sa.Column("journey", sa.String(16), primary_key=True),
        sa.Column("language", sa.String(16), primary_key=True),
        sa.Column("metric", sa.String(24), primary_key=True),
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("n", sa.BigInteger, nullable=False),
        sa.Column("total", sa.BigInteger, nullable=False),
    )


def upgrade() -> None:
    op.create_table(
        "service_event",
        _id(),
        sa.Column("store_id", sa.String(64), nullable=False),
        sa.Column("lane_id", sa.String(64), nullable=False),
        sa.Column("event_id", sa.String(36), nullable=False),
        sa.Column("journey", sa.String(16), nullable=False),
        sa.Column("transaction_id", sa.String(64)),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("ref", sa.String(64)),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("language", sa.String(16)),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("document_sha256", sa.String(64), nullable=False),
        sa.Column("received_at", sa.String(32), nullable=False),
        sa.UniqueConstraint("store_id", "lane_id", "event_id", name="service_event_lane_id"),
    )
    op.create_index(
        "service_event_transaction", "service_event", ["store_id", "lane_id", "transaction_id"]
    )
    op.create_index("service_event_ref", "service_event", ["store_id", "lane_id", "ref", "at"])
    op.create_index("service_event_at", "service_event", ["at"])
    _rollup("kpi_day", sa.Column("day", sa.String(10), primary_key=True))
    _rollup(
        "kpi_hour",
        sa.Column("day", sa.String(10), primary_key=True),
        sa.Column("hour", sa.Integer, primary_key=True, autoincrement=False),
    )


def downgrade() -> None:
    op.drop_table("kpi_hour")
    op.drop_table("kpi_day")
    op.drop_table("service_event")
