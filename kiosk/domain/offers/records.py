"""Offers as plain records (JSON objects from HQ, rows of the lane store) and back.

A record is a mapping with ``offer_id``, ``name``, ``kind`` (an
:class:`~.model.OfferKind` value) and the fields of that kind: ``skus`` (list of
strings), ``quantity``, ``pay_units``, ``price``, ``amount``, ``spend`` (integers,
minor units), ``percent`` (a decimal string such as "12.5"), ``once`` and
``members_only`` (booleans), ``components`` (list of lists of SKUs), ``starts_at`` /
``ends_at`` (ISO 8601 with a time zone, or null). Unknown keys are refused, so a
typo does not silently drop a rule. Every error names the offer and the field.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from kiosk.domain.offers.model import Offer, OfferError, OfferKind

_FIELDS = frozenset(
    {
        "offer_id", "name", "kind", "skus", "quantity", "pay_units", "price", "percent",
        "amount", "once", "spend", "components", "starts_at", "ends_at", "members_only",
    }
)  # fmt: skip
_INTS = ("quantity", "pay_units", "price", "amount", "spend")
MAX_SKUS = 10_000


def _where(record: Mapping[str, Any]) -> str:
    offer_id = record.get("offer_id")
    return f"offer {offer_id!r}" if isinstance(offer_id, str) else "offer"


def _text(record: Mapping[str, Any], name: str, longest: int) -> str:
    value = record.get(name)
    if not isinstance(value, str) or not value.strip() or len(value) > longest:
        raise OfferError(f"{_where(record)}: {name} must be a text of 1-{longest} characters")
    if not value.isprintable():
        raise OfferError(f"{_where(record)}: {name} holds a control character")
    return value


def _skus(record: Mapping[str, Any], name: str, value: Any) -> frozenset[str]:
    if not isinstance(value, list) or len(value) > MAX_SKUS:
        raise OfferError(f"{_where(record)}: {name} must be a list of SKUs")
    if not all(isinstance(sku, str) and sku and len(sku) <= 64 for sku in value):
        raise OfferError(f"{_where(record)}: {name} must hold SKU texts of 1-64 characters")
    return frozenset(value)


def _time(record: Mapping[str, Any], name: str) -> datetime | None:
    value = record.get(name)
    if value is None:
        return None
    try:
        at = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        at = None
    if at is None or at.tzinfo is None:
        raise OfferError(f"{_where(record)}: {name} must be ISO 8601 with a time zone")
    return at


def _percent(record: Mapping[str, Any]) -> Fraction | None:
    value = record.get("percent")
    if value is None:
        return None
    try:
        number = Decimal(value) if isinstance(value, str) else None
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        raise OfferError(f"{_where(record)}: percent must be a decimal text such as '12.5'")
    return Fraction(number)


def offer_from_record(record: Mapping[str, Any]) -> Offer:
    """The :class:`Offer` of ``record``.

    Raises:
        OfferError: naming the offer and the field, for anything missing or wrong.
    """
    if not isinstance(record, Mapping):
        raise OfferError(f"an offer must be an object, got {type(record).__name__}")
    unknown = sorted(str(k) for k in record if k not in _FIELDS)
    if unknown:
        raise OfferError(f"{_where(record)}: unknown field {unknown[0]!r}")
    offer_id, name = _text(record, "offer_id", 64), _text(record, "name", 200)
    try:
        kind = OfferKind(record.get("kind"))
    except ValueError:
        known = ", ".join(k.value for k in OfferKind)
        raise OfferError(f"{_where(record)}: kind must be one of {known}") from None
    numbers: dict[str, int | None] = {}
    for field in _INTS:
        value = record.get(field)
        if value is not None and (type(value) is not int or not 0 <= value <= 10**12):
            raise OfferError(f"{_where(record)}: {field} must be an integer from 0 to 10^12")
        numbers[field] = value
    flags = {}
    for field in ("once", "members_only"):
        value = record.get(field, False)
        if not isinstance(value, bool):
            raise OfferError(f"{_where(record)}: {field} must be true or false")
        flags[field] = value
    components = record.get("components") or []
    if not isinstance(components, list) or len(components) > 20:
        raise OfferError(f"{_where(record)}: components must be a list of SKU lists")
    return Offer(
        offer_id,
        name,
        kind,
        skus=_skus(record, "skus", record.get("skus") or []),
        quantity=numbers["quantity"] or 0,
        pay_units=numbers["pay_units"],
        price=numbers["price"],
        percent=_percent(record),
        amount=numbers["amount"],
        once=flags["once"],
        spend=numbers["spend"],
        components=tuple(_skus(record, f"components[{n}]", c) for n, c in enumerate(components)),
        starts_at=_time(record, "starts_at"),
        ends_at=_time(record, "ends_at"),
        members_only=flags["members_only"],
    )


def offer_to_record(offer: Offer) -> dict[str, Any]:
    """The record of ``offer`` (what :func:`offer_from_record` reads back)."""
    record: dict[str, Any] = {
        "offer_id": offer.offer_id,
        "name": offer.name,
        "kind": offer.kind.value,
        "skus": sorted(offer.skus),
    }
    for field in _INTS:
        value = getattr(offer, field)
        if value is not None and not (field == "quantity" and value == 0):
            record[field] = value
    if offer.percent is not None:
        record["percent"] = _percent_text(offer.percent)
    if offer.once:
        record["once"] = True
    if offer.members_only:
        record["members_only"] = True
    if offer.components:
        record["components"] = [sorted(c) for c in offer.components]
    for field in ("starts_at", "ends_at"):
        at = getattr(offer, field)
        if at is not None:
            record[field] = at.isoformat()
    return record


def _percent_text(percent: Fraction) -> str:
    exact = Decimal(percent.numerator) / Decimal(percent.denominator)
    return format(exact.normalize(), "f")


__all__ = ["offer_from_record", "offer_to_record"]
