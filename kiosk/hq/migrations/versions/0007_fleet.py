"""The fleet pages and configuration managed at HQ (kiosk.hq.fleet, kiosk.hq.lane_config).

``lane_fleet``: per lane the config version, the config error and the last error log
records its heartbeat reported, and the device statuses last seen; ``device_history``:
a row each time a device's status changed; ``lane_config_override``: configuration set
at HQ for the fleet, a store or one lane. All start empty.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lane_fleet",
        sa.Column("store_id", sa.String(64), primary_key=True),
        sa.Column("lane_id", sa.String(64), primary_key=True),
        sa.Column("config_version", sa.String(32), nullable=False),
        sa.Column("config_error", sa.Text),
        sa.Column("errors", sa.Text, nullable=False),
        sa.Column("devices", sa.Text, nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "device_history",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer, "sqlite"),
            primary_key=True,
            autoincrement=True,
        ),
        sa.Column("store_id", sa.String(64), nullable=False),
        sa.Column("lane_id", sa.String(64), nullable=False),
        sa.Column("device", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("status", sa.String(64), nullable=False),
        sa.Column("detail", sa.String(200)),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("received_at", sa.String(32), nullable=False),
    )
    op.create_index("device_history_lane", "device_history", ["store_id", "lane_id", "id"])
    op.create_table(
        "lane_config_override",
        sa.Column("store_id", sa.String(64), primary_key=True),
        sa.Column("lane_id", sa.String(64), primary_key=True),
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("lane_config_override")
    op.drop_index("device_history_lane", table_name="device_history")
    op.drop_table("device_history")
    op.drop_table("lane_fleet")
