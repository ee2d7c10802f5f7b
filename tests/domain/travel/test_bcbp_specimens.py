"""The IATA BCBP Implementation Guide's example passes: every field read, encoded back."""

from __future__ import annotations

from datetime import date

import pytest
from travel_specimens import (
    BCBP_KL_HOME,
    BCBP_LH_HOME,
    BCBP_MANDATORY,
    BCBP_SPECIMENS,
    BCBP_TWO_LEGS,
    BCBP_UA_KIOSK,
    SIGNATURE,
    TODAY,
)

from kiosk.domain.travel import (
    BoardingPass,
    Leg,
    Security,
    bcbp_to_dict,
    encode_bcbp,
    julian_day,
    licence_plates,
    parse_bcbp,
)


def test_mandatory_items_and_security() -> None:
    parsed = parse_bcbp(BCBP_MANDATORY, TODAY)
    assert parsed == BoardingPass(
        passenger_name="DESMARAIS/LUC",
        legs=(
            Leg(
                pnr="ABC123",
                origin="YUL",
                destination="FRA",
                carrier="AC",
                flight_number="0834",
                flight_day=326,
                compartment="J",
                seat="001A",
                check_in_sequence="0025",
                passenger_status="1",
                flight_date=date(2026, 11, 22),
            ),
        ),
        security=Security("1", SIGNATURE),
    )
    assert (parsed.surname, parsed.given_names) == ("DESMARAIS", "LUC")


def test_two_legs_with_every_conditional_item() -> None:
    parsed = parse_bcbp(BCBP_TWO_LEGS, date(2026, 8, 1))
    assert parsed.warnings == ()
    assert (parsed.version, parsed.passenger_description, parsed.check_in_source) == ("6", "1", "W")
    assert (parsed.issuance_source, parsed.issue_date_text, parsed.document_type) == (
        "W",
        "6225",
        "B",
    )
    assert parsed.issue_date == date(2016, 8, 12)  # the latest year ending in 6, before today
    assert (parsed.issuer, parsed.bag_tags) == ("AC", ("0014123456003",))
    assert (parsed.bag_tag_2, parsed.bag_tag_3) == (None, None)
    first, second = parsed.legs
    assert (first.origin, first.destination, first.flight_date) == ("YUL", "FRA", date(2026, 8, 14))
    assert (second.origin, second.carrier, second.seat) == ("FRA", "LH", "012C")
    assert (first.airline_numeric_code, first.document_serial) == ("014", "1234567890")
    assert (first.selectee, first.documentation_verification, first.marketing_carrier) == (
        "",
        "1",
        "AC",
    )
    assert (first.frequent_flyer_airline, first.frequent_flyer_number) == ("AC", "1234567890123")
    assert (first.id_ad_indicator, first.free_baggage_allowance, first.fast_track) == (
        "",
        "20K",
        "Y",
    )
    assert (second.document_serial, second.free_baggage_allowance, second.fast_track) == (
        "0987654321",
        "2PC",
        "N",
    )
    assert (first.airline_use, second.airline_use) == ("LX58Z", "WQ")
    assert parsed.security == Security("1", SIGNATURE)


def test_version_2_pass_has_no_fast_track_and_keeps_airline_data() -> None:
    parsed = parse_bcbp(BCBP_LH_HOME, TODAY)
    leg = parsed.legs[0]
    assert (parsed.version, parsed.bag_tag_1, parsed.bag_tags) == ("2", "", ())
    assert (leg.airline_numeric_code, leg.document_serial, leg.selectee) == (
        "220",
        "2364224106",
        "0",
    )
    assert (leg.free_baggage_allowance, leg.fast_track) == ("", None)
    assert leg.airline_use == "*30600000K09         "


def test_short_conditional_sections_hold_a_prefix_of_their_fields() -> None:
    parsed = parse_bcbp(BCBP_KL_HOME, TODAY)
    leg = parsed.legs[0]
    assert (parsed.passenger_description, parsed.check_in_source, parsed.issuance_source) == (
        "",
        "",
        "W",
    )
    assert (parsed.issue_date_text, parsed.document_type) == (None, None)
    assert (leg.airline_numeric_code, leg.document_serial, leg.selectee) == (
        "074",
        "2497067621",
        None,
    )
    assert parsed.warnings == ()


def test_kiosk_issued_pass() -> None:
    parsed = parse_bcbp(BCBP_UA_KIOSK, TODAY)
    leg = parsed.legs[0]
    assert (parsed.issuance_source, parsed.issue_date, parsed.issuer) == (
        "K",
        date(2026, 1, 7),
        "UA",
    )
    assert (leg.frequent_flyer_airline, leg.frequent_flyer_number) == ("UA", "EY975897")
    assert leg.flight_date == date(2027, 1, 7)  # day 7 is nearer next January than last


@pytest.mark.parametrize("data", BCBP_SPECIMENS)
def test_specimens_encode_back_to_the_same_string(data: str) -> None:
    assert encode_bcbp(parse_bcbp(data, TODAY)) == data


def test_encode_a_pass_the_kiosk_prints() -> None:
    flight = date(2026, 12, 24)
    boarding_pass = BoardingPass(
        passenger_name="GARCIA/ANA MS",
        legs=(
            Leg("X7Q2LM", "MAD", "CDG", "IB", "3402", julian_day(flight), "Y", "014C", "0042", "1"),
        ),
        version="6",
        check_in_source="K",
        issuance_source="K",
    )
    text = encode_bcbp(boarding_pass)
    assert text == ("M1GARCIA/ANA MS       EX7Q2LM MADCDGIB 3402 358Y014C0042 107>603 KK")
    again = parse_bcbp(text, TODAY)
    assert again.legs[0].flight_date == flight
    assert again.passenger_description == ""  # a blank written before the named sources


def test_licence_plates_count_the_consecutive_tags() -> None:
    assert licence_plates("0014123456003") == (
        "0014123456",
        "0014123457",
        "0014123458",
        "0014123459",
    )
    assert licence_plates("             ") == ()


def test_json_dict_spells_out_dates_and_bag_tags() -> None:
    data = bcbp_to_dict(parse_bcbp(BCBP_TWO_LEGS, date(2026, 8, 1)))
    assert data["legs"][0]["flight_date"] == "2026-08-14"
    assert data["issue_date"] == "2016-08-12"
    assert data["bag_tag_numbers"][0] == "0014123456"
    assert data["security"] == {"type": "1", "data": SIGNATURE}
