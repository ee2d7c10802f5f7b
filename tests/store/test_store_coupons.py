"""Coupons in the lane store: HQ's list and redeemed serials applied with their cursor,
and a sale's serial-numbered coupons marked used in the sale's own transaction."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from test_store_sales import document_of

from kiosk.domain.basket import Basket
from kiosk.domain.catalog import CatalogItem
from kiosk.domain.money import Money
from kiosk.domain.offers.coupons import Coupon, CouponOffer, Requirement, SaveKind
from kiosk.store.coupons import CouponRepository, record_redemptions, redemption_keys
from kiosk.store.errors import StoreError
from kiosk.store.sales import complete_sale

BREAD = CatalogItem("bread", (("en", "Bread"),), Money(250, "EUR"), "reduced")
OFFER = CouponOffer(
    "store:00042", "Bread 0.50 off", SaveKind.AMOUNT_OFF, 50,
    (Requirement(1, skus=frozenset({"bread"})),), expires=date(2026, 12, 31),
)  # fmt: skip


def coupon(serial: str | None) -> Coupon:
    return Coupon("store:00042", OFFER.name, OFFER.save, 50, OFFER.requirements, serial=serial)


def sale(basket_id: str, *coupons: Coupon) -> dict[str, Any]:
    basket, _ = Basket(basket_id, "EUR").add_item(BREAD)
    for c in coupons:
        basket = basket.with_coupon(c)
    return document_of(basket)


def test_the_list_and_hq_redemptions_come_with_their_cursor(conn: sqlite3.Connection) -> None:
    repo = CouponRepository(conn)
    assert repo.cursor() == 0
    repo.apply_changes([(OFFER, 3)], [], [(("0614141", "120"), frozenset({"soup"}))],
                       ["store:00042:00007"], 3)  # fmt: skip
    listed = repo.coupon_list()
    assert listed.offers["store:00042"] == OFFER
    assert listed.families[("0614141", "120")] == frozenset({"soup"})
    assert repo.is_redeemed("store:00042:00007")
    assert not repo.is_redeemed("store:00042:00008")
    assert repo.cursor() == 3
    repo.apply_changes([], ["store:00042"], [], [], 4)
    assert repo.coupon_list().offers == {}


def test_a_sale_marks_its_serial_coupons_used_in_its_transaction(conn: sqlite3.Connection) -> None:
    document = sale("b-1", coupon("00009"))
    assert redemption_keys(document) == ["store:00042:00009"]
    complete_sale(conn, document, also=lambda c: record_redemptions(c, document))
    repo = CouponRepository(conn)
    assert repo.is_redeemed("store:00042:00009")
    row = conn.execute("SELECT transaction_id, source FROM redeemed_coupon").fetchone()
    assert tuple(row) == ("b-1", "lane")


def test_a_coupon_without_serial_is_not_one_use(conn: sqlite3.Connection) -> None:
    document = sale("b-2", coupon(None))
    assert [d["offer_id"] for d in document["discounts"]] == ["coupon:store:00042"]
    assert redemption_keys(document) == []


def test_a_sale_that_fails_records_no_redemption(conn: sqlite3.Connection) -> None:
    document = sale("b-3", coupon("00011"))

    def fail(c: sqlite3.Connection) -> None:
        record_redemptions(c, document)
        raise sqlite3.OperationalError("disk I/O error")

    with pytest.raises((StoreError, sqlite3.OperationalError)):
        complete_sale(conn, document, also=fail)
    assert not CouponRepository(conn).is_redeemed("store:00042:00011")
    assert conn.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0


def test_a_journaled_coupon_comes_back_once_and_goes_with_its_basket(
    conn: sqlite3.Connection,
) -> None:
    from kiosk.store.journal import BasketJournal

    journal, repo = BasketJournal(conn), CouponRepository(conn)
    journal.start("b-9", "EUR")
    _basket, line = Basket("b-9", "EUR").add_item(BREAD)
    journal.record("b-9", line)
    first, second = coupon("00012"), replace(coupon(None), coupon_id="store:00043")
    for c in (first, second, first):  # the first again: a replay after a crash
        repo.journal_coupon("b-9", c)
    assert repo.journaled_coupons("b-9") == (first, second)
    assert repo.journaled_coupons("b-8") == ()
    assert journal.discard("b-9")
    assert conn.execute("SELECT count(*) FROM open_basket_coupon").fetchone()[0] == 0


def test_a_forgotten_coupon_is_gone_and_the_next_one_comes_last(conn: sqlite3.Connection) -> None:
    """A coupon taken off after a restart (it expired) is not restored again; a coupon
    journaled after it still comes back after the ones scanned before it."""
    from kiosk.store.journal import BasketJournal

    journal, repo = BasketJournal(conn), CouponRepository(conn)
    journal.start("b-6", "EUR")
    first, second = coupon("00012"), replace(coupon(None), coupon_id="store:00043")
    third = replace(coupon(None), coupon_id="store:00040")  # sorts before the second
    repo.journal_coupon("b-6", first)
    repo.journal_coupon("b-6", second)
    repo.forget_coupon("b-6", "store:00042")
    repo.forget_coupon("b-6", "store:09999")  # none such: nothing happens
    repo.journal_coupon("b-6", third)
    assert repo.journaled_coupons("b-6") == (second, third)


def test_a_damaged_journaled_coupon_is_a_store_error(conn: sqlite3.Connection) -> None:
    from kiosk.store.journal import BasketJournal

    BasketJournal(conn).start("b-7", "EUR")
    conn.execute(
        "INSERT INTO open_basket_coupon VALUES ('b-7', 'store:00042', 0, ?)", ('{"save": 1}',)
    )
    with pytest.raises(StoreError, match="b-7"):
        CouponRepository(conn).journaled_coupons("b-7")
