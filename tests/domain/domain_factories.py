"""Builders shared by the domain tests (catalog items, tax rules, checkouts in each phase)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kiosk.domain.catalog import CatalogItem, SaleUnit
from kiosk.domain.checkout import Checkout, CheckoutSettings, Phase
from kiosk.domain.checkout import events as ev
from kiosk.domain.checkout.interventions import InterventionKind
from kiosk.domain.money import Money
from kiosk.domain.tax import TaxRules

T0 = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
RATES = {"standard": "21", "reduced": "10", "zero": "0"}


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def item(
    sku: str = "milk", price: int = 129, tax_class: str = "reduced", **kw: object
) -> CatalogItem:
    return CatalogItem(sku, (("en", sku.title()),), eur(price), tax_class, **kw)  # type: ignore[arg-type]


MILK = item("milk", 129, "reduced", gtins=("04000000000017",))
BANANAS = item("bananas", 199, "reduced", unit=SaleUnit.WEIGHT, plu="4011")
BEER = item("beer", 89, "standard", age_limit=16, deposit=eur(25))
WHISKY = item("whisky", 2499, "standard", age_limit=18)
GUM = item("gum", 99, "standard", quantity_limit=2)
FREEBIE = item("freebie", 0, "zero")


def rules(**options: object) -> TaxRules:
    return TaxRules.from_strings(RATES, **options)  # type: ignore[arg-type]


def settings(**options: object) -> CheckoutSettings:
    return CheckoutSettings("EUR", rules(**options))


def run(checkout: Checkout, *events: ev.Event) -> Checkout:
    """Feed events, dropping the effects."""
    for event in events:
        checkout, _ = checkout.handle(event)
    return checkout


def scan(sku_item: CatalogItem | None, minute: int = 1, **kw: object) -> ev.ItemScanned:
    code = sku_item.gtins[0] if sku_item and sku_item.gtins else "0000000000000"
    return ev.ItemScanned(sku_item, code, at(minute), **kw)  # type: ignore[arg-type]


def help_resolved(minute: int = 5) -> ev.InterventionResolved:
    return ev.InterventionResolved(InterventionKind.HELP_REQUESTED, "s-17", True, at(minute))


def checkout_in(phase: Phase) -> Checkout:
    """A checkout brought to ``phase`` by real events (milk, 1.29 EUR, in the basket)."""
    c = Checkout.start(settings(), "b-1")
    if phase is Phase.IDLE:
        return c
    c = run(c, scan(MILK))
    steps: dict[Phase, tuple[ev.Event, ...]] = {
        Phase.SHOPPING: (),
        Phase.WEIGHING: (scan(BANANAS, 2),),
        Phase.INTERVENTION: (ev.HelpRequested(at(2)),),
        Phase.PAYING: (ev.PayRequested(at(2)),),
        Phase.COMPLETING: (ev.PayRequested(at(2)), ev.PaymentApproved("p-1", eur(129), at(3))),
        Phase.FINISHED: (
            ev.PayRequested(at(2)),
            ev.PaymentApproved("p-1", eur(129), at(3)),
            ev.SaleCompleted(at(4)),
        ),
    }
    c = run(c, *steps[phase])
    assert c.phase is phase
    return c
