"""Field types of the HQ API models: every text field is a :class:`Text`, audit details
are :class:`JsonDetails`. One definition each, so a rule (no control characters, no card
numbers in free text, a length the database column can hold) cannot be forgotten on one
field.

Everything here runs while the request body is validated, before any database access,
and every refusal is a pydantic error (the app answers 422 naming the field). Messages
never quote the refused value: it may be a card number.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import Field, GetCoreSchemaHandler
from pydantic_core import PydanticCustomError, core_schema

from kiosk.hq.cards import card_number_in, masked_pan_problem

# C0 and C1 controls, DEL and lone surrogates: PostgreSQL refuses NUL in text, a
# surrogate cannot be encoded as UTF-8, and none of them belongs in a name or a note.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def check_printable(value: str) -> str:
    """``value`` unchanged.

    Raises:
        PydanticCustomError: ``text_control_character`` naming the code point and position.
    """
    bad = _UNPRINTABLE.search(value)
    if bad is not None:
        raise PydanticCustomError(
            "text_control_character",
            "must not contain control characters ({code} at position {at})",
            {"code": f"U+{ord(bad.group(0)):04X}", "at": bad.start()},
        )
    return value


def check_no_card_number(value: str) -> str:
    """``value`` unchanged.

    Raises:
        PydanticCustomError: ``card_number`` if it holds a full card number.
    """
    if card_number_in(value):
        raise PydanticCustomError(
            "card_number",
            "holds what looks like a full card number (a Luhn-valid run of 13-19 digits); "
            "HQ never stores one",
        )
    return value


# A machine-readable zone line (ICAO 9303): 30-44 characters of A-Z, 0-9 and '<' with
# '<<' somewhere. Shorter runs of that alphabet occur in honest text.
_MRZ_LIKE = re.compile(r"[A-Z0-9<]{20,}")


def check_no_mrz(value: str) -> str:
    """``value`` unchanged.

    Raises:
        PydanticCustomError: ``mrz_text`` if it holds what looks like a passport's MRZ line.
    """
    if any("<<" in run for run in _MRZ_LIKE.findall(value.upper())):
        raise PydanticCustomError(
            "mrz_text", "holds what looks like a travel document's MRZ; HQ never stores one"
        )
    return value


@dataclass(frozen=True, slots=True)
class Text:
    """The one constraint of every text field: ``Annotated[str, Text(64)]``.

    Strings of ``min_length``..``max_length`` characters (never more than the database
    column holds; tests/hq compares the two), matching ``pattern`` if given, with no
    control character. ``free=True`` marks free text people type (reasons, notes), which
    is also refused if it holds a card number; ``mrz=True`` also refuses MRZ-like text
    (a passport's machine-readable zone); ``masked_pan=True`` accepts only a masked
    card number.
    """

    max_length: int
    min_length: int = 0
    pattern: str | None = None
    free: bool = False
    masked_pan: bool = False
    mrz: bool = False

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        inner = core_schema.str_schema(
            min_length=self.min_length,
            max_length=self.max_length,
            pattern=self.pattern,
            strict=True,
        )
        return core_schema.no_info_after_validator_function(self.check, inner)

    def check(self, value: str) -> str:
        """``value`` if it passes the rules beyond length and pattern.

        Raises:
            PydanticCustomError: naming the rule it breaks.
        """
        check_printable(value)
        if self.masked_pan:
            problem = masked_pan_problem(value)
            if problem is not None:
                raise PydanticCustomError("masked_pan", problem)
        if self.free:
            check_no_card_number(value)
        if self.mrz:
            check_no_mrz(value)
        return value


def _check_utc(value: str) -> str:
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError(
            "utc_time", "is not a real date and time (month 1-12, day of that month, 00:00-23:59)"
        ) from None
    return value


@dataclass(frozen=True, slots=True)
class _RealTime:
    """After the pattern: the date and time must exist (no 2024-13-45T99:99:99Z)."""

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(_check_utc, handler(source))


Ident = Annotated[str, Text(64, min_length=1, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
# UTC, ISO 8601 with "Z": the lane's one time format; text order is time order.
_UTC = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?Z$"
UtcTime = Annotated[str, Text(32, pattern=_UTC), _RealTime()]
ShortText = Annotated[str, Text(64)]
LongText = Annotated[str, Text(200)]
FreeText = Annotated[str, Text(500, free=True)]
MaskedPan = Annotated[str, Text(32, masked_pan=True)]
Rate = Annotated[str, Text(8, pattern=r"^[0-9]{1,3}(\.[0-9]{1,4})?$")]
Minor = Annotated[int, Field(ge=-(10**12), le=10**12)]
Count = Annotated[int, Field(ge=0, le=10**9)]

MAX_DEPTH = 8
MAX_DETAILS_CHARS = 16_000  # twice what the lane allows (kiosk.store.audit.MAX_DETAILS)
_MAX_KEY = 200
_SAFE_INT = 2**53  # what every JSON reader keeps exactly


def _details_error(path: str, why: str) -> PydanticCustomError:
    if not path:
        return PydanticCustomError("audit_details", "{why}", {"why": why})
    return PydanticCustomError("audit_details", "at {path}: {why}", {"path": path, "why": why})


def _check_leaf(value: Any, path: str) -> None:
    if isinstance(value, str):
        try:
            check_printable(value)
            check_no_card_number(value)
        except PydanticCustomError as error:
            raise _details_error(path, error.message()) from None
    elif isinstance(value, bool) or value is None:
        return
    elif isinstance(value, int):
        if abs(value) > _SAFE_INT:
            raise _details_error(path, "a number beyond +/-2**53")
        if card_number_in(str(value)):
            raise _details_error(path, "a number that looks like a full card number")
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise _details_error(path, "a number that is not finite")
    else:
        raise _details_error(path, f"a {type(value).__name__}, not a JSON value")


def check_details(value: Any) -> Any:
    """``value`` unchanged if it is a JSON object within limits: at most ``MAX_DEPTH``
    levels, ``MAX_DETAILS_CHARS`` characters as compact JSON, text without control
    characters or card numbers (keys too). Walks without recursion, so a body nested
    thousands deep is refused instead of overflowing the stack.

    Raises:
        PydanticCustomError: ``audit_details`` naming the path of the first problem.
    """
    if not isinstance(value, dict):
        return value  # the dict schema after this says what is wrong
    stack: list[tuple[Any, str, int]] = [(value, "", 1)]
    while stack:
        node, path, depth = stack.pop()
        if isinstance(node, dict | list) and depth > MAX_DEPTH:
            raise _details_error(path, f"nested deeper than {MAX_DEPTH} levels")
        if isinstance(node, dict):
            for key, item in node.items():
                if not isinstance(key, str) or len(key) > _MAX_KEY:
                    raise _details_error(path, f"a key that is not text of 1-{_MAX_KEY} characters")
                _check_leaf(key, path)
                stack.append((item, f"{path}.{key}" if path else key, depth + 1))
        elif isinstance(node, list):
            stack.extend((item, f"{path}[{n}]", depth + 1) for n, item in enumerate(node))
        else:
            _check_leaf(node, path)
    size = len(json.dumps(value, ensure_ascii=False, separators=(",", ":")))
    if size > MAX_DETAILS_CHARS:
        raise _details_error("", f"{size} characters of JSON, more than {MAX_DETAILS_CHARS}")
    return value


@dataclass(frozen=True, slots=True)
class _DetailsLimits:
    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        # Before the dict schema: the limits hold before pydantic walks the value.
        return core_schema.no_info_before_validator_function(check_details, handler(source))


JsonDetails = Annotated[dict[str, Any], _DetailsLimits()]
