"""Masking of card-number-like digit runs in free text (no other kiosk imports).

Used on everything a terminal can put into text the lane keeps: receipt lines,
AdditionalResponse, and the message of every PaymentError (which may quote a
malformed value from the terminal and may end up in a log).
"""

from __future__ import annotations

import re

_DIGIT_RUN = re.compile(r"(?<!\d)\d(?:[ -]?\d){11,18}(?!\d)")


def redact_pans(text: str) -> str:
    """Replace each 12-19 digit run (spaces or dashes allowed) by ``*`` plus its last 4."""

    def mask(match: re.Match[str]) -> str:
        digits = re.sub(r"\D", "", match.group(0))
        return "*" * (len(digits) - 4) + digits[-4:]

    return _DIGIT_RUN.sub(mask, text)
