"""The HQ database schema as SQLAlchemy Core tables (one definition for SQLite and PostgreSQL).

Alembic migrations in ``kiosk/hq/migrations/versions`` create exactly these
tables; ``tests/hq`` checks that a migrated database matches this metadata.

- ``lane``: enrolled lanes and the SHA-256 of their secret.
- ``sale`` / ``sale_line``: received sales, unique on (store, lane, transaction id)
  (DESIGN.md invariant 4); the whole sale document is kept in ``document``.
- ``catalog_item``: the master catalog; every change takes the next ``version``
  from ``catalog_state`` so lanes can ask for "changes since cursor N".
- ``offer`` / ``loyalty_card``: offers and loyalty cards for the lanes (kiosk.hq.offers),
  versioned from ``catalog_state`` like the catalog; deleted offers stay as tombstones.
- ``recall``: recalled (GTIN, batch) pairs for the lanes (kiosk.hq.recalls), versioned the
  same way; a lifted recall stays with ``withdrawn`` true.
- ``lane_status``: the last heartbeat of each lane.
- ``lane_audit``: staff actions outside a sale, unique on (store, lane, audit id).
- ``checkin``: check-in records of the airport and hotel journeys (no MRZ), unique on
  (store, lane, check-in id).
- ``service_event``: service events (docs/service-events.md), unique on (store, lane,
  event id); ``kpi_day`` / ``kpi_hour`` / ``kpi_month`` / ``kpi_month_hour`` /
  ``kpi_day_fleet``: their rollups (:mod:`kiosk.hq.rollup`), which the KPI engine
  reads instead of the events; ``kpi_cum_day`` / ``kpi_cum_hour`` / ``kpi_cum_lane``:
  their running (prefix) sums per lane and of the fleet (:mod:`kiosk.hq.kpi_cum`).

Every length-limited text column says where its values come from in
``info["from"]``: API model fields (``"SaleLine.tax_class"``; tests/hq checks that
the model's ``max_length`` fits the column, so a legal value never meets a
PostgreSQL "value too long"), ``"catalog_csv"`` (the import checks each value against
the column itself) or ``"hq"`` (HQ writes it: hashes, its own times, enrolled ids).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    literal_column,
)

metadata = MetaData()
HQ = {"from": "hq"}
CSV = {"from": "catalog_csv"}


def source(*fields: str) -> dict[str, tuple[str, ...]]:
    """``Column(..., info=source("Model.field", ...))``: the API fields a column stores."""
    return {"from": fields}


lane = Table(
    "lane",
    metadata,
    Column("store_id", String(64), primary_key=True, info=HQ),
    Column("lane_id", String(64), primary_key=True, info=HQ),
    Column("secret_sha256", String(64), nullable=False, info=HQ),
    Column("enrolled_at", String(32), nullable=False, info=HQ),
    Column("disabled", Boolean, nullable=False, default=False),
)

sale = Table(
    "sale",
    metadata,
    Column(
        "id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    ),
    Column("store_id", String(64), nullable=False, info=source("SaleDocument.store_id")),
    Column("lane_id", String(64), nullable=False, info=source("SaleDocument.lane_id")),
    Column(
        "transaction_id", String(64), nullable=False, info=source("SaleDocument.transaction_id")
    ),
    Column("status", String(16), nullable=False, info=source("SaleDocument.status")),
    Column("currency", String(3), nullable=False, info=source("SaleDocument.currency")),
    Column("started_at", String(32), nullable=False, info=source("SaleDocument.started_at")),
    Column("completed_at", String(32), nullable=False, info=source("SaleDocument.completed_at")),
    Column("net", BigInteger, nullable=False),
    Column("tax", BigInteger, nullable=False),
    Column("deposit", BigInteger, nullable=False),
    Column("total", BigInteger, nullable=False),
    Column("item_count", Integer, nullable=False),
    Column("document_sha256", String(64), nullable=False, info=HQ),
    Column("document", Text, nullable=False),
    Column("received_at", String(32), nullable=False, info=HQ),
    UniqueConstraint("store_id", "lane_id", "transaction_id", name="sale_lane_transaction"),
)

sale_line = Table(
    "sale_line",
    metadata,
    Column("sale_id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True),
    Column("line_no", Integer, primary_key=True),
    Column("sku", String(64), nullable=False, info=source("SaleLine.sku")),
    Column("gtin", String(14), info=source("SaleLine.gtin")),
    Column("quantity", Integer, nullable=False),
    Column("weight_g", Integer),
    Column("unit_price", BigInteger, nullable=False),
    Column("amount", BigInteger, nullable=False),
    # 64 since migration 0003: the models allow 64 and lanes use longer names than 32.
    Column("tax_class", String(64), nullable=False, info=source("SaleLine.tax_class")),
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
    Column("sku", String(64), primary_key=True, info=CSV),
    Column("version", BigInteger, nullable=False, index=True, unique=True),
    Column("deleted", Boolean, nullable=False, default=False),
    Column("names", Text, nullable=False),
    Column("price", BigInteger, nullable=False),
    Column("currency", String(3), nullable=False, info=CSV),
    # 64 since migration 0003, like sale_line.tax_class: a class sold must be storable.
    Column("tax_class", String(64), nullable=False, info=CSV),
    Column("unit", String(8), nullable=False, info=CSV),
    Column("gtins", Text, nullable=False),
    Column("plu", String(5), info=CSV),
    Column("age_limit", Integer),
    Column("quantity_limit", Integer),
    Column("deposit", BigInteger),
    Column("category", String(64), nullable=False, info=CSV),
    Column("image", String(255), info=CSV),
    Column("updated_at", String(32), nullable=False, info=HQ),
)

lane_status = Table(
    "lane_status",
    metadata,
    Column("store_id", String(64), primary_key=True, info=HQ),
    Column("lane_id", String(64), primary_key=True, info=HQ),
    # 64 since migration 0003 (the model allowed 64; 33+ characters gave a 503).
    Column("state", String(64), nullable=False, info=source("Heartbeat.state")),
    Column("app_version", String(32), nullable=False, info=source("Heartbeat.app_version")),
    Column("outbox_depth", Integer, nullable=False),
    Column("devices", Text, nullable=False),
    Column("sent_at", String(32), nullable=False, info=source("Heartbeat.sent_at")),
    Column("received_at", String(32), nullable=False, info=HQ),
)

lane_audit = Table(
    "lane_audit",
    metadata,
    Column(
        "id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    ),
    Column("store_id", String(64), nullable=False, info=source("AuditDocument.store_id")),
    Column("lane_id", String(64), nullable=False, info=source("AuditDocument.lane_id")),
    Column("audit_id", String(64), nullable=False, info=source("AuditDocument.transaction_id")),
    Column("at", String(32), nullable=False, info=source("AuditDocument.at")),
    Column("staff_id", String(64), info=source("AuditDocument.staff_id")),
    Column("action", String(40), nullable=False, info=source("AuditDocument.action")),
    Column("reason", Text, nullable=False),
    Column("details", Text, nullable=False),
    Column("document_sha256", String(64), nullable=False, info=HQ),
    Column("received_at", String(32), nullable=False, info=HQ),
    UniqueConstraint("store_id", "lane_id", "audit_id", name="lane_audit_lane_id"),
)

checkin = Table(
    "checkin",
    metadata,
    Column(
        "id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    ),
    Column("store_id", String(64), nullable=False, info=source("CheckinDocument.store_id")),
    Column("lane_id", String(64), nullable=False, info=source("CheckinDocument.lane_id")),
    Column("checkin_id", String(64), nullable=False, info=source("CheckinDocument.transaction_id")),
    Column("journey", String(32), nullable=False, info=source("CheckinDocument.journey")),
    Column("reference", String(16), nullable=False, info=source("CheckinDocument.reference")),
    Column("status", String(16), nullable=False, info=source("CheckinDocument.status")),
    Column("started_at", String(32), nullable=False, info=source("CheckinDocument.started_at")),
    Column("completed_at", String(32), nullable=False, info=source("CheckinDocument.completed_at")),
    Column("currency", String(3), nullable=False, info=source("CheckinDocument.currency")),
    Column("fees_total", BigInteger, nullable=False),
    Column("travellers", Integer, nullable=False),
    Column("checked_in", Integer, nullable=False),
    Column("bags", Integer, nullable=False),
    Column("document", Text, nullable=False),
    Column("document_sha256", String(64), nullable=False, info=HQ),
    Column("received_at", String(32), nullable=False, info=HQ),
    UniqueConstraint("store_id", "lane_id", "checkin_id", name="checkin_lane_id"),
)

_EVENT = "TransactionStarted"
service_event = Table(
    "service_event",
    metadata,
    Column(
        "id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    ),
    Column("store_id", String(64), nullable=False, info=source(f"{_EVENT}.store_id")),
    Column("lane_id", String(64), nullable=False, info=source(f"{_EVENT}.lane_id")),
    Column("event_id", String(36), nullable=False, info=source(f"{_EVENT}.event_id")),
    Column("journey", String(16), nullable=False, info=source(f"{_EVENT}.journey")),
    Column("transaction_id", String(64), info=source(f"{_EVENT}.transaction_id")),
    Column("type", String(40), nullable=False, info=source(f"{_EVENT}.type")),
    # What pairs an opening event with its closing one: the intervention id, the device,
    # or "lane" (kiosk.hq.rollup.pair_ref).
    Column("ref", String(64), info=source("Raised.intervention_id", "DeviceFault.device")),
    Column("at", String(32), nullable=False, info=source(f"{_EVENT}.at")),
    Column("language", String(16), info=source(f"{_EVENT}.language")),
    Column("data", Text, nullable=False),
    Column("document_sha256", String(64), nullable=False, info=HQ),
    Column("received_at", String(32), nullable=False, info=HQ),
    UniqueConstraint("store_id", "lane_id", "event_id", name="service_event_lane_id"),
    Index("service_event_transaction", "store_id", "lane_id", "transaction_id"),
    Index("service_event_ref", "store_id", "lane_id", "ref", "at"),
    Index("service_event_at", "at"),
)


def _rollup(name: str, *time_columns: Column[object], lanes: bool = True) -> Table:
    """A rollup: sums ``n`` and ``total`` of one metric and key per time bucket and lane
    (``lanes=False``: of the whole fleet)."""
    lane_columns = (
        [
            Column("store_id", String(64), primary_key=True, info=source(f"{_EVENT}.store_id")),
            Column("lane_id", String(64), primary_key=True, info=source(f"{_EVENT}.lane_id")),
        ]
        if lanes
        else []
    )
    return Table(
        name,
        metadata,
        *time_columns,
        *lane_columns,
        Column("journey", String(16), primary_key=True, info=source(f"{_EVENT}.journey")),
        # "" when the event named no language
        Column("language", String(16), primary_key=True, info=source(f"{_EVENT}.language")),
        Column("metric", String(24), primary_key=True, info=HQ),
        Column(
            "key",
            String(40),
            primary_key=True,
            info=source("Raised.kind", "Resolved.outcome", "DeviceFault.device", "Nps.reasons"),
        ),
        Column("n", BigInteger, nullable=False),
        Column("total", BigInteger, nullable=False),
    )


kpi_day = _rollup("kpi_day", Column("day", String(10), primary_key=True, info=HQ))
# Lane-days with any event (availability, utilisation) from the index alone, whatever
# the filter (migration 0012), and one store's or lane's days without reading the others'.
_EVENTS = kpi_day.c.metric == literal_column("'events'")
Index(
    "kpi_day_events",
    *(kpi_day.c[name] for name in ("day", "store_id", "lane_id", "journey", "language")),
    postgresql_where=_EVENTS,
    sqlite_where=_EVENTS,
)
Index("kpi_day_lane", kpi_day.c.store_id, kpi_day.c.lane_id, kpi_day.c.day)
# The whole fleet by day (no store, no lane): a breakdown by day of every lane reads
# this, a few hundred times fewer rows than kpi_day.
kpi_day_fleet = _rollup(
    "kpi_day_fleet", Column("day", String(10), primary_key=True, info=HQ), lanes=False
)
kpi_hour = _rollup(
    "kpi_hour",
    Column("day", String(10), primary_key=True, info=HQ),
    Column("hour", Integer, primary_key=True, autoincrement=False),
)
# The same by calendar month (since migration 0005): a query over whole months reads
# these, about thirty times fewer rows than the days (kiosk.hq.kpis.split_range).
kpi_month = _rollup("kpi_month", Column("month", String(7), primary_key=True, info=HQ))
kpi_month_hour = _rollup(
    "kpi_month_hour",
    Column("month", String(7), primary_key=True, info=HQ),
    Column("hour", Integer, primary_key=True, autoincrement=False),
)
# Running sums (since migration 0006, kiosk.hq.kpi_cum): the row of ``day`` holds the sum
# of every day up to and including it, one row per day from the (metric, key)'s first day
# to the lane's last, so any range of days is two rows per lane and cell. store_id =
# lane_id = "" is the whole fleet. kpi_cum_hour: per hour of day; the lanes' rows hold
# "interventions" only (key "", the heat map), the fleet's every hourly (metric, key).
kpi_cum_day = _rollup("kpi_cum_day", Column("day", String(10), primary_key=True, info=HQ))
kpi_cum_hour = Table(  # the hour after the lane: a lane's rows of a day are together
    "kpi_cum_hour",
    metadata,
    Column("day", String(10), primary_key=True, info=HQ),
    Column("store_id", String(64), primary_key=True, info=source(f"{_EVENT}.store_id")),
    Column("lane_id", String(64), primary_key=True, info=source(f"{_EVENT}.lane_id")),
    Column("hour", Integer, primary_key=True, autoincrement=False),
    Column("journey", String(16), primary_key=True, info=source(f"{_EVENT}.journey")),
    Column("language", String(16), primary_key=True, info=source(f"{_EVENT}.language")),
    Column("metric", String(24), primary_key=True, info=HQ),
    Column(
        "key",
        String(40),
        primary_key=True,
        info=source("Raised.kind", "Resolved.outcome", "DeviceFault.device", "Nps.reasons"),
    ),
    Column("n", BigInteger, nullable=False),
    Column("total", BigInteger, nullable=False),
)
# The days each lane's (and the fleet's) running sums cover; the ingest locks this row.
kpi_cum_lane = Table(
    "kpi_cum_lane",
    metadata,
    Column("store_id", String(64), primary_key=True, info=source(f"{_EVENT}.store_id")),
    Column("lane_id", String(64), primary_key=True, info=source(f"{_EVENT}.lane_id")),
    Column("first_day", String(10), nullable=False, info=HQ),
    Column("last_day", String(10), nullable=False, info=HQ),
)

# The fleet (since migration 0007, kiosk.hq.fleet): per lane the config version and the
# last errors its heartbeat reported, and the device statuses last seen (to notice a
# change); a row of ``device_history`` each time a device's status changed (the newest
# fleet.HISTORY_KEEP per lane are kept); ``lane_config_override``: configuration set at
# HQ for every lane (store_id = lane_id = ""), a store's lanes (lane_id = "") or one lane.
lane_fleet = Table(
    "lane_fleet",
    metadata,
    Column("store_id", String(64), primary_key=True, info=HQ),
    Column("lane_id", String(64), primary_key=True, info=HQ),
    Column("config_version", String(32), nullable=False, info=source("Heartbeat.config_version")),
    Column("config_error", Text),
    Column("errors", Text, nullable=False),
    Column("devices", Text, nullable=False),
    Column("updated_at", String(32), nullable=False, info=HQ),
)
device_history = Table(
    "device_history",
    metadata,
    Column(
        "id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    ),
    Column("store_id", String(64), nullable=False, info=HQ),
    Column("lane_id", String(64), nullable=False, info=HQ),
    Column("device", String(64), nullable=False, info=source("DeviceStatus.name")),
    Column("kind", String(64), nullable=False, info=source("DeviceStatus.kind")),
    Column("status", String(64), nullable=False, info=source("DeviceStatus.status")),
    Column("detail", String(200), info=source("DeviceStatus.detail")),
    Column("at", String(32), nullable=False, info=source("Heartbeat.sent_at")),
    Column("received_at", String(32), nullable=False, info=HQ),
    Index("device_history_lane", "store_id", "lane_id", "id"),
)
lane_config_override = Table(
    "lane_config_override",
    metadata,
    Column("store_id", String(64), primary_key=True, info=HQ),
    Column("lane_id", String(64), primary_key=True, info=HQ),
    Column("key", Text, primary_key=True),  # at most remote.MAX_KEY characters
    Column("value", Text, nullable=False),
    Column("updated_at", String(32), nullable=False, info=HQ),
)
offer = Table(
    "offer",
    metadata,
    Column("offer_id", String(64), primary_key=True, info=source("OfferChange.offer_id")),
    Column("version", BigInteger, nullable=False, index=True, unique=True),
    Column("deleted", Boolean, nullable=False, default=False),
    Column("record", Text, nullable=False),
    Column("updated_at", String(32), nullable=False, info=HQ),
)
loyalty_card = Table(
    "loyalty_card",
    metadata,
    Column("number", String(13), primary_key=True, info=source("CardChange.number")),
    Column("version", BigInteger, nullable=False, index=True, unique=True),
    Column("blocked", Boolean, nullable=False, default=False),
    Column("updated_at", String(32), nullable=False, info=HQ),
)
# The coupon list and the coupons used once (kiosk.hq.coupons), versioned like offers.
coupon_entry = Table(
    "coupon_entry",
    metadata,
    Column("entry_id", String(64), primary_key=True, info=HQ),  # checked on import
    Column("version", BigInteger, nullable=False, index=True, unique=True),
    Column("deleted", Boolean, nullable=False, default=False),
    Column("record", Text, nullable=False),
    Column("updated_at", String(32), nullable=False, info=HQ),
)
coupon_redemption = Table(
    "coupon_redemption",
    metadata,
    Column("redemption_key", String(64), primary_key=True, info=source("Discount.offer_id")),
    Column("version", BigInteger, nullable=False, index=True, unique=True),
    Column("store_id", String(64), nullable=False, info=source("SaleDocument.store_id")),
    Column("lane_id", String(64), nullable=False, info=source("SaleDocument.lane_id")),
    Column(
        "transaction_id", String(64), nullable=False, info=source("SaleDocument.transaction_id")
    ),
    Column("redeemed_at", String(32), nullable=False, info=HQ),
)
# Recalled (GTIN, batch) pairs for the lanes (kiosk.hq.recalls), versioned like offers.
recall = Table(
    "recall",
    metadata,
    Column("gtin", String(14), primary_key=True, info=source("RecallChange.gtin")),
    Column("batch", String(20), primary_key=True, info=source("RecallChange.batch")),
    Column("version", BigInteger, nullable=False, index=True, unique=True),
    Column("withdrawn", Boolean, nullable=False, default=False),
    Column("updated_at", String(32), nullable=False, info=HQ),
)
