"""The parts of a check-in document (schema 1, kind ``checkin``) that the airport and
hotel journeys write alike.

Each journey's ``record.record_document`` starts from :func:`document_head` (the
transaction's ids, status, times, language, currency and ``fees_total``) and adds
its travellers, payments (:func:`payment_entry`), interventions
(:func:`intervention_entry`) and details. A traveller's document is a
:func:`document_summary` only: never the MRZ or the full number (invariant 6).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from kiosk.domain.airport.dcs import DocumentSummary


class _Record(Protocol):
    @property
    def checkin_id(self) -> str: ...
    @property
    def started_at(self) -> datetime: ...
    @property
    def completed_at(self) -> datetime: ...
    @property
    def currency(self) -> str: ...
    @property
    def status(self) -> Any: ...


def iso(at: datetime) -> str:
    """``at`` as the lane's UTC text (``2026-12-05T09:00:00.000000Z``)."""
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def document_head(
    record: _Record,
    *,
    store_id: str,
    lane_id: str,
    language: str,
    journey: str,
    reference: str,
    fees_total: int,
) -> dict[str, Any]:
    """The document's first fields, in the order HQ's examples show them."""
    return {
        "schema": 1,
        "kind": "checkin",
        "transaction_id": record.checkin_id,
        "store_id": store_id,
        "lane_id": lane_id,
        "journey": journey,
        "reference": reference,
        "status": record.status.value,
        "started_at": iso(record.started_at),
        "completed_at": iso(record.completed_at),
        "language": language,
        "currency": record.currency,
        "fees_total": fees_total,
    }


def document_summary(document: DocumentSummary | None) -> dict[str, Any] | None:
    """A traveller's identity document as HQ keeps it (no MRZ, last 4 of the number)."""
    if document is None:
        return None
    return {
        "document_code": document.document_code,
        "issuing_state": document.issuing_state,
        "nationality": document.nationality,
        "expiry": None if document.expiry is None else document.expiry.isoformat(),
        "number_last4": document.number_last4,
    }


def payment_entry(payment: Any, method: str) -> dict[str, Any]:
    """One card payment (``reference``, ``amount``, ``outcome``, ``auth_code``,
    ``masked_pan``, ``brand``) as the document's ``payments`` entry, paid by ``method``."""
    out: dict[str, Any] = {
        "reference": payment.reference or "waived",
        "method": method,
        "amount": payment.amount.minor,
        "outcome": payment.outcome,
    }
    for key in ("auth_code", "masked_pan", "brand"):
        value = getattr(payment, key)
        if value:
            out[key] = value
    return out


def intervention_entry(intervention: Any) -> dict[str, Any]:
    """One resolved intervention as the document's ``interventions`` entry."""
    out: dict[str, Any] = {
        "kind": intervention.kind.value,
        "raised_at": iso(intervention.raised_at),
        "resolved_at": iso(intervention.resolved_at),
        "resolution": "abandoned" if intervention.verdict is None else intervention.verdict.value,
    }
    if intervention.staff_id:
        out["staff_id"] = intervention.staff_id
    return out
