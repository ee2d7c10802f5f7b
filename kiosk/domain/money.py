"""Money: integer minor units with a currency, and the one place rounding happens.

Every amount in the lane is a ``Money``: an ``int`` count of minor units (cents,
pence, yen) and an ISO 4217 code. Floats never appear. Any operation that can
produce a fraction of a minor unit (a weight times a price per kilogram, a tax
rate, a percentage discount) goes through :func:`divide_rounded`, which takes
the rounding mode as an explicit argument so that each caller states its rule.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

# Minor-unit exponents for the currencies a lane may be configured with.
# ISO 4217; the default of 2 is deliberately not assumed for unknown codes.
CURRENCY_EXPONENTS: dict[str, int] = {
    "EUR": 2,
    "USD": 2,
    "GBP": 2,
    "CHF": 2,
    "CAD": 2,
    "AUD": 2,
    "NZD": 2,
    "SEK": 2,
    "NOK": 2,
    "DKK": 2,
    "PLN": 2,
    "CZK": 2,
    "HUF": 2,
    "MXN": 2,
    "BRL": 2,
    "ARS": 2,
    "COP": 2,
    "CLP": 0,
    "JPY": 0,
    "KRW": 0,
    "ISK": 0,
    "SGD": 2,
    "HKD": 2,
    "CNY": 2,
    "INR": 2,
    "ZAR": 2,
    "AED": 2,
    "TRY": 2,
    "KWD": 3,
    "BHD": 3,
    "JOD": 3,
    "OMR": 3,
    "TND": 3,
}


class MoneyError(ValueError):
    """An amount or currency that cannot be used: unknown currency, mixed currencies."""


class Rounding(enum.Enum):
    """How a fraction of a minor unit becomes a whole one."""

    HALF_UP = "half_up"  # 0.5 away from zero: the usual retail rule
    HALF_EVEN = "half_even"  # banker's rounding: some tax authorities
    DOWN = "down"  # towards zero (truncate)
    UP = "up"  # away from zero


def divide_rounded(numerator: int, denominator: int, mode: Rounding) -> int:
    """Return ``numerator / denominator`` rounded to an integer by ``mode``.

    Exact integer arithmetic; the sign of the result follows the quotient.

    Raises:
        ZeroDivisionError: if ``denominator`` is 0.
    """
    if denominator == 0:
        raise ZeroDivisionError("divide_rounded by zero")
    negative = (numerator < 0) != (denominator < 0)
    n, d = abs(numerator), abs(denominator)
    quotient, remainder = divmod(n, d)
    if remainder:
        twice = 2 * remainder
        if mode is Rounding.UP:
            quotient += 1
        elif mode is Rounding.HALF_UP:
            quotient += twice >= d
        elif mode is Rounding.HALF_EVEN:
            quotient += twice > d or (twice == d and quotient % 2 == 1)
    return -quotient if negative else quotient


def round_fraction(value: Fraction, mode: Rounding) -> int:
    """Round an exact fraction to an integer by ``mode``."""
    return divide_rounded(value.numerator, value.denominator, mode)


def currency_exponent(currency: str) -> int:
    """Number of decimal places of ``currency`` (2 for EUR, 0 for JPY).

    Raises:
        MoneyError: for a code that is not a known ISO 4217 currency.
    """
    try:
        return CURRENCY_EXPONENTS[currency]
    except KeyError:
        raise MoneyError(
            f"unknown currency {currency!r}: expected an ISO 4217 code such as 'EUR' or 'USD'"
        ) from None


@dataclass(frozen=True, slots=True)
class Money:
    """An amount of one currency in integer minor units."""

    minor: int
    currency: str

    def __post_init__(self) -> None:
        if not isinstance(self.minor, int) or isinstance(self.minor, bool):
            raise MoneyError(f"Money.minor must be an int, got {self.minor!r}")
        currency_exponent(self.currency)

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(0, currency)

    @classmethod
    def parse(cls, text: str, currency: str) -> Money:
        """Parse a decimal string in major units ("12.34") exactly.

        Raises:
            MoneyError: if the text is not a number or has more decimals than the currency.
        """
        exponent = currency_exponent(currency)
        try:
            value = Decimal(text.strip())
        except ArithmeticError:
            raise MoneyError(f"not an amount: {text!r}") from None
        if not value.is_finite():
            raise MoneyError(f"not an amount: {text!r}")
        scaled = value.scaleb(exponent)
        if scaled != scaled.to_integral_value():
            raise MoneyError(f"{text!r} has more than {exponent} decimals for {currency}")
        return cls(int(scaled), currency)

    def _check(self, other: Money) -> None:
        if not isinstance(other, Money):
            raise TypeError(f"cannot combine Money with {type(other).__name__}")
        if other.currency != self.currency:
            raise MoneyError(f"cannot combine {self.currency} with {other.currency}")

    def __add__(self, other: Money) -> Money:
        self._check(other)
        return Money(self.minor + other.minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._check(other)
        return Money(self.minor - other.minor, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.minor, self.currency)

    def __mul__(self, factor: int) -> Money:
        if not isinstance(factor, int) or isinstance(factor, bool):
            raise TypeError("Money can only be multiplied by an int; use scaled() for fractions")
        return Money(self.minor * factor, self.currency)

    __rmul__ = __mul__

    def __lt__(self, other: Money) -> bool:
        self._check(other)
        return self.minor < other.minor

    def __le__(self, other: Money) -> bool:
        self._check(other)
        return self.minor <= other.minor

    def __gt__(self, other: Money) -> bool:
        self._check(other)
        return self.minor > other.minor

    def __ge__(self, other: Money) -> bool:
        self._check(other)
        return self.minor >= other.minor

    def __bool__(self) -> bool:
        return self.minor != 0

    def scaled(self, factor: Fraction, mode: Rounding) -> Money:
        """Multiply by an exact fraction (a weight, a rate) and round by ``mode``."""
        return Money(round_fraction(self.minor * factor, mode), self.currency)

    def allocate(self, weights: list[int]) -> list[Money]:
        """Split into parts proportional to ``weights`` whose sum is exactly this amount.

        Leftover minor units go, one each, to the first parts whose exact share
        had a fraction cut off (largest-remainder would be fairer, but this is
        deterministic, never loses a cent and keeps each part within one unit).

        Raises:
            MoneyError: if the weights are empty or sum to zero.
        """
        total = sum(weights)
        if not weights or total <= 0 or any(w < 0 for w in weights):
            raise MoneyError(f"cannot allocate by weights {weights!r}")
        parts = [self.minor * w // total for w in weights]
        # Only parts that had a fraction cut off take a leftover unit, so no part moves
        # a whole unit away from its exact share (and a zero weight gets nothing).
        receivers = [i for i, w in enumerate(weights) if self.minor * w % total]
        for i in range(self.minor - sum(parts)):
            parts[receivers[i % len(receivers)]] += 1
        return [Money(p, self.currency) for p in parts]

    @property
    def exponent(self) -> int:
        return currency_exponent(self.currency)

    def to_decimal(self) -> Decimal:
        """The amount in major units, exact (for display and JSON, never arithmetic)."""
        return Decimal(self.minor).scaleb(-self.exponent)

    def __str__(self) -> str:
        return f"{self.to_decimal():.{self.exponent}f} {self.currency}"
