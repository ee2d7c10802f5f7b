"""The check-in record (airport and hotel journeys) as HQ takes it: schema 1.

A lane sends one record per check-in it finished or gave up on, through its
outbox (kind ``checkin``), exactly once in effect like a sale (invariant 4).
The record carries what a service measure or a dispute needs and never a travel
document's MRZ (invariant 6): per traveller only the document's type, issuing
state, nationality, expiry and the last 4 characters of its number. Every text
field refuses MRZ-like text, so a lane that leaks one is told (422) instead of
HQ storing it.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, field_validator

from kiosk.hq.fields import Count, Ident, JsonDetails, Text, UtcTime, check_no_mrz
from kiosk.hq.models import Amount, Intervention, Payment, TransactionId, _Strict

_NoMrz = Text(64, mrz=True)
Code = Annotated[str, Text(3, pattern=r"^[A-Z]{1,3}$")]
IsoDate = Annotated[str, Text(10, pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]


class DocumentSummary(_Strict):
    """What HQ keeps of a travel document (never the MRZ, never the whole number)."""

    document_code: Annotated[str, Text(2, pattern=r"^[A-Z]{1,2}$")]
    issuing_state: Code
    nationality: Code
    expiry: IsoDate | None = None
    number_last4: Annotated[str, Text(4, pattern=r"^[A-Z0-9<]{0,4}$")]


class Traveller(_Strict):
    """One traveller (passenger or guest) of the booking."""

    traveller_id: Annotated[str, _NoMrz]
    checked_in: bool
    seat_or_room: Annotated[str, Text(8, pattern=r"^[A-Z0-9-]{0,8}$")] = ""
    document: DocumentSummary | None = None


class Bag(_Strict):
    """A checked bag (airport): its IATA licence plate and weight."""

    traveller_id: Annotated[str, _NoMrz]
    licence_plate: Annotated[str, Text(10, pattern=r"^[0-9]{10}$")]
    weight_g: Annotated[int, Field(ge=1, le=100_000)]
    fee: Amount = 0


class CheckinDocument(_Strict):
    """One check-in, as the lane wrote it into its outbox."""

    schema_: Literal[1] = Field(alias="schema")
    kind: Literal["checkin"]
    transaction_id: TransactionId
    store_id: Ident
    lane_id: Ident
    journey: Annotated[str, Text(32, pattern=r"^[a-z][a-z0-9_]{0,31}$")]
    reference: Annotated[str, Text(16, pattern=r"^[A-Z0-9]{1,16}$")]
    status: Literal["completed", "abandoned", "cancelled"]
    started_at: UtcTime
    completed_at: UtcTime
    language: Annotated[str, Text(8, pattern=r"^[a-z]{2}([_-][A-Za-z]{2})?$")] = "en"
    currency: Annotated[str, Text(3, pattern=r"^[A-Z]{3}$")]
    fees_total: Amount = 0
    travellers: Annotated[list[Traveller], Field(max_length=20)] = Field(default_factory=list)
    bags: Annotated[list[Bag], Field(max_length=40)] = Field(default_factory=list)
    payments: Annotated[list[Payment], Field(max_length=20)] = Field(default_factory=list)
    interventions: Annotated[list[Intervention], Field(max_length=100)] = Field(
        default_factory=list
    )
    item_count: Count = 0
    details: JsonDetails = Field(default_factory=dict)

    model_config = ConfigDict(strict=True, extra="forbid", populate_by_name=True)

    @field_validator("details")
    @classmethod
    def _no_mrz_in_details(cls, value: dict[str, Any]) -> dict[str, Any]:
        stack: list[Any] = [value]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                stack.extend(item.keys())
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, str):
                check_no_mrz(item)
        return value


class CheckinBatch(_Strict):
    """Check-in records of one lane; every record must carry that lane's store and lane id."""

    checkins: Annotated[list[CheckinDocument], Field(min_length=1, max_length=500)]
