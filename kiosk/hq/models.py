"""Pydantic models of the HQ API: the sale document (TEAM.md, schema 1), batches, results,
catalog pages and heartbeats. They are the OpenAPI schema lanes are held to.

Models are strict (a string is not an int) and forbid unknown keys, so a lane
with a bug is told at once instead of storing half a sale. Every text field is a
:class:`kiosk.hq.fields.Text` (no control characters, a length its database column
holds; free text and ``masked_pan`` are checked for card numbers), audit details are
:data:`kiosk.hq.fields.JsonDetails` (depth and size limits). What needs more than one
field (totals, payments, time order) is checked by :mod:`kiosk.hq.sale_rules`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

from kiosk.hq.fields import (
    Count,
    FreeText,
    Ident,
    JsonDetails,
    LongText,
    MaskedPan,
    Rate,
    ShortText,
    Text,
    UtcTime,
)

# Amounts of a sale are never negative: prices, deposits and tax rates are not (the
# lane's basket and catalog refuse negatives), and there are no refund documents.
Amount = Annotated[int, Field(ge=0, le=10**12)]
TransactionId = Annotated[str, Text(64, min_length=1)]
# Short free text a terminal or a person may have written (brand, method, resolution).
Label = Annotated[str, Text(64, free=True)]


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")


class SaleLine(_Strict):
    line_no: Annotated[int, Field(ge=1, le=100_000)]
    sku: ShortText
    gtin: Annotated[str, Text(14, pattern=r"^[0-9]{14}$")] | None = None
    plu: Annotated[str, Text(5, pattern=r"^[0-9]{4,5}$")] | None = None
    name: LongText
    quantity: Annotated[int, Field(ge=1, le=100_000)]
    weight_g: Annotated[int, Field(ge=1, le=10_000_000)] | None = None
    unit_price: Amount
    amount: Amount
    tax_class: ShortText
    tax_rate: Rate
    tax: Amount
    deposit: Amount = 0
    voided: bool = False
    price_override_reason: FreeText | None = None


def _without_none(
    model: BaseModel, handler: SerializerFunctionWrapHandler, names: tuple[str, ...]
) -> Any:
    """Leave optional fields that were not sent out of the dump, so a document from a lane
    without offers keeps the canonical JSON (and hash) it always had."""
    data = handler(model)
    for name in names:
        if getattr(model, name) is None:
            data.pop(name, None)
    return data


class Totals(_Strict):
    net: Amount
    tax: Amount
    deposit: Amount
    total: Amount
    item_count: Count
    # Since offers (kiosk.domain.offers); older lanes send none: sale_rules takes 0.
    savings: Amount | None = None

    @model_serializer(mode="wrap")
    def _dump(self, handler: SerializerFunctionWrapHandler) -> Any:
        return _without_none(self, handler, ("savings",))


class DiscountClass(_Strict):
    tax_class: ShortText
    amount: Amount
    tax: Amount


class Discount(_Strict):
    """What one offer saved (kiosk.domain.offers.document): its share of each tax class
    and of that class's tax, and the lines whose units it used."""

    offer_id: ShortText
    name: LongText
    amount: Amount
    lines: Annotated[list[Annotated[int, Field(ge=1, le=100_000)]], Field(max_length=2000)] = Field(
        default_factory=list
    )
    classes: Annotated[list[DiscountClass], Field(max_length=50)] = Field(default_factory=list)


class TaxSummary(_Strict):
    tax_class: ShortText
    rate: Rate
    net: Amount
    tax: Amount
    gross: Amount


class Payment(_Strict):
    reference: ShortText
    method: Label
    amount: Amount
    outcome: Label
    auth_code: ShortText | None = None
    masked_pan: MaskedPan | None = None
    brand: Label | None = None
    terminal_transaction_id: ShortText | None = None


class Intervention(_Strict):
    kind: ShortText
    raised_at: UtcTime
    resolved_at: UtcTime | None = None
    staff_id: ShortText | None = None
    resolution: Label | None = None


class AuditEntry(_Strict):
    at: UtcTime
    staff_id: ShortText | None = None
    action: ShortText
    reason: FreeText | None = None
    details: JsonDetails = Field(default_factory=dict)


class SaleDocument(_Strict):
    """One completed or cancelled sale, as the lane wrote it into its outbox."""

    schema_: Literal[1] = Field(alias="schema")
    store_id: Ident
    lane_id: Ident
    transaction_id: TransactionId
    started_at: UtcTime
    completed_at: UtcTime
    currency: Annotated[str, Text(3, pattern=r"^[A-Z]{3}$")]
    status: Literal["completed", "cancelled"]
    lines: Annotated[list[SaleLine], Field(max_length=2000)]
    totals: Totals
    tax_summary: Annotated[list[TaxSummary], Field(max_length=50)] = Field(default_factory=list)
    payments: Annotated[list[Payment], Field(max_length=50)] = Field(default_factory=list)
    interventions: Annotated[list[Intervention], Field(max_length=200)] = Field(
        default_factory=list
    )
    audit: Annotated[list[AuditEntry], Field(max_length=1000)] = Field(default_factory=list)
    # Since offers; older lanes send none (and the canonical JSON then has no such key).
    discounts: Annotated[list[Discount], Field(max_length=500)] | None = None

    model_config = ConfigDict(strict=True, extra="forbid", populate_by_name=True)

    @model_serializer(mode="wrap")
    def _dump(self, handler: SerializerFunctionWrapHandler) -> Any:
        return _without_none(self, handler, ("discounts",))


