"""A machine-readable zone (ICAO Doc 9303) read into a :class:`MrzDocument`.

Theory of operation. :func:`parse_mrz` takes the lines a document reader sent,
finds the format from the number of lines, their width and the first letter
(:mod:`kiosk.domain.travel.mrz_layout`), then:

1. corrects the usual OCR confusions by position: in a field of digits (dates,
   check digits) ``O I B S Z G`` become ``0 1 8 5 2 6``; in a field of letters
   (document code, states, names, sex) those digits become letters. A document
   number (letters and digits alike) whose check digit fails is tried with one
   such character swapped; the swap is taken only when exactly one candidate
   makes that check digit and the composite hold (so not on visas, which have no
   composite). Optional data is never guessed at;
2. checks every check digit and the composite; the first that fails is an
   :class:`MrzError` naming it. Corrections are kept only because the check
   digits then hold, and each is reported in ``MrzDocument.corrections``;
3. reads the fields: names (primary and secondary identifier, ``<<`` between
   them, truncated when the field is full), states (``D<<`` is Germany, ``UTO``
   the specimen state), dates with their century from the reference date.

Invariant 6 (DESIGN.md): the document keeps fields, never the lines, and no
message holds a line; nothing here logs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from kiosk.domain.mrzlike import check_digit
from kiosk.domain.travel.dates import resolve_birth_date, resolve_expiry_date
from kiosk.domain.travel.errors import MrzError
from kiosk.domain.travel.mrz_layout import TD1, CheckSpot, FieldSpot, Kind, Layout, Span, layout_for

LETTER_TO_DIGIT = {"O": "0", "I": "1", "B": "8", "S": "5", "Z": "2", "G": "6"}
DIGIT_TO_LETTER = {digit: letter for letter, digit in LETTER_TO_DIGIT.items()}
_SWAPS = {**LETTER_TO_DIGIT, **DIGIT_TO_LETTER}
_MRZ_CHARS = re.compile(r"[A-Z0-9<]*")
# Check digits that may be a filler: the TD1 number's when the number runs on, the
# TD3 personal number's when there is none. A birth date may hold '<' for unknown parts.
_FILLER_OK = frozenset({"document number check digit", "optional data check digit", "birth date"})
SEXES = {"M": "M", "F": "F", "X": "X", "<": "X"}
_CORRECTIONS = {Kind.DIGITS: LETTER_TO_DIGIT, Kind.ALPHA: DIGIT_TO_LETTER}
_ALLOWED = {
    Kind.DIGITS: frozenset("0123456789"),
    Kind.ALPHA: frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ<"),
    Kind.ANY: frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"),
}


@dataclass(frozen=True)
class Correction:
    """One character changed by OCR correction (line and column 1-based)."""

    field: str
    line: int
    column: int
    read: str
    corrected: str


@dataclass(frozen=True)
class MrzDocument:
    """The fields of a travel document's MRZ (no full line is kept).

    ``document_code`` is the code without fillers (``P``, ``I``, ``ID``, ``V``);
    states without fillers (``D`` for Germany); names with blanks for ``<``.
    Dates are None when unknown (``<`` in a birth date); ``*_text`` keep them as
    printed (``YYMMDD``). ``sex`` is ``M``, ``F`` or ``X`` (unspecified).
    """

    format: str
    document_code: str
    issuing_state: str
    primary_name: str
    secondary_name: str
    name_truncated: bool
    document_number: str
    nationality: str
    birth_date_text: str
    birth_date: date | None
    sex: str
    expiry_date_text: str
    expiry_date: date | None
    optional_data: str = ""
    optional_data_2: str = ""
    corrections: tuple[Correction, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def is_specimen(self) -> bool:
        """True for ICAO's specimen state Utopia (``UTO``)."""
        return self.issuing_state == "UTO"

    @property
    def number_last4(self) -> str:
        """The last four characters of the document number: what a check-in record keeps."""
        return self.document_number[-4:]

    def valid_on(self, day: date) -> bool:
        """True if the document has not expired on ``day`` (valid through its expiry date)."""
        return self.expiry_date is not None and day <= self.expiry_date


def split_lines(text: str | Sequence[str]) -> list[str]:
    """MRZ lines from one text (newline-separated) or a sequence, in upper case.

    Blanks around lines and empty lines are dropped. Upper case is taken character
    by character so columns stay put ("ß" would grow; it stays and is refused).
    """
    pieces = text.splitlines() if isinstance(text, str) else list(text)
    return [
        "".join(char.upper() if len(char.upper()) == 1 else char for char in piece.strip())
        for piece in pieces
        if piece.strip()
    ]


