"""In-store variable-measure codes: price check digits, rules, profiles, round trips."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.gs1.variable_measure import (
    PROFILES,
    Measure,
    VariableMeasureRule,
    decode,
    encode,
    match_rule,
    price_check_digit,
)
from kiosk.domain.gtin import BarcodeError, check_digit, is_valid_gtin


@pytest.mark.parametrize(
    ("value", "digit"),
    [
        ("2875", 9),  # GS1 General Specifications 7.9.4 worked example
        ("14685", 6),  # GS1 General Specifications 7.9.5 worked example
        ("0000", 0),
        ("00000", 0),
        ("0299", 6),  # 0 + 4 + 7 + 1 = 12, 3 x 12 = 36
        ("1000", 6),  # 2 + 0 + 0 + 0 = 2, 3 x 2 = 6
    ],
)
def test_price_check_digit(value: str, digit: int) -> None:
    assert price_check_digit(value) == digit


@pytest.mark.parametrize("value", ["", "123", "123456", "12a4"])
def test_price_check_digit_needs_4_or_5_digits(value: str) -> None:
    with pytest.raises(BarcodeError, match="4 or 5 digits"):
        price_check_digit(value)


@given(st.text(alphabet="0123456789", min_size=4, max_size=5), st.data())
def test_price_check_digit_catches_any_single_digit_change(value: str, data: st.DataObject) -> None:
    position = data.draw(st.integers(0, len(value) - 1))
    new_digit = data.draw(st.sampled_from([d for d in "0123456789" if d != value[position]]))
    changed = value[:position] + new_digit + value[position + 1 :]
    assert price_check_digit(changed) != price_check_digit(value)


US = VariableMeasureRule("02", Measure.PRICE, 5, 4, value_check=True)
ES_WEIGHT = VariableMeasureRule("28", Measure.WEIGHT, 5, 5)


def test_us_upc_a_price_code() -> None:
    # UPC-A 2 12345 C 0299 K: item 12345, $2.99 with its price check digit 6.
    code = encode(US, "12345", 299)
    assert code == "0212345602997"
    assert is_valid_gtin(code)
    measure = decode(code, US)
    assert (measure.item_reference, measure.value) == ("12345", 299)
    assert measure.lookup_gtin == "00212345000007"
    assert is_valid_gtin(measure.lookup_gtin)


def test_wrong_price_check_digit_is_refused() -> None:
    body = "021234530299"  # price check digit 3 instead of 6, final check digit recomputed
    code = body + str(check_digit(body))
    with pytest.raises(BarcodeError, match="price check digit 3 is wrong for 0299, expected 6"):
        decode(code, US)


def test_weight_code() -> None:
    code = encode(ES_WEIGHT, "00042", 1234)
    assert code.startswith("2800042012345"[:12])
    measure = decode(code, ES_WEIGHT)
    assert (measure.item_reference, measure.value) == ("00042", 1234)


def test_value_unit_scales() -> None:
    rule = VariableMeasureRule("23", Measure.PRICE, 5, 5, value_unit=100)
    assert decode(encode(rule, "11111", 1500), rule).value == 1500
    with pytest.raises(BarcodeError, match="does not fit"):
        encode(rule, "11111", 1550)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("2", Measure.PRICE, 5, 5), "not an in-store prefix"),
        (("30", Measure.PRICE, 5, 5), "not an in-store prefix"),
        (("2a", Measure.PRICE, 5, 5), "must be 1-4 digits"),
        (("21", Measure.PRICE, 5, 6), "= 13, must be 12"),
        (("21", Measure.PRICE, 3, 6, True), "4 or 5 value digits"),
        (("21", Measure.PRICE, 0, 10), "positive"),
    ],
)
def test_bad_rules(args: tuple[object, ...], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        VariableMeasureRule(*args)  # type: ignore[arg-type]


def test_longest_prefix_wins() -> None:
    rules = (ES_WEIGHT, VariableMeasureRule("281", Measure.PRICE, 4, 5))
    assert match_rule("2810000000000", rules) is rules[1]
    assert match_rule("2820000000000", rules) is rules[0]
    assert match_rule("2920000000000", rules) is None


@pytest.mark.parametrize("country", sorted(PROFILES))
def test_every_profile_round_trips(country: str) -> None:
    for rule in PROFILES[country]:
        item = "1" * rule.item_digits
        value = int("9" * rule.value_digits) * rule.value_unit
        code = encode(rule, item, value)
        assert len(code) == 13
        assert is_valid_gtin(code)
        assert match_rule(code, PROFILES[country]) is rule
        measure = decode(code, rule)
        assert (measure.item_reference, measure.value) == (item, value)


@given(st.sampled_from([r for rules in PROFILES.values() for r in rules]), st.data())
def test_encode_decode_round_trip(rule: VariableMeasureRule, data: st.DataObject) -> None:
    item = data.draw(
        st.text(alphabet="0123456789", min_size=rule.item_digits, max_size=rule.item_digits)
    )
    value = data.draw(st.integers(0, 10**rule.value_digits - 1)) * rule.value_unit
    measure = decode(encode(rule, item, value), rule)
    assert (measure.item_reference, measure.value) == (item, value)
    assert is_valid_gtin(measure.lookup_gtin)
