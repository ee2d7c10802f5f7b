"""Weights and prices carried in GS1 AIs, as grams and integer minor units.

A GS1 variable-measure item in a DataBar or GS1-128 symbol carries its net
weight as 310n (kg) or 320n (lb) and its price as 392n (lane currency) or 393n
(with an ISO 4217 numeric code); n is the number of decimals. The lane wants
whole grams and minor units: a value with more precision (3104 = 0.1 g,
3923 in EUR = a tenth of a cent) is rounded half up, the retail rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction

from kiosk.domain.gs1.element_string import Element
from kiosk.domain.money import MoneyError, Rounding, currency_exponent, round_fraction

GRAMS_PER_POUND = Fraction(45359237, 100000)


def _grams(amount: Decimal, grams_per_unit: Fraction) -> int:
    return round_fraction(Fraction(amount) * grams_per_unit, Rounding.HALF_UP)


def weight_from_elements(elements: Iterable[Element]) -> int | None:
    """Net weight in grams from 310n (kg) or else 320n (lb), or None if neither is there."""
    by_family = {e.ai[:3]: e for e in elements if e.amount is not None}
    if "310" in by_family and by_family["310"].amount is not None:
        return _grams(by_family["310"].amount, Fraction(1000))
    if "320" in by_family and by_family["320"].amount is not None:
        return _grams(by_family["320"].amount, GRAMS_PER_POUND)
    return None


def price_from_elements(elements: Iterable[Element], currency: str) -> tuple[int, str] | None:
    """(minor units, currency) from 393n (its own currency) or 392n (``currency``).

    A 393n currency that kiosk.domain.money does not know gives None: the
    elements still carry the raw amount. ``currency`` must be known.
    """
    for element in elements:
        if element.amount is None:
            continue
        family = element.ai[:3]
        if family == "392":
            code = currency
        elif family == "393" and element.currency is not None:
            code = element.currency
        else:
            continue
        try:
            exponent = currency_exponent(code)
        except MoneyError:
            return None
        minor = Fraction(element.amount) * 10**exponent
        return round_fraction(minor, Rounding.HALF_UP), code
    return None