def parse_mrz(text: str | Sequence[str], reference: date) -> MrzDocument:
    """Parse the MRZ ``text`` (lines) against ``reference`` (today, for the centuries).

    Raises:
        MrzError: naming the field, line and column of the first thing wrong: an
            unknown format, a bad character, a failing check digit, a bad date.
    """
    lines = [list(line) for line in split_lines(text)]
    layout = _layout(lines)
    corrections: list[Correction] = []
    for spot in layout.fields:
        _correct_class(lines, spot, corrections)
    for spot in layout.fields:
        _validate_class(lines, spot)
    number_span = _number_span(lines, layout)
    for check in (_number_check(lines, number_span, corrections), *layout.checks):
        _verify(lines, layout, check, corrections)
    return _read(lines, layout, number_span, tuple(corrections), reference)


def _layout(lines: list[list[str]]) -> Layout:
    if not lines:
        raise MrzError("MRZ", "no lines")
    widths = sorted({len(line) for line in lines})
    if len(widths) > 1:
        raise MrzError("MRZ", f"lines of different lengths {widths}; each line must be as long")
    layout = layout_for(len(lines), widths[0], lines[0][0])
    if layout is None:
        raise MrzError(
            "MRZ",
            f"{len(lines)} lines of {widths[0]} characters is no ICAO 9303 format"
            " (TD1 3x30, TD2 2x36, TD3 2x44, MRV-A 2x44, MRV-B 2x36)",
        )
    for number, line in enumerate(lines, start=1):
        if not _MRZ_CHARS.fullmatch("".join(line)):
            bad = next(i for i, char in enumerate(line) if not _MRZ_CHARS.fullmatch(char))
            raise MrzError("MRZ", "character outside A-Z 0-9 <", line=number, column=bad + 1)
    return layout


def _correct_class(lines: list[list[str]], spot: FieldSpot, out: list[Correction]) -> None:
    table = _CORRECTIONS.get(spot.kind)
    line, start, end = spot.span
    if table is None or table.keys().isdisjoint(lines[line][start:end]):
        return
    for column in range(start, end):
        read = lines[line][column]
        if read in table:
            lines[line][column] = table[read]
            out.append(Correction(spot.name, line + 1, column + 1, read, table[read]))


def _validate_class(lines: list[list[str]], spot: FieldSpot) -> None:
    line, start, end = spot.span
    allowed = _ALLOWED[spot.kind]
    if spot.kind is Kind.DIGITS and spot.name in _FILLER_OK:
        allowed = allowed | {"<"}
    if allowed.issuperset(lines[line][start:end]):
        return
    column = next(c for c in range(start, end) if lines[line][c] not in allowed)
    raise MrzError(
        spot.name,
        f"{lines[line][column]!r} where {spot.kind.value} belong",
        line=line + 1,
        column=column + 1,
    )


def _number_span(lines: list[list[str]], layout: Layout) -> tuple[Span, ...]:
    """Where the document number is: one span, or two for a long TD1/TD2 number.

    A long number puts ``<`` in place of its check digit and runs on into the
    optional data: its last characters, then the check digit, then ``<``.
    """
    spot = layout.field("document number")
    line, _, check_at = spot.span
    optional = layout.field("optional data").span
    if not layout.long_numbers or lines[line][check_at] != "<":
        return (spot.span,)
    overflow = _text(lines, (optional,)).split("<", 1)[0]
    if len(overflow) < 2:
        return (spot.span,)
    return (spot.span, (optional[0], optional[1], optional[1] + len(overflow) - 1))


def _number_check(
    lines: list[list[str]], span: tuple[Span, ...], corrections: list[Correction]
) -> CheckSpot:
    """The document number's check digit: after the number, wherever the number ends."""
    line, _, end = span[-1]
    read = lines[line][end]
    if len(span) > 1 and read in LETTER_TO_DIGIT:  # the long number's digit sits in ANY data
        lines[line][end] = LETTER_TO_DIGIT[read]
        corrections.append(
            Correction("document number check digit", line + 1, end + 1, read, lines[line][end])
        )
    return CheckSpot("document number check digit", (line, end), span)


def _text(lines: list[list[str]], spans: Sequence[Span]) -> str:
    return "".join("".join(lines[line][start:end]) for line, start, end in spans)


