"""Dates without a year or century: BCBP day of the year, BCBP issue date, MRZ centuries."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.domain.travel.dates import (
    resolve_birth_date,
    resolve_expiry_date,
    resolve_flight_day,
    resolve_issue_date,
)


@pytest.mark.parametrize(
    ("day", "reference", "expected"),
    [
        (326, date(2026, 11, 20), date(2026, 11, 22)),
        (2, date(2026, 12, 31), date(2027, 1, 2)),  # across the year boundary, forward
        (365, date(2027, 1, 2), date(2026, 12, 31)),  # and back
        (366, date(2028, 6, 1), date(2028, 12, 31)),  # a leap year has day 366
        (366, date(2027, 12, 30), date(2028, 12, 31)),
        (366, date(2026, 6, 1), None),  # 2025, 2026 and 2027 have no day 366
        (183, date(2026, 1, 1), date(2026, 7, 2)),
        (1, date(2026, 7, 3), date(2027, 1, 1)),  # nearer next year than this year's 1 January
    ],
)
def test_flight_day_is_the_nearest_date(day: int, reference: date, expected: date | None) -> None:
    assert resolve_flight_day(day, reference) == expected


@pytest.mark.parametrize(
    ("digit", "day", "reference", "expected"),
    [
        (6, 225, date(2026, 8, 13), date(2026, 8, 13)),
        (6, 225, date(2026, 8, 12), date(2016, 8, 12)),  # not yet this year: ten years ago
        (5, 365, date(2026, 1, 1), date(2025, 12, 31)),
        (9, 1, date(2026, 1, 1), date(2019, 1, 1)),
    ],
)
def test_issue_date_is_the_latest_not_after_today(
    digit: int, day: int, reference: date, expected: date
) -> None:
    assert resolve_issue_date(digit, day, reference) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("740812", date(1974, 8, 12)),
        ("261205", date(2026, 12, 5)),  # born today
        ("261206", date(1926, 12, 6)),  # tomorrow is the future: last century
        ("000229", date(2000, 2, 29)),
        ("991340", None),
    ],
)
def test_birth_date_is_never_in_the_future(text: str, expected: date | None) -> None:
    assert resolve_birth_date(text, date(2026, 12, 5)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("120415", date(2012, 4, 15)),  # expired
        ("361231", date(2036, 12, 31)),  # ten years ahead
        ("461231", date(2046, 12, 31)),  # twenty years ahead
        ("471231", date(1947, 12, 31)),  # more than twenty: the past century
        ("000229", date(2000, 2, 29)),
        ("260230", None),
    ],
)
def test_expiry_date_at_most_twenty_years_ahead(text: str, expected: date | None) -> None:
    assert resolve_expiry_date(text, date(2026, 12, 5)) == expected
