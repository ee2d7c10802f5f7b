"""Initial HQ schema: lanes, sales, sale lines, catalog, lane status.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def upgrade() -> None:
    op.create_table(
        "lane",
        sa.Column("store_id", sa.String(64), primary_key=True),
        sa.Column("lane_id", sa.String(64), primary_key=True),
        sa.Column("secret_sha256", sa.String(64), nullable=False),
        sa.Column("enrolled_at", sa.String(32), nullable=False),
        sa.Column("disabled", sa.Boolean, nullable=False),
    )
    op.create_table(
        "sale",
        sa.Column("id", _ID, primary_key=True, autoincrement=True),
        sa.Column("store_id", sa.String(64), nullable=False),
        sa.Column("lane_id", sa.String(64), nullable=False),
        sa.Column("transaction_id", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("started_at", sa.String(32), nullable=False),
        sa.Column("completed_at", sa.String(32), nullable=False),
        sa.Column("net", sa.BigInteger, nullable=False),
        sa.Column("tax", sa.BigInteger, nullable=False),
        sa.Column("deposit", sa.BigInteger, nullable=False),
        sa.Column("total", sa.BigInteger, nullable=False),
        sa.Column("item_count", sa.Integer, nullable=False),
        sa.Column("document_sha256", sa.String(64), nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("received_at", sa.String(32), nullable=False),
        sa.UniqueConstraint("store_id", "lane_id", "transaction_id", name="sale_lane_transaction"),
    )
    op.create_table(
        "sale_line",
        sa.Column("sale_id", _ID, primary_key=True),
        sa.Column("line_no", sa.Integer, primary_key=True),
        sa.Column("sku", sa.String(64), nullable=False),
        sa.Column("gtin", sa.String(14)),
        sa.Column("quantity", sa.Integer, nullable=False),
        sa.Column("weight_g", sa.Integer),
        sa.Column("unit_price", sa.BigInteger, nullable=False),
        sa.Column("amount", sa.BigInteger, nullable=False),
        sa.Column("tax_class", sa.String(32), nullable=False),
        sa.Column("tax", sa.BigInteger, nullable=False),
        sa.Column("voided", sa.Boolean, nullable=False),
    )
    op.create_table(
        "catalog_state",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("last_version", sa.BigInteger, nullable=False),
    )
    op.execute("INSERT INTO catalog_state (id, last_version) VALUES (1, 0)")
    op.create_table(
        "catalog_item",
        sa.Column("sku", sa.String(64), primary_key=True),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("names", sa.Text, nullable=False),
        sa.Column("price", sa.BigInteger, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("tax_class", sa.String(32), nullable=False),
        sa.Column("unit", sa.String(8), nullable=False),
        sa.Column("gtins", sa.Text, nullable=False),
        sa.Column("plu", sa.String(5)),
        sa.Column("age_limit", sa.Integer),
        sa.Column("quantity_limit", sa.Integer),
        sa.Column("deposit", sa.BigInteger),
        sa.Column("category", sa.String(64), nullable=False),
        sa.Column("image", sa.String(255)),
        sa.Column("updated_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_catalog_item_version", "catalog_item", ["version"], unique=True)
    op.create_table(
        "lane_status",
        sa.Column("store_id", sa.String(64), primary_key=True),
        sa.Column("lane_id", sa.String(64), primary_key=True),
        sa.Column("state", sa.String(32), nullable=False),
        sa.Column("app_version", sa.String(32), nullable=False),
        sa.Column("outbox_depth", sa.Integer, nullable=False),
        sa.Column("devices", sa.Text, nullable=False),
        sa.Column("sent_at", sa.String(32), nullable=False),
        sa.Column("received_at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    for name in ("lane_status", "catalog_item", "catalog_state", "sale_line", "sale", "lane"):
        op.drop_table(name)