def _holds(lines: list[list[str]], check: CheckSpot) -> bool:
    line, column = check.digit
    mark = lines[line][column]
    covered = _text(lines, check.covers)
    if mark == "<":
        return check.name != "composite check digit" and set(covered) <= {"<"}
    return mark.isdigit() and check_digit(covered) == int(mark)


def _verify(
    lines: list[list[str]], layout: Layout, check: CheckSpot, corrections: list[Correction]
) -> None:
    if _holds(lines, check):
        return
    if check.name == "document number check digit" and _swap_one(lines, layout, check, corrections):
        return
    line, column = check.digit
    mark = lines[line][column]
    expected = check_digit(_text(lines, check.covers))
    fixed = f" after correcting {len(corrections)} OCR character(s)" if corrections else ""
    raise MrzError(
        check.name,
        f"is {mark!r} but the field gives {expected}{fixed}",
        line=line + 1,
        column=column + 1,
    )


def _swap_one(
    lines: list[list[str]], layout: Layout, check: CheckSpot, corrections: list[Correction]
) -> bool:
    """Try one confusable character swapped in the number; keep it if exactly one works.

    Only where a composite check digit guards the swap too (not on visas): a random
    misread then passes both digits by chance about once in a hundred tries.
    """
    composite = next((c for c in layout.checks if c.name == "composite check digit"), None)
    if composite is None:
        return False
    found: list[tuple[int, int, str]] = []
    for line, start, end in check.covers:
        for column in range(start, end):
            read = lines[line][column]
            if read not in _SWAPS:
                continue
            lines[line][column] = _SWAPS[read]
            if _holds(lines, check) and _holds(lines, composite):
                found.append((line, column, read))
            lines[line][column] = read
    if len(found) != 1:
        return False
    line, column, read = found[0]
    lines[line][column] = _SWAPS[read]
    name = check.name.removesuffix(" check digit")
    corrections.append(Correction(name, line + 1, column + 1, read, _SWAPS[read]))
    return True


def _read(
    lines: list[list[str]],
    layout: Layout,
    number_span: tuple[Span, ...],
    corrections: tuple[Correction, ...],
    reference: date,
) -> MrzDocument:
    def field(name: str) -> str:
        return _text(lines, (layout.field(name).span,))

    warnings: list[str] = []
    primary, secondary, truncated = _names(field("name"))
    birth_text, expiry_text = field("birth date"), field("expiry date")
    birth = _date(birth_text, "birth date", layout, reference, warnings)
    expiry = _date(expiry_text, "expiry date", layout, reference, warnings)
    code = field("document code").rstrip("<")
    if layout.name in ("TD1", "TD2") and code[:1] not in ("I", "A", "C"):
        warnings.append(f"document code {code!r} is unusual for a {layout.name} card")
    optional = field("optional data")
    if len(number_span) > 1:
        _, start, end = number_span[1]
        optional = optional[end - start + 2 :]  # after the check digit and its "<"
    return MrzDocument(
        format=layout.name,
        document_code=code,
        issuing_state=field("issuing state").rstrip("<"),
        primary_name=primary,
        secondary_name=secondary,
        name_truncated=truncated,
        document_number=_text(lines, number_span).rstrip("<"),
        nationality=field("nationality").rstrip("<"),
        birth_date_text=birth_text,
        birth_date=birth,
        sex=_sex(field("sex"), layout),
        expiry_date_text=expiry_text,
        expiry_date=expiry,
        optional_data=optional.rstrip("<"),
        optional_data_2=field("optional data 2").rstrip("<") if layout is TD1 else "",
        corrections=corrections,
        warnings=tuple(warnings),
    )


def _names(text: str) -> tuple[str, str, bool]:
    primary, _, secondary = text.partition("<<")
    return (
        " ".join(primary.replace("<", " ").split()),
        " ".join(secondary.replace("<", " ").split()),
        not text.endswith("<"),
    )


def _sex(text: str, layout: Layout) -> str:
    if text not in SEXES:
        line, start, _ = layout.field("sex").span
        raise MrzError("sex", f"{text!r} is not M, F, X or <", line=line + 1, column=start + 1)
    return SEXES[text]


def _date(
    text: str, name: str, layout: Layout, reference: date, warnings: list[str]
) -> date | None:
    line, start, _ = layout.field(name).span
    if "<" in text:
        warnings.append(f"{name} is partly unknown ({text.count('<')} filler characters)")
        return None
    resolve = resolve_birth_date if name == "birth date" else resolve_expiry_date
    found = resolve(text, reference)
    if found is None:
        raise MrzError(name, f"{text} is not a date (YYMMDD)", line=line + 1, column=start + 1)
    return found
