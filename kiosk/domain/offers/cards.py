"""Loyalty cards: the number format, read from a scan or typed, never a payment card.

Format (ours): 13 digits, ``29`` then 10 digits, the last a GS1 mod-10 check digit:
an EAN-13 in GS1's prefix 2 range for in-store use, so a card prints as an ordinary
barcode and no GTIN can be mistaken for it. Typed numbers may carry blanks or dashes
between groups ("2900 1234 5678 9"); they are removed before checking.

Anything that looks like payment-card data (15-19 digits, track data, a Luhn-valid
number printed in groups: :func:`kiosk.domain.cardlike.looks_like_card_data`) is
refused with an error that does not repeat the digits (DESIGN.md invariant 6).
"""

from __future__ import annotations

import re

from kiosk.domain.cardlike import looks_like_card_data
from kiosk.domain.gtin import check_digit

CARD_PREFIX = "29"
CARD_LENGTH = 13
_SEPARATORS = re.compile(r"[ \-]")


class LoyaltyCardError(ValueError):
    """Text that is not a loyalty card number; the message says what is wrong."""


class PaymentCardRefused(LoyaltyCardError):
    """The text looks like a payment card: it is not kept, logged or echoed."""


def parse_loyalty_card(text: str) -> str:
    """The card number in ``text`` (13 digits), or an error naming the problem.

    Raises:
        PaymentCardRefused: if the text looks like a payment card.
        LoyaltyCardError: if it is not ``29`` + 10 digits + a valid check digit.
    """
    if looks_like_card_data(text):
        raise PaymentCardRefused("this looks like a payment card, not a loyalty card")
    digits = _SEPARATORS.sub("", text.strip())
    if len(digits) == CARD_LENGTH + 1 and digits.startswith("0" + CARD_PREFIX):
        digits = digits[1:]  # scanned and normalised to GTIN-14
    if not digits.isascii() or not digits.isdigit():
        raise LoyaltyCardError("a loyalty card number has only digits")
    if len(digits) != CARD_LENGTH:
        if len(digits) > CARD_LENGTH:
            raise PaymentCardRefused("too many digits for a loyalty card (payment card?)")
        raise LoyaltyCardError(f"a loyalty card number has {CARD_LENGTH} digits, got {len(digits)}")
    if not digits.startswith(CARD_PREFIX):
        raise LoyaltyCardError(f"a loyalty card number starts with {CARD_PREFIX}")
    if check_digit(digits[:-1]) != int(digits[-1]):
        raise LoyaltyCardError("the check digit of the loyalty card number is wrong")
    return digits


def is_loyalty_card(text: str) -> bool:
    """True if ``text`` is a well-formed loyalty card number (see the module docstring)."""
    try:
        parse_loyalty_card(text)
    except LoyaltyCardError:
        return False
    return True


def masked_card(number: str) -> str:
    """The card number as receipts and logs show it: the last four digits."""
    return "*" * max(0, len(number) - 4) + number[-4:]


__all__ = [
    "CARD_PREFIX",
    "LoyaltyCardError",
    "PaymentCardRefused",
    "is_loyalty_card",
    "masked_card",
    "parse_loyalty_card",
]
