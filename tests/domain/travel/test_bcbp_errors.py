"""Malformed passes are refused naming the field and position; passes that bend the
standard the way real airlines do are read with a warning."""

from __future__ import annotations

from datetime import date

import pytest
from travel_specimens import BCBP_KL_HOME, BCBP_MANDATORY, BCBP_TWO_LEGS, TODAY

from kiosk.domain.travel import BcbpError, BoardingPass, Leg, encode_bcbp, parse_bcbp

PLAIN = "M1DESMARAIS/LUC       EABC123 YULFRAAC 0834 326J001A0025 100"


def replace_at(text: str, position: int, new: str) -> str:
    return text[:position] + new + text[position + len(new) :]


@pytest.mark.parametrize(
    ("data", "field", "position", "says"),
    [
        ("", "format code", 0, "no data"),
        ("X" + PLAIN[1:], "format code", 0, "is not 'M'"),
        (replace_at(PLAIN, 1, "0"), "number of legs encoded", 1, "not 1 to 4"),
        (replace_at(PLAIN, 1, "5"), "number of legs encoded", 1, "not 1 to 4"),
        (replace_at(PLAIN, 1, "A"), "number of legs encoded", 1, "not 1 to 4"),
        ("M1DESMARAIS/LU", "passenger name", 2, "cut short"),
        (PLAIN[:40], "flight number (leg 1)", 39, "cut short"),
        (PLAIN[:58], "field size of variable size field (leg 1)", 58, "cut short"),
        (replace_at(PLAIN, 58, "G0"), "field size of variable size field (leg 1)", 58, "hex"),
        (replace_at(PLAIN, 58, " 1"), "field size of variable size field (leg 1)", 58, "hex"),
        (replace_at(PLAIN, 58, "05"), "field size of variable size field (leg 1)", 58, "only 0"),
        (replace_at(PLAIN, 44, "ABC"), "date of flight (leg 1)", 44, "day of the year"),
        (replace_at(PLAIN, 44, "367"), "date of flight (leg 1)", 44, "day of the year"),
        (replace_at(PLAIN, 44, "000"), "date of flight (leg 1)", 44, "day of the year"),
        (replace_at(PLAIN, 1, "2"), "operating carrier PNR code (leg 2)", 60, "2 legs"),
        (BCBP_TWO_LEGS.replace("M2", "M1", 1), "beginning of security data", 137, "leg count"),
        (replace_at(PLAIN, 10, "\x1d"), "passenger name", 2, "printable"),
        (
            BCBP_TWO_LEGS.replace(">6181WW", ">6G81WW", 1),
            "field size of following structured message - unique (leg 1)",
            62,
            "hex",
        ),
        (
            BCBP_TWO_LEGS.replace("2A014123", "2Z014123", 1),
            "field size of following structured message - repeated (leg 1)",
            88,
            "hex",
        ),
        (
            BCBP_KL_HOME.replace(">503", ">5FF", 1),
            "field size of following structured message - unique (leg 1)",
            62,
            "only",
        ),
    ],
)
def test_malformed_pass_names_field_and_position(
    data: str, field: str, position: int, says: str
) -> None:
    with pytest.raises(BcbpError) as caught:
        parse_bcbp(data, TODAY)
    assert (caught.value.field, caught.value.position) == (field, position)
    assert says in str(caught.value)
    assert str(caught.value).startswith(f"{field} at position {position}: ")


def test_blank_eticket_indicator_is_a_warning() -> None:
    parsed = parse_bcbp(replace_at(PLAIN, 22, " "), TODAY)
    assert parsed.electronic_ticket == ""
    assert parsed.warnings == ("electronic ticket indicator is '', not 'E' (position 22)",)


def test_missing_eticket_indicator_is_read_without_it() -> None:
    parsed = parse_bcbp(PLAIN[:22] + PLAIN[23:], TODAY)
    assert parsed.electronic_ticket is None
    assert (parsed.legs[0].pnr, parsed.legs[0].seat) == ("ABC123", "001A")
    assert "electronic ticket indicator missing" in parsed.warnings[0]
    assert encode_bcbp(parsed) == PLAIN[:22] + PLAIN[23:]


def test_missing_eticket_with_conditional_data() -> None:
    data = BCBP_KL_HOME[:22] + BCBP_KL_HOME[23:]
    parsed = parse_bcbp(data, TODAY)
    assert (parsed.issuance_source, parsed.legs[0].document_serial) == ("W", "2497067621")
    assert parsed.electronic_ticket is None


