"""The coupon list and the coupons used once (kiosk.hq.coupons), versioned like offers.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "coupon_entry",
        sa.Column("entry_id", sa.String(64), primary_key=True),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("record", sa.Text, nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_coupon_entry_version", "coupon_entry", ["version"], unique=True)
    op.create_table(
        "coupon_redemption",
        sa.Column("redemption_key", sa.String(64), primary_key=True),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("store_id", sa.String(64), nullable=False),
        sa.Column("lane_id", sa.String(64), nullable=False),
        sa.Column("transaction_id", sa.String(64), nullable=False),
        sa.Column("redeemed_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_coupon_redemption_version", "coupon_redemption", ["version"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_coupon_redemption_version", table_name="coupon_redemption")
    op.drop_table("coupon_redemption")
    op.drop_index("ix_coupon_entry_version", table_name="coupon_entry")
    op.drop_table("coupon_entry")
