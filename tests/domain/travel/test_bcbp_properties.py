"""Properties: a pass encodes and parses back to itself; garbage only ever raises BcbpError."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from travel_specimens import BCBP_SPECIMENS, TODAY

from kiosk.domain.travel import BcbpError, BoardingPass, Leg, Security, encode_bcbp, parse_bcbp
from kiosk.domain.travel.bcbp import MANDATORY_LEG_FIELDS, REPEATED_FIELDS, UNIQUE_FIELDS
from kiosk.domain.travel.dates import resolve_flight_day, resolve_issue_date

PRINTABLE = "".join(chr(code) for code in range(0x20, 0x7F))
FIELD_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 /"


def field(length: int) -> st.SearchStrategy[str]:
    return st.text(FIELD_CHARS, max_size=length).map(str.rstrip)


@st.composite
def legs(draw: st.DrawFn) -> Leg:
    values: dict[str, object] = {}
    for attribute, _, length in MANDATORY_LEG_FIELDS:
        values[attribute] = draw(field(length)) if attribute != "flight_day" else None
    day = draw(st.integers(1, 365))
    values.update(flight_day=day, flight_date=resolve_flight_day(day, TODAY))
    present = draw(st.integers(0, len(REPEATED_FIELDS)))
    for attribute, _, length in REPEATED_FIELDS[:present]:
        values[attribute] = draw(field(length))
    if present == len(REPEATED_FIELDS):
        values["repeated_extra"] = draw(st.text(PRINTABLE, max_size=5))
    values["airline_use"] = draw(st.text(PRINTABLE, max_size=30))
    return Leg(**values)  # type: ignore[arg-type]


@st.composite
def passes(draw: st.DrawFn) -> BoardingPass:
    count = draw(st.integers(1, 4))
    drawn = tuple(draw(legs()) for _ in range(count))
    values: dict[str, object] = {"passenger_name": draw(field(20)), "legs": drawn}
    unique = draw(st.integers(0, len(UNIQUE_FIELDS)))
    if unique or drawn[0].has_repeated_section() or draw(st.booleans()):
        values["version"] = draw(st.sampled_from("23456789"))
    for attribute, _, length in UNIQUE_FIELDS[:unique]:
        if attribute == "issue_date_text":
            year, day = draw(st.integers(0, 9)), draw(st.integers(1, 365))
            values[attribute] = f"{year}{day:03d}"
            values["issue_date"] = resolve_issue_date(year, day, TODAY)
        else:
            values[attribute] = draw(field(length))
    if unique == len(UNIQUE_FIELDS):
        values["unique_extra"] = draw(st.text(PRINTABLE, max_size=5))
    if draw(st.booleans()):
        values["security"] = Security(
            draw(st.sampled_from(PRINTABLE)), draw(st.text(PRINTABLE, max_size=120))
        )
    return BoardingPass(**values)  # type: ignore[arg-type]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(passes())
def test_encode_then_parse_gives_the_pass_back(boarding_pass: BoardingPass) -> None:
    text = encode_bcbp(boarding_pass)
    assert parse_bcbp(text, TODAY) == boarding_pass
    assert encode_bcbp(parse_bcbp(text, TODAY)) == text


def refusal(data: str) -> BcbpError | None:
    """The BcbpError ``data`` raises, or None if it parses (any other exception fails)."""
    try:
        parse_bcbp(data, TODAY)
    except BcbpError as error:
        return error
    return None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_garbage_raises_only_bcbp_error(data: str) -> None:
    error = refusal(data)
    if error is not None:
        assert error.field
        assert "\n" not in str(error)


@settings(max_examples=200, deadline=None)
@given(st.text(PRINTABLE, max_size=120).map(lambda tail: "M1" + tail))
def test_garbage_after_a_valid_start_raises_only_bcbp_error(data: str) -> None:
    error = refusal(data)
    if error is not None:
        assert error.position is not None
        assert 0 <= error.position <= len(data)


@st.composite
def mutations(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(BCBP_SPECIMENS))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["replace", "delete", "insert", "cut"]))
        char = draw(st.sampled_from(PRINTABLE + "\x1d\n"))
        if kind == "replace":
            text = text[:at] + char + text[at + 1 :]
        elif kind == "delete":
            text = text[:at] + text[at + 1 :]
        elif kind == "insert":
            text = text[:at] + char + text[at:]
        else:
            text = text[:at]
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutations())
def test_mutated_specimens_parse_or_raise_bcbp_error(data: str) -> None:
    try:
        parsed = parse_bcbp(data, TODAY)
    except BcbpError:
        return
    assert 1 <= len(parsed.legs) <= 4
    if not parsed.warnings and parsed.electronic_ticket == "E":
        # what was read without complaint writes back as it was read
        again = parse_bcbp(encode_bcbp(parsed), TODAY)
        assert replace(again, warnings=()) == replace(parsed, warnings=())
