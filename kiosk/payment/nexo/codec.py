"""JSON and field helpers shared by the nexo request and response codecs (no I/O).

Amounts travel as JSON numbers in major units (``12.34``); they are parsed as
:class:`~decimal.Decimal` and never as floats. Every reading helper raises
:class:`~kiosk.payment.errors.TerminalProtocolError` naming the JSON path, so a
garbled message becomes one clear error rather than a ``KeyError``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from kiosk.domain.money import Money, MoneyError
from kiosk.payment.errors import TerminalProtocolError

PROTOCOL_VERSION = "3.0"
CATEGORIES = ("Payment", "TransactionStatus", "Abort", "Reversal")
_B36 = "0123456789abcdefghijklmnopqrstuvwxyz"


def service_id_for(reference: str) -> str:
    """The ServiceID (at most 10 characters) of the request that carries ``reference``.

    Derived from the reference so that a status inquiry after a crash can name the
    original request from the journal's reference alone.
    """
    number = int.from_bytes(hashlib.sha256(reference.encode()).digest()[:8], "big")
    chars = []
    for _ in range(10):
        number, digit = divmod(number, 36)
        chars.append(_B36[digit])
    return "".join(chars)


@dataclass(frozen=True, slots=True)
class Header:
    """The nexo MessageHeader of a Service message."""

    category: str
    message_type: str  # "Request" or "Response"
    sale_id: str
    service_id: str
    poi_id: str

    def to_json(self) -> dict[str, Any]:
        """The MessageHeader object for the wire."""
        return {
            "ProtocolVersion": PROTOCOL_VERSION,
            "MessageClass": "Service",
            "MessageCategory": self.category,
            "MessageType": self.message_type,
            "SaleID": self.sale_id,
            "ServiceID": self.service_id,
            "POIID": self.poi_id,
        }

    @classmethod
    def from_json(cls, data: Any, path: str) -> Header:
        """Read a MessageHeader at ``path``.

        Raises:
            TerminalProtocolError: for a missing field or an unsupported category.
        """
        category = text(data, path, "MessageCategory")
        if category not in CATEGORIES:
            raise TerminalProtocolError(f"{path}.MessageCategory: unsupported {category!r}")
        return cls(
            category,
            text(data, path, "MessageType"),
            text(data, path, "SaleID"),
            text(data, path, "ServiceID"),
            text(data, path, "POIID"),
        )

    def answer(self) -> Header:
        """The header of the response to this request."""
        return Header(self.category, "Response", self.sale_id, self.service_id, self.poi_id)


def dumps(message: dict[str, Any]) -> bytes:
    """Encode a message; Decimal amounts are written as exact JSON numbers."""
    return json.dumps(_plain(message), separators=(",", ":")).encode()


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        as_float = float(value)
        if Decimal(repr(as_float)) != value:  # pragma: no cover - amounts are far below 2**53
            raise TerminalProtocolError(f"amount {value} cannot be written exactly")
        return as_float
    return value


def loads(body: bytes | str) -> dict[str, Any]:
    """Parse a message body into a JSON object (numbers with decimals become Decimal).

    Raises:
        TerminalProtocolError: if the body is not a JSON object.
    """
    try:
        data = json.loads(body, parse_float=Decimal, parse_constant=_no_constant)
    except (ValueError, RecursionError) as error:
        raise TerminalProtocolError(f"not JSON: {error}") from None
    if not isinstance(data, dict):
        raise TerminalProtocolError("not a JSON object")
    return data


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def obj(data: Any, path: str, key: str, *, required: bool = True) -> dict[str, Any]:
    """``data[key]`` as an object (``{}`` when optional and absent)."""
    if not isinstance(data, dict):
        raise TerminalProtocolError(f"{path}: expected an object")
    value = data.get(key)
    if value is None and not required:
        return {}
    if not isinstance(value, dict):
        raise TerminalProtocolError(f"{path}.{key}: expected an object")
    return value


def text(data: Any, path: str, key: str, *, required: bool = True) -> str:
    """``data[key]`` as a string (``""`` when optional and absent)."""
    if not isinstance(data, dict):
        raise TerminalProtocolError(f"{path}: expected an object")
    value = data.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or len(value) > 4096:
        raise TerminalProtocolError(f"{path}.{key}: expected text")
    return value


def amount(data: Any, path: str, number_key: str, currency: str) -> Money:
    """``data[number_key]`` (major units) as Money in ``currency``."""
    value = data.get(number_key) if isinstance(data, dict) else None
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise TerminalProtocolError(f"{path}.{number_key}: expected an amount")
    if isinstance(value, Decimal) and (not value.is_finite() or abs(value.adjusted()) > 15):
        raise TerminalProtocolError(f"{path}.{number_key}: amount out of range")
    try:
        return Money.parse(str(value), currency)
    except (MoneyError, ArithmeticError) as error:
        raise TerminalProtocolError(f"{path}.{number_key}: {error}") from None


def money_json(money: Money) -> Decimal:
    """Money as the major-unit Decimal the wire carries."""
    return money.to_decimal()


def rejection(message: dict[str, Any]) -> str | None:
    """If ``message`` is an EventNotification (how a terminal refuses a message), the
    event and its details as one line; else None."""
    request = message.get("SaleToPOIRequest")
    event = request.get("EventNotification") if isinstance(request, dict) else None
    if not isinstance(event, dict):
        return None
    details = event.get("EventDetails")
    return f"{event.get('EventToNotify')!s}: {details!s}"[:300]


def event_notification(
    event: str, details: str, sale_id: str, poi_id: str, timestamp: str
) -> dict[str, Any]:
    """An EventNotification message (the simulator's way to refuse a message)."""
    header = {
        "ProtocolVersion": PROTOCOL_VERSION,
        "MessageClass": "Event",
        "MessageCategory": "Event",
        "MessageType": "Notification",
        "SaleID": sale_id,
        "ServiceID": "",
        "POIID": poi_id,
    }
    return {
        "SaleToPOIRequest": {
            "MessageHeader": header,
            "EventNotification": {
                "TimeStamp": timestamp,
                "EventToNotify": event,
                "EventDetails": details,
            },
        }
    }
