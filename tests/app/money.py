"""The money invariant, checked on what really happened: the terminal simulator's own ledger
against the lane's stored sales, per basket (DESIGN.md invariants 3 and 9)."""

from __future__ import annotations

from pathlib import Path

from kiosk.payment.journal import PaymentJournal, PaymentState
from kiosk.payment.money_check import Mismatch, charged_per_basket, check_money
from kiosk.payment.sim.ledger import Ledger
from kiosk.store.db import connect
from kiosk.store.journal import BasketJournal
from kiosk.store.sales import sale_totals


def terminal_charges(ledger: Ledger, sale_of: dict[str, str]) -> dict[str, int]:
    """What the terminal's cards still carry per basket: approved payments (a reversed one
    is marked "reversed" in the ledger), keyed by the lane's basket of each reference."""
    charged: dict[str, int] = {}
    for entry in ledger.entries():
        if entry.category == "Payment" and entry.state == "approved":
            basket = sale_of.get(entry.reference, f"unknown reference {entry.reference}")
            charged[basket] = charged.get(basket, 0) + entry.amount_minor
    return charged


def money_mismatches(db: Path, ledger: Ledger) -> list[Mismatch]:
    """Baskets whose terminal charge differs from what the stored sale is due; also
    checks that the lane's journal and the terminal agree on every approved reference."""
    conn = connect(db, migrate=False)
    try:
        records = PaymentJournal(conn, lambda: None).all()  # type: ignore[arg-type,return-value]
        sales = sale_totals(conn)
        still_open = [b.basket.basket_id for b in BasketJournal(conn).open_baskets()]
    finally:
        conn.close()
    sale_of = {r.reference: r.sale_id for r in records}
    by_terminal = terminal_charges(ledger, sale_of)
    lane_approved = {
        r.reference
        for r in records
        if r.state is PaymentState.APPROVED and r.kind.value == "purchase"
    }
    terminal_approved = {
        e.reference for e in ledger.entries() if e.category == "Payment" and e.state == "approved"
    }
    assert lane_approved == terminal_approved, "the lane and the terminal disagree"
    mismatches = check_money(by_terminal, sales, still_open)
    assert mismatches == check_money(charged_per_basket(records), sales, still_open)
    return mismatches
