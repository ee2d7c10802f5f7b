"""Properties of the engine on random baskets and offers: order, bounds, optimum."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from offer_helpers import basket_of, brute_force, item, saved, state_of

from kiosk.domain.basket import Basket
from kiosk.domain.offers import Offer, OfferKind, OfferState, solver
from kiosk.domain.offers.book import OfferBook
from kiosk.domain.offers.engine import unit_of

SKUS = ["a", "b", "c", "d"]
ITEMS = {sku: item(sku, price, tax) for sku, price, tax in
         [("a", 100, "reduced"), ("b", 150, "standard"), ("c", 95, "reduced"),
          ("d", 240, "standard")]}  # fmt: skip

groups = st.sets(st.sampled_from(SKUS), min_size=1, max_size=3).map(frozenset)


@st.composite
def item_offers(draw: st.DrawFn, offer_id: str) -> Offer:
    kind = draw(st.sampled_from(["multi", "multi_price", "pct", "amount", "unit", "set"]))
    skus = draw(groups)
    if kind == "multi":
        q = draw(st.integers(2, 4))
        return Offer(offer_id, offer_id, OfferKind.MULTI_BUY, skus, q, pay_units=q - 1)
    if kind == "multi_price":
        q = draw(st.integers(2, 3))
        price = draw(st.integers(0, 400))
        return Offer(offer_id, offer_id, OfferKind.MULTI_BUY, skus, q, price=price)
    if kind == "pct":
        pct = Fraction(draw(st.integers(1, 100)))
        return Offer(offer_id, offer_id, OfferKind.PERCENT_OFF, skus, percent=pct)
    if kind == "amount":
        once = draw(st.booleans())
        amount = draw(st.integers(1, 300))
        return Offer(offer_id, offer_id, OfferKind.AMOUNT_OFF, skus, amount=amount, once=once)
    if kind == "unit":
        return Offer(
            offer_id, offer_id, OfferKind.UNIT_PRICE, skus, price=draw(st.integers(0, 200))
        )
    first = draw(st.sampled_from(SKUS))
    second = draw(st.sampled_from([s for s in SKUS if s != first]))
    price = draw(st.integers(0, 400))
    comps = (frozenset({first}), frozenset({second}))
    return Offer(offer_id, offer_id, OfferKind.SET_PRICE, components=comps, price=price)


offer_lists = st.integers(1, 3).flatmap(
    lambda n: st.tuples(*[item_offers(f"o{i}") for i in range(n)]).map(list)
)
entries = st.lists(st.tuples(st.sampled_from(SKUS), st.integers(1, 3)), min_size=0, max_size=4)
thresholds = st.lists(
    st.builds(
        lambda n, spend, amount, skus: Offer(
            f"t{n}", f"t{n}", OfferKind.THRESHOLD, skus, spend=spend, amount=amount
        ),
        st.integers(0, 9),
        st.integers(1, 1500),
        st.integers(1, 2000),
        st.one_of(st.just(frozenset()), groups),
    ),
    max_size=2,
    unique_by=lambda o: o.offer_id,
)


def _basket(lines: list[tuple[str, int]]) -> Basket:
    return basket_of(*[(ITEMS[sku], quantity) for sku, quantity in lines])


def _units(basket: Basket):
    merged: dict = {}
    for line in basket.lines:
        key, count = unit_of(line)
        merged[key] = merged.get(key, 0) + count
    return sorted(merged.items())


def _shelf(basket: Basket) -> int:
    return sum(line.amount.minor for line in basket.active_lines)


@settings(max_examples=150, deadline=None)
@given(offer_lists, thresholds, entries, st.randoms(use_true_random=False))
def test_scan_order_does_not_change_the_total(offers, limits, lines, rnd) -> None:
    shuffled = list(lines)
    rnd.shuffle(shuffled)
    every = [*offers, *limits]
    assert saved(every, _basket(lines).lines) == saved(every, _basket(shuffled).lines)


@settings(max_examples=150, deadline=None)
@given(offer_lists, thresholds, entries)
def test_never_negative_never_more_than_the_shelf_total(offers, limits, lines) -> None:
    basket = _basket(lines)
    summary = state_of([*offers, *limits], basket.lines).summary()
    assert 0 <= summary.total <= _shelf(basket)
    assert summary.total == sum(s.amount for s in summary.savings())
    for tax_class, amount in summary.by_class.items():
        in_class = sum(line.amount.minor for line in basket.lines if line.tax_class == tax_class)
        assert 0 <= amount <= in_class


@settings(max_examples=150, deadline=None)
@given(offer_lists, entries)
def test_best_is_at_least_every_single_offer(offers, lines) -> None:
    basket = _basket(lines)
    best = saved(offers, basket.lines)
    for offer in offers:
        assert best >= saved([offer], basket.lines)


@settings(max_examples=100, deadline=None)
@given(offer_lists, st.lists(st.tuples(st.sampled_from(SKUS), st.integers(1, 2)), max_size=3))
def test_exact_search_agrees_with_brute_force(offers, lines) -> None:
    basket = _basket(lines)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(solver, "EXACT_LEAVES", 10**9)
        assert saved(offers, basket.lines) == brute_force(offers, _units(basket))


@settings(max_examples=100, deadline=None)
@given(offer_lists, st.lists(st.tuples(st.sampled_from(SKUS), st.integers(1, 2)), max_size=3))
def test_greedy_bound_between_best_single_offer_and_optimum(offers, lines) -> None:
    basket = _basket(lines)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(solver, "EXACT_LEAVES", 0)
        patch.setattr(solver, "ALL_ORDERS_UP_TO", 0)  # one greedy order only
        greedy = saved(offers, basket.lines)
    best_single = max(saved([o], basket.lines) for o in offers)
    assert best_single <= greedy <= brute_force(offers, _units(basket))


@settings(max_examples=100, deadline=None)
@given(offer_lists, thresholds, entries, st.data())
def test_incremental_changes_match_a_fresh_evaluation(offers, limits, lines, data) -> None:
    """Adding, voiding and changing quantities step by step gives the state from scratch."""
    book = OfferBook.of([*offers, *limits])
    basket = _basket(lines)
    state = OfferState.empty(book, "EUR")
    for line in basket.lines:  # scanned one by one
        state = state.changed(None, line)
    for line in basket.lines:
        if data.draw(st.booleans()):
            basket, new = basket.void_line(line.line_no)
        else:
            basket, new = basket.set_quantity(line.line_no, data.draw(st.integers(1, 4)))
        state = state.changed(line, new)
    fresh = OfferState.of(book, "EUR", basket.lines).summary()
    assert dict(state.summary().by_class) == dict(fresh.by_class)
    assert state.summary().savings() == fresh.savings()
