"""Variable-measure in-store codes: EAN-13 prefix 02 and 20-29 with a price or weight inside.

GS1 leaves these restricted circulation numbers (RCNs) to each country's GS1
member organisation and to the retailer's scales, so the layout is data, not
code: a :class:`VariableMeasureRule` says, for one prefix of the 13-digit form,
how many digits are the item reference, whether a value check digit follows,
and how many digits hold the value (a price in minor units or a weight in
grams, times ``value_unit``). A UPC-A with number system 2 is the 13-digit
form ``02...``, so the same rules cover it.

The value check digit is the GS1 price check digit: General Specifications
7.9.4 (4-digit values: weights 2-, 2-, 3, 5-; check = units digit of 3 x sum)
and 7.9.5 (5-digit values: weights 5+, 2-, 5-, 5+, 2-; the check digit is the
digit whose 5- product equals 10 minus the units digit of the sum).

:data:`PROFILES` holds built-in rule sets per country; they are common layouts,
*not* national standards verified for every retailer. Check them against the
store's scale label programming and override with explicit rules in the config.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from kiosk.domain.gtin import BarcodeError, check_digit


class Measure(enum.Enum):
    """What the value digits of a variable-measure code hold."""

    PRICE = "price"  # the amount to pay, in minor units (times value_unit)
    WEIGHT = "weight"  # the net weight, in grams (times value_unit)


# Weighting factors 2-, 3, 5+, 5- as digit -> product (7.9.3).
_W2M = (0, 2, 4, 6, 8, 9, 1, 3, 5, 7)
_W3 = (0, 3, 6, 9, 2, 5, 8, 1, 4, 7)
_W5P = (0, 5, 1, 6, 2, 7, 3, 8, 4, 9)
_W5M = (0, 5, 9, 4, 8, 3, 7, 2, 6, 1)


def price_check_digit(value: str) -> int:
    """The GS1 price check digit of a 4- or 5-digit value (7.9.4, 7.9.5).

    Raises:
        BarcodeError: if ``value`` is not 4 or 5 ASCII digits.
    """
    if len(value) not in (4, 5) or not (value.isascii() and value.isdigit()):
        raise BarcodeError(f"price check digit needs 4 or 5 digits, got {value!r}")
    d = [int(c) for c in value]
    if len(d) == 4:
        total = _W2M[d[0]] + _W2M[d[1]] + _W3[d[2]] + _W5M[d[3]]
        return (total * 3) % 10
    total = _W5P[d[0]] + _W2M[d[1]] + _W5M[d[2]] + _W5P[d[3]] + _W2M[d[4]]
    return _W5M.index((10 - total % 10) % 10)


def rule_problem(
    prefix: str, item_digits: int, value_digits: int, value_check: bool, value_unit: int
) -> str | None:
    """What is wrong with a rule's layout, or None (shared with the config check)."""
    if not (prefix.isascii() and prefix.isdigit() and 1 <= len(prefix) <= 4):
        return f"prefix {prefix!r} must be 1-4 digits, e.g. '02' or '21'"
    if not prefix.startswith(("02", "2")) or prefix == "2":
        return f"prefix {prefix!r} is not an in-store prefix (02 or 20-29)"
    if value_check and value_digits not in (4, 5):
        return "a value check digit needs 4 or 5 value digits"
    if not 1 <= value_digits <= 6 or item_digits < 1 or value_unit < 1:
        return "item and value digits (1-6) and value_unit must be positive"
    used = len(prefix) + item_digits + int(value_check) + value_digits
    if used != 12:
        return (
            f"prefix {len(prefix)} + item {item_digits} + check {int(value_check)} + "
            f"value {value_digits} digits = {used}, must be 12 (13 with the check digit)"
        )
    return None


@dataclass(frozen=True, slots=True)
class VariableMeasureRule:
    """How one in-store prefix lays out its 13 digits.

    Attributes:
        prefix: leading digits of the 13-digit form ("02", "21", "234").
        measure: PRICE or WEIGHT.
        item_digits: digits of the item reference after the prefix.
        value_digits: digits of the value.
        value_check: a GS1 price check digit sits between item and value.
        value_unit: minor units (PRICE) or grams (WEIGHT) per unit of the value.

    Raises:
        ValueError: if the parts do not add up to 12 digits or the prefix is not
            an in-store prefix.
    """

    prefix: str
    measure: Measure
    item_digits: int
    value_digits: int
    value_check: bool = False
    value_unit: int = 1

    def __post_init__(self) -> None:
        problem = rule_problem(
            self.prefix, self.item_digits, self.value_digits, self.value_check, self.value_unit
        )
        if problem:
            raise ValueError(f"variable-measure rule: {problem}")


