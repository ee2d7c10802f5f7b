"""Recognise and mask payment-card numbers, so they are never kept (DESIGN.md invariant 6).

A shopper may swipe or scan a card at the item scanner; a magnetic-stripe or
keyboard-wedge reader then sends track data, and some scanners read the
embossed number, which may come with the spaces or dashes it is printed with
(``5555 5555 5555 4444``, ``5555-5555-5555-4444``). Such text must not become
an "unknown item" (whose code is journaled, audited and sent to HQ):
:func:`looks_like_card_data` recognises it. :func:`redact_card_numbers` masks
card-number-like digits in any text bound for a log (``kiosk.logs``).

A *digit sequence* is a run of digit groups joined by at most three separator
characters each (blanks, ``-``, ``.``, ``/``, ``_``, Unicode dashes); line
breaks and brackets end it, so GS1's ``(01)...(10)...`` is not joined up.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_TRACK = re.compile(r"%B\d{12,19}\^|;\d{12,19}=")
_SEPARATOR = r"(?:[^\S\r\n]|[-./_\u2010-\u2015]){1,3}"
_SEQUENCE = re.compile(rf"(?<![0-9])[0-9]+(?:{_SEPARATOR}[0-9]+)*(?![0-9])")
_GROUP = re.compile(r"[0-9]+")
# 15-19 digits in one run: today's card numbers. Shorter runs are left alone, because a
# misread EAN-13 or ITF-14 passes the Luhn check one time in ten and must stay
# "unreadable". Separated groups may be 13-19 digits: no product code is printed so.
_RUN_DIGITS = range(15, 20)
_GROUPED_DIGITS = range(13, 20)
_GS1_PREFIXES = ("]C1", "]e0", "]d2", "]Q3", "]J1")
# Longer sequences are masked without looking for a card number in them (bounded work).
_ALWAYS_MASK = 64


def luhn_valid(digits: str) -> bool:
    """True if ``digits`` (only 0-9) passes the Luhn (mod 10) check used by card numbers."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def _grouped_card(groups: list[str]) -> bool:
    """True if whole consecutive groups (two or more) make a Luhn-valid 13-19 digit number."""
    for start in range(len(groups)):
        digits = groups[start]
        for group in groups[start + 1 :]:
            digits += group
            if len(digits) > _GROUPED_DIGITS.stop - 1:
                break
            if len(digits) in _GROUPED_DIGITS and luhn_valid(digits):
                return True
    return False


def _sequences(text: str) -> Iterator[list[str]]:
    for match in _SEQUENCE.finditer(text):
        yield _GROUP.findall(match.group(0))


def looks_like_card_data(text: str) -> bool:
    """True for track data, a 15-19 digit Luhn-valid run, or Luhn-valid 13-19 digits
    written in groups (spaces, dashes...); GS1 element strings hold long numbers (SSCC,
    GSIN) by design and are only checked for track data."""
    if _TRACK.search(text):
        return True
    if text.startswith(_GS1_PREFIXES) or "\x1d" in text:
        return False
    # A symbology identifier ("]C0") ends in a digit that is not part of the data.
    body = text[3:] if text.startswith("]") else text
    for groups in _sequences(body):
        if any(len(g) in _RUN_DIGITS and luhn_valid(g) for g in groups):
            return True
        if len(groups) > 1 and _grouped_card(groups):
            return True
    return False


def _pan_like(digits: str) -> bool:
    """True if some 13-19 consecutive digits of ``digits`` pass the Luhn check."""
    if len(digits) >= _ALWAYS_MASK:
        return True
    return any(
        luhn_valid(digits[start : start + size])
        for size in range(13, min(19, len(digits)) + 1)
        for start in range(len(digits) - size + 1)
    )


def redact_card_numbers(text: str) -> str:
    """``text`` with each card-number-like digit sequence (13 digits or more, in any
    spacing, holding 13-19 consecutive digits that pass Luhn) replaced by ``*`` for
    each digit but the last four, which stay (the PCI DSS display rule)."""

    def mask(match: re.Match[str]) -> str:
        digits = "".join(_GROUP.findall(match.group(0)))
        if len(digits) < 13 or not _pan_like(digits):
            return match.group(0)
        return "*" * (len(digits) - 4) + digits[-4:]

    return _SEQUENCE.sub(mask, text)
