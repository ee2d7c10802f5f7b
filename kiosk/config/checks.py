"""Reusable value checks for config fields: each returns what was expected, or None."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from kiosk.domain.money import CURRENCY_EXPONENTS

_IDENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def identifier(value: Any) -> str | None:
    if not _IDENT.match(value):
        return "1-64 letters, digits, '_', '.' or '-', starting with a letter or digit"
    return None


def currency(value: Any) -> str | None:
    if value not in CURRENCY_EXPONENTS:
        return "an ISO 4217 currency code such as 'EUR' or 'USD'"
    return None


def language(value: Any) -> str | None:
    if not re.fullmatch(r"[a-z]{2}", value):
        return "a two-letter ISO 639-1 language code such as 'en'"
    return None


def languages(value: Any) -> str | None:
    if not value:
        return "at least one language"
    for item in value:
        if language(item):
            return "two-letter ISO 639-1 language codes such as ['en', 'es']"
    return None


def between(low: float, high: float) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        if not low <= value <= high:
            return f"a number from {low} to {high}"
        return None

    return check


def percent_table(value: Any) -> str | None:
    for rate in value.values():
        try:
            number = Decimal(rate)
        except (InvalidOperation, TypeError):
            return 'percentages written as strings, e.g. "21" or "5.5"'
        if not number.is_finite() or not Decimal(0) <= number <= Decimal(100):
            return 'percentages from "0" to "100"'
    return None


def one_of(*choices: str) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        if value not in choices:
            return "one of " + ", ".join(repr(c) for c in choices)
        return None

    return check
