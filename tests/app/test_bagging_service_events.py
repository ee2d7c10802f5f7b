"""Bagging interventions count for the service measures: each is raised and resolved with
its own kind (the shopper putting it right is resolved ``how: shopper``)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kiosk.app.service_events import Ids, change_occurrences
from kiosk.domain.bagging import BaggingPolicy
from kiosk.domain.catalog import CatalogItem
from kiosk.domain.checkout import Checkout, CheckoutSettings
from kiosk.domain.checkout import events as ev
from kiosk.domain.checkout.interventions import InterventionKind as K
from kiosk.domain.money import Money
from kiosk.domain.tax import TaxRules

T0 = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)
MILK = CatalogItem("milk", (("en", "Milk"),), Money(95, "EUR"), "reduced", gtins=("1",))


def test_raised_and_resolved_with_their_own_kinds() -> None:
    settings = CheckoutSettings(
        "EUR",
        TaxRules.from_strings({"reduced": "10"}),
        bagging=BaggingPolicy(enabled=True, item_weights={"milk": 1040}),
    )
    ids = Ids("store-1", "lane-1")
    c = Checkout.start(settings, "b-1")
    seen = []
    steps = [
        ev.ItemScanned(MILK, "1", T0),
        ev.BagWeighed(1040, T0 + timedelta(seconds=2)),
        ev.BagWeighed(1500, T0 + timedelta(seconds=3)),  # unexpected item
        ev.BagWeighed(1040, T0 + timedelta(seconds=4)),  # taken out again
        ev.BagWeighed(0, T0 + timedelta(seconds=5)),  # the milk taken out
        ev.InterventionResolved(K.BAGGING_ITEM_REMOVED, "s-1", True, T0 + timedelta(seconds=9)),
    ]
    for event in steps:
        after, effects = c.handle(event)
        seen += change_occurrences(ids, c, after, effects, event.at)
        c = after
    facts = [(o.type, o.data.get("kind"), o.data.get("how")) for o in seen]
    assert ("intervention.raised", "bagging_unexpected_item", None) in facts
    assert ("intervention.resolved", "bagging_unexpected_item", "shopper") in facts
    assert ("intervention.raised", "bagging_item_removed", None) in facts
    assert ("intervention.resolved", "bagging_item_removed", "at_lane") in facts
