"""Properties: a document formats and parses back to itself; garbage and damaged specimens
only ever raise MrzError; nothing keeps or says a whole MRZ (DESIGN.md invariant 6)."""

from __future__ import annotations

import ast
from dataclasses import replace
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from travel_specimens import MRZ_SPECIMENS, TODAY

from kiosk.domain import travel
from kiosk.domain.mrzlike import looks_like_mrz
from kiosk.domain.travel import MrzDocument, MrzError, format_mrz, mrz_to_dict, parse_mrz
from kiosk.domain.travel.dates import resolve_birth_date, resolve_expiry_date
from kiosk.domain.travel.mrz import DIGIT_TO_LETTER, LETTER_TO_DIGIT
from kiosk.domain.travel.mrz_layout import LAYOUTS, Kind

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ALNUM = LETTERS + "0123456789"
# format: (name width, optional data width, longest document number)
FORMATS = {
    "TD1": (30, 15, 12),
    "TD2": (31, 7, 12),
    "TD3": (39, 14, 9),
    "MRV-A": (39, 16, 9),
    "MRV-B": (31, 8, 9),
}
CODES = {"TD1": "IAC", "TD2": "IAC", "TD3": "P", "MRV-A": "V", "MRV-B": "V"}


def words(max_words: int) -> st.SearchStrategy[str]:
    word = st.text(LETTERS, min_size=1, max_size=8)
    return st.lists(word, min_size=0, max_size=max_words).map(" ".join)


@st.composite
def documents(draw: st.DrawFn) -> MrzDocument:
    name = draw(st.sampled_from(sorted(FORMATS)))
    name_width, optional_width, longest = FORMATS[name]
    primary = draw(words(3).filter(bool))
    secondary = draw(words(3))
    spelled = primary.replace(" ", "<") + ("<<" + secondary.replace(" ", "<") if secondary else "")
    if len(spelled) >= name_width:
        primary, secondary = primary.split()[0], ""
    number = draw(st.text(ALNUM, min_size=1, max_size=longest))
    optional = "" if len(number) > 9 else draw(st.text(ALNUM, max_size=optional_width))
    born = draw(st.dates(date(1920, 1, 1), TODAY)).strftime("%y%m%d")
    expires = draw(st.dates(date(2000, 1, 1), date(2046, 12, 31))).strftime("%y%m%d")
    return MrzDocument(
        format=name,
        document_code=draw(st.sampled_from(CODES[name])) + draw(st.sampled_from(["", "D", "P"])),
        issuing_state=draw(st.text(LETTERS, min_size=1, max_size=3)),
        primary_name=primary,
        secondary_name=secondary,
        name_truncated=False,
        document_number=number,
        nationality=draw(st.text(LETTERS, min_size=1, max_size=3)),
        birth_date_text=born,
        birth_date=resolve_birth_date(born, TODAY),
        sex=draw(st.sampled_from("MFX")),
        expiry_date_text=expires,
        expiry_date=resolve_expiry_date(expires, TODAY),
        optional_data=optional,
        optional_data_2=draw(st.text(ALNUM, max_size=11)) if name == "TD1" else "",
    )


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_format_then_parse_gives_the_document_back(document: MrzDocument) -> None:
    lines = format_mrz(document)
    assert parse_mrz(lines, TODAY) == document
    assert format_mrz(parse_mrz(lines, TODAY)) == lines


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), st.data())
def test_ocr_confusions_by_position_are_corrected_and_reported(
    document: MrzDocument, data: st.DataObject
) -> None:
    """Letters misread in digit fields and digits in letter fields all come back."""
    layout = next(layout for layout in LAYOUTS if layout.name == document.format)
    lines = [list(line) for line in format_mrz(document)]
    confusable = [
        (spot.name, line, column)
        for spot in layout.fields
        if spot.kind is not Kind.ANY
        for line, start, end in [spot.span]
        for column in range(start, end)
        if lines[line][column] in (DIGIT_TO_LETTER if spot.kind is Kind.DIGITS else LETTER_TO_DIGIT)
    ]
    chosen = (
        data.draw(st.lists(st.sampled_from(confusable), unique=True, max_size=6))
        if confusable
        else []
    )
    expected = set()
    for name, line, column in chosen:
        right = lines[line][column]
        lines[line][column] = DIGIT_TO_LETTER.get(right) or LETTER_TO_DIGIT[right]
        expected.add((name, line + 1, column + 1, lines[line][column], right))
    parsed = parse_mrz(["".join(line) for line in lines], TODAY)
    assert replace(parsed, corrections=()) == document
    assert {
        (c.field, c.line, c.column, c.read, c.corrected) for c in parsed.corrections
    } == expected


def refusal(lines: list[str]) -> MrzError | None:
    """The MrzError ``lines`` raise, or None if they parse (any other exception fails)."""
    try:
        document = parse_mrz(lines, TODAY)
    except MrzError as error:
        return error
    check_keeps_no_line(document, lines)
    return None


def check_keeps_no_line(document: MrzDocument, lines: list[str]) -> None:
    shown = repr(document) + str(mrz_to_dict(document))
    for line in lines:
        assert line.upper() not in shown
    assert not looks_like_mrz(shown)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=50), max_size=4))
def test_garbage_raises_only_mrz_error(lines: list[str]) -> None:
    error = refusal(lines)
    if error is not None:
        assert "\n" not in str(error)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from([(2, 44), (2, 36), (3, 30)]).flatmap(
        lambda shape: st.lists(
            st.text(ALNUM + "<", min_size=shape[1], max_size=shape[1]),
            min_size=shape[0],
            max_size=shape[0],
        )
    )
)
def test_random_lines_of_the_right_shape_raise_only_mrz_error(lines: list[str]) -> None:
    refusal(lines)


@st.composite
def damaged(draw: st.DrawFn) -> list[str]:
    lines = list(MRZ_SPECIMENS[draw(st.sampled_from(sorted(MRZ_SPECIMENS)))])
    for _ in range(draw(st.integers(1, 3))):
        line = draw(st.integers(0, len(lines) - 1))
        column = draw(st.integers(0, len(lines[line]) - 1))
        char = draw(st.sampled_from(ALNUM + "<<<OIBSZG012568 #"))
        lines[line] = lines[line][:column] + char + lines[line][column + 1 :]
    return lines


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_damaged_specimens_parse_or_name_the_field(lines: list[str]) -> None:
    error = refusal(lines)
    if error is not None:
        message = str(error)
        assert error.field in message
        for line in lines:  # invariant 6: a message never holds a line
            assert line not in message
        assert not looks_like_mrz(message)


def test_specimens_keep_no_line() -> None:
    for lines in MRZ_SPECIMENS.values():
        check_keeps_no_line(parse_mrz(lines, TODAY), lines)


def test_travel_package_neither_logs_nor_prints() -> None:
    """Invariant 6: the travel domain has no logger and writes nothing anywhere."""
    package = Path(travel.__file__).parent
    for path in sorted(package.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [alias.name for alias in node.names]
                module = getattr(node, "module", None) or ""
                assert "logging" not in [*names, module], path.name
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in ("print", "open"), path.name
