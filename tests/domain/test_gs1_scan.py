"""parse_scan: AIM identifiers, GTINs, in-store codes, GS1 data, other codes and garbage."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.gs1 import (
    BarcodeError,
    ScanKind,
    ScanResult,
    ScanRules,
    Symbology,
    parse_scan,
    scan_to_dict,
    split_symbology,
)
from kiosk.domain.gs1.scan import CouponNotAccepted, product_code
from kiosk.domain.gtin import NotAProductCode, is_valid_gtin

TODAY = date(2026, 11, 22)
ES = ScanRules.for_country("es")
US = ScanRules.for_country("us", "USD")
GS = "\x1d"


@pytest.mark.parametrize(
    ("raw", "aim", "symbology", "gs1", "rest"),
    [
        ("]E04006381333931", "]E0", Symbology.EAN_UPC, False, "4006381333931"),
        ("]E496385074", "]E4", Symbology.EAN8, False, "96385074"),
        ("]C1010950", "]C1", Symbology.GS1_128, True, "010950"),
        ("]C0ABC", "]C0", Symbology.CODE128, False, "ABC"),
        ("]e00109", "]e0", Symbology.GS1_DATABAR, True, "0109"),
        ("]Q3x", "]Q3", Symbology.GS1_QR, True, "x"),
        ("]Q1x", "]Q1", Symbology.QR, False, "x"),
        ("]d2x", "]d2", Symbology.GS1_DATAMATRIX, True, "x"),
        ("]d1x", "]d1", Symbology.DATAMATRIX, False, "x"),
        ("]L0x", "]L0", Symbology.PDF417, False, "x"),
        ("]L2x", "]L2", Symbology.PDF417, False, "x"),
        ("]z0x", "]z0", Symbology.AZTEC, False, "x"),
        ("]z1x", "]z1", Symbology.GS1_AZTEC, True, "x"),
        ("]I1x", "]I1", Symbology.ITF, False, "x"),
        ("]A0x", "]A0", Symbology.CODE39, False, "x"),
        ("]X0x", "]X0", Symbology.OTHER, False, "x"),
        ("]E", "", Symbology.UNKNOWN, False, "]E"),
        ("]!0x", "", Symbology.UNKNOWN, False, "]!0x"),
        ("4006381333931", "", Symbology.UNKNOWN, False, "4006381333931"),
    ],
)
def test_split_symbology(raw: str, aim: str, symbology: Symbology, gs1: bool, rest: str) -> None:
    ident, data = split_symbology(raw)
    assert (ident.aim, ident.symbology, ident.gs1, data) == (aim, symbology, gs1, rest)


GTIN_SCANS = [
    ("]E04006381333931\r\n", Symbology.EAN_UPC, "04006381333931", None),
    ("]E0036000291452", Symbology.EAN_UPC, "00036000291452", None),
    ("]E004252614", Symbology.EAN_UPC, "00042100005264", None),  # 8 digits under ]E0: UPC-E
    ("]E496385074", Symbology.EAN8, "00000096385074", None),
    ("]E3978030640615752495", Symbology.EAN_ADDON, "09780306406157", "52495"),
    ("]E3978030640615712", Symbology.EAN_ADDON, "09780306406157", "12"),
    ("]I110614141000415", Symbology.ITF, "10614141000415", None),
    ("4006381333931", Symbology.UNKNOWN, "04006381333931", None),
    ("96385074", Symbology.UNKNOWN, "00000096385074", None),  # valid EAN-8 first
    ("04252614\n", Symbology.UNKNOWN, "00042100005264", None),  # else UPC-E
    ("2999999999991", Symbology.UNKNOWN, "02999999999991", None),  # no rule for 29 in US
]


@pytest.mark.parametrize(("raw", "symbology", "gtin14", "addon"), GTIN_SCANS)
def test_gtin_scans(raw: str, symbology: Symbology, gtin14: str, addon: str | None) -> None:
    result = parse_scan(raw, US)
    assert (result.kind, result.symbology, result.gtin14, result.addon) == (
        ScanKind.GTIN,
        symbology,
        gtin14,
        addon,
    )


# (raw, rules, (item reference, price, currency, weight, lookup GTIN-14))
VARIABLE_MEASURE_SCANS = [
    ("]E02012345012349", ES, ("12345", 1234, "EUR", None, "02012345000001")),
    ("2800042015004", ES, ("00042", None, None, 1500, "02800042000000")),
    ("]E0212345602997", US, ("12345", 299, "USD", None, "00212345000007")),  # UPC-A NS 2
    ("]E00212345602997", US, ("12345", 299, "USD", None, "00212345000007")),  # as EAN-13
    ("2112349019990", ScanRules.for_country("de"), ("1234", 1999, "EUR", None, "02112340000003")),
]


@pytest.mark.parametrize(("raw", "rules", "expected"), VARIABLE_MEASURE_SCANS)
def test_variable_measure_scans(raw: str, rules: ScanRules, expected: tuple[object, ...]) -> None:
    result = parse_scan(raw, rules)
    assert result.kind is ScanKind.VARIABLE_MEASURE
    fields = (result.item_reference, result.price_minor, result.currency, result.weight_g)
    assert (*fields, result.gtin14) == expected
    assert result.gtin14 is not None
    assert is_valid_gtin(result.gtin14)


def test_in_store_code_without_rules_is_a_plain_gtin() -> None:
    result = parse_scan("2012345012349", ScanRules.for_country("none"))
    assert (result.kind, result.gtin14) == (ScanKind.GTIN, "02012345012349")


E = "09506000134352"
# (raw, (symbology, gtin14, weight_g, price_minor, currency))
GS1_SCANS = [
    (f"]C101{E}1727120010ABC{GS}2112345", (Symbology.GS1_128, E, None, None, None)),
    ("]e001" + E + "3103000195392200599", (Symbology.GS1_DATABAR, E, 195, 599, "EUR")),
    (f"]d2{GS}01{E}17271231", (Symbology.GS1_DATAMATRIX, E, None, None, None)),
    (f"]Q301{E}10ABC", (Symbology.GS1_QR, E, None, None, None)),
    (f"(01){E}(3932)84001999", (Symbology.UNKNOWN, E, None, 1999, "USD")),
    ("(01)95012345678903(3202)000100", (Symbology.UNKNOWN, "95012345678903", 454, None, None)),
    ("(01)95012345678903(3104)000195", (Symbology.UNKNOWN, "95012345678903", 20, None, None)),
    ("(01)95012345678903(3923)01235", (Symbology.UNKNOWN, "95012345678903", None, 124, "EUR")),
    ("(00)106141412345678908", (Symbology.UNKNOWN, None, None, None, None)),
    (f"{GS}01{E}", (Symbology.UNKNOWN, E, None, None, None)),
    (f"01{E}", (Symbology.UNKNOWN, E, None, None, None)),
    (f"01{E}10ABC", (Symbology.UNKNOWN, E, None, None, None)),
    (f"10ABC{GS}01{E}", (Symbology.UNKNOWN, E, None, None, None)),
    (f"]Q1https://id.gs1.org/01/{E}/10/ABC?3103=000500", (Symbology.QR, E, 500, None, None)),
    (f"https://example.com/01/{E}", (Symbology.UNKNOWN, E, None, None, None)),
]


@pytest.mark.parametrize(("raw", "expected"), GS1_SCANS)
def test_gs1_scans(raw: str, expected: tuple[object, ...]) -> None:
    result = parse_scan(raw, ES, today=TODAY)
    assert result.kind is ScanKind.GS1
    fields = (result.symbology, result.gtin14, result.weight_g, result.price_minor)
    assert (*fields, result.currency) == expected
    assert result.elements


@pytest.mark.parametrize(
    ("raw", "symbology"),
    [
        ("]C0STAFF-0017", Symbology.CODE128),
        ("]Q1https://example.com/menu", Symbology.QR),
        ("]Q1https://example.com/blog/01/intro", Symbology.QR),
        ("]L2M1DOE/JOHN            EABC123 MADLHRIB 3166 326Y012A0025 100", Symbology.PDF417),
        ("]E112", Symbology.EAN_ADDON),
        ("STAFF-0017", Symbology.UNKNOWN),
        ("12345", Symbology.UNKNOWN),
        ("123456789012345678901", Symbology.UNKNOWN),  # (12) with month 56: not GS1
        ("12AB-CDEF-GHIJ-KLMN", Symbology.UNKNOWN),
        ("[)>\x1e06\x1dX", Symbology.UNKNOWN),  # ISO 15434 envelope: not GS1 here
        ("]I112345", Symbology.ITF),
        ("]d1line1\nline2\x1e", Symbology.DATAMATRIX),
    ],
)
def test_other_scans(raw: str, symbology: Symbology) -> None:
    result = parse_scan(raw, ES)
    assert (result.kind, result.symbology) == (ScanKind.OTHER, symbology)
    assert "data" not in scan_to_dict(result)
    assert scan_to_dict(result, include_other_data=True)["data"] == result.data


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "empty scan"),
        ("\r\n", "empty scan"),
        ("]E0", "empty scan after ]E0"),
        ("]E0abc", "must be digits"),
        ("]E012345", "8 \\(UPC-E\\), 12 or 13 digits"),
        ("]E404252614", "check digit 4 is wrong, expected 0"),  # a UPC-E is not an EAN-8
        ("]E496385075", "check digit"),
        ("]E31234", "add-on has 4 digits"),
        ("]E397803064061502", "check digit"),
        ("]C12312", "no GS1 application identifier"),
        ("]e0", "empty scan"),
        ("]d2hello", "no GS1 application identifier"),
        ("4006381333932", "check digit 2 is wrong, expected 1"),
        ("96385075", "GTIN '96385075': check digit 5 is wrong, expected 4"),  # not "UPC-E"
        ("04252615", "GTIN '04252615': check digit 5 is wrong, expected 0"),
        (f"0109506000134352{GS}23", "no GS1 application identifier at position 17"),
        ("(01)09506000134353", "check digit 3 of 09506000134353"),
        ("]Q1https://id.gs1.org/01/09506000134353", "check digit"),
        ("]E02012345012348", "check digit"),
        ("]E00212345302996", "price check digit 3 is wrong"),
    ],
)
def test_garbled_scans_name_the_problem(raw: str, message: str) -> None:
    rules = US if "0212345" in raw else ES
    with pytest.raises(BarcodeError, match=message):
        parse_scan(raw, rules, today=TODAY)


def test_scan_rules_refuse_unknown_country_and_currency() -> None:
    with pytest.raises(ValueError, match="no barcode profile for 'xx'"):
        ScanRules.for_country("xx")
    with pytest.raises(ValueError, match="unknown currency"):
        ScanRules((), "XXX")


def test_scan_to_dict_is_json_ready() -> None:
    result = parse_scan("(01)09506000134352(17)271200(3103)000195", ES, today=TODAY)
    assert scan_to_dict(result) == {
        "kind": "gs1",
        "symbology": "unknown",
        "data": "(01)09506000134352(17)271200(3103)000195",
        "gtin14": "09506000134352",
        "weight_g": 195,
        "elements": [
            {"ai": "01", "title": "GTIN", "value": "09506000134352"},
            {"ai": "17", "title": "USE BY or EXPIRY", "value": "271200", "date": "2027-12-31"},
            {"ai": "3103", "title": "NET WEIGHT (kg)", "value": "000195", "amount": "0.195"},
        ],
        "hri": "(01)09506000134352(17)271200(3103)000195",
    }


AIMS = [
    "",
    "]E0",
    "]E1",
    "]E2",
    "]E3",
    "]E4",
    "]C0",
    "]C1",
    "]e0",
    "]Q1",
    "]Q3",
    "]d1",
    "]d2",
    "]L0",
    "]z0",
    "]z1",
    "]I1",
    "]X9",
    "]",
]
GS1ISH = st.text(alphabet="0123456789()\x1dABC-/%=?&:.htps", max_size=60)
URLISH = st.builds(
    lambda path, query: f"https://id.gs1.org/{path}?{query}",
    st.text(alphabet="0123456789/%AB", max_size=40),
    st.text(alphabet="0123456789=&%A", max_size=20),
)


def _check(result: ScanResult) -> None:
    assert isinstance(result, ScanResult)
    if result.gtin14 is not None and result.kind is not ScanKind.GS1:
        assert is_valid_gtin(result.gtin14)
    scan_to_dict(result)


@given(
    st.sampled_from(AIMS),
    st.one_of(st.text(max_size=60), GS1ISH, URLISH),
    st.sampled_from([ES, US, ScanRules.for_country("de")]),
    st.one_of(st.none(), st.dates()),
)
def test_garbage_gives_a_result_or_a_barcode_error(
    aim: str, body: str, rules: ScanRules, today: date | None
) -> None:
    try:
        result = parse_scan(aim + body, rules, today=today)
    except BarcodeError as error:
        problem = str(error)
    else:
        _check(result)
        return
    assert problem


@given(st.sampled_from(AIMS), st.text(alphabet="0123456789", min_size=1, max_size=20))
def test_digit_garbage(aim: str, digits: str) -> None:
    try:
        result = parse_scan(aim + digits, ES, today=TODAY)
    except BarcodeError as error:
        problem = str(error)
    else:
        _check(result)
        return
    assert problem


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("]E04006381333931", "04006381333931"),
        ("]C1010950110153000317261231\x1d10ABC123", "09501101530003"),
        ("4011", "4011"),  # a PLU picked on the produce screen
        ("]C08410000000016", "8410000000016"),  # a GTIN in a plain Code 128: the catalog checks
    ],
)
def test_product_code_of_product_scans(raw: str, code: str) -> None:
    assert product_code(parse_scan(raw, today=TODAY)) == code


@pytest.mark.parametrize(
    "raw",
    [
        "ABC-123",
        "https://example.com/menu?table=4",
        "]C100106141411234567897",  # SSCC: a pallet
        "]E212345",  # an EAN add-on alone
        "12345678901",
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    ],
)
def test_codes_that_name_no_product_say_so_without_their_data(raw: str) -> None:
    result = parse_scan(raw, today=TODAY)
    with pytest.raises(NotAProductCode) as caught:
        product_code(result)
    assert result.data not in str(caught.value)


@pytest.mark.parametrize(
    ("aim", "code"),
    [
        ("]E0", "4006381333931"),
        ("]C1", "0104012345123456\x1d3103000750"),
        ("]Q3", "0104012345123456"),
        ("]A0", "ABC-123"),
    ],
)
def test_an_identifier_split_off_by_the_driver_parses_as_if_it_were_still_attached(
    aim: str, code: str
) -> None:
    def outcome(**kw: str) -> object:
        try:
            return parse_scan(**kw)  # type: ignore[arg-type]
        except BarcodeError as error:
            return str(error)

    assert outcome(raw=code, aim=aim) == outcome(raw=aim + code)


@pytest.mark.parametrize(
    ("code", "coupon"),
    [
        ("9912345678909", True),  # GS1 prefix 99: a coupon
        ("]E09812345678902", True),  # 981-984: common-currency coupons
        ("]C10110991234567896", False),  # a GTIN-14 with indicator 1: not an EAN-13 coupon
        ("4006381333931", False),  # an ordinary EAN-13
        ("96385074", False),  # an EAN-8
    ],
)
def test_coupon_numbers_name_no_product(code: str, coupon: bool) -> None:
    result = parse_scan(code)
    if coupon:
        with pytest.raises(CouponNotAccepted, match="coupon prefix") as refused:
            product_code(result)
        assert isinstance(refused.value, NotAProductCode)  # every caller already handles it
        assert refused.value.message_key == "scan.coupon_not_accepted"
        assert result.data[-13:] not in str(refused.value)  # the message never quotes it
    else:
        assert product_code(result) == result.gtin14
