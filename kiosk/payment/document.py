"""The ``payments`` entries of the sale document (TEAM contract, schema 1) from the journal."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kiosk.payment.journal import PaymentRecord, PaymentState
from kiosk.payment.types import PaymentKind


def sale_payments(records: Iterable[PaymentRecord]) -> list[dict[str, Any]]:
    """One entry per approved (not reversed) purchase or completion, oldest first.

    Declined, cancelled and reversed attempts are left out: the sale document lists
    what paid for the sale. Amounts are integer minor units; only masked card numbers.
    """
    entries = []
    for record in records:
        if record.state is not PaymentState.APPROVED or record.kind not in (
            PaymentKind.PURCHASE,
            PaymentKind.COMPLETION,
        ):
            continue
        amount = record.approved_amount or record.amount
        entries.append(
            {
                "reference": record.reference,
                "method": "card",
                "amount": amount.minor,
                "outcome": "approved",
                "auth_code": record.auth_code,
                "masked_pan": str(record.masked_pan) if record.masked_pan else None,
                "brand": record.brand,
                "terminal_transaction_id": record.terminal_transaction_id,
            }
        )
    return entries
