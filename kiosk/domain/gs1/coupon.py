"""North American GS1 coupon data: AI (8110) coupon codes and AI (8112) paperless coupons.

Theory of operation: the value of AI 8110 (the GS1 DataBar coupon of the JICC's "North
American Coupon Application Guideline Using GS1 DataBar Expanded Symbols") is a run of
digits read left to right. Variable-length fields carry a one-digit *VLI* (variable
length indicator) in front of them:

==========================  ==========================================================
required fields             layout
==========================  ==========================================================
primary GS1 company prefix  VLI 0-6, then VLI + 6 digits (6 to 12)
offer code                  6 digits
save value                  VLI 1-5, then VLI digits (cents, or a percent, see code)
primary purchase req.       VLI 1-5, then VLI digits
primary purchase req. code  1 digit: 0-4 or 9 (:class:`RequirementCode`)
primary purchase family     3 digits
==========================  ==========================================================

Then optional fields, each introduced by its number, in increasing order:

* ``1`` second purchase: additional purchase rules code (0-3), requirement VLI 1-5 and
  digits, requirement code, family code, company prefix VLI 0-6 (+6 digits) or 9
  (none: the primary company prefix);
* ``2`` third purchase: as ``1`` without the rules code;
* ``3`` expiration date YYMMDD; ``4`` start date YYMMDD (not after the expiration);
* ``5`` serial number: VLI 0-9, then VLI + 6 digits;
* ``6`` retailer GS1 company prefix or GLN: VLI 1-7, then VLI + 6 digits;
* ``9`` miscellaneous: save value code (0, 1, 2, 5, 6), save value applies to item
  (0-2: primary, second, third purchase), store coupon flag (one digit), don't
  multiply flag (0/1).

AI 8112 (the "positive offer file" paperless coupon): format code 0/1, funder VLI 0-6
with VLI + 6 digits of funder company prefix, a 6-digit offer code, serial VLI 0-9
with VLI + 6 digits of serial number. Nothing may follow.

The rules and the error names follow GS1's Barcode Syntax Dictionary linters
(``couponcode`` and ``couponposoffer``). Every problem raises :class:`CouponError`
with a ``kind`` (a stable name such as ``truncated_offer_code``) and the 0-based
``position`` in the value where the bad data starts. Dates are kept as the YYMMDD
text: the century is chosen against the sale date when a coupon is validated
(:meth:`NorthAmericanCoupon.expires_on`). :func:`encode_8110` and :func:`encode_8112`
write the same layouts (tests, the demo's coupons).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from kiosk.domain.gs1.dates import date_problem, resolve_date
from kiosk.domain.gtin import BarcodeError

COUPON_CODE_AI = "8110"
PAPERLESS_COUPON_AI = "8112"


class CouponError(BarcodeError):
    """A coupon value that breaks the published layout.

    Attributes:
        kind: a stable name of the problem (``missing_save_value_vli``...).
        position: 0-based index in the value where the bad data starts.
    """

    def __init__(self, kind: str, position: int, detail: str) -> None:
        super().__init__(f"coupon {kind.replace('_', ' ')} at position {position}: {detail}")
        self.kind = kind
        self.position = position


class RequirementCode(enum.Enum):
    """What a purchase requirement counts (JICC guideline, purchase requirement code)."""

    UNITS = "0"  # number of items
    CASH = "1"  # cash value of the qualifying items, in cents
    TRANSACTION = "2"  # cash value of the whole transaction, in cents
    POUNDS = "3"  # weight of the qualifying items, in pounds
    KILOGRAMS = "4"  # weight of the qualifying items, in kilograms
    CASHIER = "9"  # cashier intervention: the lane cannot verify it


class SaveValueCode(enum.Enum):
    """How the save value counts (field 9; ``CENTS_OFF`` when field 9 is absent)."""

    CENTS_OFF = "0"
    FREE_ITEM = "1"  # the item is free (save value: the most it may be worth)
    PERCENT_OFF = "2"  # save value is a percent of the qualifying item
    CENTS_OFF_TRANSACTION = "5"  # off the final amount of the transaction
    RESERVED_6 = "6"  # valid in the syntax; this lane treats it as cents off the item


class PurchaseRules(enum.Enum):
    """How the second and third purchases combine with the primary one (field 1)."""

    ANY = "0"  # primary OR second (OR third)
    ALL = "1"  # primary AND second (AND third)
    PRIMARY_AND_ONE = "2"  # primary AND (second OR third)
    SECOND_OR_THIRD_ONLY = "3"  # second OR third, the primary is not needed


@dataclass(frozen=True, slots=True)
class Purchase:
    """One purchase requirement: how much (``requirement`` in the unit its ``code``
    says) of which family (``family``, 3 digits) of which company (``company_prefix``,
    None for a second or third purchase of the primary company)."""

    requirement: int
    code: RequirementCode
    family: str
    company_prefix: str | None = None


@dataclass(frozen=True, slots=True)
class NorthAmericanCoupon:
    """The content of an AI 8110 value (see the module docstring)."""

    company_prefix: str
    offer_code: str
    save_value: int
    primary: Purchase
    rules: PurchaseRules | None = None
    second: Purchase | None = None
    third: Purchase | None = None
    expiration: str | None = None  # YYMMDD
    start: str | None = None  # YYMMDD
    serial: str | None = None
    retailer: str | None = None
    save_value_code: SaveValueCode = SaveValueCode.CENTS_OFF
    applies_to: int = 0  # 0 primary, 1 second, 2 third purchase
    store_coupon_flag: str = "0"
    dont_multiply: bool = False

    def expires_on(self, today: date) -> date | None:
        """The last day the coupon is good, its century chosen from ``today``."""
        return (
            None
            if self.expiration is None
            else resolve_date(self.expiration, today, day_zero=False)
        )

    def starts_on(self, today: date) -> date | None:
        """The first day the coupon is good, its century chosen from ``today``."""
        return None if self.start is None else resolve_date(self.start, today, day_zero=False)

    @property
    def purchases(self) -> tuple[Purchase, ...]:
        """Primary, then second and third if present."""
        return tuple(p for p in (self.primary, self.second, self.third) if p is not None)


@dataclass(frozen=True, slots=True)
class PaperlessCoupon:
    """The content of an AI 8112 value: format code, funder prefix, offer and serial."""

    format_code: str
    funder: str
    offer_code: str
    serial: str


class _Reader:
    """A cursor over the digits of one value; each take names what it reads."""

    def __init__(self, value: str) -> None:
        self.value = value
        self.at = 0

    @property
    def left(self) -> int:
        return len(self.value) - self.at

    def peek(self) -> str | None:
        return self.value[self.at] if self.at < len(self.value) else None

    def digit(self, missing: str, allowed: str, invalid: str) -> str:
        if self.at >= len(self.value):
            raise CouponError(missing, self.at, "the value ends too soon")
        char = self.value[self.at]
        if char not in allowed:
            raise CouponError(invalid, self.at, f"{char!r} is not one of {', '.join(allowed)}")
        self.at += 1
        return char

    def run(self, length: int, truncated: str) -> str:
        if self.left < length:
            raise CouponError(truncated, self.at, f"needs {length} digits, {self.left} left")
        text = self.value[self.at : self.at + length]
        self.at += length
        return text

    def vli(self, name: str, allowed: str, plus: int, *, none: str = "") -> str | None:
        """A VLI then its field; ``none`` is a VLI digit that means "no field"."""
        digit = self.digit(f"missing_{name}_vli", allowed + none, f"invalid_{name}_length")
        if digit == none:
            return None
        return self.run(int(digit) + plus, f"truncated_{name}")


def _digits_only(value: str) -> None:
    for n, char in enumerate(value):
        if not ("0" <= char <= "9"):
            raise CouponError("non_digit_character", n, f"{char!r} is not a digit")


def _purchase(reader: _Reader, ordinal: str, *, with_prefix: bool) -> Purchase:
    amount = reader.vli(f"{ordinal}_purchase_requirement", "12345", 0)
    assert amount is not None
    code = reader.digit(
        f"missing_{ordinal}_purchase_requirement_code",
        "012349",
        f"invalid_{ordinal}_purchase_requirement_code",
    )
    family = reader.run(3, f"truncated_{ordinal}_purchase_family_code")
    prefix = reader.vli(f"{ordinal}_purchase_gcp", "0123456", 6, none="9") if with_prefix else None
    return Purchase(int(amount), RequirementCode(code), family, prefix)


def _date(reader: _Reader, name: str) -> str:
    start = reader.at
    text = reader.run(6, f"too_short_for_{name}_date")
    problem = date_problem(text, day_zero=False)
    if problem:
        raise CouponError(f"invalid_{name}_date", start, problem)
    return text


def parse_8110(value: str) -> NorthAmericanCoupon:
    """Read an AI 8110 value (the digits after the AI).

    Raises:
        CouponError: naming the problem and its position (see the module docstring).
    """
    _digits_only(value)
    reader = _Reader(value)
    prefix = reader.vli("gcp", "0123456", 6)
    offer = reader.run(6, "truncated_offer_code")
    save = reader.vli("save_value", "12345", 0)
    primary = _purchase(reader, "1st", with_prefix=False)
    assert prefix is not None
    assert save is not None
    rules = second = third = None
    expiration = start = serial = retailer = None
    code, applies, flag, dont = SaveValueCode.CENTS_OFF, 0, "0", False
    if reader.peek() == "1":
        reader.at += 1
        rules = PurchaseRules(
            reader.digit(
                "missing_additional_purchase_rules_code",
                "0123",
                "invalid_additional_purchase_rules_code",
            )
        )
        second = _purchase(reader, "2nd", with_prefix=True)
    if reader.peek() == "2":
        reader.at += 1
        third = _purchase(reader, "3rd", with_prefix=True)
    if reader.peek() == "3":
        reader.at += 1
        expiration = _date(reader, "expiration")
    if reader.peek() == "4":
        reader.at += 1
        at = reader.at
        start = _date(reader, "start")
        if expiration is not None and start > expiration:
            raise CouponError(
                "expiration_before_start", at - 8, f"starts {start}, expires {expiration}"
            )
    if reader.peek() == "5":
        reader.at += 1
        serial = reader.vli("serial_number", "0123456789", 6)
    if reader.peek() == "6":
        reader.at += 1
        retailer = reader.vli("retailer_gcp_or_gln", "1234567", 6)
    if reader.peek() == "9":
        reader.at += 1
        code = SaveValueCode(
            reader.digit("missing_save_value_code", "01256", "invalid_save_value_code")
        )
        applies = int(
            reader.digit(
                "missing_save_value_applies_to_item", "012", "invalid_save_value_applies_to_item"
            )
        )
        flag = reader.digit("missing_store_coupon_flag", "0123456789", "invalid_store_coupon_flag")
        dont = reader.digit("missing_dont_multiply_flag", "01", "invalid_dont_multiply_flag") == "1"
    if reader.left:
        raise CouponError("excess_data", reader.at, f"{reader.left} digits after the last field")
    return NorthAmericanCoupon(
        prefix, offer, int(save), primary, rules, second, third, expiration, start,
        serial, retailer, code, applies, flag, dont,
    )  # fmt: skip


def parse_8112(value: str) -> PaperlessCoupon:
    """Read an AI 8112 value (the digits after the AI).

    Raises:
        CouponError: naming the problem and its position.
    """
    _digits_only(value)
    reader = _Reader(value)
    format_code = reader.digit("missing_format_code", "01", "invalid_format_code")
    funder = reader.vli("funder", "0123456", 6)
    offer = reader.run(6, "truncated_offer_code")
    serial = reader.vli("serial_number", "0123456789", 6)
    assert funder is not None
    assert serial is not None
    if reader.left:
        raise CouponError("excess_data", reader.at, f"{reader.left} digits after the serial")
    return PaperlessCoupon(format_code, funder, offer, serial)


def _vli(text: str, plus: int, name: str) -> str:
    if not text.isdigit() or not 0 <= len(text) - plus <= 9:
        raise ValueError(f"{name} {text!r} cannot be written with a VLI (+{plus})")
    return f"{len(text) - plus}{text}"


def _encode_purchase(purchase: Purchase, *, with_prefix: bool) -> str:
    text = f"{_vli(str(purchase.requirement), 0, 'requirement')}{purchase.code.value}"
    text += purchase.family
    if with_prefix:
        prefix = purchase.company_prefix
        text += "9" if prefix is None else _vli(prefix, 6, "company prefix")
    return text


def encode_8110(coupon: NorthAmericanCoupon) -> str:
    """The AI 8110 value of ``coupon`` (the inverse of :func:`parse_8110`).

    Raises:
        ValueError: for a field too long or too short for its VLI.
    """
    text = _vli(coupon.company_prefix, 6, "company prefix") + coupon.offer_code
    text += _vli(str(coupon.save_value), 0, "save value")
    text += _encode_purchase(coupon.primary, with_prefix=False)
    if coupon.second is not None:
        rules = coupon.rules or PurchaseRules.ANY
        text += "1" + rules.value + _encode_purchase(coupon.second, with_prefix=True)
    if coupon.third is not None:
        text += "2" + _encode_purchase(coupon.third, with_prefix=True)
    if coupon.expiration is not None:
        text += "3" + coupon.expiration
    if coupon.start is not None:
        text += "4" + coupon.start
    if coupon.serial is not None:
        text += "5" + _vli(coupon.serial, 6, "serial")
    if coupon.retailer is not None:
        text += "6" + _vli(coupon.retailer, 6, "retailer")
    misc = (coupon.save_value_code, coupon.applies_to, coupon.store_coupon_flag)
    if misc != (SaveValueCode.CENTS_OFF, 0, "0") or coupon.dont_multiply:
        text += f"9{coupon.save_value_code.value}{coupon.applies_to}{coupon.store_coupon_flag}"
        text += "1" if coupon.dont_multiply else "0"
    return text


def encode_8112(coupon: PaperlessCoupon) -> str:
    """The AI 8112 value of ``coupon`` (the inverse of :func:`parse_8112`)."""
    return (
        coupon.format_code
        + _vli(coupon.funder, 6, "funder")
        + coupon.offer_code
        + _vli(coupon.serial, 6, "serial")
    )


__all__ = [
    "COUPON_CODE_AI",
    "PAPERLESS_COUPON_AI",
    "CouponError",
    "NorthAmericanCoupon",
    "PaperlessCoupon",
    "Purchase",
    "PurchaseRules",
    "RequirementCode",
    "SaveValueCode",
    "encode_8110",
    "encode_8112",
    "parse_8110",
    "parse_8112",
]
