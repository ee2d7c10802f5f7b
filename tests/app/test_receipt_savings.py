"""The receipt of a sale with offers: each saving under the last line it used, a basket
offer above the total, and the total saving under the total, in the receipt's language."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from kiosk.app.documents import iso
from kiosk.app.receipts import receipt_from_document
from kiosk.devices.printer.layout import TextLine, layout_receipt
from kiosk.domain.basket import Basket
from kiosk.domain.catalog import CatalogItem
from kiosk.domain.money import Money
from kiosk.domain.offers import Offer, OfferBook, OfferKind
from kiosk.domain.tax import TaxRules
from kiosk.store.sales import build_sale_document

COLA = CatalogItem("cola", (("en", "Cola"),), Money(150, "EUR"), "reduced")
WINE = CatalogItem("wine", (("en", "Red wine"),), Money(899, "EUR"), "standard")
BREAD = CatalogItem("bread", (("en", "Bread"),), Money(245, "EUR"), "reduced")
OFFERS = OfferBook.of(
    [
        Offer("3for2", "Cola 3 for 2", OfferKind.MULTI_BUY, frozenset({"cola"}), 3, pay_units=2),
        Offer("wine10", "Wine -10%", OfferKind.PERCENT_OFF, frozenset({"wine"}),
              percent=Fraction(10)),
        Offer("spend15", "Spend 15 save 1", OfferKind.THRESHOLD, spend=1500, amount=100),
    ]
)  # fmt: skip
AT = dt.datetime(2026, 12, 5, 10, 0, tzinfo=dt.UTC)


def _document() -> dict:
    basket = Basket("b-1", "EUR").with_offers(OFFERS)
    for item, quantity in ((COLA, 2), (WINE, 1), (BREAD, 1), (COLA, 1)):
        basket, _ = basket.add_item(item, quantity)
    totals = basket.totals(TaxRules.from_strings({"standard": "21", "reduced": "10"}))
    return build_sale_document(
        basket=basket, totals=totals, transaction_id="b-1", store_id="s1", lane_id="l1",
        started_at=iso(AT), completed_at=iso(AT),
        payments=[{"reference": "p1", "method": "card", "amount": totals.total.minor,
                   "outcome": "approved"}],
    )  # fmt: skip


def _text(language: str = "en") -> list[str]:
    receipt = receipt_from_document(_document(), header=("SHOP",), language=language)
    return [op.text for op in layout_receipt(receipt, 42) if isinstance(op, TextLine)]


def test_each_saving_is_printed_under_the_last_line_it_used() -> None:
    text = _text()
    start = text.index(next(t for t in text if t.startswith("Cola")))
    body = text[start : start + 8]
    assert body == [
        "Cola                                3.00 A",
        "  2 x 1.50",
        "Red wine                            8.99 B",
        "  Wine -10%                        -0.90  ",
        "Bread                               2.45 A",
        "Cola                                1.50 A",
        "  Cola 3 for 2                     -1.50  ",
        "  Spend 15 save 1                  -1.00  ",
    ]
    total = next(n for n, t in enumerate(text) if t.startswith("TOTAL"))
    assert text[total + 1] == "You saved" + " " * 29 + "3.40"
    assert text[total].split()[-2] == "12.54"  # 3.00 + 8.99 + 2.45 + 1.50 - 3.40


@pytest.mark.parametrize(("language", "label"), [("es", "Ha ahorrado"), ("fr", "Vous avez")])
def test_the_total_saving_is_in_the_receipt_language(language: str, label: str) -> None:
    assert any(t.startswith(label) and t.endswith("3,40") for t in _text(language))


def test_a_receipt_without_offers_has_no_saving_lines() -> None:
    document = _document()
    del document["discounts"]
    receipt = receipt_from_document(document, header=("SHOP",))
    texts = [op.text for op in layout_receipt(receipt, 42) if isinstance(op, TextLine)]
    assert not any("saved" in t for t in texts)
