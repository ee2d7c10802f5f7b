"""Write an :class:`MrzDocument` back as MRZ lines (for simulators and tests).

The inverse of :func:`kiosk.domain.travel.mrz.parse_mrz` for documents without
corrections: fields are padded with ``<``, names joined with ``<<`` and cut to
the field (``name_truncated`` then says so), check digits and the composite
computed. TD1 and TD2 numbers longer than 9 characters run on into the optional
data. Raises :class:`MrzError` naming a field that does not fit.
"""

from __future__ import annotations

from kiosk.domain.mrzlike import check_digit
from kiosk.domain.travel.errors import MrzError
from kiosk.domain.travel.mrz import MrzDocument
from kiosk.domain.travel.mrz_layout import LAYOUTS, Layout


def format_mrz(document: MrzDocument) -> list[str]:
    """The MRZ lines of ``document`` in its ``format``.

    Raises:
        MrzError: an unknown format or a field longer than its place.
    """
    layout = next((lay for lay in LAYOUTS if lay.name == document.format), None)
    if layout is None:
        raise MrzError("format", f"{document.format!r} is not TD1, TD2, TD3, MRV-A or MRV-B")
    lines = [["<"] * layout.width for _ in range(layout.lines)]
    number, optional = document.document_number, document.optional_data
    if len(number) > 9 and layout.long_numbers:
        optional = number[9:] + str(check_digit(number)) + "<" + optional
        number, number_check = number[:9], "<"
    else:
        number_check = str(check_digit(number.ljust(9, "<")))
    values = {
        "document code": document.document_code,
        "issuing state": document.issuing_state,
        "name": _name(document, layout),
        "document number": number,
        "document number check digit": number_check,
        "nationality": document.nationality,
        "birth date": document.birth_date_text,
        "sex": "<" if document.sex == "X" else document.sex,
        "expiry date": document.expiry_date_text,
        "optional data": optional,
        "optional data 2": document.optional_data_2,
    }
    for name, value in values.items():
        if any(spot.name == name for spot in layout.fields):
            _put(lines, layout, name, value)
    for check in layout.checks:
        covered = "".join("".join(lines[ln][start:end]) for ln, start, end in check.covers)
        line, column = check.digit
        empty = set(covered) <= {"<"} and check.name == "optional data check digit"
        lines[line][column] = "<" if empty else str(check_digit(covered))
    return ["".join(line) for line in lines]


def _name(document: MrzDocument, layout: Layout) -> str:
    width = layout.field("name").span[2] - layout.field("name").span[1]
    text = "<".join(document.primary_name.split())
    if document.secondary_name:
        text += "<<" + "<".join(document.secondary_name.split())
    return text[:width]


def _put(lines: list[list[str]], layout: Layout, name: str, value: str) -> None:
    line, start, end = layout.field(name).span
    if len(value) > end - start:
        raise MrzError(name, f"{len(value)} characters do not fit in {end - start}")
    lines[line][start : start + len(value)] = list(value)
