"""MaskedPan refuses anything but masked numbers; free text is redacted."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.payment.errors import MaskedPanError, TerminalProtocolError
from kiosk.payment.pan import MaskedPan, find_luhn_numbers, luhn_valid, redact_pans


@pytest.mark.parametrize(
    ("given_value", "stored"),
    [
        ("411111******1111", "411111******1111"),
        ("541333 **** 9999", "541333****9999"),
        ("************1234", "************1234"),
        ("XXXXXXXXXXXX1234", "************1234"),
        ("4111**", "4111**"),
    ],
)
def test_masked_forms_are_accepted_and_normalised(given_value: str, stored: str) -> None:
    assert MaskedPan(given_value).value == stored


@pytest.mark.parametrize(
    "value",
    [
        "4111111111111111",  # a full number
        "4111111*****11111",  # 7 leading digits
        "411111*****11111",  # 5 trailing digits
        "411111**1*111111",  # a digit inside the mask
        "1234",  # nothing masked
        "",
        "41111a******1111",
    ],
)
def test_anything_showing_too_much_is_refused_without_echoing_it(value: str) -> None:
    with pytest.raises(MaskedPanError) as caught:
        MaskedPan(value)
    if len(value) > 10:
        assert value not in str(caught.value)


@given(st.text(alphabet="0123456789* X", max_size=40))
def test_a_masked_pan_never_shows_more_than_ten_digits(value: str) -> None:
    try:
        pan = MaskedPan(value)
    except MaskedPanError:
        return
    assert sum(c.isdigit() for c in pan.value) <= 10


def test_redaction_masks_card_like_numbers_in_text() -> None:
    text = "card 4111 1111 1111 1111 ok, ref 12345"
    assert redact_pans(text) == "card ************1111 ok, ref 12345"
    assert not find_luhn_numbers(redact_pans(text))


def test_luhn() -> None:
    assert luhn_valid("79927398713")
    assert not luhn_valid("79927398710")
    assert find_luhn_numbers("x 4111111111111111 y 4111111111111112") == ["4111111111111111"]


def test_payment_error_messages_are_redacted() -> None:
    error = TerminalProtocolError("MessageCategory: unsupported '4111 1111 1111 1111'")
    assert "1111 1111" not in str(error)
    assert str(error).endswith("************1111'")
