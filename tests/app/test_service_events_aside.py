"""Service events of the shopper's flow that keeps scanning: an unknown item put aside is
an intervention raised at its scan (no pause), the same one when Pay pauses for it, and
resolved once; an age check before payment is one age intervention raised at Pay. Each
event is one HQ's contract takes."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from pydantic import TypeAdapter

from kiosk.app.service_events import Ids, Occurrence, change_occurrences, envelope
from kiosk.domain.catalog import CatalogItem
from kiosk.domain.checkout import Checkout, CheckoutSettings
from kiosk.domain.checkout import events as ev
from kiosk.domain.checkout.flow import AgeCheck, ShopperFlow, UnknownBarcode
from kiosk.domain.checkout.interventions import InterventionKind
from kiosk.domain.money import Money
from kiosk.domain.tax import TaxRules
from kiosk.hq.event_models import ServiceEvent

T0 = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
IDS = Ids("store-001", "lane-01")
MILK = CatalogItem("milk", (("en", "Milk"),), Money(129, "EUR"), "reduced")
WINE = CatalogItem("wine", (("en", "Wine"),), Money(599, "EUR"), "reduced", age_limit=18)
EVENT = TypeAdapter(ServiceEvent)
FLOW = ShopperFlow(UnknownBarcode.PUT_ASIDE, AgeCheck.BEFORE_PAYMENT)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def occurrences(*events: ev.Event) -> list[Occurrence]:
    """Every occurrence of ``events`` fed one by one, checked against HQ's contract."""
    settings = replace(CheckoutSettings("EUR", TaxRules.from_strings({"reduced": "10"})), flow=FLOW)
    checkout: Checkout = Checkout.start(settings, "b-1")
    found: list[Occurrence] = []
    for event in events:
        after, effects = checkout.handle(event)
        found += change_occurrences(IDS, checkout, after, effects, event.at)
        checkout = after
    for occurrence in found:
        EVENT.validate_python(envelope(occurrence, store_id="store-001", lane_id="lane-01",
                                       language="en"))  # fmt: skip
    return found


def of(found: list[Occurrence], kind: str) -> list[Occurrence]:
    return [o for o in found if o.type == kind]


def test_an_item_put_aside_is_raised_at_its_scan_and_at_pay_it_is_the_same_one() -> None:
    found = occurrences(
        ev.ItemScanned(MILK, "m", at(1)),
        ev.ItemScanned(None, "4006381333931", at(2)),
        ev.ItemScanned(MILK, "m", at(3)),
        ev.PayRequested(at(4)),
        ev.InterventionResolved(InterventionKind.UNKNOWN_BARCODE, "s-1", False, at(5)),
    )
    raised = of(found, "intervention.raised")
    assert [(o.at, o.data["kind"]) for o in raised] == [(at(2), "unknown_barcode")] * 2
    assert len({o.data["intervention_id"] for o in raised}) == 1  # one intervention
    assert len({(o.type, o.key) for o in raised}) == 1  # the same event: kept once
    (resolved,) = of(found, "intervention.resolved")
    assert resolved.data["intervention_id"] == raised[0].data["intervention_id"]
    assert resolved.data["outcome"] == "denied"


def test_an_item_put_aside_added_while_scanning_is_resolved_without_a_pause() -> None:
    found = occurrences(
        ev.ItemScanned(None, "4006381333931", at(1)),
        ev.AsideResolved(at(1), "s-1", True, at(2), item=MILK),
    )
    (raised,) = of(found, "intervention.raised")
    (resolved,) = of(found, "intervention.resolved")
    assert raised.data["intervention_id"] == resolved.data["intervention_id"]
    assert (resolved.data["outcome"], resolved.data["how"]) == ("approved", "at_lane")


def test_an_age_check_before_payment_is_one_intervention_raised_at_pay() -> None:
    found = occurrences(
        ev.ItemScanned(WINE, "w", at(1)),
        ev.ItemScanned(WINE, "w", at(2)),
        ev.PayRequested(at(3)),
        ev.InterventionResolved(InterventionKind.AGE_RESTRICTED, "s-1", True, at(4), id_seen=True),
    )
    (raised,) = of(found, "intervention.raised")
    assert (raised.at, raised.data["kind"]) == (at(3), "age_restricted")
    (resolved,) = of(found, "intervention.resolved")
    assert resolved.data["outcome"] == "approved"
