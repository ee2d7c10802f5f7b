"""Money: rounding modes, exact parsing, allocation, currency rules."""

from __future__ import annotations

import contextlib
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.money import (
    Money,
    MoneyError,
    Rounding,
    currency_exponent,
    divide_rounded,
    round_fraction,
)

HU, HE, DN, UP = Rounding.HALF_UP, Rounding.HALF_EVEN, Rounding.DOWN, Rounding.UP

# numerator/denominator -> expected per mode: (HALF_UP, HALF_EVEN, DOWN, UP)
ROUNDING_TABLE = [
    ((5, 2), (3, 2, 2, 3)),  # 2.5
    ((7, 2), (4, 4, 3, 4)),  # 3.5
    ((-5, 2), (-3, -2, -2, -3)),  # -2.5: half away from zero, even, toward zero, away
    ((5, -2), (-3, -2, -2, -3)),
    ((-7, 2), (-4, -4, -3, -4)),
    ((1, 3), (0, 0, 0, 1)),
    ((2, 3), (1, 1, 0, 1)),
    ((-2, 3), (-1, -1, 0, -1)),
    ((6, 3), (2, 2, 2, 2)),
    ((0, 7), (0, 0, 0, 0)),
    ((1, 2), (1, 0, 0, 1)),
    ((3, 2), (2, 2, 1, 2)),
    ((2455660, 1000000), (2, 2, 2, 3)),
    ((245566, 100000), (2, 2, 2, 3)),
]


@pytest.mark.parametrize(("mode", "index"), [(HU, 0), (HE, 1), (DN, 2), (UP, 3)], ids=str)
@pytest.mark.parametrize(("fraction", "expected"), ROUNDING_TABLE)
def test_rounding_table(
    fraction: tuple[int, int], expected: tuple[int, ...], mode: Rounding, index: int
) -> None:
    assert divide_rounded(*fraction, mode) == expected[index]


def test_divide_by_zero() -> None:
    with pytest.raises(ZeroDivisionError):
        divide_rounded(1, 0, HU)


def reference(value: Fraction, mode: Rounding) -> int:
    """Rounding via Decimal's own modes, as an independent oracle."""
    import decimal

    names = {HU: decimal.ROUND_HALF_UP, HE: decimal.ROUND_HALF_EVEN, DN: decimal.ROUND_DOWN,
             UP: decimal.ROUND_UP}  # fmt: skip
    with decimal.localcontext() as ctx:
        ctx.prec = 200
        exact = Decimal(value.numerator) / Decimal(value.denominator)
        return int(exact.quantize(Decimal(1), rounding=names[mode]))


@given(st.integers(-(10**12), 10**12), st.integers(1, 10**6), st.sampled_from(list(Rounding)))
def test_rounding_matches_decimal(numerator: int, denominator: int, mode: Rounding) -> None:
    value = Fraction(numerator, denominator)
    result = round_fraction(value, mode)
    assert abs(result - value) < 1
    # Decimal division with 200 digits is exact enough to decide every tie here
    assert result == reference(value, mode)


@pytest.mark.parametrize(
    ("text", "currency", "minor"),
    [("12.34", "EUR", 1234), (" 0.5 ", "EUR", 50), ("-1", "USD", -100), ("1234", "JPY", 1234),
     ("1.234", "KWD", 1234), ("1e2", "EUR", 10000), ("0.10", "EUR", 10)],
)  # fmt: skip
def test_parse_is_exact(text: str, currency: str, minor: int) -> None:
    assert Money.parse(text, currency) == Money(minor, currency)


@pytest.mark.parametrize(
    ("text", "currency", "message"),
    [("1.234", "EUR", "more than 2 decimals"), ("1.5", "JPY", "more than 0 decimals"),
     ("abc", "EUR", "not an amount"), ("NaN", "EUR", "not an amount"),
     ("inf", "EUR", "not an amount"), ("", "EUR", "not an amount"),
     ("1", "XXX", "unknown currency 'XXX'")],
)  # fmt: skip
def test_parse_refuses(text: str, currency: str, message: str) -> None:
    with pytest.raises(MoneyError, match=message):
        Money.parse(text, currency)


@given(st.text(max_size=20))
def test_parse_garbage_raises_only_money_error(text: str) -> None:
    with contextlib.suppress(MoneyError):
        Money.parse(text, "EUR")


@given(st.integers(-(10**9), 10**9))
def test_parse_round_trips_the_display_form(minor: int) -> None:
    money = Money(minor, "EUR")
    assert Money.parse(str(money.to_decimal()), "EUR") == money


def test_mixed_currencies_are_refused() -> None:
    eur, usd = Money(1, "EUR"), Money(1, "USD")
    for combine in (lambda: eur + usd, lambda: eur - usd, lambda: eur < usd, lambda: eur >= usd):
        with pytest.raises(MoneyError, match="cannot combine EUR with USD"):
            combine()


def test_type_errors() -> None:
    with pytest.raises(TypeError):
        Money(1, "EUR") + 1  # type: ignore[operator]
    with pytest.raises(TypeError):
        Money(1, "EUR") * 1.5  # type: ignore[operator]
    with pytest.raises(MoneyError):
        Money(1.5, "EUR")  # type: ignore[arg-type]
    with pytest.raises(MoneyError):
        Money(True, "EUR")


def test_arithmetic_and_display() -> None:
    a = Money(1234, "EUR")
    assert (a + a, a - a, -a, 3 * a, a * 3) == (
        Money(2468, "EUR"), Money(0, "EUR"), Money(-1234, "EUR"), Money(3702, "EUR"),
        Money(3702, "EUR"),
    )  # fmt: skip
    assert str(a) == "12.34 EUR"
    assert str(Money(5, "JPY")) == "5 JPY"
    assert str(Money(-5, "KWD")) == "-0.005 KWD"
    assert not Money.zero("EUR")
    assert currency_exponent("CLP") == 0


def test_scaled_rounds_by_mode() -> None:
    assert Money(199, "EUR").scaled(Fraction(1234, 1000), HU) == Money(246, "EUR")
    assert Money(199, "EUR").scaled(Fraction(1234, 1000), DN) == Money(245, "EUR")


@pytest.mark.parametrize(
    ("minor", "weights", "parts"),
    [
        (100, [1, 1, 1], [34, 33, 33]),
        (5, [0, 1, 1], [0, 3, 2]),  # a zero weight never takes a leftover cent
        (7, [1, 0, 1, 0], [4, 0, 3, 0]),
        (-5, [1, 1], [-2, -3]),
        (0, [3, 1], [0, 0]),
        (10, [5], [10]),
    ],
)
def test_allocate_examples(minor: int, weights: list[int], parts: list[int]) -> None:
    assert Money(minor, "EUR").allocate(weights) == [Money(p, "EUR") for p in parts]


@pytest.mark.parametrize("weights", [[], [0, 0], [1, -1], [-2]])
def test_allocate_refuses_bad_weights(weights: list[int]) -> None:
    with pytest.raises(MoneyError, match="cannot allocate"):
        Money(10, "EUR").allocate(weights)


@given(st.integers(-(10**9), 10**9), st.lists(st.integers(0, 1000), min_size=1, max_size=20))
def test_allocate_never_loses_a_cent(minor: int, weights: list[int]) -> None:
    if sum(weights) == 0:
        return
    parts = Money(minor, "EUR").allocate(weights)
    assert sum(p.minor for p in parts) == minor
    total = sum(weights)
    for part, weight in zip(parts, weights, strict=True):
        assert abs(part.minor - Fraction(minor * weight, total)) < 1
        if weight == 0:
            assert part.minor == 0
