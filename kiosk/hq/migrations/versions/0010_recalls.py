"""Recalled (GTIN, batch) pairs for the lanes (kiosk.hq.recalls), versioned like offers.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "recall",
        sa.Column("gtin", sa.String(14), primary_key=True),
        sa.Column("batch", sa.String(20), primary_key=True),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("withdrawn", sa.Boolean, nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_recall_version", "recall", ["version"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_recall_version", table_name="recall")
    op.drop_table("recall")
