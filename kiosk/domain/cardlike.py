"""Recognise payment-card data that reached a barcode scanner, so it is never kept.

A shopper may swipe or scan a card at the item scanner; a magnetic-stripe or
keyboard-wedge reader then sends track data, and some scanners read the
embossed number. Such text must not become an "unknown item" (whose code is
journaled, audited and sent to HQ): DESIGN.md invariant 6.
"""

from __future__ import annotations

import re

_TRACK = re.compile(r"%B\d{12,19}\^|;\d{12,19}=")
# 15-19 digits: today's card numbers. Shorter runs are left alone, because a misread
# EAN-13 or ITF-14 passes the Luhn check one time in ten and must stay "unreadable".
_DIGIT_RUN = re.compile(r"(?<!\d)\d{15,19}(?!\d)")


def luhn_valid(digits: str) -> bool:
    """True if ``digits`` passes the Luhn (mod 10) check used by card numbers."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def looks_like_card_data(text: str) -> bool:
    """True for track data, or a 15-19 digit Luhn-valid run (not inside GS1 data)."""
    if _TRACK.search(text):
        return True
    if text.startswith(("]C1", "]e0", "]d2", "]Q3", "]J1")) or "\x1d" in text:
        return False  # GS1 element strings hold long numbers (SSCC, GSIN) by design
    return any(luhn_valid(m.group(0)) for m in _DIGIT_RUN.finditer(text))
