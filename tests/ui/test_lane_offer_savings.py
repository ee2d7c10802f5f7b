"""The shopper sees what offers save before paying: subtotal, savings and VAT on the real
scanning screen and the pay screen, drawn from a real checkout priced by offers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kiosk.domain.catalog import CatalogItem
from kiosk.domain.checkout import Checkout, CheckoutSettings
from kiosk.domain.checkout.events import ItemScanned
from kiosk.domain.money import Money
from kiosk.domain.offers import Offer, OfferCatalog, OfferKind
from kiosk.domain.tax import TaxRules
from kiosk.ui.lane_views import pay_view, scanning_view
from kiosk.ui.viewmodels import PayStage

T0 = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)
COLA = CatalogItem("cola", (("en", "Cola 33 cl"),), Money(150, "EUR"), "reduced")
SETTINGS = CheckoutSettings(
    "EUR",
    TaxRules.from_strings({"reduced": "10", "standard": "21"}),
    offers=OfferCatalog(
        (Offer("3for2", "3 for 2", OfferKind.MULTI_BUY, frozenset({"cola"}), 3, pay_units=2),)
    ),
)


def _scanned(count: int) -> Checkout:
    checkout = Checkout.start(SETTINGS, "b-1")
    for n in range(count):
        checkout, _ = checkout.handle(ItemScanned(COLA, "cola", T0 + timedelta(seconds=n)))
    return checkout


def test_the_scanning_screen_shows_subtotal_savings_and_vat(qtbot, window) -> None:
    scanning = window.navigator.get("scanning")
    window.show_screen("scanning")
    scanning.set_model(scanning_view(_scanned(2), 2))
    savings = scanning.findChild(type(scanning._total), "SavingsText")
    subtotal = scanning.findChild(type(scanning._total), "SubtotalText")
    vat = scanning.findChild(type(scanning._total), "VatText")
    assert not savings.isVisible()  # two colas: nothing saved yet
    assert vat.isVisible()
    assert vat.text() == "VAT €0.28"  # 2 lines x round(150 x 10/110) = 2 x 14

    scanning.set_model(scanning_view(_scanned(3), 3))
    qtbot.waitUntil(savings.isVisible)
    assert subtotal.isVisible()
    assert (subtotal.text(), savings.text()) == ("Subtotal €4.50", "Savings -€1.50")
    assert scanning._total.text() == "€3.00"
    assert vat.text() == "VAT €0.28"  # 3 x 14 on the lines less 14 on the saving


def test_the_pay_screen_shows_the_saving_and_vat(qtbot, window) -> None:
    pay = window.navigator.get("pay")
    window.show_screen("pay")
    pay.set_model(pay_view(_scanned(3), PayStage.PRESENT_CARD))
    saved = pay.findChild(type(pay._amount), "PaySavingsText")
    qtbot.waitUntil(saved.isVisible)
    assert saved.text() == "You save €1.50"
    assert pay.findChild(type(pay._amount), "PayVatText").text() == "VAT €0.28"
