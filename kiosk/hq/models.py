"""Pydantic models of the HQ API: the sale document (TEAM.md, schema 1), batches, results,
catalog pages and heartbeats. They are the OpenAPI schema lanes are held to.

Models are strict (a string is not an int) and forbid unknown keys, so a lane
with a bug is told at once instead of storing half a sale.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Ident = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
UtcTime = Annotated[
    str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$")
]
# No control characters: PostgreSQL refuses NUL in text, and none belongs in a name.
_PRINTABLE = r"^[^\x00-\x1f\x7f]*$"
Text = Annotated[str, StringConstraints(max_length=200, pattern=_PRINTABLE)]
ShortText = Annotated[str, StringConstraints(max_length=64, pattern=_PRINTABLE)]
Rate = Annotated[str, StringConstraints(pattern=r"^\d{1,3}(\.\d{1,4})?$")]
Minor = Annotated[int, Field(ge=-(10**12), le=10**12)]
Count = Annotated[int, Field(ge=0, le=10**9)]


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")


class SaleLine(_Strict):
    line_no: Annotated[int, Field(ge=1, le=100_000)]
    sku: ShortText
    gtin: Annotated[str, StringConstraints(pattern=r"^\d{14}$")] | None = None
    plu: Annotated[str, StringConstraints(pattern=r"^\d{4,5}$")] | None = None
    name: Text
    quantity: Annotated[int, Field(ge=0, le=100_000)]
    weight_g: Annotated[int, Field(ge=0, le=10_000_000)] | None = None
    unit_price: Minor
    amount: Minor
    tax_class: ShortText
    tax_rate: Rate
    tax: Minor
    deposit: Minor = 0
    voided: bool = False
    price_override_reason: Text | None = None


class Totals(_Strict):
    net: Minor
    tax: Minor
    deposit: Minor
    total: Minor
    item_count: Count


class TaxSummary(_Strict):
    tax_class: ShortText
    rate: Rate
    net: Minor
    tax: Minor
    gross: Minor


class Payment(_Strict):
    reference: ShortText
    method: ShortText
    amount: Minor
    outcome: ShortText
    auth_code: ShortText | None = None
    masked_pan: Annotated[str, StringConstraints(pattern=r"^[*0-9 ]{0,24}$")] | None = None
    brand: ShortText | None = None
    terminal_transaction_id: ShortText | None = None


class Intervention(_Strict):
    kind: ShortText
    raised_at: UtcTime
    resolved_at: UtcTime | None = None
    staff_id: ShortText | None = None
    resolution: ShortText | None = None


class AuditEntry(_Strict):
    at: UtcTime
    staff_id: ShortText | None = None
    action: ShortText
    reason: Text | None = None
    details: dict[str, Any] = Field(default_factory=dict)


class SaleDocument(_Strict):
    """One completed or cancelled sale, as the lane wrote it into its outbox."""

    schema_: Literal[1] = Field(alias="schema")
    store_id: Ident
    lane_id: Ident
    transaction_id: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    started_at: UtcTime
    completed_at: UtcTime
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
    status: Literal["completed", "cancelled"]
    lines: Annotated[list[SaleLine], Field(max_length=2000)]
    totals: Totals
    tax_summary: Annotated[list[TaxSummary], Field(max_length=50)] = Field(default_factory=list)
    payments: Annotated[list[Payment], Field(max_length=50)] = Field(default_factory=list)
    interventions: Annotated[list[Intervention], Field(max_length=200)] = Field(
        default_factory=list
    )
    audit: Annotated[list[AuditEntry], Field(max_length=1000)] = Field(default_factory=list)

    model_config = ConfigDict(strict=True, extra="forbid", populate_by_name=True)


class SaleBatch(_Strict):
    """Sales of one lane; every sale must carry that lane's store and lane id."""

    sales: Annotated[list[SaleDocument], Field(min_length=1, max_length=1000)]


class AuditDocument(_Strict):
    """A staff action outside a sale (kiosk.store.audit), as the lane queued it."""

    schema_: Literal[1] = Field(alias="schema")
    kind: Literal["audit"]
    transaction_id: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    store_id: Ident
    lane_id: Ident
    at: UtcTime
    staff_id: ShortText | None = None
    action: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
    reason: Annotated[str, StringConstraints(max_length=500)] = ""
    details: dict[str, Any] = Field(default_factory=dict)

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


class DeviceStatus(_Strict):
    name: ShortText
    kind: ShortText
    status: ShortText
    detail: Text | None = None


class Heartbeat(_Strict):
    state: ShortText
    app_version: Annotated[str, StringConstraints(max_length=32)]
    outbox_depth: Count
    dead_letters: Count = 0
    devices: Annotated[list[DeviceStatus], Field(max_length=64)] = Field(default_factory=list)
    sent_at: UtcTime


class HeartbeatAck(BaseModel):
    received_at: str


class ErrorBody(BaseModel):
    """Every error: a machine-readable ``error`` code and a sentence for people."""

    error: str
    message: str
    details: list[dict[str, Any]] | None = None
