"""Masked card numbers: the only form of a card number this package can hold.

:class:`MaskedPan` refuses any value that shows more than the first six and the
last four digits (PCI DSS display rule), so a full card number cannot be put in
a result, the journal or a log through it. :func:`redact_pans` masks any run of
12-19 digits in free text (receipt lines, error messages from a terminal) before
the text is kept; :func:`luhn_valid` is the check the tests scan with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kiosk.payment.errors import MaskedPanError
from kiosk.payment.redact import redact_pans

_MASKED = re.compile(r"^(\d{0,6})([*Xx\u2022.]{2,19})(\d{0,4})$")


@dataclass(frozen=True, slots=True)
class MaskedPan:
    """A card number with the middle hidden, e.g. ``411111******1111`` or ``************1234``.

    Spaces are dropped; mask characters become ``*``.

    Raises:
        MaskedPanError: if more than 6 leading or 4 trailing digits are visible,
            a digit appears inside the masked part, or fewer than 2 digits are masked.
    """

    value: str

    def __post_init__(self) -> None:
        if not isinstance(self.value, str):
            raise MaskedPanError("a masked card number must be text")
        compact = self.value.replace(" ", "")
        match = _MASKED.match(compact)
        if match is None:
            # Never echo the value: it might be a full card number.
            raise MaskedPanError(
                f"not a masked card number ({sum(c.isdigit() for c in compact)} digits "
                "visible; at most the first 6 and last 4 may show)"
            )
        first, stars, last = match.groups()
        object.__setattr__(self, "value", first + "*" * len(stars) + last)

    @property
    def last4(self) -> str:
        """The visible trailing digits (up to four)."""
        return self.value.rstrip("*")[-4:] if self.value[-1:].isdigit() else ""

    def __str__(self) -> str:
        return self.value


def luhn_valid(digits: str) -> bool:
    """True if ``digits`` (only 0-9) passes the Luhn check."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = ord(char) - 48
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


__all__ = ["MaskedPan", "find_luhn_numbers", "luhn_valid", "redact_pans"]


def find_luhn_numbers(text: str, low: int = 13, high: int = 19) -> list[str]:
    """Every maximal digit run of ``low``..``high`` digits in ``text`` that passes Luhn."""
    found = []
    for match in re.finditer(r"\d+", text):
        run = match.group(0)
        if low <= len(run) <= high and luhn_valid(run):
            found.append(run)
    return found