@dataclass(frozen=True, slots=True)
class VariableMeasure:
    """A decoded variable-measure code.

    Attributes:
        rule: the rule that matched.
        item_reference: the item digits (a PLU or the store's item number).
        value: the value in minor units (PRICE) or grams (WEIGHT).
        lookup_gtin: GTIN-14 of the code with value (and value check) zeroed and
            the check digit recomputed: how catalogs often store such items.
    """

    rule: VariableMeasureRule
    item_reference: str
    value: int
    lookup_gtin: str


def match_rule(ean13: str, rules: Sequence[VariableMeasureRule]) -> VariableMeasureRule | None:
    """The rule with the longest prefix that starts ``ean13``, or None."""
    best: VariableMeasureRule | None = None
    for rule in rules:
        if ean13.startswith(rule.prefix) and (best is None or len(rule.prefix) > len(best.prefix)):
            best = rule
    return best


def decode(ean13: str, rule: VariableMeasureRule) -> VariableMeasure:
    """Split a valid 13-digit code by ``rule``.

    Raises:
        BarcodeError: if the value check digit is wrong.
    """
    start = len(rule.prefix)
    item = ean13[start : start + rule.item_digits]
    value_start = start + rule.item_digits + int(rule.value_check)
    value = ean13[value_start : value_start + rule.value_digits]
    if rule.value_check:
        expected = price_check_digit(value)
        found = int(ean13[value_start - 1])
        if found != expected:
            raise BarcodeError(
                f"in-store code {ean13}: {rule.measure.value} check digit "
                f"{found} is wrong for {value}, expected {expected}"
            )
    keep = start + rule.item_digits
    zeroed = ean13[:keep] + "0" * (12 - keep)
    lookup = zeroed + str(check_digit(zeroed))
    return VariableMeasure(rule, item, int(value) * rule.value_unit, lookup.zfill(14))


def encode(rule: VariableMeasureRule, item_reference: str, value: int) -> str:
    """The 13-digit code for ``item_reference`` and ``value`` (in units of the rule).

    Raises:
        BarcodeError: if the item reference is not ``item_digits`` digits or the
            value does not fit ``value_digits`` digits (after ``value_unit``).
    """
    if len(item_reference) != rule.item_digits or not item_reference.isdigit():
        raise BarcodeError(f"item reference {item_reference!r} must be {rule.item_digits} digits")
    units, rest = divmod(value, rule.value_unit)
    if rest or not 0 <= units < 10**rule.value_digits:
        raise BarcodeError(
            f"value {value} does not fit {rule.value_digits} digits of {rule.value_unit}"
        )
    digits = str(units).zfill(rule.value_digits)
    check = str(price_check_digit(digits)) if rule.value_check else ""
    body = rule.prefix + item_reference + check + digits
    return body + str(check_digit(body))


def _rules(
    prefixes: Sequence[str], measure: Measure, item: int, value: int, check: bool = False
) -> tuple[VariableMeasureRule, ...]:
    return tuple(VariableMeasureRule(p, measure, item, value, check) for p in prefixes)


_P, _W = Measure.PRICE, Measure.WEIGHT
# Built-in profiles: assumed common layouts, see the module docstring.
PROFILES: dict[str, tuple[VariableMeasureRule, ...]] = {
    "none": (),
    # Spain: 2X + 5-digit item + 5-digit value; 20-27 price in cents, 28-29 weight in grams.
    "es": _rules(("20", "21", "22", "23", "24", "25", "26", "27"), _P, 5, 5)
    + _rules(("28", "29"), _W, 5, 5),
    # Germany: 2X + 4-digit item + price check digit + 5-digit value; 21-28 price, 29 weight.
    "de": _rules(("21", "22", "23", "24", "25", "26", "27", "28"), _P, 4, 5, True)
    + _rules(("29",), _W, 4, 5, True),
    # France: 2X + 5-digit item + 5-digit value; 20-24 price, 25-29 weight.
    "fr": _rules(("20", "21", "22", "23", "24"), _P, 5, 5)
    + _rules(("25", "26", "27", "28", "29"), _W, 5, 5),
    # United Kingdom: 02 + 4-digit item + price check digit + 5-digit price (pence).
    "gb": _rules(("02",), _P, 4, 5, True),
    # United States / Canada: UPC-A 2 IIIII C PPPP K (02 + 5 item + check + 4-digit cents).
    "us": _rules(("02",), _P, 5, 4, True),
    "ca": _rules(("02",), _P, 5, 4, True),
    # Sweden: 2X + 5-digit item + 5-digit value; 20-24 price (öre), 25-29 weight.
    "se": _rules(("20", "21", "22", "23", "24"), _P, 5, 5)
    + _rules(("25", "26", "27", "28", "29"), _W, 5, 5),
}