def test_zero_size_with_conditional_data_following() -> None:
    data = BCBP_KL_HOME.replace("316>503", "300>503", 1)
    parsed = parse_bcbp(data, TODAY)
    assert parsed.legs[0].document_serial == "2497067621"
    assert "variable size at position 58 is 0 but conditional data follows" in parsed.warnings[0]


def test_blank_flight_date_is_a_warning() -> None:
    parsed = parse_bcbp(replace_at(PLAIN, 44, "   "), TODAY)
    assert (parsed.legs[0].flight_day, parsed.legs[0].flight_date) == (None, None)
    assert parsed.warnings == ("date of flight (leg 1) at position 44 is blank",)


def test_day_366_without_a_leap_year_near_is_a_warning() -> None:
    parsed = parse_bcbp(replace_at(PLAIN, 44, "366"), date(2026, 6, 1))
    assert (parsed.legs[0].flight_day, parsed.legs[0].flight_date) == (366, None)
    assert parsed.warnings == ("date of flight (leg 1): no year near 2026-06-01 has day 366",)


def test_blank_mandatory_fields_are_kept_blank() -> None:
    parsed = parse_bcbp(replace_at(PLAIN, 48, "    "), TODAY)
    assert parsed.legs[0].seat == ""  # an infant or a seat still to be given


def test_field_cut_by_its_section_size_is_a_warning() -> None:
    data = BCBP_KL_HOME.replace("316>503  W0D", "318>505  W0D0D", 1)
    parsed = parse_bcbp(data, TODAY)
    assert parsed.issue_date_text == "0D"
    assert (
        "date of issue of boarding pass (leg 1) at position 67 is cut short" in parsed.warnings[0]
    )


def test_first_leg_without_version_marker_is_a_warning() -> None:
    data = PLAIN[:58] + "0F" + "0D" + "0742497067621"
    parsed = parse_bcbp(data, TODAY)
    assert parsed.legs[0].document_serial == "2497067621"
    assert parsed.version is None
    assert parsed.warnings == ("leg 1 conditional data at position 60 has no '>'",)


def test_security_length_mismatch_is_a_warning() -> None:
    parsed = parse_bcbp(BCBP_MANDATORY + "XYZ", TODAY)
    assert parsed.security is not None
    assert parsed.security.data.endswith("XYZ")
    assert parsed.warnings == (
        "length of security data at position 62 says 100, 103 characters follow",
    )


def test_unknown_newer_fields_are_kept() -> None:
    data = BCBP_KL_HOME.replace("316>503  W0D0742497067621", "318>503  W0F0742497067621AB", 1)
    parsed = parse_bcbp(data, TODAY)
    assert parsed.legs[0].selectee == "A"
    assert parsed.legs[0].documentation_verification == "B"
    assert encode_bcbp(parsed) == data


@pytest.mark.parametrize(
    ("change", "field", "position"),
    [
        ({"passenger_name": "A" * 21}, "passenger name", 2),
        ({"legs": ()}, "number of legs encoded", 1),
        ({"electronic_ticket": "EE"}, "electronic ticket indicator", 22),
        ({"airline_use": "é"}, "airline individual use (leg 1)", 62),  # after the "00" size
        ({"flight_number": "123456"}, "flight number (leg 1)", 39),
        ({"flight_day": 400}, "date of flight (leg 1)", 44),
        ({"airline_use": "X" * 256}, "field size of variable size field (leg 1)", 23),
    ],
)
def test_encoding_refuses_what_does_not_fit(
    change: dict[str, object], field: str, position: int
) -> None:
    leg_keys = {"airline_use", "flight_number", "flight_day"}
    leg = Leg("ABC123", "YUL", "FRA", "AC", "0834", 326, "J", "001A", "0025", "1")
    leg = Leg(**{**leg.__dict__, **{k: v for k, v in change.items() if k in leg_keys}})
    fields: dict[str, object] = {"passenger_name": "DESMARAIS/LUC", "legs": (leg,)}
    fields.update({k: v for k, v in change.items() if k not in leg_keys})
    with pytest.raises(BcbpError) as caught:
        encode_bcbp(BoardingPass(**fields))  # type: ignore[arg-type]
    assert caught.value.field == field
    assert caught.value.position == position


def test_four_legs_parse() -> None:
    leg = "ABC123 YULFRAAC 0834 326J001A0025 100"
    parsed = parse_bcbp("M4" + "DESMARAIS/LUC".ljust(20) + "E" + leg * 4, date(2026, 11, 1))
    assert len(parsed.legs) == 4
