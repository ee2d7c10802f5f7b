"""The totals review's rows (kiosk.ui.totals_view): the receipt's VAT letters per rate,
savings and deposit only when there are some, from a real checkout's totals."""

from __future__ import annotations

from datetime import UTC, datetime

from kiosk.domain.catalog import CatalogItem
from kiosk.domain.checkout import Checkout, CheckoutSettings
from kiosk.domain.checkout.events import ItemScanned
from kiosk.domain.money import Money
from kiosk.domain.offers import Offer, OfferCatalog, OfferKind
from kiosk.domain.tax import TaxRules
from kiosk.domain.tax_letters import TaxLetters
from kiosk.ui.totals_view import VatRow, totals_view

T0 = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)
RATES = {"standard": "21", "reduced": "10", "super_reduced": "4", "zero": "0"}
COLA = CatalogItem("cola", (("en", "Cola"),), Money(150, "EUR"), "reduced",
                   deposit=Money(10, "EUR"))  # fmt: skip
SOAP = CatalogItem("soap", (("en", "Soap"),), Money(242, "EUR"), "standard")
OFFERS = OfferCatalog(
    (Offer("3for2", "3 for 2", OfferKind.MULTI_BUY, frozenset({"cola"}), 3, pay_units=2),)
)


def checkout(*items: CatalogItem, **options: object) -> Checkout:
    settings = CheckoutSettings("EUR", TaxRules.from_strings(RATES, **options), offers=OFFERS)  # type: ignore[arg-type]
    c = Checkout.start(settings, "b-1")
    for item in items:
        c, _ = c.handle(ItemScanned(item, item.sku, T0))
    return c


def test_rows_name_each_rate_with_the_stores_letter() -> None:
    c = checkout(SOAP, COLA)
    view = totals_view(c.totals(), TaxLetters.from_table(RATES))
    assert view.vat == (
        VatRow("A", "21", Money(42, "EUR"), Money(242, "EUR")),
        VatRow("B", "10", Money(14, "EUR"), Money(150, "EUR")),
    )
    assert (view.savings, view.deposit) == (None, Money(10, "EUR"))
    assert view.total == view.subtotal == Money(402, "EUR")


def test_configured_letters_and_savings() -> None:
    c = checkout(COLA, COLA, COLA)
    letters = TaxLetters.from_table(RATES, {"reduced": "R"})
    view = totals_view(c.totals(), letters)
    assert [(row.letter, row.rate) for row in view.vat] == [("R", "10")]
    assert view.savings == Money(150, "EUR")
    assert view.subtotal - view.savings == view.total


def test_tax_added_at_the_total_is_said_so() -> None:
    c = checkout(SOAP, prices_include_tax=False)
    view = totals_view(c.totals(), TaxLetters.from_table(RATES), prices_include_tax=False)
    assert view.prices_include_tax is False
    assert view.total == Money(242 + 51, "EUR")
