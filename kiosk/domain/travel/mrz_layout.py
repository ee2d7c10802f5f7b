"""Where each field of an ICAO 9303 machine-readable zone sits, per document format.

One table per format: fields as (line, start, end) with 0-based, end-exclusive
columns and a character class, and the check digits as (field they check, where
the digit is, the ranges it covers). Doc 9303 numbers lines and columns from 1;
errors do too (see :class:`MrzError`).

Formats: TD1 (ID cards, 3 lines of 30), TD2 (2 x 36), TD3 (passports, 2 x 44),
MRV-A (visas, 2 x 44) and MRV-B (visas, 2 x 36). Visas have no check digit on
the optional data and no composite. The document number's check digit is not in
``checks``: on TD1 and TD2 a number longer than 9 characters runs on into the
optional data (``<`` in place of its check digit), which the parser resolves.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from enum import Enum
from typing import Final


class Kind(Enum):
    """What a field may hold, which is also what OCR correction may turn a character into."""

    ALPHA = "letters"  # document code, states, names, sex
    DIGITS = "digits"  # dates and check digits
    ANY = "letters or digits"  # document number, optional data


Span = tuple[int, int, int]  # line, start, end


@dataclass(frozen=True)
class FieldSpot:
    """A field: its name, where it is, and what it may hold."""

    name: str
    span: Span
    kind: Kind


@dataclass(frozen=True)
class CheckSpot:
    """A check digit: the field it names in errors, its place and the spans it covers."""

    name: str
    digit: tuple[int, int]
    covers: tuple[Span, ...]


@dataclass(frozen=True)
class Layout:
    """One MRZ format."""

    name: str
    lines: int
    width: int
    fields: tuple[FieldSpot, ...]
    checks: tuple[CheckSpot, ...]
    long_numbers: bool = False
    by_name: dict[str, FieldSpot] = dataclass_field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {spot.name: spot for spot in self.fields})

    def field(self, name: str) -> FieldSpot:
        """The field called ``name``.

        Raises:
            KeyError: the format has no such field.
        """
        return self.by_name[name]


def _f(name: str, line: int, start: int, end: int, kind: Kind) -> FieldSpot:
    return FieldSpot(name, (line, start, end), kind)


def _second_line(width: int, optional_end: int, line: int = 1) -> tuple[FieldSpot, ...]:
    """The second line shared by TD2, TD3 and the visas (number to expiry, optional data)."""
    return (
        _f("document number", line, 0, 9, Kind.ANY),
        _f("document number check digit", line, 9, 10, Kind.DIGITS),  # "<": number runs on
        _f("nationality", line, 10, 13, Kind.ALPHA),
        _f("birth date", line, 13, 19, Kind.DIGITS),
        _f("birth date check digit", line, 19, 20, Kind.DIGITS),
        _f("sex", line, 20, 21, Kind.ALPHA),
        _f("expiry date", line, 21, 27, Kind.DIGITS),
        _f("expiry date check digit", line, 27, 28, Kind.DIGITS),
        _f("optional data", line, 28, optional_end, Kind.ANY),
    )


def _first_line(width: int) -> tuple[FieldSpot, ...]:
    return (
        _f("document code", 0, 0, 2, Kind.ALPHA),
        _f("issuing state", 0, 2, 5, Kind.ALPHA),
        _f("name", 0, 5, width, Kind.ALPHA),
    )


def _basic_checks() -> tuple[CheckSpot, ...]:
    return (
        CheckSpot("birth date check digit", (1, 19), ((1, 13, 19),)),
        CheckSpot("expiry date check digit", (1, 27), ((1, 21, 27),)),
    )


TD1: Final = Layout(
    "TD1",
    3,
    30,
    (
        _f("document code", 0, 0, 2, Kind.ALPHA),
        _f("issuing state", 0, 2, 5, Kind.ALPHA),
        _f("document number", 0, 5, 14, Kind.ANY),
        _f("document number check digit", 0, 14, 15, Kind.DIGITS),  # "<" if the number is long
        _f("optional data", 0, 15, 30, Kind.ANY),
        _f("birth date", 1, 0, 6, Kind.DIGITS),
        _f("birth date check digit", 1, 6, 7, Kind.DIGITS),
        _f("sex", 1, 7, 8, Kind.ALPHA),
        _f("expiry date", 1, 8, 14, Kind.DIGITS),
        _f("expiry date check digit", 1, 14, 15, Kind.DIGITS),
        _f("nationality", 1, 15, 18, Kind.ALPHA),
        _f("optional data 2", 1, 18, 29, Kind.ANY),
        _f("composite check digit", 1, 29, 30, Kind.DIGITS),
        _f("name", 2, 0, 30, Kind.ALPHA),
    ),
    (
        CheckSpot("birth date check digit", (1, 6), ((1, 0, 6),)),
        CheckSpot("expiry date check digit", (1, 14), ((1, 8, 14),)),
        CheckSpot(
            "composite check digit", (1, 29), ((0, 5, 30), (1, 0, 7), (1, 8, 15), (1, 18, 29))
        ),
    ),
    long_numbers=True,
)

TD2: Final = Layout(
    "TD2",
    2,
    36,
    (
        *_first_line(36),
        *_second_line(36, 35),
        _f("composite check digit", 1, 35, 36, Kind.DIGITS),
    ),
    (
        *_basic_checks(),
        CheckSpot("composite check digit", (1, 35), ((1, 0, 10), (1, 13, 20), (1, 21, 35))),
    ),
    long_numbers=True,
)

TD3: Final = Layout(
    "TD3",
    2,
    44,
    (
        *_first_line(44),
        *_second_line(44, 42),
        _f("optional data check digit", 1, 42, 43, Kind.DIGITS),  # "<" if there is none
        _f("composite check digit", 1, 43, 44, Kind.DIGITS),
    ),
    (
        *_basic_checks(),
        CheckSpot("optional data check digit", (1, 42), ((1, 28, 42),)),
        CheckSpot("composite check digit", (1, 43), ((1, 0, 10), (1, 13, 20), (1, 21, 43))),
    ),
)

MRV_A: Final = Layout("MRV-A", 2, 44, (*_first_line(44), *_second_line(44, 44)), _basic_checks())
MRV_B: Final = Layout("MRV-B", 2, 36, (*_first_line(36), *_second_line(36, 36)), _basic_checks())

LAYOUTS: Final = (TD1, TD2, TD3, MRV_A, MRV_B)


def layout_for(lines: int, width: int, first: str) -> Layout | None:
    """The format of an MRZ of ``lines`` lines of ``width``, starting with ``first``."""
    visa = first == "V"
    for layout in LAYOUTS:
        same_shape = (layout.lines, layout.width) == (lines, width)
        if same_shape and (layout.lines == 3 or layout.name.startswith("MRV") == visa):
            return layout
    return None
