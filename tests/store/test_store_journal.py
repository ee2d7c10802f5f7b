"""The open-basket journal: what was recorded is what restore() gives back (invariant 2)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.domain.basket import Basket, BasketError
from kiosk.domain.catalog import CatalogItem
from kiosk.domain.money import Money
from kiosk.store.catalog import CatalogRepository
from kiosk.store.db import connect
from kiosk.store.errors import StoreError
from kiosk.store.journal import BasketJournal


def by_sku(items: list[CatalogItem], sku: str) -> CatalogItem:
    return next(item for item in items if item.sku == sku)


def scripted_basket(items: list[CatalogItem], journal: BasketJournal) -> Basket:
    """Scan, weigh, change a quantity, override a price and void, journaling each change."""
    basket = Basket("b-1", "EUR")
    journal.start("b-1", "EUR", "2026-11-22T10:00:00Z")
    steps = [
        lambda b: b.add_item(by_sku(items, "S00113"), 2, scanned_code="8410148001135"),
        lambda b: b.add_item(by_sku(items, "P0001"), 1, 1234, scanned_code="4011"),
        lambda b: b.add_item(by_sku(items, "S00001")),
        lambda b: b.set_quantity(1, 6),
        lambda b: b.override_price(3, Money(50, "EUR"), "damaged box"),
        lambda b: b.void_line(2),
        lambda b: b.add_item(by_sku(items, "B0001"), 3, scanned_code="7001"),
    ]
    for step in steps:
        basket, line = step(basket)
        journal.record(basket.basket_id, line)
    return basket


def test_restore_gives_back_the_exact_basket(db_path: Path, items: list[CatalogItem]) -> None:
    conn = connect(db_path)
    expected = scripted_basket(items, BasketJournal(conn))
    conn.close()  # as after a crash: a new process, a new connection
    conn = connect(db_path)
    journal = BasketJournal(conn)
    restored = journal.restore()
    assert restored == [expected]
    basket = restored[0]
    assert [line.line_no for line in basket.lines] == [1, 2, 3, 4]
    assert basket.line(1).quantity == 6
    assert basket.line(2).voided
    assert basket.line(2).weight_g == 1234
    assert basket.line(3).price_override_reason == "damaged box"
    assert basket.line(1).item.deposit == Money(10, "EUR")
    assert basket.line(1).scanned_code == "8410148001135"
    (info,) = journal.open_baskets()
    assert info.started_at == "2026-11-22T10:00:00Z"
    conn.close()


def test_restore_keeps_the_snapshot_not_todays_catalog(
    conn: sqlite3.Connection, catalog: CatalogRepository, items: list[CatalogItem]
) -> None:
    journal = BasketJournal(conn)
    basket = scripted_basket(items, journal)
    beer = by_sku(items, "S00113")
    catalog.upsert([replace(beer, price=Money(999, "EUR"))])
    assert journal.restore()[0].line(1).item == beer == basket.line(1).item


def test_rerecording_a_line_never_doubles_it(
    conn: sqlite3.Connection, items: list[CatalogItem]
) -> None:
    journal = BasketJournal(conn)
    basket = scripted_basket(items, journal)
    for _ in range(3):  # a replay after a crash
        journal.record("b-1", *basket.lines)
    assert journal.restore() == [basket]
    count = conn.execute("SELECT count(*) FROM open_basket_line").fetchone()[0]
    assert count == len(basket.lines)


def test_several_open_baskets_and_discard(
    conn: sqlite3.Connection, items: list[CatalogItem]
) -> None:
    journal = BasketJournal(conn)
    first = scripted_basket(items, journal)
    journal.start("b-2", "EUR", "2026-11-22T11:00:00Z")
    journal.start("b-2", "EUR", "2026-11-22T12:00:00Z")  # a repeated start is harmless
    second, line = Basket("b-2", "EUR").add_item(by_sku(items, "P0002"), 1, 500)
    journal.record("b-2", line)
    assert journal.restore() == [first, second]
    assert journal.discard("b-1") is True
    assert journal.discard("b-1") is False
    assert journal.restore() == [second]
    assert journal.open_baskets()[0].started_at == "2026-11-22T11:00:00Z"


def test_an_empty_started_basket_is_restored_empty(conn: sqlite3.Connection) -> None:
    journal = BasketJournal(conn)
    journal.start("b-9", "EUR")
    assert journal.restore() == [Basket("b-9", "EUR", ())]


def test_recording_into_a_basket_that_is_not_open_fails(
    conn: sqlite3.Connection, items: list[CatalogItem]
) -> None:
    journal = BasketJournal(conn)
    _, line = Basket("nope", "EUR").add_item(items[50])
    with pytest.raises(StoreError, match="not open"):
        journal.record("nope", line)
    assert conn.execute("SELECT count(*) FROM open_basket_line").fetchone()[0] == 0


def test_a_damaged_journal_row_is_a_store_error(
    conn: sqlite3.Connection, items: list[CatalogItem]
) -> None:
    journal = BasketJournal(conn)
    scripted_basket(items, journal)
    conn.execute("UPDATE open_basket_line SET item = '{' WHERE line_no = 2")
    with pytest.raises(StoreError, match="snapshot"):
        journal.restore()
    conn.execute(
        "UPDATE open_basket_line SET item = ?, quantity = 0 WHERE line_no = 2",
        (conn.execute("SELECT item FROM open_basket_line WHERE line_no = 1").fetchone()[0],),
    )
    with pytest.raises(StoreError, match="b-1/2"):
        journal.restore()


OPS = st.lists(
    st.tuples(st.sampled_from(["add", "qty", "void", "price"]), st.integers(0, 10**6)),
    max_size=25,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=OPS)
def test_any_sequence_of_changes_restores_exactly(
    db_path: Path, items: list[CatalogItem], ops: list[tuple[str, int]]
) -> None:
    db_path.unlink(missing_ok=True)
    for suffix in ("-wal", "-shm"):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
    conn = connect(db_path)
    journal = BasketJournal(conn)
    basket = Basket("h", "EUR")
    journal.start("h", "EUR")
    for op, n in ops:
        try:
            if op == "add" or not basket.lines:
                item = items[n % len(items)]
                weight = 1 + n % 5000 if item.sold_by_weight else None
                basket, line = basket.add_item(item, 1, weight, over_limit_ok=True)
            elif op == "qty":
                basket, line = basket.set_quantity(
                    1 + n % len(basket.lines), 1 + n % 9, over_limit_ok=True
                )
            elif op == "void":
                basket, line = basket.void_line(1 + n % len(basket.lines))
            else:
                basket, line = basket.override_price(
                    1 + n % len(basket.lines), Money(n % 1000, "EUR"), f"reason {n}"
                )
        except BasketError:
            continue
        journal.record("h", line)
    conn.close()
    conn = connect(db_path)
    assert BasketJournal(conn).restore() == [basket]
    conn.close()
