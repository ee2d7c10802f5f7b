"""Completing a sale: sale rows + outbox row + basket closed, in one transaction (invariant 1)."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from kiosk.domain.basket import Basket
from kiosk.domain.catalog import CatalogItem
from kiosk.domain.money import Money
from kiosk.domain.tax import TaxRules
from kiosk.store.db import connect
from kiosk.store.errors import StoreError
from kiosk.store.journal import BasketJournal
from kiosk.store.sales import build_sale_document, complete_sale, load_sale_document
from kiosk.store.totals import last_completed_sale, sales_since

RULES = TaxRules.from_strings({"standard": "21", "reduced": "10", "super_reduced": "4"})
PAYMENT = {
    "reference": "pay-1",
    "method": "card",
    "amount": 0,
    "outcome": "approved",
    "auth_code": "123456",
    "masked_pan": "************1234",
    "brand": "VISA",
    "terminal_transaction_id": "t-77",
}


def by_sku(items: list[CatalogItem], sku: str) -> CatalogItem:
    return next(item for item in items if item.sku == sku)


def sold_basket(items: list[CatalogItem], journal: BasketJournal) -> Basket:
    basket = Basket("tx-1", "EUR")
    journal.start("tx-1", "EUR", "2026-11-22T10:00:00Z")
    for step in (
        lambda b: b.add_item(by_sku(items, "P0001"), 1, 1234, scanned_code="4011"),
        lambda b: b.add_item(by_sku(items, "S00113"), 2, scanned_code="8410148001135"),
        lambda b: b.add_item(by_sku(items, "S00001")),
        lambda b: b.void_line(3),
    ):
        basket, line = step(basket)
        journal.record("tx-1", line)
    return basket


def document_of(basket: Basket, **overrides: Any) -> dict[str, Any]:
    totals = basket.totals(RULES)
    payment = dict(PAYMENT, amount=totals.total.minor)
    arguments: dict[str, Any] = {
        "basket": basket,
        "totals": totals,
        "transaction_id": basket.basket_id,
        "store_id": "store-001",
        "lane_id": "lane-01",
        "started_at": "2026-11-22T10:00:00Z",
        "completed_at": "2026-11-22T10:03:00Z",
        "payments": [payment],
        "interventions": [
            {
                "kind": "age_restricted",
                "raised_at": "2026-11-22T10:01:00Z",
                "resolved_at": "2026-11-22T10:02:00Z",
                "staff_id": "s-17",
                "resolution": "approved",
            }
        ],
    }
    arguments.update(overrides)
    return build_sale_document(**arguments)


def test_the_sale_document_follows_the_contract(
    conn: sqlite3.Connection, items: list[CatalogItem]
) -> None:
    basket = sold_basket(items, BasketJournal(conn))
    doc = document_of(basket)
    assert doc["schema"] == 1
    assert doc["status"] == "completed"
    bananas, beer, voided = doc["lines"]
    assert bananas == {
        "line_no": 1,
        "sku": "P0001",
        "gtin": None,
        "plu": "4011",
        "name": "Bananas",
        "quantity": 1,
        "weight_g": 1234,
        "unit_price": 199,
        "amount": 246,
        "tax_class": "super_reduced",
        "tax_rate": "4",
        "tax": 9,
        "deposit": 0,
        "voided": False,
        "price_override_reason": None,
    }
    assert beer["gtin"] == "08410148001135"
    assert (beer["amount"], beer["deposit"], beer["tax_rate"]) == (158, 20, "21")
    assert voided["voided"] is True
    assert voided["tax"] == 0
    totals = doc["totals"]
    assert totals["total"] == totals["net"] + totals["tax"] + totals["deposit"] == 246 + 158 + 20
    assert totals["item_count"] == 3
    assert sum(s["gross"] for s in doc["tax_summary"]) == 246 + 158
    assert json.loads(json.dumps(doc)) == doc


def test_complete_sale_stores_everything_and_closes_the_basket(
    db_path: Path, items: list[CatalogItem]
) -> None:
    conn = connect(db_path)
    journal = BasketJournal(conn)
    doc = document_of(sold_basket(items, journal))
    result = complete_sale(conn, doc)
    assert result.created
    assert not conn.in_transaction
    conn.close()
    conn = connect(db_path)  # what a restarted lane sees
    assert BasketJournal(conn).restore() == []
    assert load_sale_document(conn, "tx-1") == doc
    (outbox,) = conn.execute("SELECT * FROM outbox JOIN outbox_payload USING (id)").fetchall()
    assert (outbox["id"], outbox["transaction_id"], outbox["kind"]) == (
        result.outbox_id,
        "tx-1",
        "sale",
    )
    assert json.loads(outbox["payload"]) == doc
    assert outbox["sent_at"] is None
    assert outbox["attempts"] == 0
    assert outbox["created_at"].endswith("Z")
    sale = conn.execute("SELECT * FROM sale").fetchone()
    assert (sale["total"], sale["item_count"], sale["status"]) == (424, 3, "completed")
    lines = conn.execute(
        "SELECT line_no, sku, amount, voided FROM sale_line ORDER BY line_no"
    ).fetchall()
    assert [tuple(r) for r in lines] == [
        (1, "P0001", 246, 0),
        (2, "S00113", 158, 0),
        (3, "S00001", lines[2]["amount"], 1),
    ]
    payment = conn.execute("SELECT * FROM sale_payment").fetchone()
    assert (payment["reference"], payment["amount"], payment["masked_pan"]) == (
        "pay-1",
        424,
        "************1234",
    )
    conn.close()


def test_completing_twice_is_idempotent(conn: sqlite3.Connection, items: list[CatalogItem]) -> None:
    doc = document_of(sold_basket(items, BasketJournal(conn)))
    first = complete_sale(conn, doc)
    again = complete_sale(conn, doc)
    different = complete_sale(conn, dict(doc, completed_at="2026-11-22T11:00:00Z"))
    assert first.created
    assert not again.created
    assert not different.created
    assert again.outbox_id == different.outbox_id == first.outbox_id
    assert conn.execute("SELECT count(*) FROM outbox").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM sale").fetchone()[0] == 1
    assert load_sale_document(conn, "tx-1") == doc


def test_a_cancelled_sale_with_another_basket_id(
    conn: sqlite3.Connection, items: list[CatalogItem]
) -> None:
    journal = BasketJournal(conn)
    basket = sold_basket(items, journal)
    doc = document_of(basket, transaction_id="tx-other", status="cancelled", payments=[])
    assert complete_sale(conn, doc, basket_id="tx-1").created
    assert journal.restore() == []
    assert conn.execute("SELECT status FROM sale").fetchone()[0] == "cancelled"


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(schema=2), "schema must be 1"),
        (lambda d: d.update(status="done"), "status is 'done'"),
        (lambda d: d.pop("transaction_id"), "transaction_id is None"),
        (lambda d: d["totals"].update(total="4.24"), "totals.total is '4.24'"),
        (lambda d: d["totals"].update(tax=True), "totals.tax is True"),
        (lambda d: d["lines"][1].update(amount=1.5), r"lines\[1\].amount is 1.5"),
        (lambda d: d["lines"][0].pop("sku"), r"lines\[0\].sku is None"),
        (lambda d: d["payments"][0].update(reference=None), r"payments\[0\].reference"),
        (lambda d: d.update(lines="x"), "lines is 'x'"),
    ],
)
def test_a_bad_document_is_refused_and_nothing_changes(
    conn: sqlite3.Connection, items: list[CatalogItem], mutate: Any, message: str
) -> None:
    journal = BasketJournal(conn)
    basket = sold_basket(items, journal)
    doc = document_of(basket)
    mutate(doc)
    with pytest.raises(StoreError, match=message):
        complete_sale(conn, doc)
    assert journal.restore() == [basket]
    assert conn.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0


def test_a_failure_inside_the_transaction_rolls_everything_back(
    conn: sqlite3.Connection, items: list[CatalogItem]
) -> None:
    journal = BasketJournal(conn)
    basket = sold_basket(items, journal)
    doc = document_of(basket)
    doc["lines"].append(dict(doc["lines"][0]))  # line_no 1 twice: the sale_line insert fails
    with pytest.raises(StoreError, match="storing sale tx-1"):
        complete_sale(conn, doc)
    assert not conn.in_transaction
    assert journal.restore() == [basket]
    for table in ("sale", "sale_line", "sale_payment", "outbox"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


def test_line_amounts_use_the_override_price(
    conn: sqlite3.Connection, items: list[CatalogItem]
) -> None:
    journal = BasketJournal(conn)
    basket = sold_basket(items, journal)
    basket, _ = basket.override_price(2, Money(10, "EUR"), "shelf label")
    doc = document_of(basket)
    assert doc["lines"][1]["amount"] == 20
    assert doc["lines"][1]["price_override_reason"] == "shelf label"


def test_also_commits_with_the_sale_and_its_failure_rolls_back_everything(
    conn: sqlite3.Connection, items: list[CatalogItem]
) -> None:
    conn.execute("CREATE TABLE side (transaction_id TEXT)")
    basket = sold_basket(items, BasketJournal(conn))

    def failing(c: sqlite3.Connection) -> None:
        c.execute("INSERT INTO side VALUES (?)", (basket.basket_id,))
        raise StoreError("payment journal refused")

    with pytest.raises(StoreError, match="payment journal refused"):
        complete_sale(conn, document_of(basket), also=failing)
    assert conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM side").fetchone()[0] == 0
    assert BasketJournal(conn).restore() == [basket]

    complete_sale(
        conn,
        document_of(basket),
        also=lambda c: c.execute("INSERT INTO side VALUES (?)", (basket.basket_id,)),
    )
    assert conn.execute("SELECT transaction_id FROM side").fetchall()[0][0] == basket.basket_id
    assert conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == 1


def test_totals_since_a_time_and_the_last_completed_sale(
    conn: sqlite3.Connection, items: list[CatalogItem]
) -> None:
    journal = BasketJournal(conn)
    basket = sold_basket(items, journal)
    paid = document_of(basket)
    complete_sale(conn, paid)
    cancelled = document_of(basket, transaction_id="tx-2", status="cancelled", payments=[])
    complete_sale(conn, cancelled, basket_id="tx-2")
    yesterday = document_of(basket, transaction_id="tx-0", completed_at="2026-11-21T23:59:00Z")
    complete_sale(conn, yesterday, basket_id="tx-0")
    other_lane = document_of(basket, transaction_id="tx-9", lane_id="lane-02")
    complete_sale(conn, other_lane, basket_id="tx-9")

    sums = sales_since(conn, "lane-01", datetime(2026, 11, 22, tzinfo=UTC))
    total = paid["totals"]["total"]
    assert (sums.count, sums.total, sums.cancelled) == (1, total, 1)
    assert sums.by_brand == (("VISA", 1, total),)
    assert last_completed_sale(conn, "lane-01") == load_sale_document(conn, "tx-1")
    assert last_completed_sale(conn, "lane-03") is None
