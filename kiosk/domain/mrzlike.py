"""Recognise and mask text shaped like a passport or ID card MRZ, so it is never kept.

A shopper may hold a passport or ID card under the item scanner (or a document
reader may be wired to the wrong port); the scanner then sends machine-readable
zone lines (ICAO 9303): 44 characters per line on a passport (TD3), 36 on TD2
cards, 30 on ID cards (TD1), all of ``A-Z 0-9 <`` with ``<`` as filler.
DESIGN.md invariant 6: such text is refused before anything logs or journals it,
and :func:`redact_mrz` masks it in any text bound for a log.

A run of ``[A-Z0-9<]`` is MRZ-like when it is:

* as long as whole MRZ lines of one format (30, 60, 90, 36, 72, 44 or 88
  characters) and holds a ``<``; or
* 30 characters or longer and holds ``<<`` (a misread line, an extra character,
  lines glued to other text): no product code has a run of fillers; or
* exactly one TD1/TD2/TD3 second line without any filler, recognised by its
  check digits (document number, birth date, expiry), which must all be right.

Letters are compared in upper case: a reader that lowers them still sends an MRZ.
"""

from __future__ import annotations

import re

_RUN = re.compile(r"[A-Z0-9<]+")
_LINES = frozenset({30, 60, 90, 36, 72, 44, 88})
_MIN = 30
REDACTED = "[MRZ removed]"


def check_digit(field: str) -> int:
    """The ICAO 9303 check digit of ``field`` (weights 7, 3, 1; ``<`` counts 0, A is 10).

    Raises:
        ValueError: for a character outside ``A-Z 0-9 <``.
    """
    total = 0
    for position, char in enumerate(field):
        if char.isdigit():
            value = int(char)
        elif "A" <= char <= "Z":
            value = ord(char) - ord("A") + 10
        elif char == "<":
            value = 0
        else:
            raise ValueError(f"not an MRZ character: {char!r}")
        total += value * (7, 3, 1)[position % 3]
    return total % 10


def _field_ok(line: str, start: int, end: int, check: int, *, digits: bool = False) -> bool:
    field, mark = line[start:end], line[check]
    if digits and not field.isdigit():
        return False
    return mark.isdigit() and check_digit(field) == int(mark)


def _second_line(run: str) -> bool:
    """A filler-free TD2/TD3 (36/44) or TD1 (30) second line whose check digits are right."""
    if len(run) in (36, 44):
        return (
            _field_ok(run, 0, 9, 9)
            and _field_ok(run, 13, 19, 19, digits=True)
            and _field_ok(run, 21, 27, 27, digits=True)
        )
    if len(run) == 30:
        return _field_ok(run, 0, 6, 6, digits=True) and _field_ok(run, 8, 14, 14, digits=True)
    return False


def _mrz_run(run: str) -> bool:
    if len(run) < _MIN:
        return False
    if "<<" in run or (len(run) in _LINES and "<" in run):
        return True
    # A symbology identifier ("]Q1") glued in front: its "]" already ended the run.
    return _second_line(run) or _second_line(run[2:])


def _upper(text: str) -> str:
    """``text`` in upper case, character for character (so positions still match)."""
    upper = text.upper()
    if len(upper) == len(text):
        return upper
    # A few characters grow in upper case ("ß" -> "SS"); they cannot be MRZ text anyway.
    return "".join(c.upper() if len(c.upper()) == 1 else c for c in text)


def looks_like_mrz(text: str) -> bool:
    """True if ``text`` holds an MRZ-like run (see the module docstring)."""
    return any(_mrz_run(match.group(0)) for match in _RUN.finditer(_upper(text)))


def redact_mrz(text: str) -> str:
    """``text`` with every MRZ-like run replaced by :data:`REDACTED`."""
    pieces: list[str] = []
    last = 0
    for match in _RUN.finditer(_upper(text)):
        if _mrz_run(match.group(0)):
            pieces.append(text[last : match.start()])
            pieces.append(REDACTED)
            last = match.end()
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)
