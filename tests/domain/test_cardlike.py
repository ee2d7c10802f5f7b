"""Card data at the item scanner is recognised in any spacing (and so never journaled or
sent to HQ), and card numbers are masked in text bound for a log."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.cardlike import looks_like_card_data, luhn_valid, redact_card_numbers


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
        ("5555 5555 5555 4444", True),  # as embossed
        ("5555-5555-5555-4444", True),
        ("5555  5555\t5555 4444", True),
        ("5555.5555.5555.4444", True),
        ("5555\u20135555\u20135555\u20134444", True),  # en dashes
        ("3782 822463 10005", True),  # Amex grouping
        ("]C05555 5555 5555 4444", True),  # behind a symbology identifier
        ("card: 5555 5555 5555 4444 exp 12/27", True),
        ("5555 5555 5555 4445", False),  # fails Luhn
        ("(01)08410000000016(3103)000450", False),  # GS1 in brackets is not joined up
        ("5555\n5555\n5555\n4444", False),  # line breaks end a number
        ("+34 612 345 678", False),  # a phone number: too few digits
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


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("got '5555 5555 5555 4444'", "got '************4444'"),
        ("5555-5555-5555-4444", "************4444"),
        ("pan=4111111111111111;", "pan=************1111;"),
        ("x04111111111111111y", "x*************1111y"),  # a card number inside a longer run
        ("EAN 4006381333931 and 8410000000016", "EAN 4006381333931 and 8410000000016"),
        ("at 2026-11-22 10:00:00, 0.95 EUR", "at 2026-11-22 10:00:00, 0.95 EUR"),
        ("************1234", "************1234"),
    ],
)
def test_card_numbers_are_masked_in_log_text(text: str, masked: str) -> None:
    assert redact_card_numbers(text) == masked


def _pan(body: str) -> str:
    """``body`` with the Luhn check digit appended."""
    return next(body + d for d in "0123456789" if luhn_valid(body + d))


SEPARATORS = st.sampled_from([" ", "  ", "-", ".", "/", "\t", " - ", "\u00a0", "_"])


@given(
    st.from_regex(r"\A[1-9][0-9]{14,17}\Z"),
    st.lists(st.integers(min_value=1, max_value=6), min_size=1, max_size=6),
    SEPARATORS,
    st.text(alphabet="abc :'\"=", max_size=5),
)
def test_a_card_number_in_any_grouping_is_refused_and_masked(
    body: str, sizes: list[int], separator: str, around: str
) -> None:
    pan = _pan(body)
    groups, rest = [], pan
    for size in sizes:
        if rest:
            groups.append(rest[:size])
            rest = rest[size:]
    if rest:
        groups.append(rest)
    written = around + separator.join(groups) + around
    assert looks_like_card_data(written)
    masked = redact_card_numbers(written)
    assert pan not in "".join(c for c in masked if c.isdigit())
    assert masked.count("*") == len(pan) - 4


@given(st.text(max_size=80))
def test_redaction_never_raises_and_leaves_no_card_number(text: str) -> None:
    assert not looks_like_card_data(redact_card_numbers(text))