class SaleBatch(_Strict):
    """Sales of one lane; every sale must carry that lane's store and lane id."""

    sales: Annotated[list[SaleDocument], Field(min_length=1, max_length=1000)]


class AuditDocument(_Strict):
    """A staff action outside a sale (kiosk.store.audit), as the lane queued it."""

    schema_: Literal[1] = Field(alias="schema")
    kind: Literal["audit"]
    transaction_id: TransactionId
    store_id: Ident
    lane_id: Ident
    at: UtcTime
    staff_id: ShortText | None = None
    action: Annotated[str, Text(40, pattern=r"^[a-z][a-z0-9_]{0,39}$")]
    reason: FreeText = ""
    details: JsonDetails = Field(default_factory=dict)

    model_config = ConfigDict(strict=True, extra="forbid", populate_by_name=True)


class AuditBatch(_Strict):
    """Audit records of one lane; every record must carry that lane's store and lane id."""

    records: Annotated[list[AuditDocument], Field(min_length=1, max_length=1000)]


class SaleResult(BaseModel):
    """The outcome for one sale (or one audit record) of a batch."""

    transaction_id: str
    status: Literal["accepted", "duplicate", "rejected"]
    reason: str | None = None


class BatchResult(BaseModel):
    results: list[SaleResult]


class CatalogEntry(BaseModel):
    sku: str
    version: int
    deleted: bool
    names: dict[str, str]
    price: int
    currency: str
    tax_class: str
    unit: Literal["each", "weight"]
    gtins: list[str]
    plu: str | None
    age_limit: int | None
    quantity_limit: int | None
    deposit: int | None
    category: str
    image: str | None


class CatalogPage(BaseModel):
    """Changes with version > the asked cursor, oldest first. ``cursor`` is the version of
    the last entry (pass it back for the next page); ``more`` says whether to ask again."""

    items: list[CatalogEntry]
    cursor: int
    more: bool


class OfferChange(BaseModel):
    """One offer (kiosk.domain.offers.records) or its tombstone (``deleted``, no record)."""

    offer_id: ShortText
    version: int
    deleted: bool
    record: dict[str, Any] | None


class CardChange(BaseModel):
    """One loyalty card number (13 digits, kiosk.domain.offers.cards) and whether it is
    blocked."""

    number: Annotated[str, Text(13, pattern=r"^29[0-9]{11}$")]
    version: int
    blocked: bool


class RecallChange(BaseModel):
    """One recalled (GTIN-14, batch) pair (kiosk.hq.recalls); ``withdrawn``: lifted."""

    gtin: Annotated[str, Text(14, pattern=r"^[0-9]{14}$")]
    batch: Annotated[str, Text(20, min_length=1)]
    withdrawn: bool
    version: int


class RecallPage(BaseModel):
    """Recall changes with version > the asked cursor, oldest first; as
    :class:`CatalogPage` for ``cursor`` and ``more``."""

    recalls: list[RecallChange]
    cursor: int
    more: bool


class OfferPage(BaseModel):
    """Offer and card changes with version > the asked cursor, oldest first; as
    :class:`CatalogPage` for ``cursor`` and ``more``."""

    offers: list[OfferChange]
    cards: list[CardChange]
    cursor: int
    more: bool


class DeviceStatus(_Strict):
    name: ShortText
    kind: ShortText
    status: ShortText
    detail: Annotated[str, Text(200, free=True)] | None = None


class LaneLogError(_Strict):
    """One of the lane's last error log records (already redacted by kiosk.logs)."""

    at: UtcTime
    logger: ShortText
    message: FreeText


class Heartbeat(_Strict):
    state: ShortText
    app_version: Annotated[str, Text(32)]
    outbox_depth: Count
    dead_letters: Count = 0
    devices: Annotated[list[DeviceStatus], Field(max_length=64)] = Field(default_factory=list)
    sent_at: UtcTime
    # Since the fleet pages (kiosk.hq.fleet); older lanes send none of these.
    config_version: Annotated[str, Text(32, pattern=r"^[0-9a-f]*$")] = ""
    config_error: FreeText | None = None
    errors: Annotated[list[LaneLogError], Field(max_length=10)] = Field(default_factory=list)


class HeartbeatAck(BaseModel):
    received_at: str


class ErrorBody(BaseModel):
    """Every error: a machine-readable ``error`` code and a sentence for people."""

    error: str
    message: str
    details: list[dict[str, Any]] | None = None
