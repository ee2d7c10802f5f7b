"""A restored basket's coupons checked again against the clock (``BasketRestored``): a
coupon past its expiry in the store's day (Madrid) is taken off the basket and its journal
and the shopper told; one still valid, or on a basket with an approved payment, stays."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from kiosk.domain.catalog import CatalogItem
from kiosk.domain.checkout import Checkout, CheckoutSettings, IllegalTransition, Phase
from kiosk.domain.checkout import events as ev
from kiosk.domain.checkout.effects import ForgetCoupon, ShowMessage
from kiosk.domain.checkout.sale_rules import SaleRules
from kiosk.domain.checkout.states import PaymentRecord
from kiosk.domain.money import Money
from kiosk.domain.offers.coupons import Coupon, Requirement, SaveKind
from kiosk.domain.tax import TaxRules

MADRID = ZoneInfo("Europe/Madrid")
EVENING = datetime(2026, 12, 5, 22, 50, tzinfo=UTC)  # 23:50 in Madrid
PAST_MIDNIGHT = datetime(2026, 12, 5, 23, 10, tzinfo=UTC)  # 00:10 on the 6th in Madrid
BREAD = CatalogItem("bread", (("en", "Bread"),), Money(250, "EUR"), "reduced", ("04000000000031",))
SETTINGS = CheckoutSettings(
    "EUR", TaxRules.from_strings({"reduced": "10"}), sale_rules=SaleRules(zone=MADRID)
)


def coupon(coupon_id: str, value: int, expires: date | None) -> Coupon:
    needs = (Requirement(1, skus=frozenset({"bread"})),)
    return Coupon(coupon_id, f"{value} off", SaveKind.AMOUNT_OFF, value, needs, expires=expires)


TODAYS = coupon("store:00001", 30, date(2026, 12, 5))  # valid until the 5th
LASTING = coupon("store:00002", 20, None)


def restored_basket(*coupons: Coupon) -> Checkout:
    """The basket as the lane restores it: bread, then the journaled coupons."""
    shopping, _ = Checkout.start(SETTINGS, "b-1").handle(
        ev.ItemScanned(BREAD, BREAD.gtins[0], EVENING)
    )
    basket = shopping.basket
    for one in coupons:
        basket = basket.with_coupon(one)
    return Checkout.recover(SETTINGS, basket, EVENING)


def ids(checkout: Checkout) -> list[str]:
    state = checkout.basket.coupons
    return [c.coupon_id for c in state.coupons] if state else []


def test_past_midnight_the_expired_coupon_is_taken_off_and_the_shopper_told() -> None:
    before = restored_basket(TODAYS, LASTING)
    assert before.totals().total.minor == 250 - 50
    after, effects = before.handle(ev.BasketRestored(PAST_MIDNIGHT))
    assert ids(after) == ["store:00002"]
    assert after.totals().total.minor == 250 - 20
    assert effects == [
        ForgetCoupon("b-1", "store:00001"),
        ShowMessage(
            "coupon.expired_removed", (("coupon", "store:00001"), ("valid_until", "2026-12-05"))
        ),
    ]
    again, more = after.handle(ev.BasketRestored(PAST_MIDNIGHT))
    assert (ids(again), more) == (["store:00002"], [])


def test_before_midnight_in_the_store_nothing_changes() -> None:
    before = restored_basket(TODAYS, LASTING)
    after, effects = before.handle(ev.BasketRestored(datetime(2026, 12, 5, 22, 59, tzinfo=UTC)))
    assert (ids(after), effects) == (["store:00001", "store:00002"], [])


def test_a_basket_with_an_approved_payment_keeps_its_coupons() -> None:
    paid = PaymentRecord("p-1", Money(100, "EUR"), "approved", EVENING)
    before = replace(restored_basket(TODAYS), payments=(paid,))
    after, effects = before.handle(ev.BasketRestored(PAST_MIDNIGHT))
    assert (ids(after), effects) == (["store:00001"], [])


def test_a_declined_payment_does_not_keep_an_expired_coupon() -> None:
    declined = PaymentRecord("p-1", Money(200, "EUR"), "declined", EVENING)
    before = replace(restored_basket(TODAYS), payments=(declined,))
    after, _ = before.handle(ev.BasketRestored(PAST_MIDNIGHT))
    assert ids(after) == []


def test_paused_for_the_attendant_the_check_still_runs() -> None:
    paused, _ = restored_basket(TODAYS).handle(ev.HelpRequested(EVENING))
    assert paused.phase is Phase.INTERVENTION
    after, effects = paused.handle(ev.BasketRestored(PAST_MIDNIGHT))
    assert ids(after) == []
    assert after.phase is Phase.INTERVENTION
    assert [type(e) for e in effects] == [ForgetCoupon, ShowMessage]


def test_paying_it_is_not_taken() -> None:
    paying, _ = restored_basket(TODAYS).handle(ev.PayRequested(EVENING))
    with pytest.raises(IllegalTransition):
        paying.handle(ev.BasketRestored(PAST_MIDNIGHT))


def test_without_coupon_of_an_unknown_id_is_the_same_basket() -> None:
    basket = restored_basket(LASTING).basket
    assert basket.without_coupon("store:09999") is basket
    assert basket.without_coupon("store:00002").totals(SETTINGS.tax).total.minor == 250
