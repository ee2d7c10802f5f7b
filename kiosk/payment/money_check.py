"""Does the money add up? What the terminal took, per basket, against what the sales are due.

DESIGN.md invariant 9: for every basket, what the terminal approved minus what was
reversed equals what its completed sale is due; a cancelled sale, or a basket that
neither completed nor is still open, keeps nothing. This module is the check, on plain
numbers, so that the same rule serves ``kiosk payment reconcile`` (the lane's payment
journal against its sales) and the tests (the terminal simulator's own ledger).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kiosk.payment.journal import PaymentRecord, PaymentState
from kiosk.payment.types import PaymentKind

_TAKES = (PaymentKind.PURCHASE, PaymentKind.COMPLETION)


@dataclass(frozen=True, slots=True)
class Mismatch:
    """A basket whose money does not add up."""

    basket_id: str
    charged: int  # minor units the card still carries (approved, not reversed)
    due: int  # what the basket's stored sale is due (0 when it has none, or is cancelled)
    sale: str  # "completed", "cancelled" or "none"

    def __str__(self) -> str:
        return (
            f"basket {self.basket_id}: card charged {self.charged}, "
            f"sale {self.sale} is due {self.due} (minor units)"
        )


def charged_per_basket(records: Iterable[PaymentRecord]) -> dict[str, int]:
    """What the journal says each basket's cards still carry: approved purchases and
    completions (a reversed one is no longer APPROVED) minus approved refunds."""
    charged: dict[str, int] = {}
    for record in records:
        if record.state is not PaymentState.APPROVED:
            continue
        amount = (record.approved_amount or record.amount).minor
        if record.kind in _TAKES:
            charged[record.sale_id] = charged.get(record.sale_id, 0) + amount
        elif record.kind is PaymentKind.REFUND:
            charged[record.sale_id] = charged.get(record.sale_id, 0) - amount
    return charged


def check_money(
    charged: Mapping[str, int],
    sales: Mapping[str, tuple[str, int]],
    open_baskets: Iterable[str] = (),
) -> list[Mismatch]:
    """Every basket whose charge differs from what its sale is due.

    Args:
        charged: minor units each basket's cards carry (from the journal, or from the
            terminal's own ledger).
        sales: stored sales as ``transaction id -> (status, total)``.
        open_baskets: baskets still being sold: left out (their payment may be partial).
    """
    still_open = set(open_baskets)
    mismatches = []
    for basket_id in sorted(set(charged) | set(sales)):
        status, total = sales.get(basket_id, ("none", 0))
        if status == "none" and basket_id in still_open:
            continue
        due = max(total, 0) if status == "completed" else 0
        took = charged.get(basket_id, 0)
        if took != due:
            mismatches.append(Mismatch(basket_id, took, due, status))
    return mismatches
