"""The DCS API's JSON replies -> the domain's DCS types, checked field by field.

Theory of operation. A reply is untrusted input (invariant 8): every function here
takes whatever ``json.loads`` produced and either returns a frozen domain object
or raises :class:`DcsError` of kind ``invalid`` (code ``bad_reply``) whose message
names the field by its path (``passengers[1].allowance.pieces``) and says what
was expected and what came. Nothing else escapes: no KeyError, TypeError or
ValueError, whatever the reply (a hypothesis fuzz test feeds it garbage).

Shapes are those of docs/dcs-api.md (written by :mod:`.dump`): money is
``{"amount_minor": int, "currency": "EUR"}``, dates ``YYYY-MM-DD``, flight times
local ISO 8601 without an offset. Unknown keys are ignored (a newer DCS may add
fields); optional keys may be missing or null.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar

from kiosk.domain.airport.dcs import (
    BagAllowance,
    BagTag,
    BoardingPassData,
    Booking,
    DcsError,
    DcsErrorKind,
    DocumentStatus,
    DocumentVerdict,
    Flight,
    Offer,
    Passenger,
    PassengerType,
    Seat,
    SeatMap,
    SeatRow,
    SeatStatus,
)
from kiosk.domain.money import Money, MoneyError

T = TypeVar("T")
E = TypeVar("E", bound=Enum)
_MISSING: Any = object()
_LICENCE_PLATE = re.compile(r"[0-9]{10}")


def bad(path: str, expected: str, got: object) -> DcsError:
    """The ``invalid`` error for field ``path``: what was expected, what came (cut short)."""
    shown = repr(got)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return DcsError(
        DcsErrorKind.INVALID, f"DCS reply: {path}: expected {expected}, got {shown}", "bad_reply"
    )


def _obj(value: object, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise bad(path, "an object", value)
    return value


def _field(data: dict[str, Any], key: str, path: str, default: Any) -> tuple[Any, str]:
    where = f"{path}.{key}" if path else key
    value = data.get(key, _MISSING)
    if value is _MISSING or (value is None and default is not _MISSING):
        if default is _MISSING:
            raise bad(where, "a value (the field is missing)", None)
        return default, where
    return value, where


def _str(data: dict[str, Any], key: str, path: str, default: Any = _MISSING) -> str:
    value, where = _field(data, key, path, default)
    if not isinstance(value, str):
        raise bad(where, "a string", value)
    return value


def _int(data: dict[str, Any], key: str, path: str, default: Any = _MISSING) -> int:
    value, where = _field(data, key, path, default)
    if not isinstance(value, int) or isinstance(value, bool):
        raise bad(where, "an integer", value)
    if value < 0:
        raise bad(where, "an integer >= 0", value)
    return value


def _bool(data: dict[str, Any], key: str, path: str, default: Any = _MISSING) -> bool:
    value, where = _field(data, key, path, default)
    if not isinstance(value, bool):
        raise bad(where, "true or false", value)
    return value


def _list(data: dict[str, Any], key: str, path: str, default: Any = _MISSING) -> list[Any]:
    value, where = _field(data, key, path, default)
    if not isinstance(value, list):
        raise bad(where, "a list", value)
    return value


def _items(
    data: dict[str, Any], key: str, path: str, item: Callable[[object, str], T], optional: bool
) -> tuple[T, ...]:
    values = _list(data, key, path, [] if optional else _MISSING)
    where = f"{path}.{key}" if path else key
    return tuple(item(value, f"{where}[{index}]") for index, value in enumerate(values))


def _string_item(value: object, path: str) -> str:
    if not isinstance(value, str):
        raise bad(path, "a string", value)
    return value


def _enum(kind: type[E], data: dict[str, Any], key: str, path: str) -> E:
    value, where = _field(data, key, path, _MISSING)
    for member in kind:
        if member.value == value:
            return member
    choices = ", ".join(repr(member.value) for member in kind)
    raise bad(where, f"one of {choices}", value)


def _datetime(data: dict[str, Any], key: str, path: str, optional: bool = False) -> Any:
    value, where = _field(data, key, path, None if optional else _MISSING)
    if value is None:
        return None
    expected = "a local date and time (YYYY-MM-DDTHH:MM:SS, no offset)"
    if not isinstance(value, str):
        raise bad(where, expected, value)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise bad(where, expected, value) from None
    if parsed.tzinfo is not None or len(value) < 16 or value[10] != "T":
        raise bad(where, expected, value)
    return parsed


def _date(data: dict[str, Any], key: str, path: str) -> date | None:
    value, where = _field(data, key, path, None)
    if value is None:
        return None
    if not isinstance(value, str) or len(value) != 10:
        raise bad(where, "a date (YYYY-MM-DD)", value)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise bad(where, "a date (YYYY-MM-DD)", value) from None


def _money(data: dict[str, Any], key: str, path: str) -> Money | None:
    value, where = _field(data, key, path, None)
    if value is None:
        return None
    amount = _obj(value, where)
    minor = amount.get("amount_minor")
    if not isinstance(minor, int) or isinstance(minor, bool):
        raise bad(f"{where}.amount_minor", "an integer (minor units)", minor)
    currency = _str(amount, "currency", where)
    try:
        return Money(minor, currency)
    except MoneyError:
        raise bad(f"{where}.currency", "an ISO 4217 currency code", currency) from None


def allowance(value: object, path: str) -> BagAllowance | None:
    if value is None:
        return None
    data = _obj(value, path)
    return BagAllowance(
        pieces=_int(data, "pieces", path),
        max_weight_g=_int(data, "max_weight_g", path),
        heavy_limit_g=_int(data, "heavy_limit_g", path),
        extra_piece_fee=_money(data, "extra_piece_fee", path),
        overweight_fee=_money(data, "overweight_fee", path),
    )


def passenger(value: object, path: str = "") -> Passenger:
    data = _obj(value, path or "reply")
    seats_value, seats_where = _field(data, "seats", path, {})
    seats = _obj(seats_value, seats_where)
    for segment, seat in seats.items():
        if not isinstance(seat, str):
            raise bad(f"{seats_where}.{segment}", "a seat number (string)", seat)
    return Passenger(
        passenger_id=_str(data, "passenger_id", path),
        surname=_str(data, "surname", path),
        given_names=_str(data, "given_names", path, ""),
        type=_enum(PassengerType, data, "type", path),
        ticket_number=_str(data, "ticket_number", path, ""),
        frequent_flyer=_str(data, "frequent_flyer", path, ""),
        seat=_str(data, "seat", path, ""),
        checked_in=_bool(data, "checked_in", path, False),
        sequence_number=_int(data, "sequence_number", path, 0),
        inhibited=_str(data, "inhibited", path, ""),
        document_required=_bool(data, "document_required", path, True),
        infant_of=_str(data, "infant_of", path, ""),
        allowance=allowance(data.get("allowance"), f"{path}.allowance" if path else "allowance"),
        seats=tuple(seats.items()),
    )


def flight(value: object, path: str) -> Flight:
    data = _obj(value, path)
    return Flight(
        segment_id=_str(data, "segment_id", path),
        airline=_str(data, "airline", path),
        number=_str(data, "number", path),
        origin=_str(data, "origin", path),
        destination=_str(data, "destination", path),
        departure=_datetime(data, "departure", path),
        arrival=_datetime(data, "arrival", path),
        cabin=_str(data, "cabin", path),
        compartment=_str(data, "compartment", path),
        gate=_str(data, "gate", path, ""),
        boarding_time=_datetime(data, "boarding_time", path, optional=True),
        open_for_checkin=_bool(data, "open_for_checkin", path, True),
    )


def offer(value: object, path: str) -> Offer:
    data = _obj(value, path)
    price = _money(data, "price", path)
    if price is None:
        raise bad(f"{path}.price", "an amount", None)
    return Offer(
        offer_id=_str(data, "offer_id", path),
        kind=_str(data, "kind", path),
        title=_str(data, "title", path),
        price=price,
        passenger_id=_str(data, "passenger_id", path, ""),
    )


def booking(value: object, path: str = "") -> Booking:
    """A ``Booking`` reply (``GET /bookings/{locator}``, ``POST .../check-in``)."""
    data = _obj(value, path or "reply")
    return Booking(
        record_locator=_str(data, "record_locator", path),
        passengers=_items(data, "passengers", path, passenger, optional=False),
        flights=_items(data, "flights", path, flight, optional=False),
        safety_questions=_items(data, "safety_questions", path, _string_item, optional=True),
        offers=_items(data, "offers", path, offer, optional=True),
    )


def bookings(value: object) -> tuple[Booking, ...]:
    """The ``{"bookings": [...]}`` reply of a search by name."""
    return _items(_obj(value, "reply"), "bookings", "", booking, optional=False)


def verdict(value: object) -> DocumentVerdict:
    """The ``{"verdict": {...}}`` reply to an APIS document."""
    data = _obj(_obj(value, "reply").get("verdict"), "verdict")
    return DocumentVerdict(
        status=_enum(DocumentStatus, data, "status", "verdict"),
        reason=_str(data, "reason", "verdict", ""),
    )


def _seat(value: object, path: str) -> Seat | None:
    if value is None:
        return None
    data = _obj(value, path)
    return Seat(
        number=_str(data, "number", path),
        status=_enum(SeatStatus, data, "status", path),
        exit_row=_bool(data, "exit_row", path, False),
        extra_legroom=_bool(data, "extra_legroom", path, False),
        window=_bool(data, "window", path, False),
        aisle=_bool(data, "aisle", path, False),
        price=_money(data, "price", path),
    )


def _row(value: object, path: str) -> SeatRow:
    data = _obj(value, path)
    return SeatRow(
        row=_int(data, "row", path), seats=_items(data, "seats", path, _seat, optional=False)
    )


def seat_map(value: object) -> SeatMap:
    """A seat map reply."""
    data = _obj(value, "reply")
    return SeatMap(
        segment_id=_str(data, "segment_id", ""),
        columns=_str(data, "columns", ""),
        rows=_items(data, "rows", "", _row, optional=False),
    )


def bag_tag(value: object) -> BagTag:
    """The reply to an accepted bag."""
    data = _obj(value, "reply")
    plate = _str(data, "licence_plate", "")
    if not _LICENCE_PLATE.fullmatch(plate):
        raise bad("licence_plate", "10 digits (IATA Resolution 740)", plate)
    routing = _items(data, "routing", "", _string_item, optional=False)
    if not routing:
        raise bad("routing", "at least one airport", [])
    return BagTag(
        passenger_id=_str(data, "passenger_id", ""),
        licence_plate=plate,
        weight_g=_int(data, "weight_g", ""),
        destination=_str(data, "destination", ""),
        routing=routing,
        flight=_str(data, "flight", ""),
        fee=_money(data, "fee", ""),
    )


def _boarding_pass(value: object, path: str) -> BoardingPassData:
    data = _obj(value, path)
    return BoardingPassData(
        passenger_id=_str(data, "passenger_id", path),
        segment_id=_str(data, "segment_id", path),
        name=_str(data, "name", path),
        flight=_str(data, "flight", path),
        origin=_str(data, "origin", path),
        destination=_str(data, "destination", path),
        departure=_datetime(data, "departure", path),
        boarding_time=_datetime(data, "boarding_time", path, optional=True),
        gate=_str(data, "gate", path, ""),
        seat=_str(data, "seat", path, ""),
        sequence_number=_int(data, "sequence_number", path),
        group=_str(data, "group", path, ""),
        compartment=_str(data, "compartment", path),
        bcbp=_str(data, "bcbp", path),
        extras=_items(data, "extras", path, _string_item, optional=True),
    )


def boarding_passes(value: object) -> tuple[BoardingPassData, ...]:
    """The ``{"boarding_passes": [...]}`` reply."""
    return _items(_obj(value, "reply"), "boarding_passes", "", _boarding_pass, optional=False)


def cancelled(value: object) -> tuple[str, ...]:
    """The ``{"cancelled": ["P1", ...]}`` reply to a cancelled check-in."""
    return _items(_obj(value, "reply"), "cancelled", "", _string_item, optional=False)


def error(value: object) -> tuple[str, str]:
    """``(code, message)`` of an error reply ``{"error": {"code", "message"}}``; ``("", "")``
    when the body is not one (a proxy's HTML page, say): never raises."""
    if isinstance(value, dict) and isinstance(value.get("error"), dict):
        body = value["error"]
        code, message = body.get("code"), body.get("message")
        return (
            code if isinstance(code, str) else "",
            message if isinstance(message, str) else "",
        )
    return "", ""
