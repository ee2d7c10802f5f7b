"""How amounts, weights and counts are written for the shopper, per language.

Plain Python on purpose (no locale module: the lane's OS locale is not the
shopper's language). Amounts are ``Money`` (integer minor units), never floats.
"""

from __future__ import annotations

from kiosk.domain.money import Money

_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF", "JPY": "¥"}
#: language -> (decimal separator, thousands separator, symbol after the number)
_STYLE = {"en": (".", ",", False), "es": (",", ".", True), "fr": (",", "\u202f", True)}


def _style(language: str) -> tuple[str, str, bool]:
    return _STYLE.get(language, _STYLE["en"])


def _group(digits: str, separator: str) -> str:
    groups: list[str] = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return separator.join(groups)


def format_money(amount: Money, language: str) -> str:
    """``amount`` as the shopper reads it, e.g. "€1,234.50" (en) or "1.234,50 €" (es)."""
    decimal, thousands, after = _style(language)
    exponent = amount.exponent
    sign = "-" if amount.minor < 0 else ""
    units, minor = divmod(abs(amount.minor), 10**exponent) if exponent else (abs(amount.minor), 0)
    number = _group(str(units), thousands)
    if exponent:
        number += decimal + str(minor).zfill(exponent)
    symbol = _SYMBOLS.get(amount.currency, amount.currency)
    if after:
        return f"{sign}{number}\u00a0{symbol}"
    return f"{sign}{symbol}{number}"


def format_weight(grams: int, language: str) -> str:
    """A weight in kilograms with three decimals, e.g. "1.234 kg" / "1,234 kg"."""
    decimal, _, _ = _style(language)
    kilos, rest = divmod(grams, 1000)
    return f"{kilos}{decimal}{rest:03d}\u00a0kg"
