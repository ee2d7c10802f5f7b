"""Every message key the checkout can emit has shopper text (or is shown by its screen),
and the view models built from a real checkout say what the basket holds."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kiosk.app.lane
import kiosk.domain.checkout
from kiosk.domain.basket import BasketError
from kiosk.domain.checkout.events import HelpRequested, ItemScanned, ItemWeighed, VoidRequested
from kiosk.domain.checkout.interventions import InterventionKind
from kiosk.domain.checkout.machine import Checkout
from kiosk.domain.checkout.paying import FAILURE_MESSAGES
from kiosk.domain.checkout.states import CheckoutSettings, Phase
from kiosk.domain.gs1.scan import CouponNotAccepted
from kiosk.domain.gtin import NotAProductCode
from kiosk.domain.tax import TaxRules
from kiosk.store.sample_catalog import sample_items
from kiosk.ui import lane_views as views
from kiosk.ui.i18n import switch_language
from kiosk.ui.messages import MESSAGES, is_silent, message_text
from kiosk.ui.viewmodels import PayStage

AT = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
_KEY = re.compile(r'(?:message|ShowMessage)\(\s*"([\w.]+)"|reject\(\s*\w+,\s*"([\w.]+)"')
ITEMS = {item.sku: item for item in sample_items()}


def emitted_keys() -> set[str]:
    """Message keys written literally in the checkout package and the lane controller."""
    sources = list(Path(kiosk.domain.checkout.__file__).parent.glob("*.py"))
    sources.append(Path(kiosk.app.lane.__file__))
    keys = set()
    for path in sources:
        for match in _KEY.finditer(path.read_text(encoding="utf-8")):
            keys.add(match.group(1) or match.group(2))
    failures = set(FAILURE_MESSAGES.values())  # a failed payment's key, by its reason
    refused = {NotAProductCode.message_key, CouponNotAccepted.message_key}  # codes no item
    interventions = {f"intervention.{kind.value}" for kind in InterventionKind}
    return keys | failures | refused | interventions


def test_the_key_scan_finds_the_domain_keys() -> None:
    keys = emitted_keys()
    assert {"scan.unreadable", "basket_empty", "payment_declined", "resume"} <= keys
    assert len(keys) > 25


@pytest.mark.parametrize("key", sorted(emitted_keys()))
def test_every_emitted_key_has_text_or_a_screen(key: str) -> None:
    assert is_silent(key) or key in MESSAGES


def test_text_is_translated_and_filled(qapp: object) -> None:
    text, error = message_text("plu_unknown", "1234") or ("", False)
    assert text == "No item has the code 1234. Please check it."
    assert error
    switch_language("es")
    try:
        spanish = message_text("plu_unknown", "1234")
    finally:
        switch_language("en")
    assert spanish is not None
    assert "1234" in spanish[0]
    assert spanish[0] != text


@pytest.mark.parametrize("key", ["thank_you", "intervention.age_restricted", "no.such.key"])
def test_silent_and_unknown_keys_show_nothing(qapp: object, key: str) -> None:
    assert message_text(key) is None


def checkout_with(*skus: str) -> Checkout:
    rates = {"standard": "21", "reduced": "10", "super_reduced": "4", "zero": "0"}
    checkout = Checkout.start(CheckoutSettings("EUR", TaxRules.from_strings(rates)), "b-1")
    for sku in skus:
        checkout, _ = checkout.handle(ItemScanned(ITEMS[sku], sku, AT))
    return checkout


def test_scanning_view_has_every_line_totals_and_deposits() -> None:
    beer = next(sku for sku, item in ITEMS.items() if item.deposit and item.age_limit is None)
    checkout = checkout_with("S00001", beer, "S00001")
    view = views.scanning_view(checkout, last_line_no=3)
    assert [line.line_no for line in view.lines] == [1, 2, 3]
    assert view.total == checkout.totals().total
    assert view.item_count == 3
    assert view.deposit_total == ITEMS[beer].deposit
    assert view.lines[1].deposit == ITEMS[beer].deposit
    assert view.can_pay


def test_weigh_view_prices_the_reading_like_the_basket() -> None:
    checkout = checkout_with("P0001")  # bananas, 1.99/kg
    assert checkout.phase is Phase.WEIGHING
    view = views.weigh_view(checkout, 1234, stable=True)
    assert view is not None
    assert view.amount is not None
    assert view.amount.minor == 246
    assert view.image == "produce-banana"
    weighed, _ = checkout.handle(ItemWeighed(1234, AT))
    assert weighed.basket.lines[0].amount == view.amount
    unstable = views.weigh_view(checkout, 500, stable=False)
    assert unstable is not None
    assert not unstable.stable


def test_intervention_view_names_the_line_to_void() -> None:
    checkout, _ = checkout_with("S00001").handle(VoidRequested(1, AT))
    view = views.intervention_view(checkout)
    assert view is not None
    assert view.kind is InterventionKind.VOID_REQUEST
    assert view.subject == ITEMS["S00001"].names


def test_intervention_view_for_age_and_idle_suspension() -> None:
    wine = next(sku for sku, item in ITEMS.items() if item.age_limit == 18)
    age = views.intervention_view(checkout_with(wine))
    assert age is not None
    assert (age.kind, age.age_limit) == (InterventionKind.AGE_RESTRICTED, 18)

    held, _ = checkout_with("S00001").handle(HelpRequested(AT, views.IDLE_SUSPENDED_REASON))
    view = views.intervention_view(held)
    assert view is not None
    assert view.kind is InterventionKind.IDLE_SUSPENDED
    assert views.pay_view(held, PayStage.PRESENT_CARD).amount == held.totals().total


def test_cart_rows_rebuild_only_changed_lines() -> None:
    rows = views.CartRows()
    checkout = checkout_with("S00001", "S00002")
    first = rows.rows(checkout.basket.lines)
    more, _ = checkout.handle(ItemScanned(ITEMS["S00003"], "S00003", AT))
    second = rows.rows(more.basket.lines)
    assert second[0] is first[0]
    assert second[1] is first[1]
    assert [row.line_no for row in second] == [1, 2, 3]
    voided = more.basket.void_line(2)[0]
    third = rows.rows(voided.lines)
    assert third[1].voided
    assert third[0] is first[0]


@given(st.lists(st.tuples(st.sampled_from(["add", "void", "qty", "fresh"]), st.integers(0, 20))))
def test_cart_rows_equal_a_full_rebuild_after_any_steps(steps: list[tuple[str, int]]) -> None:
    """Whatever the baskets in a row (appends, voids, quantities, a new basket), the
    cached rows are exactly the rows built from scratch."""
    rows = views.CartRows()
    basket = checkout_with().basket
    skus = sorted(ITEMS)
    for action, n in steps:
        live = [line.line_no for line in basket.lines if not line.voided]
        if action == "add":
            sku = skus[n % len(skus)]
            item = ITEMS[sku]
            if item.sold_by_weight:
                continue
            try:
                basket = basket.add_item(item, quantity=1, scanned_code=sku)[0]
            except BasketError:  # a quantity limit: the basket stays as it was
                continue
        elif action == "void" and live:
            basket = basket.void_line(live[n % len(live)])[0]
        elif action == "qty" and live:
            try:
                basket = basket.set_quantity(live[n % len(live)], 1 + n % 4)[0]
            except BasketError:
                continue
        elif action == "fresh":
            basket = checkout_with().basket
        assert rows.rows(basket.lines) == tuple(views.cart_line(line) for line in basket.lines)
