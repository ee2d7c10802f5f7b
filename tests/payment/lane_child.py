"""A lane process for the kill -9 test: recover, then sell sales 0..N-1 that are not done.

Usage: python lane_child.py DB URL N LOGFILE. Every sale is a journaled open basket
(kiosk.store) paid by card and completed with its sale document and outbox row;
every sale number ``i % 20 == 7`` is cancelled by the "attendant" after its payment
was approved (basket discarded, payment reversed). A start first reconciles SENT /
UNKNOWN payments and reverses payments whose basket is gone, as the lane must.
Prints "done <i>" after each sale. Exit status 3 if a payment stays unknown.
"""

from __future__ import annotations

import logging
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk.domain.money import Money
from kiosk.logs import setup_logging
from kiosk.payment.document import sale_payments
from kiosk.payment.flow import PaymentFlow, SaleState
from kiosk.payment.journal import PaymentJournal, PaymentState
from kiosk.payment.nexo.crypto import SharedKey
from kiosk.payment.nexo.driver import NexoTerminal
from kiosk.store.db import connect
from kiosk.store.journal import BasketJournal
from kiosk.store.sales import complete_sale, load_sale_document

KEY = SharedKey("lane-key", 1, "correct horse battery staple")


def amount_of(sale: int) -> Money:
    return Money(100 + sale, "EUR")


def is_cancelled_sale(sale: int) -> bool:
    return sale % 20 == 7


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def document(sale_id: str, total: Money, payments: list[dict[str, Any]]) -> dict[str, Any]:
    line = {
        "line_no": 1,
        "sku": "sku-1",
        "gtin": None,
        "plu": None,
        "name": "Item",
        "quantity": 1,
        "weight_g": None,
        "unit_price": total.minor,
        "amount": total.minor,
        "tax_class": "zero",
        "tax_rate": "0",
        "tax": 0,
        "deposit": 0,
        "voided": False,
        "price_override_reason": None,
    }
    return {
        "schema": 1,
        "store_id": "store-001",
        "lane_id": "lane-01",
        "transaction_id": sale_id,
        "started_at": now(),
        "completed_at": now(),
        "currency": total.currency,
        "status": "completed",
        "lines": [line],
        "totals": {
            "net": total.minor,
            "tax": 0,
            "deposit": 0,
            "total": total.minor,
            "item_count": 1,
        },
        "tax_summary": [],
        "payments": payments,
        "interventions": [],
        "audit": [],
    }


def main() -> int:
    db, url, count, logfile = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
    setup_logging("DEBUG", logfile)
    logging.getLogger().handlers[0].setLevel(logging.CRITICAL)  # keep stderr quiet
    conn = connect(db)
    baskets = BasketJournal(conn)
    journal = PaymentJournal(conn, lambda: datetime.now(UTC))
    terminal = NexoTerminal(url, "lane-01", "SIM-0001", KEY, payment_timeout=5.0)
    flow = PaymentFlow(terminal, journal, backoff=(0.05, 0.1, 0.2), after_abort=(0.1,))

    def state_of(sale_id: str) -> SaleState:
        if load_sale_document(conn, sale_id) is not None:
            return "completed"
        if sale_id in {b.basket.basket_id for b in baskets.open_baskets()}:
            return "open"
        return "gone"

    # Start-up, before selling: settle what the terminal knows, reverse what lost its sale.
    if any(o.needs_attendant for o in flow.reconcile()):
        return 3
    flow.reverse_orphans(state_of)
    for sale in range(count):
        sale_id = f"sale-{sale:03d}"
        total = amount_of(sale)
        if state_of(sale_id) == "completed":
            continue
        records = journal.for_sale(sale_id)
        if is_cancelled_sale(sale) and any(r.state is PaymentState.REVERSED for r in records):
            continue  # cancelled earlier, its payment given back
        baskets.start(sale_id, total.currency)
        while flow.remaining(sale_id, total).minor > 0:
            if flow.pay(sale_id, total, total=total).needs_attendant:
                return 3
        if is_cancelled_sale(sale):
            baskets.discard(sale_id)  # the attendant cancels the sale after the approval
            for record in journal.for_sale(sale_id):
                if record.state is PaymentState.APPROVED:
                    flow.reverse(record.reference)
        else:
            complete_sale(conn, document(sale_id, total, sale_payments(journal.for_sale(sale_id))))
        print(f"done {sale}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
