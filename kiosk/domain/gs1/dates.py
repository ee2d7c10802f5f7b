"""GS1 six-digit dates: YYMMDD, the DD=00 rule and the century rule.

GS1 General Specifications 7.12: a two-digit year YY is placed in the century
that puts it nearest to today: if YY minus the current two-digit year is 51 to
99 the date is in the previous century, if it is -99 to -50 it is in the next
century, else in the current one. For the best-before family of AIs (11-17)
DD may be ``00``, meaning the last day of the month. Today is passed in; this
module never reads a clock.
"""

from __future__ import annotations

import calendar
from datetime import date

from kiosk.domain.gtin import BarcodeError


def century_year(yy: int, today: date) -> int:
    """The four-digit year for two-digit ``yy`` seen from ``today`` (GS1 7.12)."""
    century = today.year - today.year % 100
    difference = yy - today.year % 100
    if 51 <= difference <= 99:
        return century - 100 + yy
    if -99 <= difference <= -50:
        return century + 100 + yy
    return century + yy


def date_problem(text: str, *, day_zero: bool) -> str | None:
    """What is wrong with YYMMDD ``text`` whatever the century, or None if it can be a date.

    29 February is accepted when YY is a multiple of four (the century rule can
    only place it in a leap year then, except for 2100-like years, which
    :func:`resolve_date` reports).
    """
    if len(text) != 6 or not (text.isascii() and text.isdigit()):
        return f"{text!r} is not six digits YYMMDD"
    yy, month, day = int(text[:2]), int(text[2:4]), int(text[4:])
    if not 1 <= month <= 12:
        return f"{text!r} has month {month:02d}, expected 01-12"
    if day == 0:
        return None if day_zero else f"{text!r} has day 00, not allowed for this AI"
    longest = calendar.monthrange(2000 + yy if yy % 4 == 0 else 2001, month)[1]
    if day > longest:
        return f"{text!r} has day {day:02d}, month {month:02d} has {longest} days"
    return None


def resolve_date(text: str, today: date, *, day_zero: bool) -> date:
    """Turn YYMMDD ``text`` into a date, choosing the century as seen from ``today``.

    Raises:
        BarcodeError: if ``text`` is not a valid YYMMDD date.
    """
    problem = date_problem(text, day_zero=day_zero)
    if problem:
        raise BarcodeError(problem)
    year = century_year(int(text[:2]), today)
    month, day = int(text[2:4]), int(text[4:])
    last = calendar.monthrange(year, month)[1]
    if day == 0:
        day = last
    if day > last:
        raise BarcodeError(f"{text!r}: {year} has no {day:02d}/{month:02d}")
    return date(year, month, day)
