"""Coupons on a basket: checks, savings by save kind, withdrawal, and properties
(total never negative; the order of coupons and items does not change the result)."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain.basket import Basket
from kiosk.domain.catalog import CatalogItem, SaleUnit
from kiosk.domain.gs1.coupon import (
    NorthAmericanCoupon,
    Purchase,
    PurchaseRules,
    RequirementCode,
    SaveValueCode,
    encode_8110,
    parse_8110,
)
from kiosk.domain.money import Money
from kiosk.domain.offers import Offer, OfferCatalog, OfferKind
from kiosk.domain.offers.coupons import (
    Coupon,
    CouponList,
    CouponOffer,
    CouponRefused,
    Requirement,
    SaveKind,
    coupon_from_8110,
    encode_store_coupon,
    refusal,
    store_coupon,
)
from kiosk.domain.tax import TaxRules

TODAY = date(2026, 12, 5)
RULES = TaxRules.from_strings({"standard": "21", "reduced": "10"})


def usd(minor: int) -> Money:
    return Money(minor, "EUR")


def _item(sku: str, price: int, tax: str = "reduced", gtin: str = "", **kw: object) -> CatalogItem:
    gtins = (gtin,) if gtin else ()
    return CatalogItem(sku, (("en", sku),), usd(price), tax, gtins, **kw)  # type: ignore[arg-type]


# GS1 company prefix 0614141 (GTIN-13 form); its items' GTIN-14 start 00614141.
CEREAL = _item("cereal", 450, gtin="00614141000012")
SOUP = _item("soup", 199, "standard", gtin="00614141000029")
BREAD = _item("bread", 250, gtin="04000000000031")
APPLES = _item("apples", 299, unit=SaleUnit.WEIGHT)


def basket(*items: CatalogItem) -> Basket:
    b = Basket("b1", "EUR")
    for it in items:
        b, _ = b.add_item(it, weight_g=1200 if it.sold_by_weight else None)
    return b


def gs1(save: int = 100, *, req: int = 1, code: str = "0", serial: str | None = "123456",
        value_code: SaveValueCode = SaveValueCode.CENTS_OFF, expires: str | None = "261231",
        starts: str | None = None, offer: str = "654321") -> Coupon:  # fmt: skip
    parsed = NorthAmericanCoupon(
        "0614141", offer, save, Purchase(req, RequirementCode(code), "120"),
        expiration=expires, start=starts, serial=serial, save_value_code=value_code,
    )  # fmt: skip
    return coupon_from_8110(parse_8110(encode_8110(parsed)), TODAY)


def saved(b: Basket) -> int:
    return b.totals(RULES).savings.minor


def test_cents_off_when_the_company_item_is_in_the_basket() -> None:
    b = basket(CEREAL, BREAD).with_coupon(gs1(100))
    assert saved(b) == 100
    (saving,) = b.totals(RULES).offers.savings()  # type: ignore[union-attr]
    assert saving.offer_id == "coupon:8110:0614141:654321:123456"
    assert saving.by_class == (("reduced", 100),)


def test_withdrawn_after_the_void_and_back_when_scanned_again() -> None:
    b = basket(CEREAL).with_coupon(gs1(100))
    b, _ = b.void_line(1)
    assert saved(b) == 0
    assert [c.coupon_id for c in b.coupons.withdrawn()] == ["8110:0614141:654321"]  # type: ignore[union-attr]
    b, _ = b.add_item(CEREAL)
    assert saved(b) == 100
    assert b.coupons.withdrawn() == ()  # type: ignore[union-attr]


def test_save_value_never_exceeds_the_items() -> None:
    b = basket(CEREAL, BREAD).with_coupon(gs1(99_999))
    assert saved(b) == 450  # the cereal only, not the bread
    assert b.totals(RULES).total.minor >= 0


@pytest.mark.parametrize(
    ("value_code", "save", "expected"),
    [
        (SaveValueCode.FREE_ITEM, 0, 450),  # the dearest qualifying unit
        (SaveValueCode.FREE_ITEM, 300, 300),  # at most the save value
        (SaveValueCode.PERCENT_OFF, 10, 65),  # 10% of 4.50 + 1.99, per class, half up
        (SaveValueCode.CENTS_OFF_TRANSACTION, 500, 500),  # off the basket (bread too)
    ],
)
def test_save_value_codes(value_code: SaveValueCode, save: int, expected: int) -> None:
    b = basket(CEREAL, SOUP, BREAD).with_coupon(gs1(save, value_code=value_code))
    assert saved(b) == expected


def test_units_cash_and_weight_requirements() -> None:
    two = gs1(100, req=2)
    assert not basket(CEREAL).with_coupon(two).coupons.met(two.coupon_id)  # type: ignore[union-attr]
    assert basket(CEREAL, SOUP).with_coupon(two).coupons.met(two.coupon_id)  # type: ignore[union-attr]
    cash = gs1(100, req=500, code="1")
    assert not basket(CEREAL).with_coupon(cash).coupons.met(cash.coupon_id)  # type: ignore[union-attr]
    assert basket(CEREAL, SOUP).with_coupon(cash).coupons.met(cash.coupon_id)  # type: ignore[union-attr]


def test_cashier_requirement_is_refused_at_an_unattended_lane() -> None:
    with pytest.raises(CouponRefused) as caught:
        gs1(100, code="9")
    assert caught.value.reason == "needs_staff"


@pytest.mark.parametrize(
    ("coupon", "held", "redeemed", "reason"),
    [
        (gs1(expires="261204"), (), False, "expired"),
        (gs1(expires="261231", starts="261206"), (), False, "not_yet_valid"),
        (gs1(), (gs1(serial="999999"),), False, "twice"),
        (gs1(), (), True, "already_used"),
        (gs1(expires="261205"), (), False, None),  # the last day is good
        (gs1(serial=None), (), True, None),  # no serial: not one use across the store
    ],
)
def test_refusals(
    coupon: Coupon, held: tuple[Coupon, ...], redeemed: bool, reason: str | None
) -> None:
    refused = refusal(coupon, TODAY, held, redeemed=redeemed)
    assert (refused.reason if refused else None) == reason


def test_store_coupon_from_the_list() -> None:
    offer = CouponOffer("store:00042", "Bread 0.50 off", SaveKind.AMOUNT_OFF, 50,
                        (Requirement(1, skus=frozenset({"bread"})),))  # fmt: skip
    code = "0" + encode_store_coupon("42", "7")
    coupon = store_coupon(code, CouponList({"store:00042": offer}))
    assert (coupon.serial, coupon.redemption_key) == ("00007", "store:00042:00007")
    assert saved(basket(BREAD).with_coupon(coupon)) == 50
    with pytest.raises(CouponRefused):
        store_coupon(code, CouponList())


def test_second_purchase_rules() -> None:
    parsed = NorthAmericanCoupon(
        "0614141", "111111", 75, Purchase(1, RequirementCode.UNITS, "120"),
        rules=PurchaseRules.ALL, second=Purchase(1, RequirementCode.UNITS, "850", "4000000"),
    )  # fmt: skip
    both = coupon_from_8110(parsed, TODAY)
    assert not basket(CEREAL).with_coupon(both).coupons.met(both.coupon_id)  # type: ignore[union-attr]
    assert basket(CEREAL, BREAD).with_coupon(both).coupons.met(both.coupon_id)  # type: ignore[union-attr]
    either = coupon_from_8110(
        NorthAmericanCoupon(**{**_fields(parsed), "rules": PurchaseRules.ANY}), TODAY
    )
    assert basket(BREAD).with_coupon(either).coupons.met(either.coupon_id)  # type: ignore[union-attr]


def _fields(parsed: NorthAmericanCoupon) -> dict[str, object]:
    return {name: getattr(parsed, name) for name in parsed.__slots__}  # type: ignore[attr-defined]


def test_family_table_narrows_a_company_prefix() -> None:
    families = CouponList(families={("0614141", "120"): frozenset({"soup"})})
    parsed = NorthAmericanCoupon(
        "0614141", "654321", 100, Purchase(1, RequirementCode.UNITS, "120")
    )
    coupon = coupon_from_8110(parsed, TODAY, families)
    assert saved(basket(CEREAL).with_coupon(coupon)) == 0
    assert saved(basket(SOUP).with_coupon(coupon)) == 100


def test_coupons_stack_on_offers_and_never_take_a_class_below_zero() -> None:
    half = Offer(
        "half", "Half price", OfferKind.PERCENT_OFF, frozenset({"cereal"}), percent=Fraction(50)
    )
    b = Basket("b1", "EUR").with_offers(OfferCatalog((half,)).book_for(_at()))
    b, _ = b.add_item(CEREAL)
    b = b.with_coupon(gs1(400))
    totals = b.totals(RULES)
    assert totals.savings.minor == 450  # 2.25 offer + 2.25 of the coupon's 4.00 (capped)
    assert totals.total.minor == 0


def _at():  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    return datetime(2026, 12, 5, 10, tzinfo=UTC)


ITEMS = [CEREAL, SOUP, BREAD, APPLES]
COUPONS = [
    gs1(100),
    gs1(0, value_code=SaveValueCode.FREE_ITEM, serial="200000", offer="200000"),
    gs1(25, value_code=SaveValueCode.PERCENT_OFF, serial="300000", offer="300000"),
    gs1(700, value_code=SaveValueCode.CENTS_OFF_TRANSACTION, serial="400000", offer="400000"),
    coupon_from_8110(NorthAmericanCoupon("4000000", "222222", 300,
                                         Purchase(100, RequirementCode.CASH, "000")), TODAY),
]  # fmt: skip
# Distinct offers: one coupon of each offer per basket.
COUPONS = [c for n, c in enumerate(COUPONS) if all(c.coupon_id != d.coupon_id for d in COUPONS[:n])]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(ITEMS), max_size=8),
    st.lists(st.sampled_from(COUPONS), max_size=3, unique_by=lambda c: c.coupon_id),
    st.randoms(use_true_random=False),
    st.lists(st.integers(0, 7), max_size=3),
)
def test_total_never_negative_and_order_free(items, coupons, rnd, voids) -> None:  # type: ignore[no-untyped-def]
    events = [("item", it) for it in items] + [("coupon", c) for c in coupons]
    shuffled = list(events)
    rnd.shuffle(shuffled)
    results = []
    for order in (events, shuffled):
        b = Basket("b1", "EUR")
        for kind, thing in order:
            if kind == "item":
                b, _ = b.add_item(thing, weight_g=1200 if thing.sold_by_weight else None)
            else:
                b = b.with_coupon(thing)
        totals = b.totals(RULES)
        assert totals.total.minor >= 0
        assert 0 <= totals.savings.minor <= totals.subtotal.minor
        results.append(totals.total.minor)
        for n in voids:  # voids never leave a negative total either
            line_nos = [ln.line_no for ln in b.lines if ln.counts]
            if line_nos:
                b, _ = b.void_line(line_nos[n % len(line_nos)])
                assert b.totals(RULES).total.minor >= 0
    # Coupons are priced in offer id order, never in scan order.
    assert results[0] == results[1]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(ITEMS), max_size=8),
    st.sampled_from(COUPONS),
    st.randoms(use_true_random=False),
)
def test_item_order_does_not_change_the_result(items, coupon, rnd) -> None:  # type: ignore[no-untyped-def]
    shuffled = list(items)
    rnd.shuffle(shuffled)
    totals = []
    for order in (items, shuffled):
        b = Basket("b1", "EUR").with_coupon(coupon)
        for it in order:
            b, _ = b.add_item(it, weight_g=1200 if it.sold_by_weight else None)
        totals.append((b.totals(RULES).total.minor, b.totals(RULES).savings.minor))
    assert totals[0] == totals[1]
