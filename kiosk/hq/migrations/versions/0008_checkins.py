"""Check-in records of the airport and hotel journeys (kiosk.hq.checkins).

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "checkin",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer, "sqlite"),
            primary_key=True,
            autoincrement=True,
        ),
        sa.Column("store_id", sa.String(64), nullable=False),
        sa.Column("lane_id", sa.String(64), nullable=False),
        sa.Column("checkin_id", sa.String(64), nullable=False),
        sa.Column("journey", sa.String(32), nullable=False),
        sa.Column("reference", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("started_at", sa.String(32), nullable=False),
        sa.Column("completed_at", sa.String(32), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("fees_total", sa.BigInteger, nullable=False),
        sa.Column("travellers", sa.Integer, nullable=False),
        sa.Column("checked_in", sa.Integer, nullable=False),
        sa.Column("bags", sa.Integer, nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("document_sha256", sa.String(64), nullable=False),
        sa.Column("received_at", sa.String(32), nullable=False),
        sa.UniqueConstraint("store_id", "lane_id", "checkin_id", name="checkin_lane_id"),
    )


def downgrade() -> None:
    op.drop_table("checkin")
