"""A wrong MRZ names its field, line and column; OCR confusions are corrected only by
position and only when the check digits then hold, and every correction is reported."""

from __future__ import annotations

from dataclasses import replace

import pytest
from travel_specimens import MRV_A, MRV_B, TD1, TD1_LONG, TD2, TD3, TODAY, with_char

from kiosk.domain.travel import Correction, MrzError, format_mrz, parse_mrz


@pytest.mark.parametrize(
    ("lines", "line", "column", "field"),
    [
        (TD3, 2, 10, "document number check digit"),
        (TD3, 2, 20, "birth date check digit"),
        (TD3, 2, 28, "expiry date check digit"),
        (TD3, 2, 43, "optional data check digit"),
        (TD3, 2, 44, "composite check digit"),
        (TD1, 1, 15, "document number check digit"),
        (TD1, 2, 7, "birth date check digit"),
        (TD1, 2, 15, "expiry date check digit"),
        (TD1, 2, 30, "composite check digit"),
        (TD1_LONG, 1, 19, "document number check digit"),
        (TD2, 2, 10, "document number check digit"),
        (TD2, 2, 20, "birth date check digit"),
        (TD2, 2, 28, "expiry date check digit"),
        (TD2, 2, 36, "composite check digit"),
        (MRV_A, 2, 10, "document number check digit"),
        (MRV_A, 2, 20, "birth date check digit"),
        (MRV_A, 2, 28, "expiry date check digit"),
        (MRV_B, 2, 10, "document number check digit"),
        (MRV_B, 2, 28, "expiry date check digit"),
    ],
)
def test_wrong_check_digit_names_its_field(
    lines: list[str], line: int, column: int, field: str
) -> None:
    right = lines[line - 1][column - 1]
    wrong = "7" if right != "7" else "3"
    with pytest.raises(MrzError) as caught:
        parse_mrz(with_char(lines, line, column, wrong), TODAY)
    error = caught.value
    assert (error.field, error.line, error.column) == (field, line, column)
    assert str(error).startswith(f"{field} (line {line}, column {column}): is '{wrong}'")


@pytest.mark.parametrize(
    ("lines", "line", "column", "field"),
    [
        (TD3, 2, 2, "document number check digit"),  # a changed digit in the number
        (TD3, 2, 16, "birth date check digit"),
        (TD3, 2, 24, "expiry date check digit"),
        (TD3, 2, 31, "optional data check digit"),
        (TD1, 1, 20, "composite check digit"),  # optional data only the composite covers
    ],
)
def test_wrong_field_fails_its_check_digit(
    lines: list[str], line: int, column: int, field: str
) -> None:
    right = lines[line - 1][column - 1]
    wrong = "4" if right != "4" else "7"
    with pytest.raises(MrzError) as caught:
        parse_mrz(with_char(lines, line, column, wrong), TODAY)
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("lines", "field", "says"),
    [
        ([], "MRZ", "no lines"),
        ([TD3[0]], "MRZ", "1 lines of 44"),
        ([TD3[0], TD3[1][:-1]], "MRZ", "different lengths"),
        ([TD3[0], TD3[1], TD3[1]], "MRZ", "3 lines of 44"),
        (["P<UTO", "L8980"], "MRZ", "2 lines of 5 characters is no ICAO 9303 format"),
        (with_char(TD3, 2, 5, "#"), "MRZ", "outside A-Z 0-9 <"),
        (with_char(TD3, 1, 8, "ß"), "MRZ", "(line 1, column 8): character outside"),
        (with_char(TD3, 2, 21, "Q"), "sex", "not M, F, X or <"),
        (with_char(TD3, 2, 21, "7"), "sex", "where letters belong"),
        (with_char(TD3, 2, 11, "4"), "nationality", "where letters belong"),
        (with_char(TD3, 2, 15, "A"), "birth date", "where digits belong"),
        (with_char(TD3, 2, 10, "<"), "document number check digit", "is '<'"),
    ],
)
def test_malformed_mrz(lines: list[str], field: str, says: str) -> None:
    with pytest.raises(MrzError) as caught:
        parse_mrz(lines, TODAY)
    assert caught.value.field == field
    assert says in str(caught.value)


