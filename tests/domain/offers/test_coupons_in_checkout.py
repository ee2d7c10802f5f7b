"""Coupons through the checkout machine: which scans are coupons, refusals, the saving,
a void that withdraws it, and the sale's record (the discounts entry)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from kiosk.domain.catalog import CatalogItem
from kiosk.domain.checkout import Checkout, CheckoutSettings
from kiosk.domain.checkout import events as ev
from kiosk.domain.checkout.coupons import coupon_of_scan
from kiosk.domain.checkout.effects import Beep, ShowMessage
from kiosk.domain.checkout.events import CouponScanned
from kiosk.domain.checkout.interventions import InterventionKind
from kiosk.domain.gs1.coupon import NorthAmericanCoupon, Purchase, RequirementCode, encode_8110
from kiosk.domain.gs1.scan import CouponNotAccepted, parse_scan, product_code
from kiosk.domain.gtin import check_digit
from kiosk.domain.money import Money
from kiosk.domain.offers.coupons import (
    CouponList,
    CouponOffer,
    CouponRefused,
    Requirement,
    SaveKind,
    encode_store_coupon,
)
from kiosk.domain.tax import TaxRules

T0 = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)
CEREAL = CatalogItem(
    "cereal", (("en", "Cereal"),), Money(450, "EUR"), "reduced", ("00614141000012",)
)
BREAD = CatalogItem("bread", (("en", "Bread"),), Money(250, "EUR"), "reduced", ("04000000000031",))
SETTINGS = CheckoutSettings("EUR", TaxRules.from_strings({"reduced": "10", "standard": "21"}))
LIST = CouponList(
    {
        "store:00042": CouponOffer(
            "store:00042",
            "Bread 0.50 off",
            SaveKind.AMOUNT_OFF,
            50,
            (Requirement(1, skus=frozenset({"bread"})),),
        )
    }
)


def databar(serial: str = "123456", *, expires: str = "261231", requirement: int = 1) -> str:
    value = encode_8110(
        NorthAmericanCoupon(
            "0614141",
            "654321",
            100,
            Purchase(requirement, RequirementCode.UNITS, "120"),
            expiration=expires,
            serial=serial,
        )
    )
    return "]e0" + "8110" + value


def coupon_scan(raw: str, minute: int = 2, *, redeemed: bool = False) -> CouponScanned:
    coupon = coupon_of_scan(parse_scan(raw), LIST, T0.date())
    assert coupon is not None
    return CouponScanned(coupon, T0 + timedelta(minutes=minute), redeemed)


def shopping(*items: CatalogItem) -> Checkout:
    checkout = Checkout.start(SETTINGS, "b1")
    for n, it in enumerate(items):
        checkout, _ = checkout.handle(ev.ItemScanned(it, it.gtins[0], T0 + timedelta(seconds=n)))
    return checkout


def keys(effects: list[object]) -> list[str]:
    return [e.key for e in effects if isinstance(e, ShowMessage)]


def test_databar_coupon_saves_and_shows_in_the_savings() -> None:
    checkout, effects = shopping(CEREAL, BREAD).handle(coupon_scan(databar()))
    assert keys(effects) == ["coupon.accepted"]
    assert Beep(ok=True) in effects
    totals = checkout.totals()
    assert totals.savings.minor == 100
    assert totals.total.minor == 600
    (saving,) = totals.offers.savings()  # type: ignore[union-attr]
    assert saving.offer_id == "coupon:8110:0614141:654321:123456"


@pytest.mark.parametrize(
    ("raw", "redeemed", "key"),
    [
        (databar(expires="261204"), False, "coupon.expired"),
        (databar(), True, "coupon.already_used"),
        (databar(requirement=2), False, "coupon.requirement_not_met"),
    ],
)
def test_refused_coupons_change_nothing(raw: str, redeemed: bool, key: str) -> None:
    before = shopping(CEREAL)
    after, effects = before.handle(coupon_scan(raw, redeemed=redeemed))
    assert keys(effects) == [key]
    assert Beep(ok=False) in effects
    assert after.basket.coupons is None
    assert after.totals().total.minor == 450


def test_the_same_coupon_twice_in_a_basket() -> None:
    checkout, _ = shopping(CEREAL).handle(coupon_scan(databar()))
    _, effects = checkout.handle(coupon_scan(databar("654321")))
    assert keys(effects) == ["coupon.twice"]


def test_coupon_before_any_item_is_refused() -> None:
    checkout, effects = Checkout.start(SETTINGS, "b1").handle(coupon_scan(databar()))
    assert keys(effects) == ["coupon.scan_items_first"]
    assert checkout.basket.coupons is None


def test_void_withdraws_the_coupon() -> None:
    checkout, _ = shopping(CEREAL, BREAD).handle(coupon_scan(databar()))
    checkout, _ = checkout.handle(ev.VoidRequested(1, T0 + timedelta(minutes=3)))
    checkout, _ = checkout.handle(
        ev.InterventionResolved(
            InterventionKind.VOID_REQUEST, "S1", True, T0 + timedelta(minutes=4)
        )
    )
    assert checkout.totals().savings.minor == 0
    assert [c.coupon_id for c in checkout.basket.coupons.withdrawn()] == ["8110:0614141:654321"]  # type: ignore[union-attr]


def test_store_coupon_ean13_99() -> None:
    raw = encode_store_coupon("42", "77")
    checkout, effects = shopping(BREAD).handle(coupon_scan(raw))
    assert keys(effects) == ["coupon.accepted"]
    assert checkout.totals().total.minor == 200
    unknown = parse_scan(encode_store_coupon("43", "1"))
    with pytest.raises(CouponRefused):
        coupon_of_scan(unknown, LIST, T0.date())


@pytest.mark.parametrize("body", ["980000000001", "981234567890"])
def test_refund_receipts_and_98_coupons_stay_refused(body: str) -> None:
    result = parse_scan(body + str(check_digit(body)))
    assert coupon_of_scan(result, LIST, date(2026, 12, 5)) is None
    with pytest.raises(CouponNotAccepted):
        product_code(result)


def test_the_void_that_withdraws_it_says_so() -> None:
    checkout, _ = shopping(CEREAL, BREAD).handle(coupon_scan(databar()))
    checkout, _ = checkout.handle(ev.VoidRequested(2, T0 + timedelta(minutes=3)))
    checkout, effects = checkout.handle(
        ev.InterventionResolved(
            InterventionKind.VOID_REQUEST, "S1", True, T0 + timedelta(minutes=4)
        )
    )
    assert "coupon.withdrawn" not in keys(effects)  # the bread was not what it asked for
    checkout, _ = checkout.handle(ev.VoidRequested(1, T0 + timedelta(minutes=5)))
    checkout, effects = checkout.handle(
        ev.InterventionResolved(
            InterventionKind.VOID_REQUEST, "S1", True, T0 + timedelta(minutes=6)
        )
    )
    assert "coupon.withdrawn" in keys(effects)


def test_the_sale_date_is_the_stores() -> None:
    from dataclasses import replace
    from zoneinfo import ZoneInfo

    from kiosk.domain.checkout.sale_rules import SaleRules

    # 5 Dec 2026 02:00 UTC is still 4 Dec in Los Angeles: a coupon expiring on 4 Dec holds
    late = replace(coupon_scan(databar(expires="261204")), at=datetime(2026, 12, 5, 2, tzinfo=UTC))
    zone = SaleRules(zone=ZoneInfo("America/Los_Angeles"))
    here = replace(shopping(CEREAL), settings=replace(SETTINGS, sale_rules=zone))
    _, effects = here.handle(late)
    assert keys(effects) == ["coupon.accepted"]
    _, effects = shopping(CEREAL).handle(late)  # a store on UTC: already 5 Dec
    assert keys(effects) == ["coupon.expired"]
