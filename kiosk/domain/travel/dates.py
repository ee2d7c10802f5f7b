"""Dates written without their year or century, resolved against a reference date.

The domain has no clock: the caller passes ``reference`` (the lane's today).

* BCBP flight date: a day of the year (``001``-``366``); the flight is the date
  with that day number nearest to the reference (last December, this year or
  next January), so a pass read on 31 December for a flight on 2 January works.
* BCBP date of issue: the last digit of the year and the day of the year; the
  latest such date not after the reference (a pass is issued before it is read).
* MRZ dates (``YYMMDD``): a birth date is never in the future, so its century is
  the latest that keeps it on or before the reference; an expiry date lies at
  most :data:`EXPIRY_YEARS_AHEAD` years ahead, otherwise it is in the past century.
"""

from __future__ import annotations

from datetime import date, timedelta

EXPIRY_YEARS_AHEAD = 20


def is_leap(year: int) -> bool:
    """True for a Gregorian leap year."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def day_of_year(year: int, day: int) -> date | None:
    """The date that is day ``day`` (1-based) of ``year``, or None if there is no such day."""
    if not 1 <= day <= (366 if is_leap(year) else 365):
        return None
    return date(year, 1, 1) + timedelta(days=day - 1)


def resolve_flight_day(day: int, reference: date) -> date | None:
    """The date with day-of-year ``day`` nearest to ``reference`` (None if ``day`` > 366 or < 1)."""
    candidates = [
        found
        for year in (reference.year - 1, reference.year, reference.year + 1)
        if (found := day_of_year(year, day)) is not None
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda found: (abs((found - reference).days), found))


def resolve_issue_date(year_digit: int, day: int, reference: date) -> date | None:
    """The latest date on or before ``reference`` whose year ends in ``year_digit``, day ``day``.

    Returns None when none of the last three such years has that day on or before it.
    """
    year = reference.year - (reference.year - year_digit) % 10
    for candidate_year in (year, year - 10, year - 20):
        found = day_of_year(candidate_year, day)
        if found is not None and found <= reference:
            return found
    return None


def yymmdd(text: str, century: int) -> date | None:
    """``YYMMDD`` in ``century`` (e.g. 1900), or None if it is not a calendar date."""
    try:
        return date(century + int(text[0:2]), int(text[2:4]), int(text[4:6]))
    except ValueError:
        return None


def resolve_birth_date(text: str, reference: date) -> date | None:
    """A ``YYMMDD`` birth date: the latest century that keeps it on or before ``reference``."""
    century = reference.year - reference.year % 100
    for candidate in (century, century - 100):
        found = yymmdd(text, candidate)
        if found is not None and found <= reference:
            return found
    return None


def resolve_expiry_date(text: str, reference: date) -> date | None:
    """A ``YYMMDD`` expiry date: at most :data:`EXPIRY_YEARS_AHEAD` years after ``reference``."""
    century = reference.year - reference.year % 100
    for candidate in (century + 100, century, century - 100):
        found = yymmdd(text, candidate)
        if found is not None and found.year <= reference.year + EXPIRY_YEARS_AHEAD:
            return found
    return None
