"""A sale the attendant cancels ends its items put aside too: each is a resolved
unknown-item intervention of the cancelled sale (not one left open for ever)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from kiosk.app.attendant import plans
from kiosk.domain.catalog import CatalogItem
from kiosk.domain.checkout import Checkout, CheckoutSettings
from kiosk.domain.checkout import effects as fx
from kiosk.domain.checkout import events as ev
from kiosk.domain.checkout.flow import AgeCheck, ShopperFlow, UnknownBarcode
from kiosk.domain.checkout.interventions import InterventionKind
from kiosk.domain.money import Money
from kiosk.domain.tax import TaxRules

T0 = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
MILK = CatalogItem("milk", (("en", "Milk"),), Money(129, "EUR"), "reduced")


def test_cancelling_a_sale_ends_the_items_put_aside() -> None:
    settings = CheckoutSettings("EUR", TaxRules.from_strings({"reduced": "10"}))
    c = Checkout.start(replace(settings, flow=ShopperFlow(UnknownBarcode.PUT_ASIDE)), "b-1")
    for minute, event in enumerate(
        [ev.ItemScanned(MILK, "m", T0), ev.ItemScanned(None, "111", T0),
         ev.ItemScanned(None, "222", T0), ev.HelpRequested(T0)]
    ):  # fmt: skip
        c, _ = c.handle(replace(event, at=T0 + timedelta(minutes=minute)))
    at = T0 + timedelta(minutes=9)
    events = plans.cancel(c, "s-1", "shopper_left", at)
    assert [type(e) for e in events] == [
        ev.InterventionResolved, ev.AsideResolved, ev.AsideResolved, ev.Cancelled,
    ]  # fmt: skip
    effects: list[fx.Effect] = []
    for event in events:
        c, effects = c.handle(event)
    (commit,) = [e for e in effects if isinstance(e, fx.CommitSale)]
    assert commit.sale.status == "cancelled"
    ended = [(r.kind, r.detail, r.resolution) for r in commit.sale.interventions]
    assert ended == [
        (InterventionKind.HELP_REQUESTED, "", "denied"),  # cancelled
        (InterventionKind.UNKNOWN_BARCODE, "111", "denied"),
        (InterventionKind.UNKNOWN_BARCODE, "222", "denied"),
    ]


def test_cancelling_at_pay_ends_every_pause_of_the_gate() -> None:
    """Paused at Pay for the first item put aside, with another and an age check to
    follow: the cancel answers each pause in turn, then cancels."""
    wine = CatalogItem("wine", (("en", "Wine"),), Money(599, "EUR"), "reduced", age_limit=18)
    settings = CheckoutSettings("EUR", TaxRules.from_strings({"reduced": "10"}))
    flow = ShopperFlow(UnknownBarcode.PUT_ASIDE, AgeCheck.BEFORE_PAYMENT)
    c = Checkout.start(replace(settings, flow=flow), "b-1")
    for minute, event in enumerate(
        [ev.ItemScanned(wine, "w", T0), ev.ItemScanned(None, "111", T0),
         ev.ItemScanned(None, "222", T0), ev.PayRequested(T0)]
    ):  # fmt: skip
        c, _ = c.handle(replace(event, at=T0 + timedelta(minutes=minute)))
    assert c.pending is not None
    at = T0 + timedelta(minutes=9)
    events = plans.cancel(c, "s-1", "shopper_left", at)
    assert [type(e) for e in events] == [ev.InterventionResolved] * 3 + [ev.Cancelled]
    effects: list[fx.Effect] = []
    for event in events:
        c, effects = c.handle(event)
    (commit,) = [e for e in effects if isinstance(e, fx.CommitSale)]
    assert commit.sale.status == "cancelled"
    assert [r.resolution for r in commit.sale.interventions] == ["denied"] * 3
