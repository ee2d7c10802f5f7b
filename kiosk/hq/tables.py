"""The HQ database schema as SQLAlchemy Core tables (one definition for SQLite and PostgreSQL).

Alembic migrations in ``kiosk/hq/migrations/versions`` create exactly these
tables; ``tests/hq`` checks that a migrated database matches this metadata.

- ``lane``: enrolled lanes and the SHA-256 of their secret.
- ``sale`` / ``sale_line``: received sales, unique on (store, lane, transaction id)
  (DESIGN.md invariant 4); the whole sale document is kept in ``document``.
- ``catalog_item``: the master catalog; every change takes the next ``version``
  from ``catalog_state`` so lanes can ask for "changes since cursor N".
- ``lane_status``: the last heartbeat of each lane.
- ``lane_audit``: staff actions outside a sale, unique on (store, lane, audit id).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

lane = Table(
    "lane",
    metadata,
    Column("store_id", String(64), primary_key=True),
    Column("lane_id", String(64), primary_key=True),
    Column("secret_sha256", String(64), nullable=False),
    Column("enrolled_at", String(32), nullable=False),
    Column("disabled", Boolean, nullable=False, default=False),
)

sale = Table(
    "sale",
    metadata,
    Column(
        "id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    ),
    Column("store_id", String(64), nullable=False),
    Column("lane_id", String(64), nullable=False),
    Column("transaction_id", String(64), nullable=False),
    Column("status", String(16), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("started_at", String(32), nullable=False),
    Column("completed_at", String(32), nullable=False),
    Column("net", BigInteger, nullable=False),
    Column("tax", BigInteger, nullable=False),
    Column("deposit", BigInteger, nullable=False),
    Column("total", BigInteger, nullable=False),
    Column("item_count", Integer, nullable=False),
    Column("document_sha256", String(64), nullable=False),
    Column("document", Text, nullable=False),
    Column("received_at", String(32), nullable=False),
    UniqueConstraint("store_id", "lane_id", "transaction_id", name="sale_lane_transaction"),
)

sale_line = Table(
    "sale_line",
    metadata,
    Column("sale_id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True),
    Column("line_no", Integer, primary_key=True),
    Column("sku", String(64), nullable=False),
    Column("gtin", String(14)),
    Column("quantity", Integer, nullable=False),
    Column("weight_g", Integer),
    Column("unit_price", BigInteger, nullable=False),
    Column("amount", BigInteger, nullable=False),
    Column("tax_class", String(32), nullable=False),
    Column("tax", BigInteger, nullable=False),
    Column("voided", Boolean, nullable=False),
)

catalog_state = Table(
    "catalog_state",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("last_version", BigInteger, nullable=False),
)

catalog_item = Table(
    "catalog_item",
    metadata,
    Column("sku", String(64), primary_key=True),
    Column("version", BigInteger, nullable=False, index=True, unique=True),
    Column("deleted", Boolean, nullable=False, default=False),
    Column("names", Text, nullable=False),
    Column("price", BigInteger, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("tax_class", String(32), nullable=False),
    Column("unit", String(8), nullable=False),
    Column("gtins", Text, nullable=False),
    Column("plu", String(5)),
    Column("age_limit", Integer),
    Column("quantity_limit", Integer),
    Column("deposit", BigInteger),
    Column("category", String(64), nullable=False),
    Column("image", String(255)),
    Column("updated_at", String(32), nullable=False),
)

lane_status = Table(
    "lane_status",
    metadata,
    Column("store_id", String(64), primary_key=True),
    Column("lane_id", String(64), primary_key=True),
    Column("state", String(32), nullable=False),
    Column("app_version", String(32), nullable=False),
    Column("outbox_depth", Integer, nullable=False),
    Column("devices", Text, nullable=False),
    Column("sent_at", String(32), nullable=False),
    Column("received_at", String(32), nullable=False),
)

lane_audit = Table(
    "lane_audit",
    metadata,
    Column(
        "id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    ),
    Column("store_id", String(64), nullable=False),
    Column("lane_id", String(64), nullable=False),
    Column("audit_id", String(64), nullable=False),
    Column("at", String(32), nullable=False),
    Column("staff_id", String(64)),
    Column("action", String(40), nullable=False),
    Column("reason", Text, nullable=False),
    Column("details", Text, nullable=False),
    Column("document_sha256", String(64), nullable=False),
    Column("received_at", String(32), nullable=False),
    UniqueConstraint("store_id", "lane_id", "audit_id", name="lane_audit_lane_id"),
)
