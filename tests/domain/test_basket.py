"""Basket lines: amounts, weighed rounding, deposits, limits, voids, overrides, rebuild."""

from __future__ import annotations

from dataclasses import replace

import pytest
from domain_factories import BANANAS, BEER, GUM, MILK, eur, item, rules
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.basket import Basket, BasketError, BasketLine, QuantityLimitExceeded
from kiosk.domain.catalog import SaleUnit
from kiosk.domain.money import Money


def empty() -> Basket:
    return Basket("b-1", "EUR")


@pytest.mark.parametrize(
    ("price_per_kg", "grams", "amount"),
    [
        (199, 1234, 246),  # 245.566 -> 246
        (199, 1000, 199),
        (100, 5, 1),  # 0.5 -> 1 (half up)
        (100, 4, 0),  # 0.4 -> 0
        (250, 2, 1),  # 0.5 -> 1
        (999, 1, 1),  # 0.999 -> 1
        (1, 499, 0),  # 0.499 -> 0
        (1, 500, 1),
        (0, 1234, 0),
        (2599, 333, 865),  # 865.467 -> 865
    ],
)
def test_weighed_amount_rounds_half_up(price_per_kg: int, grams: int, amount: int) -> None:
    produce = item("p", price_per_kg, unit=SaleUnit.WEIGHT)
    _, line = empty().add_item(produce, weight_g=grams)
    assert line.amount == eur(amount)


def test_add_item_numbers_lines_and_snapshots_the_price() -> None:
    basket, first = empty().add_item(MILK, 2, scanned_code="04000000000017")
    basket, second = basket.add_item(MILK, unit_price=eur(100))
    assert (first.line_no, second.line_no) == (1, 2)
    assert (first.amount, second.amount) == (eur(258), eur(100))
    assert first.scanned_code == "04000000000017"
    assert basket.line(2) is second


def test_deposit_is_per_unit_and_outside_the_amount() -> None:
    _, line = empty().add_item(BEER, 3)
    assert (line.amount, line.deposit_unit, line.deposit_amount) == (eur(267), eur(25), eur(75))
    _, milk = empty().add_item(MILK)
    assert milk.deposit_amount == eur(0)


def test_quantity_limit_counts_active_lines_of_the_sku() -> None:
    basket, _ = empty().add_item(GUM)
    basket, _ = basket.add_item(GUM)
    with pytest.raises(QuantityLimitExceeded, match="3 units exceed the limit of 2") as raised:
        basket.add_item(GUM)
    assert (raised.value.limit, raised.value.requested) == (2, 3)
    basket, _ = basket.void_line(1)
    basket, _ = basket.add_item(GUM)  # the voided one no longer counts
    with pytest.raises(QuantityLimitExceeded):
        basket.set_quantity(3, 2)
    basket, _ = basket.add_item(GUM, over_limit_ok=True)
    assert basket.units_of("gum") == 3


def test_void_keeps_the_line_and_blocks_changes() -> None:
    basket, _ = empty().add_item(MILK)
    basket, voided = basket.void_line(1)
    assert voided.voided
    assert basket.lines == (voided,)
    assert basket.is_empty
    assert basket.active_lines == ()
    for change in (
        lambda: basket.void_line(1),
        lambda: basket.set_quantity(1, 2),
        lambda: basket.override_price(1, eur(1), "x"),
    ):
        with pytest.raises(BasketError, match="line 1 is voided"):
            change()
    basket, line = basket.add_item(MILK)
    assert line.line_no == 2  # numbers are never reused


