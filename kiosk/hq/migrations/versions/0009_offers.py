"""Offers and loyalty cards for the lanes (kiosk.hq.offers), versioned like the catalog.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "offer",
        sa.Column("offer_id", sa.String(64), primary_key=True),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("record", sa.Text, nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_offer_version", "offer", ["version"], unique=True)
    op.create_table(
        "loyalty_card",
        sa.Column("number", sa.String(13), primary_key=True),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("blocked", sa.Boolean, nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_loyalty_card_version", "loyalty_card", ["version"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_loyalty_card_version", table_name="loyalty_card")
    op.drop_table("loyalty_card")
    op.drop_index("ix_offer_version", table_name="offer")
    op.drop_table("offer")
