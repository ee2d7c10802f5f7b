"""Content checks for AI data components, and ISO 4217 numeric currency codes.

``ai_table`` names a check after a component (``N14/csum``); :func:`check_component`
applies it. Each check returns what is wrong as a phrase, or None.
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.domain.gs1.ai_table import CHARSETS, Component
from kiosk.domain.gs1.dates import date_problem
from kiosk.domain.gtin import check_digit

# ISO 4217 numeric -> alphabetic, for the currencies kiosk.domain.money knows.
ISO4217_NUMERIC: dict[str, str] = {
    "978": "EUR", "840": "USD", "826": "GBP", "756": "CHF", "124": "CAD", "036": "AUD",
    "554": "NZD", "752": "SEK", "578": "NOK", "208": "DKK", "985": "PLN", "203": "CZK",
    "348": "HUF", "484": "MXN", "986": "BRL", "032": "ARS", "170": "COP", "152": "CLP",
    "392": "JPY", "410": "KRW", "352": "ISK", "702": "SGD", "344": "HKD", "156": "CNY",
    "356": "INR", "710": "ZAR", "784": "AED", "949": "TRY", "414": "KWD", "048": "BHD",
    "400": "JOD", "512": "OMR", "788": "TND",
}  # fmt: skip

_CHARSET_NAMES = {"N": "digits", "X": "GS1 CSET 82", "Y": "GS1 CSET 39", "Z": "base64url"}


def _csum(text: str) -> str | None:
    expected = check_digit(text[:-1])
    if int(text[-1]) != expected:
        return f"check digit {text[-1]} of {text} is wrong, expected {expected}"
    return None


def _hhmm(text: str) -> str | None:
    if int(text[:2]) > 23 or int(text[2:]) > 59:
        return f"{text!r} is not a time HHMM"
    return None


def _yesno(text: str) -> str | None:
    return None if text in ("0", "1") else f"{text!r} must be 0 or 1"


def _hyphen(text: str) -> str | None:
    return None if text == "-" else f"{text!r} must be '-' (negative) when present"


def _piece(text: str) -> str | None:
    piece, total = int(text[:2]), int(text[2:])
    if piece == 0 or total == 0 or piece > total:
        return f"piece/total {piece}/{total} is not a piece of a whole"
    return None


def _iso3166(text: str) -> str | None:
    return None if text != "000" else f"{text!r} is not an ISO 3166 country code"


def _iso4217(text: str) -> str | None:
    return None if text != "000" else f"{text!r} is not an ISO 4217 currency code"


def _zero(text: str) -> str | None:
    return None if text == "0" else f"{text!r} must be 0"


_CHECKS: dict[str, Callable[[str], str | None]] = {
    "csum": _csum,
    "date": lambda text: date_problem(text, day_zero=False),
    "date0": lambda text: date_problem(text, day_zero=True),
    "hhmm": _hhmm,
    "yesno": _yesno,
    "hyphen": _hyphen,
    "piece": _piece,
    "zero": _zero,
    "iso3166": _iso3166,
    "iso4217": _iso4217,
}


def check_component(component: Component, text: str) -> str | None:
    """What is wrong with ``text`` as ``component``, or None if it fits."""
    if not component.min_length <= len(text) <= component.max_length:
        if component.min_length == component.max_length:
            return f"{text!r} has {len(text)} characters, expected {component.max_length}"
        return (
            f"{text!r} has {len(text)} characters, expected "
            f"{max(component.min_length, 1)} to {component.max_length}"
        )
    allowed = CHARSETS[component.charset]
    bad = next((char for char in text if char not in allowed), None)
    if bad is not None:
        return f"{text!r} has {bad!r}, expected {_CHARSET_NAMES[component.charset]}"
    for name in component.checks:
        problem = _CHECKS[name](text)
        if problem:
            return problem
    return None
