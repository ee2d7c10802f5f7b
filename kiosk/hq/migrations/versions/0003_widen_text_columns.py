"""Widen the text columns that were narrower than the API models allow (32 -> 64).

``sale_line.tax_class``, ``catalog_item.tax_class`` and ``lane_status.state`` were 32
characters while the models accept 64: on PostgreSQL a legal 33-64 character value
failed the whole insert ("value too long"), which HQ answered as 503 and lanes retried
forever. On PostgreSQL widening a varchar only changes the catalog (no table rewrite);
SQLite ignores the length but Alembic's batch mode copies the table so the declared
type matches ``kiosk/hq/tables.py``.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_WIDENED = (("sale_line", "tax_class"), ("catalog_item", "tax_class"), ("lane_status", "state"))


def _retype(old: int, new: int) -> None:
    for table, column in _WIDENED:
        with op.batch_alter_table(table) as batch:
            batch.alter_column(
                column,
                existing_type=sa.String(old),
                type_=sa.String(new),
                existing_nullable=False,
            )


def upgrade() -> None:
    _retype(32, 64)


def downgrade() -> None:
    _retype(64, 32)  # fails on PostgreSQL if a longer value was stored since: keep it
