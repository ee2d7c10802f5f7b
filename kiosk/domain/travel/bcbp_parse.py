"""Read a BCBP string (IATA Resolution 792) into a :class:`BoardingPass`.

Strict where the data cannot be trusted, lenient where real airlines bend the
standard (each bend becomes a line in ``BoardingPass.warnings``):

* rejected with :class:`BcbpError` (field and 0-based position): a format code
  other than ``M``, a leg count outside 1-4 or one that does not match the data,
  a mandatory field cut short, a size field that is not two hex digits or claims
  more characters than there are, a date of flight that is not a day number;
* accepted with a warning: a blank or missing electronic ticket indicator, a
  blank date of flight, a leg whose variable size says 0 while its conditional
  data follows anyway (single-leg passes), a first leg without ``>``, a field cut
  short by its section's size, a security length that does not match its data,
  a character that is not printable ASCII in conditional, airline or security data.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

from kiosk.domain.travel.bcbp import (
    FORMAT_CODE,
    MANDATORY_LEG_FIELDS,
    MAX_LEGS,
    NAME_LENGTH,
    REPEATED_FIELDS,
    UNIQUE_FIELDS,
    BoardingPass,
    FieldSpec,
    Leg,
    Security,
)
from kiosk.domain.travel.dates import resolve_flight_day, resolve_issue_date
from kiosk.domain.travel.errors import BcbpError

_HEX2 = re.compile(r"[0-9A-Fa-f]{2}")
_PRINTABLE = re.compile(r"[ -~]*")


class _Reader:
    """A cursor over ``data[start:end]`` that names the field it fails on."""

    def __init__(self, data: str, start: int, end: int, where: str) -> None:
        self.data, self.pos, self.end, self.where = data, start, end, where

    @property
    def left(self) -> int:
        return self.end - self.pos

    def take(self, length: int, field: str) -> str:
        if self.left < length:
            raise BcbpError(
                f"{field}{self.where}",
                self.pos,
                f"cut short: needs {length} characters, {max(self.left, 0)} left",
            )
        text = self.data[self.pos : self.pos + length]
        self.pos += length
        return text

    def size(self, field: str) -> int:
        at = self.pos
        text = self.take(2, field)
        if not _HEX2.fullmatch(text):
            raise BcbpError(f"{field}{self.where}", at, f"{text!r} is not two hex digits")
        return int(text, 16)

    def section(self, length: int, field: str) -> _Reader:
        if length > self.left:
            raise BcbpError(
                f"{field}{self.where}",
                self.pos - 2,
                f"says {length} characters follow but only {max(self.left, 0)} do",
            )
        inner = _Reader(self.data, self.pos, self.pos + length, self.where)
        self.pos += length
        return inner

    def rest(self) -> str:
        text = self.data[self.pos : self.end]
        self.pos = self.end
        return text


def parse_bcbp(data: str, reference: date) -> BoardingPass:
    """Parse ``data`` (one BCBP string) against ``reference`` (today, for the dates).

    Raises:
        BcbpError: naming the field and its position when the data is malformed.
    """
    if not data:
        raise BcbpError("format code", 0, "no data")
    try:
        return _parse(data, reference, with_eticket=True)
    except BcbpError as strict:
        if len(data) <= 22 or data[22] in "E ":
            raise
        try:
            parsed = _parse(data, reference, with_eticket=False)
        except BcbpError:
            raise strict from None
        warning = "electronic ticket indicator missing (position 22); read without it"
        return replace(parsed, warnings=(warning, *parsed.warnings))


def _parse(data: str, reference: date, *, with_eticket: bool) -> BoardingPass:
    warnings: list[str] = []
    reader = _Reader(data, 0, len(data), "")
    if reader.take(1, "format code") != FORMAT_CODE:
        raise BcbpError("format code", 0, f"{data[0]!r} is not {FORMAT_CODE!r}")
    count_text = reader.take(1, "number of legs encoded")
    if not ("1" <= count_text <= str(MAX_LEGS)):
        raise BcbpError("number of legs encoded", 1, f"{count_text!r} is not 1 to {MAX_LEGS}")
    name = _printable(reader, NAME_LENGTH, "passenger name")
    eticket: str | None = None
    if with_eticket:
        eticket = reader.take(1, "electronic ticket indicator").rstrip()
        if eticket != "E":
            warnings.append(f"electronic ticket indicator is {eticket!r}, not 'E' (position 22)")
    legs: list[Leg] = []
    unique: dict[str, Any] = {}
    for index in range(int(count_text)):
        last = index == int(count_text) - 1
        leg, leg_unique = _leg(reader, index, reference, warnings, single=count_text == "1")
        legs.append(leg)
        unique.update(leg_unique)
        if not last and reader.left == 0:
            raise BcbpError(
                f"operating carrier PNR code (leg {index + 2})",
                reader.pos,
                f"cut short: the pass says {count_text} legs, the data ends after {index + 1}",
            )
    security = _security(reader, warnings, int(count_text))
    if not _PRINTABLE.fullmatch(data):
        odd = next(i for i, char in enumerate(data) if not " " <= char <= "~")
        warnings.append(f"character at position {odd} is not printable ASCII; kept as read")
    return BoardingPass(
        passenger_name=name,
        legs=tuple(legs),
        electronic_ticket=eticket,
        security=security,
        warnings=tuple(warnings),
        issue_date=_issue_date(unique.get("issue_date_text"), reference, warnings),
        **unique,
    )


def _printable(reader: _Reader, length: int, field: str) -> str:
    at = reader.pos
    text = reader.take(length, field)
    if not _PRINTABLE.fullmatch(text):
        raise BcbpError(field + reader.where, at, "holds a character that is not printable ASCII")
    return text.rstrip()


def _leg(
    reader: _Reader, index: int, reference: date, warnings: list[str], *, single: bool
) -> tuple[Leg, dict[str, Any]]:
    reader.where = f" (leg {index + 1})"
    values: dict[str, Any] = {}
    for attribute, field, length in MANDATORY_LEG_FIELDS:
        at = reader.pos
        text = _printable(reader, length, field)
        if attribute == "flight_day":
            values["flight_day"] = _flight_day(text, at, reader.where, warnings)
        else:
            values[attribute] = text
    size_at = reader.pos
    size = reader.size("field size of variable size field")
    if size == 0 and index == 0 and single and reader.left and reader.data[reader.pos] == ">":
        end = reader.data.find("^", reader.pos)
        size = (reader.end if end < 0 else end) - reader.pos
        warnings.append(
            f"leg 1 variable size at position {size_at} is 0 but conditional data follows;"
            f" read {size} characters as its conditional data"
        )
    section = reader.section(size, "field size of variable size field")
    unique: dict[str, Any] = {}
    if index == 0 and section.left:
        if section.data[section.pos] == ">":
            unique = _unique(section, warnings)
        else:
            warnings.append(f"leg 1 conditional data at position {section.pos} has no '>'")
    if section.left:
        values.update(_fields(section, REPEATED_FIELDS, "repeated", warnings))
    values["airline_use"] = section.rest()
    day = values["flight_day"]
    values["flight_date"] = None if day is None else resolve_flight_day(day, reference)
    if day is not None and values["flight_date"] is None:
        warnings.append(f"date of flight{reader.where}: no year near {reference} has day {day}")
    return Leg(**values), unique


def _flight_day(text: str, at: int, where: str, warnings: list[str]) -> int | None:
    if not text.strip():
        warnings.append(f"date of flight{where} at position {at} is blank")
        return None
    if not text.isdigit() or not 1 <= int(text) <= 366:
        raise BcbpError(f"date of flight{where}", at, f"{text!r} is not a day of the year 001-366")
    return int(text)


def _unique(section: _Reader, warnings: list[str]) -> dict[str, Any]:
    section.take(1, "beginning of version number")
    values: dict[str, Any] = {
        "version": section.take(1, "version number") if section.left else None
    }
    if section.left:
        values.update(_fields(section, UNIQUE_FIELDS, "unique", warnings))
    return values


def _fields(
    section: _Reader, specs: tuple[FieldSpec, ...], kind: str, warnings: list[str]
) -> dict[str, Any]:
    """One conditional section: its hex size, then as many of ``specs`` as the size holds."""
    field = f"field size of following structured message - {kind}"
    inner = section.section(section.size(field), field)
    values: dict[str, Any] = {}
    for attribute, name, length in specs:
        if not inner.left:
            break
        if inner.left < length:
            warnings.append(
                f"{name}{inner.where} at position {inner.pos} is cut short by its section size"
                f" ({inner.left} of {length} characters)"
            )
        values[attribute] = inner.take(min(length, inner.left), name).rstrip()
    values[f"{kind}_extra"] = inner.rest()
    return values


def _issue_date(text: str | None, reference: date, warnings: list[str]) -> date | None:
    if text is None or not text.strip():
        return None
    if len(text) != 4 or not text.isdigit():
        warnings.append(f"date of issue of boarding pass {text!r} is not YDDD; ignored")
        return None
    found = resolve_issue_date(int(text[0]), int(text[1:]), reference)
    if found is None:
        warnings.append(f"date of issue of boarding pass {text!r} is not a date; ignored")
    return found


def _security(reader: _Reader, warnings: list[str], legs: int) -> Security | None:
    reader.where = ""
    if not reader.left:
        return None
    at = reader.pos
    if reader.data[at] != "^":
        raise BcbpError(
            "beginning of security data",
            at,
            f"{reader.left} characters follow the last of {legs} legs and are not a security"
            " section ('^'): wrong leg count or a wrong variable size",
        )
    reader.take(1, "beginning of security data")
    kind = reader.take(1, "type of security data")
    length_at = reader.pos
    length = reader.size("length of security data")
    data = reader.rest()
    if len(data) != length:
        warnings.append(
            f"length of security data at position {length_at} says {length},"
            f" {len(data)} characters follow"
        )
    return Security(kind, data)
