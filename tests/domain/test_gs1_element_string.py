"""GS1 element strings and the human-readable form: the AI table, parsing, dates, decimals."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.gs1.ai_table import AI_TABLE, PREDEFINED_LENGTHS, find_ai
from kiosk.domain.gs1.dates import century_year, resolve_date
from kiosk.domain.gs1.element_string import (
    GS,
    parse_element_string,
    parse_gs1,
    parse_hri,
    to_element_string,
    to_hri,
)
from kiosk.domain.gtin import BarcodeError

TODAY = date(2026, 11, 22)


def pairs(elements: tuple[object, ...]) -> list[tuple[str, str]]:
    return [(e.ai, e.value) for e in elements]  # type: ignore[attr-defined]


def test_ai_table_is_prefix_free() -> None:
    for ai in AI_TABLE:
        for shorter in range(2, len(ai)):
            assert ai[:shorter] not in AI_TABLE, f"{ai[:shorter]} is a prefix of {ai}"


@pytest.mark.parametrize(
    ("ai", "predefined", "fixed", "decimals"),
    [
        ("00", True, 18, None),
        ("01", True, 14, None),
        ("10", False, None, None),
        ("17", True, 6, None),
        ("3103", True, 6, 3),
        ("3922", False, None, 2),
        ("3932", False, None, 2),
        ("410", True, 13, None),
        ("422", False, 3, None),
        ("8005", False, 6, None),
        ("3955", False, 6, 5),
        ("37", False, None, None),
    ],
)
def test_ai_specs(ai: str, predefined: bool, fixed: int | None, decimals: int | None) -> None:
    spec = AI_TABLE[ai]
    assert (spec.predefined, spec.fixed_length, spec.decimals) == (predefined, fixed, decimals)


def test_predefined_lengths_match_the_table() -> None:
    for ai, spec in AI_TABLE.items():
        if spec.predefined:
            assert len(ai) + (spec.fixed_length or 0) == PREDEFINED_LENGTHS[ai[:2]], ai


def test_find_ai_reads_two_three_or_four_digits() -> None:
    assert find_ai("0109506000134352") is AI_TABLE["01"]
    assert find_ai("x3103000123", 1) is AI_TABLE["3103"]
    assert find_ai("235ABC") is AI_TABLE["235"]
    assert find_ai("2300") is None


# GS1 General Specifications / GS1 barcode examples in HRI form, with their values.
EXAMPLES = [
    (
        "(01)09501101530003(17)140704(10)AB-123",
        [("01", "09501101530003"), ("17", "140704"), ("10", "AB-123")],
    ),
    ("(01)95012345678903(3103)000123", [("01", "95012345678903"), ("3103", "000123")]),
    ("(00)106141411234567897", [("00", "106141411234567897")]),
    ("(02)10614141000415(37)20", [("02", "10614141000415"), ("37", "20")]),
    ("(01)09506000134352(3922)00599", [("01", "09506000134352"), ("3922", "00599")]),
    ("(01)09506000134352(3932)97800599", [("01", "09506000134352"), ("3932", "97800599")]),
    ("(421)5281234AB(4330)001234-", [("421", "5281234AB"), ("4330", "001234-")]),
    ("(7003)1407041630(8005)000150", [("7003", "1407041630"), ("8005", "000150")]),
    ("(8006)106141410004150102(21)X1", [("8006", "106141410004150102"), ("21", "X1")]),
    ("(253)4000001000005ABC", [("253", "4000001000005ABC")]),
    ("(91)internal data-1(99)A", [("91", "internaldata-1"), ("99", "A")]),
]


@pytest.mark.parametrize(("hri", "expected"), [e for e in EXAMPLES if " " not in e[0]])
def test_hri_examples_and_element_string_round_trip(
    hri: str, expected: list[tuple[str, str]]
) -> None:
    elements = parse_hri(hri)
    assert pairs(elements) == expected
    assert to_hri(elements) == hri
    assert pairs(parse_element_string(to_element_string(elements))) == expected


def test_hri_ignores_printed_spaces() -> None:
    elements = parse_hri(" (01) 09506000134352 (10) ABC ")
    assert pairs(elements) == [("01", "09506000134352"), ("10", "ABC")]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            "01095011015300031714070410AB-123",
            [("01", "09501101530003"), ("17", "140704"), ("10", "AB-123")],
        ),
        (
            f"010950110153000310AB-123{GS}17140704",
            [("01", "09501101530003"), ("10", "AB-123"), ("17", "140704")],
        ),
        (
            f"{GS}0109501101530003{GS}10AB-123{GS}",  # FNC1 first, superfluous GS tolerated
            [("01", "09501101530003"), ("10", "AB-123")],
        ),
        (f"422724{GS}10X", [("422", "724"), ("10", "X")]),
        (f"10A{GS}10A", [("10", "A")]),  # an exact repeat is kept once
    ],
)
def test_element_strings(data: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(parse_element_string(data)) == expected


def test_separator_only_where_needed() -> None:
    elements = parse_hri("(01)09501101530003(10)AB-123(17)140704(21)S1")
    assert to_element_string(elements) == f"010950110153000310AB-123{GS}1714070421S1"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("0109501101530004", r"\(01\) GTIN: check digit 4 of 09501101530004 is wrong, expected 3"),
        ("011234", r"\(01\) GTIN: needs 14 characters"),
        ("0109501101530003171413", r"\(17\) USE BY or EXPIRY: needs 6 characters"),
        ("17141300", "month 13"),
        ("11250229", "day 29, month 02 has 28 days"),
        ("16140700", None),  # DD=00 is fine for the 11-17 family
        ("7006140700", "day 00"),  # but not for the first freeze date
        ("99", r"\(99\) INTERNAL: no data"),
        ("10" + "A" * 21, "21 characters, expected 1 to 20"),
        ("10AB CD", "has ' ', expected GS1 CSET 82"),
        ("2312345", "no GS1 application identifier at position 0"),
        (f"10AB{GS}10CD", r"\(10\) appears twice"),
        ("31030001233102000123", r"\(3103\) and \(3102\) cannot both appear"),
        ("01095011015300030210614141000415", "cannot both appear"),
        (f"{GS}", "empty"),
        (f"10A{GS}{GS}21B", "position 4"),
        ("3932000599", "not an ISO 4217"),
        ("43212", r"\(4321\) SHIPPING FLAG: '2' must be 0 or 1"),
        ("8006106141410004150302", "piece/total 3/2"),
        ("70031407042460", "not a time"),
        ("800314000001000005", "'1' must be 0"),
        ("800304000001000004", "check digit 4 of 4000001000004"),
    ],
)
def test_element_string_errors(data: str, message: str | None) -> None:
    if message is None:
        parse_element_string(data)
        return
    with pytest.raises(BarcodeError, match=message):
        parse_element_string(data)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("01)09506000134352", "must start with an AI in parentheses"),
        ("(01)09506000134352(23)1", r"\(23\) is not a known"),
        ("(10)", "no data"),
    ],
)
def test_hri_errors(text: str, message: str) -> None:
    with pytest.raises(BarcodeError, match=message):
        parse_hri(text)


@pytest.mark.parametrize(
    ("hri", "ai", "amount", "currency"),
    [
        ("(3103)000123", "3103", Decimal("0.123"), None),
        ("(3922)00599", "3922", Decimal("5.99"), None),
        ("(3932)97800599", "3932", Decimal("5.99"), "EUR"),
        ("(3932)99900599", "3932", Decimal("5.99"), "999"),
        ("(3205)012345", "3205", Decimal("0.12345"), None),
        ("(3940)0025", "3940", Decimal("25"), None),
    ],
)
def test_decimal_ais(hri: str, ai: str, amount: Decimal, currency: str | None) -> None:
    (element,) = parse_gs1(hri)
    assert (element.ai, element.amount, element.currency) == (ai, amount, currency)


@pytest.mark.parametrize(
    ("yy", "today", "year"),
    [
        (26, date(2026, 1, 1), 2026),
        (99, date(2026, 1, 1), 1999),
        (76, date(2026, 1, 1), 2076),
        (77, date(2026, 1, 1), 1977),
        (1, date(2099, 6, 1), 2101),
        (48, date(2099, 6, 1), 2148),
        (50, date(2099, 6, 1), 2050),
        (50, date(2000, 1, 1), 2050),
        (51, date(2000, 1, 1), 1951),
    ],
)
def test_century_rule(yy: int, today: date, year: int) -> None:
    assert century_year(yy, today) == year


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("240200", TODAY, date(2024, 2, 29)),
        ("250200", TODAY, date(2025, 2, 28)),
        ("271200", TODAY, date(2027, 12, 31)),
        ("000229", TODAY, date(2000, 2, 29)),
        ("991231", TODAY, date(1999, 12, 31)),
    ],
)
def test_resolve_date(text: str, today: date, expected: date) -> None:
    assert resolve_date(text, today, day_zero=True) == expected


def test_29_february_of_a_century_that_is_not_leap() -> None:
    with pytest.raises(BarcodeError, match="2100 has no 29/02"):
        resolve_date("000229", date(2060, 1, 1), day_zero=False)


def test_dates_are_resolved_only_when_today_is_given() -> None:
    hri = "(01)09501101530003(15)261100(11)990101"
    assert [e.date for e in parse_hri(hri)] == [None, None, None]
    elements = parse_hri(hri, TODAY)
    assert [e.date for e in elements] == [None, date(2026, 11, 30), date(1999, 1, 1)]


@given(
    st.one_of(st.text(max_size=50), st.text(alphabet="0123456789()\x1dAB-", max_size=50)),
    st.one_of(st.none(), st.dates()),
)
def test_garbage_gives_elements_or_a_barcode_error(text: str, today: date | None) -> None:
    for parse in (parse_element_string, parse_hri, parse_gs1):
        try:
            elements = parse(text, today)
        except BarcodeError as error:
            assert str(error)  # noqa: PT017 - every failure must say something
            continue
        assert elements
        assert parse_element_string(to_element_string(elements)) == elements
