"""The ICAO Doc 9303 specimens (Utopia) and Germany's: every format, every field."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from travel_specimens import MRZ_SPECIMENS, TD1, TD1_LONG, TD2_LONG, TD3, TODAY

from kiosk.domain.travel import MrzDocument, format_mrz, mrz_to_dict, parse_mrz

ANNA = {
    "issuing_state": "UTO",
    "primary_name": "ERIKSSON",
    "secondary_name": "ANNA MARIA",
    "name_truncated": False,
    "birth_date_text": "740812",
    "birth_date": date(1974, 8, 12),
    "sex": "F",
    "expiry_date_text": "120415",
    "expiry_date": date(2012, 4, 15),
}
VISA = {
    **ANNA,
    "nationality": "XXX",
    "document_code": "V",
    "document_number": "L8988901C",
    "birth_date_text": "400907",
    "birth_date": date(1940, 9, 7),
    "expiry_date_text": "961210",
    "expiry_date": date(1996, 12, 10),
}
PETER = {
    **ANNA,
    "primary_name": "STEVENSON",
    "secondary_name": "PETER JOHN",
    "document_code": "I",
    "document_number": "D23145890734",
    "nationality": "UTO",
    "birth_date_text": "340712",
    "birth_date": date(1934, 7, 12),
    "sex": "M",
    "expiry_date_text": "950712",
    "expiry_date": date(1995, 7, 12),
}
EXPECTED = {
    "TD3": MrzDocument(
        format="TD3",
        document_code="P",
        document_number="L898902C3",
        nationality="UTO",
        optional_data="ZE184226B",
        **ANNA,  # type: ignore[arg-type]
    ),
    "TD1": MrzDocument(
        format="TD1", document_code="I", document_number="D23145890", nationality="UTO", **ANNA
    ),  # type: ignore[arg-type]
    "TD2": MrzDocument(
        format="TD2", document_code="I", document_number="D23145890", nationality="UTO", **ANNA
    ),  # type: ignore[arg-type]
    "MRV-A": MrzDocument(format="MRV-A", optional_data="6ZE184226B", **VISA),  # type: ignore[arg-type]
    "MRV-B": MrzDocument(format="MRV-B", **VISA),  # type: ignore[arg-type]
    "TD1 long": MrzDocument(format="TD1", **PETER),  # type: ignore[arg-type]
    "TD2 long": MrzDocument(format="TD2", **PETER),  # type: ignore[arg-type]
}


@pytest.mark.parametrize("name", sorted(MRZ_SPECIMENS))
def test_specimen_fields(name: str) -> None:
    assert parse_mrz(MRZ_SPECIMENS[name], TODAY) == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(MRZ_SPECIMENS))
def test_specimen_formats_back_to_its_lines(name: str) -> None:
    assert format_mrz(parse_mrz(MRZ_SPECIMENS[name], TODAY)) == MRZ_SPECIMENS[name]


def test_one_text_with_newlines_lower_case_and_blank_lines() -> None:
    text = "\n  " + TD3[0].lower() + "  \r\n\n" + TD3[1] + "\n"
    assert parse_mrz(text, TODAY) == EXPECTED["TD3"]


def test_long_td1_number_leaves_the_rest_of_the_optional_data() -> None:
    lines = format_mrz(replace(EXPECTED["TD1 long"], optional_data="AB12"))
    assert lines[0] == "I<UTOD23145890<7349<AB12<<<<<<"
    parsed = parse_mrz(lines, TODAY)
    assert (parsed.document_number, parsed.optional_data) == ("D23145890734", "AB12")
    assert parse_mrz(TD1_LONG, TODAY).number_last4 == "0734"
    assert parse_mrz(TD2_LONG, TODAY).document_number == "D23145890734"


@pytest.mark.parametrize(
    ("lines", "code", "number", "sex", "expiry"),
    [
        (
            [
                "IDD<<T220001293<<<<<<<<<<<<<<<",
                "6408125<2010315D<<<<<<<<<<<<<4",
                "MUSTERMANN<<ERIKA<<<<<<<<<<<<<",
            ],
            "ID",
            "T22000129",
            "X",
            date(2020, 10, 31),
        ),
        (
            [
                "P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<",
                "C01X00T478D<<6408125F2702283<<<<<<<<<<<<<<<4",
            ],
            "P",
            "C01X00T47",
            "F",
            date(2027, 2, 28),
        ),
    ],
)
def test_germany_is_d(lines: list[str], code: str, number: str, sex: str, expiry: date) -> None:
    parsed = parse_mrz(lines, TODAY)
    assert (parsed.issuing_state, parsed.nationality, parsed.document_code) == ("D", "D", code)
    assert (parsed.primary_name, parsed.secondary_name) == ("MUSTERMANN", "ERIKA")
    assert (parsed.document_number, parsed.sex, parsed.expiry_date) == (number, sex, expiry)
    assert not parsed.is_specimen
    assert parse_mrz(TD3, TODAY).is_specimen


def test_name_filling_its_field_is_marked_truncated() -> None:
    long_name = replace(
        EXPECTED["TD1"],
        primary_name="VANDERWOODSENBERG",
        secondary_name="MARIA CHRISTINA ALEXANDRA",
    )
    lines = format_mrz(long_name)
    assert lines[2] == "VANDERWOODSENBERG<<MARIA<CHRIS"
    parsed = parse_mrz(lines, TODAY)
    assert (parsed.secondary_name, parsed.name_truncated) == ("MARIA CHRIS", True)
    assert not parse_mrz(TD1, TODAY).name_truncated


def test_single_name_has_no_secondary_identifier() -> None:
    lines = format_mrz(replace(EXPECTED["TD3"], primary_name="MADONNA", secondary_name=""))
    assert lines[0].startswith("P<UTOMADONNA<<<<")
    assert parse_mrz(lines, TODAY).secondary_name == ""


def test_unknown_birth_day_and_month_are_kept_as_unknown() -> None:
    lines = format_mrz(replace(EXPECTED["TD3"], birth_date_text="74<<<<", birth_date=None))
    parsed = parse_mrz(lines, TODAY)
    assert (parsed.birth_date_text, parsed.birth_date) == ("74<<<<", None)
    assert parsed.warnings == ("birth date is partly unknown (4 filler characters)",)


def test_filler_sex_is_unspecified() -> None:
    lines = format_mrz(replace(EXPECTED["TD3"], sex="X"))
    assert lines[1][20] == "<"
    assert parse_mrz(lines, TODAY).sex == "X"


def test_validity_and_what_a_check_in_record_keeps() -> None:
    parsed = parse_mrz(TD3, TODAY)
    assert parsed.valid_on(date(2012, 4, 15))
    assert not parsed.valid_on(date(2012, 4, 16))
    assert parsed.number_last4 == "02C3"


def test_json_dict_has_fields_but_no_lines() -> None:
    data = mrz_to_dict(parse_mrz(TD3, TODAY))
    assert (data["birth_date"], data["expiry_date"], data["is_specimen"]) == (
        "1974-08-12",
        "2012-04-15",
        True,
    )
    assert TD3[0] not in str(data)
    assert TD3[1] not in str(data)