def test_override_price_records_the_reason() -> None:
    basket, _ = empty().add_item(MILK, 2)
    basket, line = basket.override_price(1, eur(50), "damaged")
    assert (line.amount, line.price_override_reason) == (eur(100), "damaged")
    with pytest.raises(BasketError, match="needs a reason"):
        basket.override_price(1, eur(50), "  ")
    with pytest.raises(BasketError, match="negative unit price"):
        basket.override_price(1, eur(-1), "x")
    with pytest.raises(BasketError, match="is in EUR"):
        basket.override_price(1, Money(1, "USD"), "x")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda b: b.add_item(MILK, 0), "quantity must be at least 1"),
        (lambda b: b.add_item(MILK, weight_g=10), "only for weighed items"),
        (lambda b: b.add_item(BANANAS), "needs a positive weight_g"),
        (lambda b: b.add_item(BANANAS, weight_g=0), "needs a positive weight_g"),
        (lambda b: b.add_item(BANANAS, 2, weight_g=100), "weighed item has quantity 1"),
        (lambda b: b.add_item(MILK, unit_price=Money(1, "USD")), "is in EUR"),
        (lambda b: b.set_quantity(9, 2), "no line 9"),
        (lambda b: b.line(0), "no line 0"),
        (lambda b: b.set_quantity(1, 0), "void the line"),
    ],
)
def test_bad_changes_raise_basket_error(call, message: str) -> None:  # type: ignore[no-untyped-def]
    basket, _ = empty().add_item(MILK)
    with pytest.raises(BasketError, match=message):
        call(basket)


def test_weighed_quantity_cannot_change() -> None:
    basket, _ = empty().add_item(BANANAS, weight_g=100)
    with pytest.raises(BasketError, match="weighed item cannot change"):
        basket.set_quantity(1, 2)


def test_from_lines_sorts_and_continues_numbering() -> None:
    basket, _ = empty().add_item(MILK)
    basket, _ = basket.add_item(BEER)
    rebuilt = Basket.from_lines("b-1", "EUR", tuple(reversed(basket.lines)))
    assert rebuilt == basket
    assert rebuilt.next_line_no == 3


def test_duplicate_line_numbers_are_refused() -> None:
    line = BasketLine(1, MILK, 1, None, eur(129))
    with pytest.raises(BasketError, match="must increase"):
        Basket("b-1", "EUR", (line, replace(line, quantity=2)))


def test_line_numbers_start_at_one() -> None:
    with pytest.raises(BasketError, match="start at 1"):
        BasketLine(0, MILK, 1, None, eur(129))


def test_totals_skip_voided_lines() -> None:
    basket, _ = empty().add_item(MILK)
    basket, _ = basket.add_item(BEER, 2)
    basket, _ = basket.void_line(2)
    totals = basket.totals(rules())
    assert (totals.total, totals.deposit, totals.item_count) == (eur(129), eur(0), 1)


ops = st.lists(
    st.tuples(
        st.sampled_from(["add", "qty", "void", "price"]),
        st.sampled_from([MILK, BEER, GUM, BANANAS]),
        st.integers(0, 6),
        st.integers(-3, 3000),
    ),
    max_size=25,
)


@given(ops)
def test_random_changes_keep_the_basket_consistent(changes: list[tuple]) -> None:  # type: ignore[type-arg]
    basket = empty()
    for op, what, n, value in changes:
        before = basket
        try:
            if op == "add":
                weight = value if what.sold_by_weight else None
                basket, line = basket.add_item(what, max(n, 1) if weight is None else 1, weight)
            elif op == "qty":
                basket, line = basket.set_quantity(n, max(value % 5, 1))
            elif op == "void":
                basket, line = basket.void_line(n)
            else:
                basket, line = basket.override_price(n, eur(value), "test")
        except BasketError:
            assert basket is before
            continue
        assert basket.line(line.line_no) == line
        assert len(basket.lines) >= len(before.lines)
        numbers = [x.line_no for x in basket.lines]
        assert numbers == sorted(set(numbers))
        assert basket.units_of("gum") <= 2
        totals = basket.totals(rules())
        expected = sum((x.amount + x.deposit_amount for x in basket.active_lines), eur(0))
        assert totals.total == expected
