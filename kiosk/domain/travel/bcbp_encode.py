"""Write a :class:`BoardingPass` as a BCBP string (IATA Resolution 792), for printing.

Every field is left-justified and padded with blanks to its width; sizes are
two upper-case hex digits computed from what follows. A pass parsed from a
well-formed string encodes back to the same string. Raises :class:`BcbpError`
(field and the position it would have had) for a value that does not fit.
"""

from __future__ import annotations

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
)
from kiosk.domain.travel.errors import BcbpError

_MAX_SIZE = 0xFF


def encode_bcbp(boarding_pass: BoardingPass) -> str:
    """The BCBP string of ``boarding_pass``.

    Raises:
        BcbpError: a field longer than its width, a non-ASCII character, no legs
            or more than four, a section longer than 255 characters.
    """
    legs = boarding_pass.legs
    if not 1 <= len(legs) <= MAX_LEGS:
        raise BcbpError("number of legs encoded", 1, f"{len(legs)} legs, expected 1 to {MAX_LEGS}")
    out = [FORMAT_CODE, str(len(legs))]
    out.append(_fit(boarding_pass.passenger_name, NAME_LENGTH, "passenger name", 2))
    if boarding_pass.electronic_ticket is not None:
        out.append(_fit(boarding_pass.electronic_ticket, 1, "electronic ticket indicator", 22))
    for index, leg in enumerate(legs):
        at = sum(map(len, out))
        where = f" (leg {index + 1})"
        out.append(_mandatory(leg, where, at))
        variable = _variable(boarding_pass, leg, index, where, at + len(out[-1]) + 2)
        out.append(_size(len(variable), f"field size of variable size field{where}", at))
        out.append(variable)
    if boarding_pass.security is not None:
        security = boarding_pass.security
        at = sum(map(len, out))
        out.append("^" + _fit(security.type, 1, "type of security data", at + 1))
        out.append(_size(len(security.data), "length of security data", at + 2))
        out.append(_ascii(security.data, "security data", at + 4))
    return "".join(out)


def _mandatory(leg: Leg, where: str, at: int) -> str:
    parts: list[str] = []
    for attribute, field, length in MANDATORY_LEG_FIELDS:
        position = at + sum(map(len, parts))
        if attribute == "flight_day":
            day = leg.flight_day
            if day is not None and not 1 <= day <= 366:
                raise BcbpError(f"{field}{where}", position, f"{day} is not a day 1-366")
            parts.append(" " * length if day is None else f"{day:03d}")
        else:
            parts.append(_fit(getattr(leg, attribute), length, f"{field}{where}", position))
    return "".join(parts)


def _variable(boarding_pass: BoardingPass, leg: Leg, index: int, where: str, at: int) -> str:
    out: list[str] = []
    if index == 0 and boarding_pass.has_unique_section():
        version = boarding_pass.version or ""
        out.append(">" + _fit(version, 1, "version number", at + 1))
        body = _section(boarding_pass, UNIQUE_FIELDS, boarding_pass.unique_extra, where, at + 4)
        out.append(_size(len(body), "field size of following structured message - unique", at + 2))
        out.append(body)
    if leg.has_repeated_section():
        start = at + sum(map(len, out))
        body = _section(leg, REPEATED_FIELDS, leg.repeated_extra, where, start + 2)
        field = f"field size of following structured message - repeated{where}"
        out.append(_size(len(body), field, start))
        out.append(body)
    out.append(_ascii(leg.airline_use, f"airline individual use{where}", at + sum(map(len, out))))
    return "".join(out)


def _section(holder: object, specs: tuple[FieldSpec, ...], extra: str, where: str, at: int) -> str:
    """The fields of a conditional section up to the last one present (a prefix)."""
    values = [getattr(holder, attribute) for attribute, _, _ in specs]
    present = max((i + 1 for i, value in enumerate(values) if value is not None), default=0)
    if extra:
        present = len(specs)
    parts: list[str] = []
    for (_, field, length), value in zip(specs[:present], values[:present], strict=True):
        parts.append(_fit(value or "", length, f"{field}{where}", at + sum(map(len, parts))))
    parts.append(_ascii(extra, f"conditional data after the known fields{where}", at))
    return "".join(parts)


def _size(length: int, field: str, at: int) -> str:
    if length > _MAX_SIZE:
        raise BcbpError(field, at, f"{length} characters do not fit in two hex digits")
    return f"{length:02X}"


def _fit(value: str, length: int, field: str, at: int) -> str:
    if len(value) > length:
        raise BcbpError(field, at, f"{value!r} is longer than {length} characters")
    return _ascii(value, field, at).ljust(length)


def _ascii(value: str, field: str, at: int) -> str:
    if not all(" " <= char <= "~" for char in value):
        raise BcbpError(field, at, "holds a character that is not printable ASCII")
    return value
