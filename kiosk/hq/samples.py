"""Made-up but valid sale documents (TEAM.md schema 1) for tests, benchmarks and demos."""

from __future__ import annotations

import random
import uuid
from typing import Any

_ITEMS = (
    ("4011", None, "Bananas", 199, "reduced", "10"),
    ("1001", "05410188031430", "Sparkling water 1.5 l", 89, "standard", "21"),
    ("1002", "08410188012825", "Olive oil 1 l", 899, "reduced", "10"),
    ("1003", "03017620422003", "Hazelnut spread", 459, "standard", "21"),
)


def make_sale(
    store_id: str,
    lane_id: str,
    rng: random.Random | None = None,
    lines: int = 3,
    transaction_id: str | None = None,
) -> dict[str, Any]:
    """A completed sale with ``lines`` lines whose totals add up (prices include tax, rounded
    down per line), paid exactly by one approved card payment."""
    rng = rng or random.Random()
    doc_lines = []
    net_total = tax_total = units = 0
    for line_no in range(1, lines + 1):
        sku, gtin, name, price, tax_class, rate = _ITEMS[rng.randrange(len(_ITEMS))]
        quantity = rng.randint(1, 5)
        amount = price * quantity
        tax = amount * int(rate) // (100 + int(rate))
        net_total += amount - tax
        tax_total += tax
        units += quantity
        doc_lines.append(
            {
                "line_no": line_no,
                "sku": sku,
                "gtin": gtin,
                "plu": None,
                "name": name,
                "quantity": quantity,
                "weight_g": None,
                "unit_price": price,
                "amount": amount,
                "tax_class": tax_class,
                "tax_rate": rate,
                "tax": tax,
                "deposit": 0,
                "voided": False,
                "price_override_reason": None,
            }
        )
    total = net_total + tax_total
    minute = rng.randint(10, 58)
    return {
        "schema": 1,
        "store_id": store_id,
        "lane_id": lane_id,
        "transaction_id": transaction_id or str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "started_at": f"2026-11-22T10:{minute - 1:02d}:00Z",
        "completed_at": f"2026-11-22T10:{minute:02d}:00Z",
        "currency": "EUR",
        "status": "completed",
        "lines": doc_lines,
        "totals": {
            "net": net_total,
            "tax": tax_total,
            "deposit": 0,
            "total": total,
            "item_count": units,
        },
        "tax_summary": [],
        "payments": [
            {
                "reference": f"p-{rng.getrandbits(32):08x}",
                "method": "card",
                "amount": total,
                "outcome": "approved",
                "auth_code": "123456",
                "masked_pan": "************1234",
                "brand": "VISA",
                "terminal_transaction_id": "t-1",
            }
        ],
        "interventions": [],
        "audit": [],
    }
