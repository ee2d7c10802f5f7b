"""Sales with offers: the lane's document carries its savings (``totals.savings`` and
``discounts``), HQ checks that they add up, stores them over HTTP (SQLite, PostgreSQL when
KIOSK_TEST_PG_URL is set), and documents from lanes without offers keep their canonical
JSON (no new keys, the same hash)."""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction
from typing import Any

import pytest
from hq_calls import SALES, post, sale
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.app.documents import iso
from kiosk.domain.basket import Basket
from kiosk.domain.catalog import CatalogItem, SaleUnit
from kiosk.domain.money import Money, Rounding
from kiosk.domain.offers import Offer, OfferBook, OfferKind
from kiosk.domain.tax import TaxRules
from kiosk.hq.models import SaleBatch
from kiosk.hq.sale_rules import adds_up, sale_problems
from kiosk.hq.sales import canonical_json
from kiosk.store.sales import build_sale_document

RATES = {"standard": "21", "reduced": "5.5", "zero": "0"}
ITEMS = [
    CatalogItem("cola", (("en", "Cola"),), Money(150, "EUR"), "reduced", deposit=Money(25, "EUR")),
    CatalogItem("wine", (("en", "Wine"),), Money(899, "EUR"), "standard"),
    CatalogItem("crisps", (("en", "Crisps"),), Money(99, "EUR"), "standard"),
    CatalogItem("stamps", (("en", "Stamps"),), Money(120, "EUR"), "zero"),
    CatalogItem("apples", (("en", "Apples"),), Money(299, "EUR"), "reduced",
                unit=SaleUnit.WEIGHT),
]  # fmt: skip
OFFERS = [
    Offer("3for2", "3 for 2", OfferKind.MULTI_BUY, frozenset({"cola", "crisps"}), 3, pay_units=2),
    Offer("wine10", "10% off wine", OfferKind.PERCENT_OFF, frozenset({"wine"}),
          percent=Fraction(10)),
    Offer("deal", "Meal deal", OfferKind.SET_PRICE, price=250,
          components=(frozenset({"cola"}), frozenset({"crisps"}))),
    Offer("apples", "Apples -20%", OfferKind.PERCENT_OFF, frozenset({"apples"}),
          percent=Fraction(20)),
    Offer("spend20", "Spend 20 save 3", OfferKind.THRESHOLD, spend=2000, amount=300),
    Offer("stamps", "Stamps 0.50 off", OfferKind.AMOUNT_OFF, frozenset({"stamps"}), amount=50),
]  # fmt: skip
START = dt.datetime(2026, 12, 5, 10, 0, tzinfo=dt.UTC)


def _payment(amount: int) -> dict[str, Any]:
    return {
        "reference": "paid-abcdefghjkmnpqrstuvw",
        "method": "card",
        "amount": amount,
        "outcome": "approved",
        "auth_code": "A1B2C3",
        "masked_pan": "541333******4444",
        "brand": "MASTERCARD",
        "terminal_transaction_id": "8815638283141234",
    }


@st.composite
def discounted_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A document as the lane builds it from a basket priced by offers."""
    rules = TaxRules.from_strings(
        RATES,
        prices_include_tax=draw(st.booleans()),
        per_line=draw(st.booleans()),
        mode=draw(st.sampled_from(list(Rounding))),
        deposit_taxed=draw(st.booleans()),
    )
    offers = draw(st.lists(st.sampled_from(OFFERS), unique=True, min_size=1))
    basket = Basket(f"b-{draw(st.uuids())}", "EUR").with_offers(OfferBook.of(offers))
    for _ in range(draw(st.integers(1, 10))):
        if draw(st.integers(0, 5)) == 0 and basket.active_lines:
            line = draw(st.sampled_from(basket.active_lines))
            basket, _ = basket.void_line(line.line_no)
            continue
        item = draw(st.sampled_from(ITEMS))
        if item.sold_by_weight:
            basket, _ = basket.add_item(item, 1, draw(st.integers(1, 3000)))
        else:
            basket, _ = basket.add_item(item, draw(st.integers(1, 4)))
    totals = basket.totals(rules)
    return build_sale_document(
        basket=basket,
        totals=totals,
        transaction_id=basket.basket_id,
        store_id="store-001",
        lane_id="lane-01",
        started_at=iso(START),
        completed_at=iso(START + dt.timedelta(minutes=3)),
        payments=[_payment(totals.total.minor)] if totals.total.minor else [],
    )


@settings(max_examples=300, deadline=None)
@given(discounted_documents())
def test_every_discounted_document_the_lane_builds_adds_up(document) -> None:
    [parsed] = SaleBatch.model_validate({"sales": [document]}).sales
    assert sale_problems(parsed) == []
    assert adds_up(parsed)
    savings = sum(d["amount"] for d in document.get("discounts", []))
    assert document["totals"].get("savings", 0) == savings


def _three_colas() -> dict[str, Any]:
    rules = TaxRules.from_strings(RATES)
    basket = Basket("b-cola", "EUR").with_offers(OfferBook.of(OFFERS[:1]))
    basket, _ = basket.add_item(ITEMS[0], 3)
    totals = basket.totals(rules)
    return build_sale_document(
        basket=basket, totals=totals, transaction_id="b-cola", store_id="store-001",
        lane_id="lane-01", started_at=iso(START), completed_at=iso(START),
        payments=[_payment(totals.total.minor)],
    )  # fmt: skip


def test_a_discounted_document_names_the_offer_its_lines_and_tax() -> None:
    document = _three_colas()
    assert document["totals"]["savings"] == 150
    [discount] = document["discounts"]
    assert discount["offer_id"] == "3for2"
    assert discount["lines"] == [1]
    assert discount["classes"] == [{"tax_class": "reduced", "amount": 150, "tax": 8}]
    assert document["totals"]["total"] == 450 - 150 + 75  # with the deposits


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["totals"].update(savings=100), ("totals", "savings")),
        (lambda d: d["discounts"][0].update(amount=151), ("discounts", 0, "amount")),
        (lambda d: d["discounts"][0].update(lines=[7]), ("discounts", 0, "lines", 0)),
        (lambda d: d["discounts"][0]["classes"][0].update(tax=0), ("totals", "tax")),
    ],
)
def test_savings_that_do_not_add_up_are_named(change, where) -> None:
    document = _three_colas()
    change(document)
    [parsed] = SaleBatch.model_validate({"sales": [document]}).sales
    assert where in [problem.loc for problem in sale_problems(parsed)]
    assert not adds_up(parsed)


def test_a_document_without_offers_keeps_its_canonical_json() -> None:
    document = sale(3)
    [parsed] = SaleBatch.model_validate({"sales": [document]}).sales
    text = canonical_json(parsed)
    assert "discounts" not in text
    assert "savings" not in json.loads(text)["totals"]


@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.lists(
        discounted_documents(), min_size=1, max_size=4, unique_by=lambda d: d["transaction_id"]
    )
)
def test_discounted_sales_are_stored_over_http(hq_server, lane_token, documents) -> None:
    response = post(hq_server, lane_token, SALES, {"sales": documents})
    assert response.status_code == 200, response.text
    assert {r["status"] for r in response.json()["results"]} <= {"accepted", "duplicate"}
    again = post(hq_server, lane_token, SALES, {"sales": documents})  # a replay
    assert {r["status"] for r in again.json()["results"]} == {"duplicate"}
