"""Coupon offers and GS1 family lists as plain records (HQ's file and feed, the lane store).

A coupon offer record::

    {"coupon_id": "store:00042", "name": "Bread 0.50 off", "save": "amount_off",
     "value": 50, "requirements": [{"amount": 1, "code": "units", "skus": ["bread"]}],
     "rules": null, "applies_to": 0, "starts": "2026-12-01", "expires": "2026-12-31"}

``coupon_id`` is ``store:<5 digits>`` (the offer id in a store coupon's EAN-13) or
``8112:<funder prefix>:<offer code>`` (a paperless coupon); ``save`` a
:class:`~.coupons.SaveKind` value; a requirement's ``code`` one of ``units``, ``cash``,
``transaction``, ``pounds``, ``kilograms`` with ``skus`` and/or ``company_prefix``;
``rules`` (with several requirements) one of ``any``, ``all``, ``primary_and_one``,
``second_or_third``. A family record: ``{"company_prefix": "0614141", "family": "120",
"skus": [...]}``. Unknown keys are refused; every error names the coupon and the field.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from kiosk.domain.gs1.coupon import PurchaseRules, RequirementCode
from kiosk.domain.offers.coupons import Coupon, CouponOffer, Requirement, SaveKind
from kiosk.domain.offers.model import OfferError

_FIELDS = frozenset(
    {"coupon_id", "name", "save", "value", "requirements", "rules", "applies_to", "starts",
     "expires"}
)  # fmt: skip
_CODES = {
    "units": RequirementCode.UNITS,
    "cash": RequirementCode.CASH,
    "transaction": RequirementCode.TRANSACTION,
    "pounds": RequirementCode.POUNDS,
    "kilograms": RequirementCode.KILOGRAMS,
}
_RULES = {
    "any": PurchaseRules.ANY,
    "all": PurchaseRules.ALL,
    "primary_and_one": PurchaseRules.PRIMARY_AND_ONE,
    "second_or_third": PurchaseRules.SECOND_OR_THIRD_ONLY,
}


def _fail(record: Mapping[str, Any], name: str, why: str) -> OfferError:
    coupon_id = record.get("coupon_id")
    where = f"coupon {coupon_id!r}" if isinstance(coupon_id, str) else "coupon"
    return OfferError(f"{where}: {name} {why}")


def _int(record: Mapping[str, Any], name: str, low: int, high: int) -> int:
    value = record.get(name)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _fail(record, name, f"must be an integer from {low} to {high}")
    return value


def _date(record: Mapping[str, Any], name: str) -> date | None:
    value = record.get(name)
    if value is None:
        return None
    try:
        if not isinstance(value, str):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise _fail(record, name, "must be a date YYYY-MM-DD or null") from None


def _skus(record: Mapping[str, Any], value: Any) -> frozenset[str]:
    if not isinstance(value, list) or not all(
        isinstance(sku, str) and 0 < len(sku) <= 64 for sku in value
    ):
        raise _fail(record, "skus", "must be a list of SKU texts")
    return frozenset(value)


def _requirement(record: Mapping[str, Any], raw: Any) -> Requirement:
    if not isinstance(raw, dict) or set(raw) - {"amount", "code", "skus", "company_prefix"}:
        raise _fail(record, "requirements", "entries are {amount, code, skus, company_prefix}")
    code = _CODES.get(raw.get("code", "units"))
    if code is None:
        raise _fail(record, "requirements.code", f"must be one of {', '.join(_CODES)}")
    prefix = raw.get("company_prefix")
    if prefix is not None and not (isinstance(prefix, str) and prefix.isdigit()):
        raise _fail(record, "requirements.company_prefix", "must be digits or null")
    skus = _skus(record, raw.get("skus", []))
    if code is not RequirementCode.TRANSACTION and not skus and prefix is None:
        raise _fail(record, "requirements", "need skus or a company_prefix")
    return Requirement(_int(raw, "amount", 0, 10_000_000), code, skus, prefix)


def coupon_offer_from_record(
    record: Any, *, ids: tuple[str, ...] = ("store:", "8112:")
) -> CouponOffer:
    """The coupon offer of ``record`` (its id starting with one of ``ids``).

    Raises:
        OfferError: naming the coupon and the field.
    """
    if not isinstance(record, dict):
        raise OfferError(f"a coupon is an object, not {type(record).__name__}")
    unknown = set(record) - _FIELDS
    if unknown:
        raise _fail(record, ", ".join(sorted(unknown)), "is not a coupon field")
    coupon_id = record.get("coupon_id")
    if not isinstance(coupon_id, str) or not coupon_id.startswith(ids):
        raise _fail(record, "coupon_id", "must be store:<offer id> or 8112:<funder>:<offer>")
    name = record.get("name")
    if not isinstance(name, str) or not name.strip() or len(name) > 80 or not name.isprintable():
        raise _fail(record, "name", "must be a text of 1-80 characters")
    try:
        save = SaveKind(record.get("save"))
    except ValueError:
        raise _fail(record, "save", f"must be one of {[k.value for k in SaveKind]}") from None
    requirements = record.get("requirements")
    if not isinstance(requirements, list) or not 1 <= len(requirements) <= 3:
        raise _fail(record, "requirements", "must list 1 to 3 requirements")
    rules = record.get("rules")
    if rules is not None and rules not in _RULES:
        raise _fail(record, "rules", f"must be one of {', '.join(_RULES)} or null")
    parsed = tuple(_requirement(record, r) for r in requirements)
    applies = record.get("applies_to", 0)
    if not isinstance(applies, int) or not 0 <= applies < len(parsed):
        raise _fail(record, "applies_to", "must index one of the requirements")
    starts, expires = _date(record, "starts"), _date(record, "expires")
    if starts is not None and expires is not None and expires < starts:
        raise _fail(record, "expires", "is before starts")
    return CouponOffer(
        coupon_id, name, save, _int(record, "value", 0, 10_000_000), parsed,
        None if rules is None else _RULES[rules], applies, starts, expires,
    )  # fmt: skip


def coupon_offer_to_record(offer: CouponOffer) -> dict[str, Any]:
    """The record of ``offer`` (the inverse of :func:`coupon_offer_from_record`)."""
    codes = {v: k for k, v in _CODES.items()}
    rules = {v: k for k, v in _RULES.items()}
    return {
        "coupon_id": offer.coupon_id,
        "name": offer.name,
        "save": offer.save.value,
        "value": offer.value,
        "requirements": [
            {
                "amount": r.amount,
                "code": codes[r.code],
                "skus": sorted(r.skus),
                "company_prefix": r.company_prefix,
            }
            for r in offer.requirements
        ],
        "rules": None if offer.rules is None else rules[offer.rules],
        "applies_to": offer.applies_to,
        "starts": None if offer.starts is None else offer.starts.isoformat(),
        "expires": None if offer.expires is None else offer.expires.isoformat(),
    }


def coupon_to_record(coupon: Coupon) -> dict[str, Any]:
    """A scanned coupon as a record (the open-basket journal): its offer's record with
    ``serial`` and ``code``."""
    return {**coupon_offer_to_record(coupon), "serial": coupon.serial, "code": coupon.code}


def coupon_from_record(record: Any) -> Coupon:
    """The coupon of a :func:`coupon_to_record` record.

    Raises:
        OfferError: naming the coupon and the field.
    """
    if not isinstance(record, dict):
        raise OfferError(f"a coupon is an object, not {type(record).__name__}")
    fields = dict(record)
    serial, code = fields.pop("serial", None), fields.pop("code", "")
    if not (serial is None or (isinstance(serial, str) and serial.isdigit())):
        raise _fail(record, "serial", "must be digits or null")
    if not isinstance(code, str) or len(code) > 100:
        raise _fail(record, "code", "must be a text of at most 100 characters")
    return coupon_offer_from_record(fields, ids=("store:", "8110:", "8112:")).scanned(serial, code)


def family_from_record(record: Any) -> tuple[tuple[str, str], frozenset[str]]:
    """((company prefix, family code), SKUs) of a family record.

    Raises:
        OfferError: naming the field.
    """
    if not isinstance(record, dict) or set(record) != {"company_prefix", "family", "skus"}:
        raise OfferError("a family is {company_prefix, family, skus}")
    prefix, family = record["company_prefix"], record["family"]
    if not (isinstance(prefix, str) and prefix.isdigit() and 6 <= len(prefix) <= 12):
        raise OfferError(f"family company_prefix {prefix!r} must be 6-12 digits")
    if not (isinstance(family, str) and family.isdigit() and len(family) == 3):
        raise OfferError(f"family {family!r} must be 3 digits")
    return (prefix, family), _skus(record, record["skus"])


__all__ = [
    "coupon_from_record",
    "coupon_offer_from_record",
    "coupon_offer_to_record",
    "coupon_to_record",
    "family_from_record",
]
