"""Coupon records (HQ's list, the open-basket journal) and the store coupon number:
round trips, named errors, and garbage that only ever raises the module's own error."""

from __future__ import annotations

import contextlib
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.checkout.coupons import coupon_of_scan
from kiosk.domain.gs1.coupon import (
    CouponError,
    NorthAmericanCoupon,
    PaperlessCoupon,
    Purchase,
    PurchaseRules,
    RequirementCode,
    encode_8110,
    encode_8112,
)
from kiosk.domain.gs1.scan import parse_scan
from kiosk.domain.gtin import BarcodeError
from kiosk.domain.offers.coupon_records import (
    coupon_from_record,
    coupon_offer_from_record,
    coupon_offer_to_record,
    coupon_to_record,
    family_from_record,
)
from kiosk.domain.offers.coupons import (
    CouponList,
    CouponOffer,
    CouponRefused,
    Requirement,
    SaveKind,
    coupon_from_8110,
    encode_store_coupon,
    store_coupon_code,
)
from kiosk.domain.offers.model import OfferError

TODAY = date(2026, 12, 5)
OFFER = CouponOffer(
    "8112:0614141:000777",
    "Soup 10% off",
    SaveKind.PERCENT_OFF,
    10,
    (Requirement(2, RequirementCode.UNITS, frozenset({"soup"})),
     Requirement(500, RequirementCode.CASH, company_prefix="0614141")),
    PurchaseRules.ALL,
    1,
    date(2026, 12, 1),
    date(2026, 12, 31),
)  # fmt: skip


def test_offer_and_coupon_records_round_trip() -> None:
    assert coupon_offer_from_record(coupon_offer_to_record(OFFER)) == OFFER
    parsed = NorthAmericanCoupon(
        "0614141", "654321", 25, Purchase(1, RequirementCode.UNITS, "120"),
        expiration="261231", serial="123456",
    )  # fmt: skip
    coupon = coupon_from_8110(parsed, TODAY, code="]e08110...")
    assert coupon_from_record(coupon_to_record(coupon)) == coupon


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"coupon_id": "8110:1:2"}, "coupon_id"),
        ({"save": "half"}, "save"),
        ({"value": -1}, "value"),
        ({"requirements": []}, "requirements"),
        ({"rules": "sometimes"}, "rules"),
        ({"applies_to": 5}, "applies_to"),
        ({"expires": "2026-11-30"}, "expires"),
        ({"starts": "yesterday"}, "starts"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_a_bad_offer_record_names_the_field(change: dict[str, Any], field: str) -> None:
    record = {**coupon_offer_to_record(OFFER), **change}
    with pytest.raises(OfferError, match=field) as caught:
        coupon_offer_from_record(record)
    assert "8112:0614141:000777" in str(caught.value) or field == "coupon_id"


def test_paperless_and_datamatrix_coupons_from_the_scan() -> None:
    listed = CouponList({OFFER.coupon_id: OFFER})
    value = encode_8112(PaperlessCoupon("0", "0614141", "000777", "1234567"))
    coupon = coupon_of_scan(parse_scan("]d2" + "8112" + value), listed, TODAY)
    assert coupon is not None
    assert (coupon.coupon_id, coupon.serial, coupon.save) == (
        OFFER.coupon_id,
        "1234567",
        OFFER.save,
    )
    with pytest.raises(CouponRefused):  # not on the store's list
        coupon_of_scan(parse_scan("]d2" + "8112" + value), CouponList(), TODAY)
    gs1 = "8110" + encode_8110(
        NorthAmericanCoupon("0614141", "654321", 25, Purchase(1, RequirementCode.UNITS, "120"))
    )
    from_datamatrix = coupon_of_scan(parse_scan("]d2" + gs1), CouponList(), TODAY)
    assert from_datamatrix is not None
    assert from_datamatrix.coupon_id == "8110:0614141:654321"
    with pytest.raises(CouponError):
        coupon_of_scan(parse_scan("]e0" + "8110" + "0123456"), CouponList(), TODAY)


def test_store_coupon_numbers() -> None:
    assert store_coupon_code("0" + encode_store_coupon("42", "7")) == ("00042", "00007")
    with pytest.raises(BarcodeError):
        store_coupon_code("0" + encode_store_coupon("42", "7")[:-1] + "0")  # wrong check digit


_json = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 10**8) | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=6)
    ),
    max_leaves=20,
)
_keys = st.sampled_from(
    ["coupon_id", "name", "save", "value", "requirements", "rules", "applies_to", "starts",
     "expires", "serial", "code", "amount", "skus", "company_prefix", "family"]
)  # fmt: skip


@given(st.dictionaries(_keys, _json, max_size=12) | _json)
def test_garbage_records_only_raise_offer_errors(record: Any) -> None:
    for parse in (coupon_offer_from_record, coupon_from_record, family_from_record):
        with contextlib.suppress(OfferError):
            parse(record)


@given(st.text(max_size=20))
def test_garbage_store_coupon_numbers_only_raise_barcode_errors(text: str) -> None:
    try:
        offer, serial = store_coupon_code(text)
    except BarcodeError:
        return
    assert len(offer) == 5
    assert len(serial) == 5
