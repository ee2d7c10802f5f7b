"""Merged lines in the open-basket journal: a merge is an upsert of the line it grew, so
a restart (or a replayed write) gives back one "2 x" line, and merging goes on after it."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from kiosk.domain.catalog import CatalogItem
from kiosk.domain.checkout import Checkout, CheckoutSettings
from kiosk.domain.checkout import effects as fx
from kiosk.domain.checkout.events import ItemScanned
from kiosk.domain.tax import TaxRules
from kiosk.store.journal import BasketJournal

T0 = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)
RATES = {"standard": "21", "reduced": "10", "super_reduced": "4", "zero": "0"}
SETTINGS = CheckoutSettings("EUR", TaxRules.from_strings(RATES), merge_identical=True)


def journaled(checkout: Checkout, event: ItemScanned, journal: BasketJournal) -> Checkout:
    """Handle ``event`` and write its journal effects as the lane does (twice: a replay)."""
    checkout, effects = checkout.handle(event)
    for _ in range(2):
        for effect in effects:
            if isinstance(effect, fx.OpenBasket):
                journal.start(effect.basket_id, effect.currency)
            elif isinstance(effect, fx.JournalLine):
                journal.record(effect.basket_id, effect.line)
    return checkout


def test_a_merged_line_comes_back_once_with_its_quantity(
    conn: sqlite3.Connection, items: list[CatalogItem]
) -> None:
    milk = next(item for item in items if item.sku == "S00001")
    code = milk.gtins[0]
    journal = BasketJournal(conn)
    checkout = Checkout.start(SETTINGS, "b-1")
    for _n in range(3):
        checkout = journaled(checkout, ItemScanned(milk, code, T0), journal)
    (restored,) = journal.restore()
    assert [(ln.line_no, ln.item.sku, ln.quantity) for ln in restored.lines] == [(1, "S00001", 3)]
    assert restored == checkout.basket

    again = Checkout.recover(SETTINGS, restored, T0)
    again = journaled(again, ItemScanned(milk, code, T0), journal)
    (restored,) = journal.restore()
    assert [(ln.line_no, ln.quantity) for ln in restored.lines] == [(1, 4)]
    assert restored.totals(SETTINGS.tax).total == milk.price * 4
