"""AI 8110 / 8112 coupon parser: published examples, named errors, garbage and round trips."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.gs1.coupon import (
    CouponError,
    NorthAmericanCoupon,
    PaperlessCoupon,
    Purchase,
    PurchaseRules,
    RequirementCode,
    SaveValueCode,
    encode_8110,
    encode_8112,
    parse_8110,
    parse_8112,
)
from kiosk.domain.gtin import BarcodeError


def test_save_250_on_any_one_item_example() -> None:
    # The GS1 DataBar coupon example "save $2.50 when you buy any one item, exp. 31 Jan 2014"
    coupon = parse_8110("1061414165432132501101203140131")
    assert coupon.company_prefix == "0614141"
    assert coupon.offer_code == "654321"
    assert coupon.save_value == 250
    assert coupon.primary == Purchase(1, RequirementCode.UNITS, "120")
    assert coupon.expiration == "140131"
    assert coupon.expires_on(date(2014, 1, 1)) == date(2014, 1, 31)
    assert coupon.save_value_code is SaveValueCode.CENTS_OFF
    assert coupon.serial is None


def test_every_optional_field() -> None:
    value = (
        "0123456"
        "654321"
        "3250"
        "11"
        "0"
        "120"  # prefix, offer, save 2.50, 1 unit, family 120
        "1"
        "1"
        "13"
        "0"
        "850"
        "9"  # AND: 3 units of family 850, primary company
        "2"
        "2"
        "12"
        "1"
        "900"
        "1"
        "7654321"  # third: 12 cents of family 900, company 7654321
        "3"
        "261231"
        "4"
        "260101"  # expiry, start
        "5"
        "2"
        "12345678"  # serial of 8 digits
        "6"
        "1"
        "0614141"  # retailer prefix
        "9"
        "2"
        "1"
        "0"
        "1"  # percent off, applies to the second purchase, don't multiply
    )
    coupon = parse_8110(value)
    assert coupon.rules is PurchaseRules.ALL
    assert coupon.second == Purchase(3, RequirementCode.UNITS, "850", None)
    assert coupon.third == Purchase(12, RequirementCode.CASH, "900", "7654321")
    assert (coupon.expiration, coupon.start) == ("261231", "260101")
    assert coupon.serial == "12345678"
    assert coupon.retailer == "0614141"
    assert coupon.save_value_code is SaveValueCode.PERCENT_OFF
    assert coupon.applies_to == 1
    assert coupon.dont_multiply
    assert encode_8110(coupon) == value


B = "012345612345611110123"  # the linter's shortest valid coupon code


@pytest.mark.parametrize(
    ("value", "kind", "position"),
    [
        ("", "missing_gcp_vli", 0),
        ("a12345612345611110123", "non_digit_character", 0),
        ("71234567890123", "invalid_gcp_length", 0),
        ("012345", "truncated_gcp", 1),
        ("0123456123", "truncated_offer_code", 7),
        ("0123456123456", "missing_save_value_vli", 13),
        ("01234561234560", "invalid_save_value_length", 13),
        ("012345612345621", "truncated_save_value", 14),
        ("012345612345611", "missing_1st_purchase_requirement_vli", 15),
        ("0123456123456116", "invalid_1st_purchase_requirement_length", 15),
        ("01234561234561111", "missing_1st_purchase_requirement_code", 17),
        ("012345612345611115", "invalid_1st_purchase_requirement_code", 17),
        ("01234561234561111012", "truncated_1st_purchase_family_code", 18),
        (B + "1", "missing_additional_purchase_rules_code", 22),
        (B + "14", "invalid_additional_purchase_rules_code", 22),
        (B + "101101237", "invalid_2nd_purchase_gcp_length", 29),
        (B + "211012", "truncated_3rd_purchase_family_code", 25),
        (B + "313", "too_short_for_expiration_date", 22),
        (B + "3131399", "invalid_expiration_date", 22),
        (B + "326123142613", "too_short_for_start_date", 29),
        (B + "32601014261231", "expiration_before_start", 21),
        (B + "4260230", "invalid_start_date", 22),
        (B, None, None),
        (B + "5", "missing_serial_number_vli", 22),
        (B + "50123", "truncated_serial_number", 23),
        (B + "68", "invalid_retailer_gcp_or_gln_length", 22),
        (B + "93", "invalid_save_value_code", 22),
        (B + "903", "invalid_save_value_applies_to_item", 23),
        (B + "9000", "missing_dont_multiply_flag", 25),
        (B + "90002", "invalid_dont_multiply_flag", 25),
        (B + "7", "excess_data", 21),
        (B + "3261231101101239", "excess_data", 28),
    ],
)
def test_named_errors_with_their_position(
    value: str, kind: str | None, position: int | None
) -> None:
    if kind is None:
        parse_8110(value)
        return
    with pytest.raises(CouponError) as caught:
        parse_8110(value)
    assert (caught.value.kind, caught.value.position) == (kind, position)
    assert isinstance(caught.value, BarcodeError)
    assert str(position) in str(caught.value)


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("", "missing_format_code"),
        ("201234561234560123456", "invalid_format_code"),
        ("0", "missing_funder_vli"),
        ("07", "invalid_funder_length"),
        ("0012345", "truncated_funder"),
        ("0012345612345", "truncated_offer_code"),
        ("00123456123456", "missing_serial_number_vli"),
        ("0012345612345612", "truncated_serial_number"),
        ("0012345612345601234567", "excess_data"),
        ("00123456123456012345a", "non_digit_character"),
    ],
)
def test_8112_named_errors(value: str, kind: str) -> None:
    with pytest.raises(CouponError) as caught:
        parse_8112(value)
    assert caught.value.kind == kind


def test_8112_published_shapes() -> None:
    assert parse_8112("001234561234560123456") == PaperlessCoupon("0", "123456", "123456", "123456")
    longest = parse_8112("061234567890121234569123456789012345")
    assert longest.funder == "123456789012"
    assert longest.serial == "123456789012345"


def _garbage_8110(text: str) -> None:
    try:
        coupon = parse_8110(text)
    except CouponError as error:
        position = error.position
        assert 0 <= position <= len(text)
    else:
        assert parse_8110(encode_8110(coupon)) == coupon


@given(st.text(max_size=80))
def test_garbage_8110_is_a_coupon_error_or_a_coupon(text: str) -> None:
    _garbage_8110(text)


@given(st.text(alphabet="0123456789", max_size=80))
def test_garbage_digits_8110(text: str) -> None:
    _garbage_8110(text)


@given(st.text(max_size=60))
def test_garbage_8112(text: str) -> None:
    try:
        coupon = parse_8112(text)
    except CouponError as error:
        position = error.position
        assert 0 <= position <= len(text)
    else:
        assert encode_8112(coupon) == text


def _digits(low: int, high: int) -> st.SearchStrategy[str]:
    return st.integers(low, high).flatmap(
        lambda n: st.text(alphabet="0123456789", min_size=n, max_size=n)
    )


def _purchases(with_prefix: bool) -> st.SearchStrategy[Purchase]:
    return st.builds(
        Purchase,
        st.integers(0, 99_999),
        st.sampled_from(RequirementCode),
        _digits(3, 3),
        st.one_of(st.none(), _digits(6, 12)) if with_prefix else st.none(),
    )


_dates = st.dates(date(2000, 1, 1), date(2099, 12, 31)).map(lambda d: d.strftime("%y%m%d"))


@st.composite
def coupons(draw: st.DrawFn) -> NorthAmericanCoupon:
    second = draw(st.one_of(st.none(), _purchases(True)))
    expiration = draw(st.one_of(st.none(), _dates))
    start = draw(st.one_of(st.none(), _dates))
    if expiration is not None and start is not None and start > expiration:
        start, expiration = expiration, start
    misc = draw(st.booleans())
    return NorthAmericanCoupon(
        company_prefix=draw(_digits(6, 12)),
        offer_code=draw(_digits(6, 6)),
        save_value=draw(st.integers(0, 99_999)),
        primary=draw(_purchases(False)),
        rules=draw(st.sampled_from(PurchaseRules)) if second is not None else None,
        second=second,
        third=draw(st.one_of(st.none(), _purchases(True))),
        expiration=expiration,
        start=start,
        serial=draw(st.one_of(st.none(), _digits(6, 15))),
        retailer=draw(st.one_of(st.none(), _digits(7, 13))),
        save_value_code=draw(st.sampled_from(SaveValueCode)) if misc else SaveValueCode.CENTS_OFF,
        applies_to=draw(st.integers(0, 2)) if misc else 0,
        store_coupon_flag=draw(_digits(1, 1)) if misc else "0",
        dont_multiply=draw(st.booleans()) if misc else False,
    )


@given(coupons())
def test_encode_then_parse_is_the_coupon(coupon: NorthAmericanCoupon) -> None:
    assert parse_8110(encode_8110(coupon)) == coupon


@given(
    st.builds(PaperlessCoupon, st.sampled_from("01"), _digits(6, 12), _digits(6, 6), _digits(6, 15))
)
def test_encode_then_parse_8112(coupon: PaperlessCoupon) -> None:
    assert parse_8112(encode_8112(coupon)) == coupon
