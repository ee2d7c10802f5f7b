"""Card numbers at HQ's door (DESIGN.md invariant 6): what a masked PAN may look like, and
whether free text hides a full one.

Theory of operation: HQ stores what lanes send for years, in a database many people
can read, so a full card number must never get in. Two checks, both pure:

* :func:`masked_pan_problem` - the ``masked_pan`` of a payment must show at most
  the first 6 and the last 4 digits (the PCI DSS display rule, the same shape the
  lane's ``kiosk.payment.pan.MaskedPan`` enforces): digits, then at least two mask
  characters, then digits; spaces are ignored.
* :func:`card_number_in` - free text (audit reasons and details, notes) must not
  hold a Luhn-valid run of 13-19 digits, written together or in groups split by
  spaces, dashes, dots, slashes or underscores (``5555 5555 5555 4444``,
  ``5555-5555-5555-4444``). Groups are tried in every contiguous span, so a number
  with text around it is found too. UUIDs (basket and audit ids, which lanes do put
  in audit details) are skipped: their digit groups would otherwise pass the Luhn
  check about one time in ten and refuse an honest record.

Neither function returns or logs the digits: the caller's message must not echo them.
"""

from __future__ import annotations

import re

from kiosk.domain.cardlike import luhn_valid  # one Luhn check for lane and HQ (any-script digits)

_MASKED = re.compile(r"([0-9]{0,6})([*Xx\u2022.]{2,19})([0-9]{0,4})", re.ASCII)
_UUID = re.compile(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")
# Any decimal digit (a full-width or Arabic-Indic "5" is still a 5 to a fraudster).
_RUN = re.compile(r"\d(?:[\s\-./_]{1,3}\d|\d)*")
_GROUP = re.compile(r"\d+")
SHORTEST, LONGEST = 13, 19


def masked_pan_problem(text: str) -> str | None:
    """Why ``text`` is not a masked card number, or None if it is one (or is empty).

    The reason counts the visible digits but never quotes them.
    """
    compact = text.replace(" ", "")
    if not compact or _MASKED.fullmatch(compact):
        return None
    visible = sum(char.isdigit() for char in compact)
    return (
        f"not a masked card number ({visible} digits visible): at most the first 6 and "
        "the last 4 digits may show, with the digits between them masked by '*'"
    )


def card_number_in(text: str) -> bool:
    """True if ``text`` holds a Luhn-valid 13-19 digit run (see the module docstring)."""
    if sum(char.isdigit() for char in text) < SHORTEST:
        return False  # the common case: no need to look further
    text = _UUID.sub("#", text)
    for run in _RUN.finditer(text):
        groups = _GROUP.findall(run.group(0))
        if _some_span_is_a_card(groups):
            return True
    return False


def _some_span_is_a_card(groups: list[str]) -> bool:
    for start in range(len(groups)):
        digits = ""
        for group in groups[start:]:
            digits += group
            if len(digits) > LONGEST:
                break
            if len(digits) >= SHORTEST and luhn_valid(digits):
                return True
    return False


def redact_digits(text: str) -> str:
    """``text`` with every run of 6 or more digits replaced by ``#``s: for messages from
    the database, which may quote a stored value, before they are logged or answered."""
    return re.sub(r"\d{6,}", lambda m: "#" * len(m.group(0)), text)
