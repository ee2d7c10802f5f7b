"""Turn the checkout's ``SaleRecord`` into the sale document the store and HQ keep."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from kiosk.domain.checkout.effects import SaleRecord
from kiosk.store.sales import build_sale_document

if TYPE_CHECKING:
    from kiosk.app.lane import LaneIdentity


def iso(at: datetime) -> str:
    """UTC ISO 8601 with a "Z": the one time format of sale documents."""
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def sale_document(sale: SaleRecord, identity: LaneIdentity) -> dict[str, Any]:
    """The schema-1 sale document of ``sale`` (its basket id is its transaction id)."""
    return build_sale_document(
        basket=sale.basket,
        totals=sale.totals,
        transaction_id=sale.basket.basket_id,
        store_id=identity.store_id,
        lane_id=identity.lane_id,
        started_at=iso(sale.started_at),
        completed_at=iso(sale.completed_at),
        status=sale.status,
        language=identity.language,
        payments=[
            {
                "reference": p.reference,
                "method": p.method,
                "amount": p.amount.minor,
                "outcome": p.outcome,
                "auth_code": p.auth_code,
                "masked_pan": p.masked_pan,
                "brand": p.brand,
                "terminal_transaction_id": p.terminal_transaction_id,
            }
            for p in sale.payments
        ],
        interventions=[
            {
                "kind": i.kind.value,
                "raised_at": iso(i.raised_at),
                "resolved_at": iso(i.resolved_at),
                "staff_id": i.staff_id,
                "resolution": i.resolution,
            }
            for i in sale.interventions
        ],
        audit=[
            {
                "at": iso(a.at),
                "staff_id": a.staff_id,
                "action": a.action,
                "reason": a.reason,
                "details": dict(a.details),
            }
            for a in sale.audit
        ],
    )
