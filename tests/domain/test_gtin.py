"""GTIN check digits, UPC-E expansion/compression and GTIN-14 normalisation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.gtin import (
    BarcodeError,
    check_digit,
    compress_upca,
    expand_upce,
    is_valid_gtin,
    to_gtin14,
)

# Published codes: GS1 example GTINs (950 = GS1 Global Office), GS1 US examples
# (0614141...), the EAN-8 and UPC-A examples of ISO/IEC 15420 tutorials.
VALID = [
    "4006381333931",
    "9506000134352",
    "5901234123457",
    "036000291452",
    "012345678905",
    "96385074",
    "00614141000418",
    "10614141000415",
    "95012345678903",
]


@pytest.mark.parametrize("code", VALID)
def test_published_gtins_are_valid(code: str) -> None:
    assert is_valid_gtin(code)
    assert to_gtin14(code) == code.zfill(14)


@pytest.mark.parametrize("code", VALID)
def test_any_changed_digit_breaks_the_check(code: str) -> None:
    for position in range(len(code)):
        wrong = str((int(code[position]) + 1) % 10)
        assert not is_valid_gtin(code[:position] + wrong + code[position + 1 :])


@pytest.mark.parametrize(
    ("body", "digit"),
    [
        ("400638133393", 1),
        ("950600013435", 2),
        ("9638507", 4),
        ("1061414100041", 5),
        ("10614141123456789", 7),
    ],
)
def test_check_digit(body: str, digit: int) -> None:
    assert check_digit(body) == digit


@pytest.mark.parametrize("body", ["", "12a", "١٢٣"])
def test_check_digit_refuses_non_digits(body: str) -> None:
    with pytest.raises(BarcodeError, match="digits"):
        check_digit(body)


@pytest.mark.parametrize(
    ("upce", "upca"),
    [
        ("04252614", "042100005264"),  # last digit 2: M1 M2 M3 0000 P3 P4 P5
        ("01234565", "012345000065"),  # last digit 5-9
        ("01234531", "012300000451"),  # last digit 3 (computed check digit)
        ("01234543", "012340000053"),  # last digit 4 (computed check digit)
    ],
)
def test_expand_upce(upce: str, upca: str) -> None:
    assert is_valid_gtin(upca)
    assert expand_upce(upce) == upca
    assert expand_upce(compress_upca(upca) or "") == upca


@pytest.mark.parametrize(
    ("code", "message"),
    [("2425261", "8 digits"), ("24252614", "number system"), ("04252615", "check digit")],
)
def test_expand_upce_errors(code: str, message: str) -> None:
    with pytest.raises(BarcodeError, match=message):
        expand_upce(code)


def test_to_gtin14_upce_only_when_allowed() -> None:
    assert to_gtin14("04252614", allow_upce=True) == "00042100005264"
    with pytest.raises(BarcodeError, match="check digit 4 is wrong, expected 0"):
        to_gtin14("04252614")


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("", "digits only"),
        ("12345", "8, 12, 13 or 14"),
        ("4006381333932", "expected 1"),
        ("40063813339x1", "digits only"),
    ],
)
def test_to_gtin14_errors(code: str, message: str) -> None:
    with pytest.raises(BarcodeError, match=message):
        to_gtin14(code)


def test_compress_refuses_codes_without_short_form() -> None:
    assert compress_upca("036000291452") is None
    with pytest.raises(BarcodeError):
        compress_upca("036000291453")


@given(st.text(alphabet="0123456789", min_size=11, max_size=11))
def test_compress_round_trips(body: str) -> None:
    upca = body + str(check_digit(body))
    upce = compress_upca(upca)
    if upce is not None:
        assert expand_upce(upce) == upca


@given(st.text(alphabet="0123456789", min_size=6, max_size=6), st.sampled_from("01"))
def test_every_upce_expands_to_a_valid_upca(middle: str, system: str) -> None:
    body = system + middle
    # the UPC-E check digit is the UPC-A's: find it by expanding with each candidate
    for candidate in "0123456789":
        try:
            upca = expand_upce(body + candidate)
        except BarcodeError:
            continue
        assert is_valid_gtin(upca)
        assert expand_upce(compress_upca(upca) or "") == upca
        return
    pytest.fail(f"no check digit makes {body} a UPC-E")


@given(st.text(max_size=20))
def test_to_gtin14_garbage(text: str) -> None:
    try:
        result = to_gtin14(text, allow_upce=True)
    except BarcodeError:
        return
    assert len(result) == 14
    assert is_valid_gtin(result)