@pytest.mark.parametrize(("field", "text"), [("birth date", "741340"), ("expiry date", "120230")])
def test_impossible_date_with_right_check_digit(field: str, text: str) -> None:
    document = parse_mrz(TD3, TODAY)
    attribute = field.replace(" ", "_") + "_text"
    lines = format_mrz(replace(document, **{attribute: text}))
    with pytest.raises(MrzError) as caught:
        parse_mrz(lines, TODAY)
    assert (caught.value.field, caught.value.line) == (field, 2)
    assert "is not a date" in str(caught.value)


def test_letters_in_numeric_fields_and_digits_in_alphabetic_fields_are_corrected() -> None:
    lines = with_char(TD3, 2, 18, "I")  # birth date 740812 -> 7408I2
    lines = with_char(lines, 2, 24, "O")  # expiry 120415 -> 12O415
    lines = with_char(lines, 2, 13, "0")  # nationality UTO -> UT0
    lines = with_char(lines, 1, 10, "5")  # ERIKS5ON
    lines = with_char(lines, 2, 44, "O")  # composite 0 read as O
    lines = with_char(lines, 2, 20, "Z")  # birth check digit 2 read as Z
    parsed = parse_mrz(lines, TODAY)
    assert replace(parsed, corrections=()) == parse_mrz(TD3, TODAY)
    assert set(parsed.corrections) == {
        Correction("name", 1, 10, "5", "S"),
        Correction("nationality", 2, 13, "0", "O"),
        Correction("birth date", 2, 18, "I", "1"),
        Correction("birth date check digit", 2, 20, "Z", "2"),
        Correction("expiry date", 2, 24, "O", "0"),
        Correction("composite check digit", 2, 44, "O", "0"),
    }


def test_issuing_state_confusion_is_corrected_but_filler_is_kept() -> None:
    lines = with_char(TD3, 1, 5, "0")  # UT0
    parsed = parse_mrz(lines, TODAY)
    assert parsed.issuing_state == "UTO"
    assert parsed.corrections == (Correction("issuing state", 1, 5, "0", "O"),)
    german = parse_mrz(
        [
            "P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<",
            "C01X00T478D<<6408125F2702283<<<<<<<<<<<<<<<4",
        ],
        TODAY,
    )
    assert (german.issuing_state, german.corrections) == ("D", ())


def test_document_number_confusion_is_corrected_when_one_swap_makes_the_check_hold() -> None:
    lines = with_char(TD3, 2, 6, "O")  # L8989O2C3: 0 read as O
    parsed = parse_mrz(lines, TODAY)
    assert parsed.document_number == "L898902C3"
    assert parsed.corrections == (Correction("document number", 2, 6, "O", "0"),)


def test_correction_is_refused_when_the_check_digits_still_fail() -> None:
    lines = with_char(TD3, 2, 18, "I")  # a confusion that is corrected ...
    lines = with_char(lines, 2, 17, "9")  # ... and a real misread that is not
    with pytest.raises(MrzError) as caught:
        parse_mrz(lines, TODAY)
    assert caught.value.field == "birth date check digit"
    assert "after correcting 1 OCR character(s)" in str(caught.value)


def test_visa_number_is_not_guessed_without_a_composite() -> None:
    with pytest.raises(MrzError) as caught:
        parse_mrz(with_char(MRV_A, 2, 6, "O"), TODAY)  # L8988O01C: no composite to confirm
    assert caught.value.field == "document number check digit"


def test_optional_data_is_not_guessed() -> None:
    with pytest.raises(MrzError) as caught:
        parse_mrz(with_char(TD3, 2, 31, "4"), TODAY)  # one B->8 swap would fit by chance
    assert caught.value.field == "optional data check digit"
