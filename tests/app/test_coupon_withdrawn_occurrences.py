"""What a coupon that stops (or starts again) saving means for HQ: the checkout's steps
mapped by kiosk.app.service_events to ``coupon.withdrawn`` (``requirement_not_met`` after
an approved void or a smaller quantity, ``expired`` when taken off after a restart) and
``coupon.reinstated``, each with what it saved and HQ's contract, never a serial."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.app.service_events import Ids, change_occurrences, envelope
from kiosk.domain.catalog import CatalogItem
from kiosk.domain.checkout import Checkout, CheckoutSettings
from kiosk.domain.checkout import events as ev
from kiosk.domain.checkout.interventions import InterventionKind
from kiosk.domain.checkout.sale_rules import SaleRules
from kiosk.domain.money import Money
from kiosk.domain.offers.coupons import Coupon, Requirement, SaveKind
from kiosk.domain.tax import TaxRules
from kiosk.hq.event_models import EventBatch

T0 = datetime(2026, 12, 5, 18, 0, tzinfo=UTC)
BREAD = CatalogItem("bread", (("en", "Bread"),), Money(250, "EUR"), "reduced", ("04000000000031",))
MILK = CatalogItem("milk", (("en", "Milk"),), Money(95, "EUR"), "reduced", ("08410000000016",))
SETTINGS = CheckoutSettings(
    "EUR", TaxRules.from_strings({"reduced": "10"}),
    sale_rules=SaleRules(zone=ZoneInfo("Europe/Madrid")),
)  # fmt: skip
TWO_BREADS = Coupon("store:00042", "0.50 off", SaveKind.AMOUNT_OFF, 50,
                    (Requirement(2, skus=frozenset({"bread"})),), expires=date(2026, 12, 5),
                    serial="00007", code="9900042000075")  # fmt: skip
IDS = Ids("store-1", "lane-1")


class Steps:
    """Feeds events to a checkout and keeps what each step meant for HQ."""

    def __init__(self) -> None:
        self.checkout = Checkout.start(SETTINGS, "b-1")
        self.found: list[Any] = []
        self.minute = 0

    def __call__(self, make: Any) -> None:
        self.minute += 1
        now = T0 + timedelta(minutes=self.minute)
        before = self.checkout
        self.checkout, effects = before.handle(make(now))
        self.found += change_occurrences(IDS, before, self.checkout, effects, now)

    def coupons(self) -> list[tuple[str, dict[str, Any]]]:
        return [(o.type, dict(o.data)) for o in self.found if o.type.startswith("coupon.")]


def approve_void(at: datetime) -> ev.InterventionResolved:
    return ev.InterventionResolved(InterventionKind.VOID_REQUEST, "s-1", True, at)


def test_a_void_withdraws_the_coupon_and_a_scan_brings_it_back() -> None:
    step = Steps()
    step(lambda at: ev.ItemScanned(BREAD, BREAD.gtins[0], at))
    step(lambda at: ev.ItemScanned(BREAD, BREAD.gtins[0], at))
    step(lambda at: ev.ItemScanned(MILK, MILK.gtins[0], at))
    step(lambda at: ev.CouponScanned(TWO_BREADS, at))
    step(lambda at: ev.VoidRequested(2, at))
    step(approve_void)  # one bread left: the coupon no longer applies
    step(lambda at: ev.VoidRequested(3, at))
    step(approve_void)  # the milk: nothing more to withdraw
    step(lambda at: ev.ItemScanned(BREAD, BREAD.gtins[0], at))  # two breads again
    assert step.coupons() == [
        ("coupon.accepted", {"coupon_id": "store:00042", "kind": "store", "saving_minor": 50,
                             "currency": "EUR"}),
        ("coupon.withdrawn", {"coupon_id": "store:00042", "kind": "store",
                              "reason": "requirement_not_met", "saving_minor": 50,
                              "currency": "EUR"}),
        ("coupon.reinstated", {"coupon_id": "store:00042", "kind": "store", "saving_minor": 50,
                               "currency": "EUR"}),
    ]  # fmt: skip
    events = [envelope(o, store_id="store-1", lane_id="lane-1", language="en")
              for o in step.found]  # fmt: skip
    EventBatch.model_validate({"events": events})  # HQ's contract takes every one
    assert "00007" not in json.dumps([e["data"] for e in events])
    assert "9900042000075" not in json.dumps(events)


def test_a_coupon_taken_off_after_a_restart_past_midnight_is_withdrawn_as_expired() -> None:
    step = Steps()
    step(lambda at: ev.ItemScanned(BREAD, BREAD.gtins[0], at))
    step(lambda at: ev.ItemScanned(BREAD, BREAD.gtins[0], at))
    step(lambda at: ev.CouponScanned(TWO_BREADS, at))
    step.minute += 6 * 60  # 01:04 on the 6th in Madrid: the coupon was valid until the 5th
    step(ev.BasketRestored)
    assert step.coupons()[-1] == (
        "coupon.withdrawn",
        {"coupon_id": "store:00042", "kind": "store", "reason": "expired", "saving_minor": 50,
         "currency": "EUR"},
    )  # fmt: skip


def test_a_coupon_already_withdrawn_is_not_withdrawn_again_when_it_expires() -> None:
    step = Steps()
    step(lambda at: ev.ItemScanned(BREAD, BREAD.gtins[0], at))
    step(lambda at: ev.ItemScanned(BREAD, BREAD.gtins[0], at))
    step(lambda at: ev.CouponScanned(TWO_BREADS, at))
    step(lambda at: ev.VoidRequested(2, at))
    step(approve_void)
    step.minute += 6 * 60
    step(ev.BasketRestored)
    assert [t for t, _ in step.coupons()] == ["coupon.accepted", "coupon.withdrawn"]
    assert step.checkout.basket.coupons is not None
    assert step.checkout.basket.coupons.coupons == ()  # taken off all the same
