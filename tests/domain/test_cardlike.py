"""Card data at the item scanner is recognised (and so never journaled or sent to HQ)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.cardlike import looks_like_card_data, luhn_valid


@pytest.mark.parametrize(
    ("text", "card"),
    [
        ("4111111111111111", True),  # test Visa
        ("5555555555554444", True),  # test Mastercard
        ("378282246310005", True),  # test Amex, 15 digits
        ("%B4111111111111111^DOE/JOHN^25121010000000000000?", True),  # track 1
        (";4111111111111111=25121010000000000000?", True),  # track 2
        ("4111111111111112", False),  # fails Luhn
        ("4006381333931", False),  # EAN-13
        ("]E04006381333932", False),  # misread EAN-13 (wrong check digit)
        ("]C1" + "00" + "106141411234567897", False),  # GS1-128 SSCC
        ("STF-0042", False),  # staff badge
        ("", False),
    ],
)
def test_card_like_text(text: str, card: bool) -> None:
    assert looks_like_card_data(text) is card


def test_luhn() -> None:
    assert luhn_valid("79927398713")
    assert not luhn_valid("79927398710")


@given(st.text(max_size=60))
def test_garbage_never_raises(text: str) -> None:
    assert looks_like_card_data(text) in (True, False)
