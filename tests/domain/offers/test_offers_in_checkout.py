"""Offers through the checkout machine: scans, voids, quantities, a loyalty card, tax."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from offer_helpers import item, multi_buy, percent_off, threshold, unit_price

from kiosk.domain.checkout import Checkout, CheckoutSettings
from kiosk.domain.checkout import events as ev
from kiosk.domain.checkout.effects import ShowMessage, StartPayment
from kiosk.domain.checkout.interventions import InterventionKind
from kiosk.domain.gtin import check_digit
from kiosk.domain.offers import OfferCatalog
from kiosk.domain.tax import TaxRules, compute_totals

T0 = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)
COLA = item("cola", 150, "reduced", gtins=("05000000000017",))
WINE = item("wine", 899, "standard")
CARD = "290000000042" + str(check_digit("290000000042"))
OFFERS = OfferCatalog(
    (
        multi_buy("3for2", {"cola"}, 3, pay_units=2),
        unit_price("member-wine", {"wine"}, 799, members_only=True),
        threshold("spend20", 2000, 100),
        percent_off("late", {"wine"}, 50, starts_at=T0 + timedelta(hours=1)),
    )
)


def rules(**options: object) -> TaxRules:
    return TaxRules.from_strings({"standard": "21", "reduced": "10"}, **options)  # type: ignore[arg-type]


def start(**options: object) -> Checkout:
    return Checkout.start(CheckoutSettings("EUR", rules(**options), offers=OFFERS), "b-1")


def feed(checkout: Checkout, *events: ev.Event) -> Checkout:
    for event in events:
        checkout, _ = checkout.handle(event)
    return checkout


def scan(thing, minute: int = 1, **kw: object) -> ev.ItemScanned:
    return ev.ItemScanned(thing, "code", T0 + timedelta(minutes=minute), **kw)  # type: ignore[arg-type]


def approve(kind: InterventionKind) -> ev.InterventionResolved:
    return ev.InterventionResolved(kind, "s-1", True, T0 + timedelta(minutes=9))


def test_three_colas_show_a_saving_and_the_total_drops() -> None:
    checkout = feed(start(), scan(COLA), scan(COLA), scan(COLA, quantity=1))
    totals = checkout.totals()
    assert totals.savings.minor == 150
    assert totals.total.minor == 300
    assert totals.subtotal.minor == 450
    [saving] = totals.offers.savings()
    assert saving.offer_id == "3for2"


@pytest.mark.parametrize(
    "options", [{}, {"per_line": False}, {"prices_include_tax": False}, {"per_line": False,
     "prices_include_tax": False}]
)  # fmt: skip
def test_tax_is_on_the_discounted_amounts_and_matches_the_reference(options) -> None:
    checkout = feed(start(**options), scan(COLA, quantity=3), scan(WINE), scan(WINE))
    totals = checkout.totals()
    reference = compute_totals(
        checkout.basket.lines, checkout.settings.tax, "EUR", dict(totals.discounts)
    )
    assert totals == reference
    assert totals.net + totals.tax + totals.untaxed_deposit == totals.total
    shelf = compute_totals(checkout.basket.lines, checkout.settings.tax, "EUR")
    assert totals.tax < shelf.tax  # less tax on less money
    assert sum(row.net.minor for row in totals.tax_summary) == totals.net.minor


def test_inclusive_vat_on_a_discount_is_the_tax_of_a_negative_line() -> None:
    checkout = feed(start(), scan(COLA, quantity=3))  # 450 at 10 %, 150 off
    reduced = checkout.totals().tax_summary[0]
    # the line: round(450 * 10/110) = 41; the discount: round(150 * 10/110) = 14
    assert (reduced.gross.minor, reduced.tax.minor, reduced.net.minor) == (300, 27, 273)


def test_a_quantity_change_and_a_void_reprice_the_offer() -> None:
    checkout = feed(start(), scan(COLA), scan(COLA))
    assert checkout.totals().savings.minor == 0
    checkout = feed(checkout, ev.QuantityChanged(2, 2, T0 + timedelta(minutes=2)))
    assert checkout.totals().savings.minor == 150  # 3 colas now
    checkout = feed(
        checkout,
        ev.VoidRequested(1, T0 + timedelta(minutes=3)),
        approve(InterventionKind.VOID_REQUEST),
    )
    assert checkout.basket.line(1).voided
    assert checkout.totals().savings.minor == 0  # 2 colas left
    assert checkout.totals().total.minor == 300


def test_a_scanned_loyalty_card_brings_member_prices() -> None:
    checkout = feed(start(), scan(WINE))
    assert checkout.totals().savings.minor == 0
    checkout, effects = checkout.handle(ev.ItemScanned(None, CARD, T0 + timedelta(minutes=2)))
    assert checkout.member_card == CARD
    assert ShowMessage("loyalty_card_accepted", (("card", CARD[-4:]),)) in effects
    assert checkout.totals().savings.minor == 100
    assert checkout.pending is None  # not an unknown barcode


def test_a_basket_keeps_the_offers_valid_when_it_opened() -> None:
    early = feed(start(), scan(WINE, minute=1), scan(WINE, minute=90))
    late = feed(start(), scan(WINE, minute=61))
    assert early.totals().savings.minor == 0  # "late" starts after the basket opened
    assert late.totals().savings.minor == 450  # 449.5 rounds half up


def test_a_basket_threshold_applies_once_the_spend_is_reached() -> None:
    checkout = feed(start(), scan(WINE), scan(WINE))
    assert checkout.totals().savings.minor == 0
    checkout = feed(checkout, scan(WINE))  # 26.97 >= 20.00
    assert checkout.totals().savings.minor == 100


def test_the_amount_due_is_the_discounted_total() -> None:
    checkout = feed(start(), scan(COLA, quantity=3))
    checkout, effects = checkout.handle(ev.PayRequested(T0 + timedelta(minutes=5)))
    [payment] = [e for e in effects if isinstance(e, StartPayment)]
    assert payment.amount.minor == 300


def test_recovery_reprices_the_basket_with_the_offers() -> None:
    checkout = feed(start(), scan(COLA, quantity=3))
    recovered = Checkout.recover(checkout.settings, checkout.basket, T0)
    assert recovered.totals().savings.minor == 150
