"""The basket's running totals equal a from-scratch computation after any changes.

``Basket.totals`` combines sums kept up to date by each change (O(tax classes));
``compute_totals`` walks every line. Hypothesis drives random sequences of adds,
voids, quantity changes and price overrides - branching from older baskets too, and
asking for totals under several rules at random moments (the per-line tax cache) -
and after every step both must agree exactly, including each line's tax, and raise
the same error for a class without a rate.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from domain_factories import eur, item
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain.basket import Basket, BasketError, BasketLine
from kiosk.domain.catalog import CatalogItem, SaleUnit
from kiosk.domain.money import Rounding
from kiosk.domain.tax import TaxError, TaxRules, compute_totals

ITEMS: tuple[CatalogItem, ...] = (
    item("milk", 129, "reduced"),
    item("bread", 245, "reduced"),
    item("beer", 89, "standard", deposit=eur(25)),
    item("wine", 799, "standard", deposit=eur(10)),
    item("gum", 99, "standard", quantity_limit=3),
    item("water", 33, "zero", deposit=eur(25)),
    item("freebie", 0, "zero"),
    item("bananas", 199, "reduced", unit=SaleUnit.WEIGHT),
    item("cheese", 1999, "standard", unit=SaleUnit.WEIGHT),
    item("odd", 1001, "exotic"),  # a class some rules have no rate for
    item("refund", 50, "standard", deposit=eur(-75)),  # a negative weight when taxed
)
RATES = (
    {"standard": "21", "reduced": "10", "zero": "0"},
    {"standard": "8.875", "reduced": "5.5", "zero": "0", "exotic": "19"},
)

rules_strategy = st.builds(
    TaxRules.from_strings,
    st.sampled_from(RATES),
    prices_include_tax=st.booleans(),
    per_line=st.booleans(),
    mode=st.sampled_from(list(Rounding)),
    deposit_taxed=st.booleans(),
)

operation = st.one_of(
    st.tuples(
        st.just("add"),
        st.sampled_from(ITEMS),
        st.integers(1, 5),
        st.integers(1, 3000),
        st.booleans(),
    ),
    st.tuples(st.just("void"), st.integers(1, 40)),
    st.tuples(st.just("quantity"), st.integers(1, 40), st.integers(1, 6), st.booleans()),
    st.tuples(st.just("price"), st.integers(1, 40), st.integers(0, 5000)),
)


def apply(basket: Basket, op: tuple) -> Basket:  # type: ignore[type-arg]
    """One change; a refused change (limit, voided line...) leaves the basket as it was."""
    try:
        if op[0] == "add":
            _, sku_item, quantity, grams, over_ok = op
            if sku_item.unit is SaleUnit.WEIGHT:
                return basket.add_item(sku_item, 1, grams, over_limit_ok=over_ok)[0]
            return basket.add_item(sku_item, quantity, over_limit_ok=over_ok)[0]
        if op[0] == "void":
            return basket.void_line(op[1])[0]
        if op[0] == "quantity":
            return basket.set_quantity(op[1], op[2], over_limit_ok=op[3])[0]
        return basket.override_price(op[1], eur(op[2]), "damaged")[0]
    except BasketError:
        return basket


def outcome(compute, *args: object) -> object:  # type: ignore[no-untyped-def]
    """The totals with their line taxes, or the error (type and message) computing them."""
    try:
        totals = compute(*args)
    except (TaxError, ValueError) as error:
        return type(error), str(error)
    return totals, totals.lines


def assert_same_as_from_scratch(basket: Basket, rules: TaxRules) -> None:
    expected = outcome(compute_totals, basket.lines, rules, basket.currency)
    assert outcome(basket.totals, rules) == expected
    rebuilt = Basket.from_lines(basket.basket_id, basket.currency, basket.lines)
    assert outcome(rebuilt.totals, rules) == expected
    active = [line for line in basket.lines if not line.voided]
    assert basket.is_empty == (not active)
    for sku_item in ITEMS:
        units = sum(line.units for line in active if line.item.sku == sku_item.sku)
        assert basket.units_of(sku_item.sku) == units


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(operation, st.integers(0, 3), st.sampled_from(("none", "first", "second"))),
        max_size=40,
    ),
    rules_strategy,
    rules_strategy,
)
def test_running_totals_equal_a_from_scratch_computation(
    steps: list[tuple],  # type: ignore[type-arg]
    first: TaxRules,
    second: TaxRules,
) -> None:
    # GIVEN baskets derived by random changes, sometimes from an older basket
    history = [Basket("b-1", "EUR")]
    for op, back, ask in steps:
        basket = apply(history[max(0, len(history) - 1 - back)], op)
        history.append(basket)
        # WHEN totals are asked now and then (which fills the per-line tax cache)
        if ask != "none":
            outcome(basket.totals, first if ask == "first" else second)
        # THEN under either rules they equal a computation from the lines
        for rules in (first, second):
            assert_same_as_from_scratch(basket, rules)


def test_a_change_does_not_rewalk_the_lines() -> None:
    """The derived basket's tally comes from its parent's: no line's amount is re-read."""
    basket = Basket("b-1", "EUR")
    for n in range(50):
        basket, _ = basket.add_item(ITEMS[n % 4])
    standard = TaxRules.from_strings(RATES[0])
    basket.totals(standard)
    counted: list[int] = []

    class CountingLine(BasketLine):  # a line that counts how often its amount is read
        __slots__ = ()

        @property
        def amount(self):  # type: ignore[no-untyped-def]
            counted.append(self.line_no)
            return BasketLine.amount.fget(self)  # type: ignore[attr-defined]

    lines = tuple(
        CountingLine(*(getattr(line, f) for f in BasketLine.__slots__)) for line in basket.lines
    )
    counted_basket = Basket.from_lines("b-1", "EUR", lines)
    counted_basket.totals(standard)  # builds the tally once, from the lines
    counted.clear()
    after, _ = counted_basket.add_item(ITEMS[1])
    after, _ = after.void_line(7)
    totals = after.totals(standard)
    assert counted == [7, 7]  # the voided line's tax taken off; nothing else re-read
    assert totals == compute_totals(after.lines, standard, "EUR")


@pytest.mark.parametrize("per_line", [True, False])
def test_totals_lines_are_computed_when_read(per_line: bool) -> None:
    rules = TaxRules.from_strings(RATES[0], per_line=per_line)
    basket = Basket("b-1", "EUR")
    for sku_item in ITEMS[:4]:
        basket, _ = basket.add_item(sku_item, 2)
    totals = basket.totals(rules)
    assert totals.line(3) == compute_totals(basket.lines, rules, "EUR").line(3)
    with pytest.raises(KeyError):
        basket.void_line(3)[0].totals(rules).line(3)
    assert replace(basket).totals(rules) == totals
