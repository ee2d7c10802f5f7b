"""One scanned code in, one :class:`ScanResult` out: the entry point for drivers and checkout.

Theory of operation: :func:`parse_scan` strips the scanner's line ending and the
AIM symbology identifier (``aim``), then decides by the symbology:

* EAN/UPC (``]E0``, ``]E4``, ``]E3``) and ITF-14 (``]I1``): a GTIN, checked and
  normalised to GTIN-14; ``]E0`` with 8 digits is a UPC-E, ``]E4`` an EAN-8.
  An EAN-13/UPC-A whose 13-digit form matches a variable-measure rule becomes a
  VARIABLE_MEASURE result with its item reference and price or weight.
* GS1 symbologies (``]C1``, ``]e0``, ``]d2``, ``]Q3``...): a GS1 element string.
* QR, DataMatrix, Aztec, PDF417, Code 128 and the rest: a GS1 Digital Link when
  the data is one, else OTHER (staff badges, boarding passes...).
* No AIM identifier: the data decides: 8/12/13/14 digits are a GTIN (8 digits:
  EAN-8, else UPC-E); a leading GS or ``(``, or a digit first and a GS inside,
  is GS1; an http(s) URI with a GS1 key is a digital link; other text of more
  than 14 characters starting with two digits is GS1 if it parses as an
  element string; anything else is OTHER.

Data that claims to be something and is not (a wrong check digit, a bad AI) is a
:class:`BarcodeError`; nothing else escapes. OTHER results carry the raw data,
which may be personal (an ID document): callers must not log it.
:func:`product_code` says what to look a result up by in the catalog, or raises
:class:`NotAProductCode` (naming the symbology, never the data), or
:class:`CouponNotAccepted` for a GS1 coupon or refund-receipt number (EAN-13 prefixes
980-984 and 99), which a check-digit-valid coupon would otherwise pass for an unknown item.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from kiosk.domain.gs1 import digital_link
from kiosk.domain.gs1.aim import Symbology, SymbologyId, split_symbology
from kiosk.domain.gs1.element_string import GS, Element, parse_element_string, parse_gs1
from kiosk.domain.gs1.measures import price_from_elements, weight_from_elements
from kiosk.domain.gs1.variable_measure import PROFILES, Measure, VariableMeasureRule, decode
from kiosk.domain.gs1.variable_measure import match_rule as match_variable_measure
from kiosk.domain.gtin import (
    GTIN_LENGTHS,
    BarcodeError,
    NotAProductCode,
    expand_upce,
    is_valid_gtin,
    to_gtin14,
)
from kiosk.domain.money import MoneyError, currency_exponent

_LINE_END = " \r\n\t"
PLU_LENGTHS = (4, 5)
#: GS1 prefixes of an EAN-13 that are not trade items: refund receipts (980) and coupons
#: (981-984 common-currency coupons, 99 coupons identified by the issuer).
COUPON_PREFIXES = ("98", "99")


class CouponNotAccepted(NotAProductCode):
    """A GS1 coupon (or refund receipt) number asked for as a product. The lane takes store
    coupons (99) and AI 8110/8112 coupons before it asks for a product code
    (kiosk.domain.checkout.coupons); refund receipts (980) and 981-984 coupons end here."""

    message_key = "scan.coupon_not_accepted"


def is_coupon(gtin14: str) -> bool:
    """Whether ``gtin14`` is an EAN-13 coupon or refund-receipt number (GS1 prefix 98/99)."""
    return len(gtin14) == 14 and gtin14[0] == "0" and gtin14[1:3] in COUPON_PREFIXES


class ScanKind(enum.Enum):
    """What a scanned code is."""

    GTIN = "gtin"  # a trade item: look it up by gtin14
    VARIABLE_MEASURE = "variable-measure"  # in-store code with price or weight
    GS1 = "gs1"  # GS1 element string or digital link (gtin14 set if it has (01))
    OTHER = "other"  # not GS1: staff badge, boarding pass, coupon...


@dataclass(frozen=True, slots=True)
class ScanRules:
    """How this lane reads codes.

    Attributes:
        variable_measure: in-store code rules (see ``variable_measure.PROFILES``).
        currency: the lane's ISO 4217 currency, for 392n prices and in-store prices.

    Raises:
        ValueError: for a currency kiosk.domain.money does not know.
    """

    variable_measure: tuple[VariableMeasureRule, ...] = ()
    currency: str = "EUR"

    def __post_init__(self) -> None:
        try:
            currency_exponent(self.currency)
        except MoneyError as error:
            raise ValueError(str(error)) from None

    @classmethod
    def for_country(cls, country: str, currency: str = "EUR") -> ScanRules:
        """Rules from the built-in profile of ``country`` ("es", "us", "none"...).

        Raises:
            ValueError: for a country without a profile.
        """
        try:
            return cls(PROFILES[country], currency)
        except KeyError:
            known = ", ".join(sorted(PROFILES))
            raise ValueError(f"no barcode profile for {country!r}; known: {known}") from None


@dataclass(frozen=True, slots=True)
class ScanResult:
    """A parsed scan.

    Attributes:
        kind: what the code is.
        symbology: the symbol family (UNKNOWN when the scanner sent no AIM id).
        aim: the AIM identifier as received, or "".
        data: the data after the AIM identifier, without the line ending.
        gtin14: the item's GTIN-14 (GTIN scans, GS1 with (01)); for variable
            measure, the code with its value zeroed (see ``VariableMeasure``).
        addon: a 2- or 5-digit EAN/UPC add-on, if any.
        item_reference: variable-measure item reference (PLU / item number).
        price_minor: embedded price in minor units of ``currency``.
        currency: ISO 4217 code of ``price_minor``.
        weight_g: embedded net weight in grams.
        elements: GS1 AIs and values (GS1 kind), in the order read.
    """

    kind: ScanKind
    symbology: Symbology
    aim: str
    data: str
    gtin14: str | None = None
    addon: str | None = None
    item_reference: str | None = None
    price_minor: int | None = None
    currency: str | None = None
    weight_g: int | None = None
    elements: tuple[Element, ...] = ()


def _is_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _upce_not_ean8(code: str) -> bool:
    """An 8-digit code without AIM id: UPC-E only if it is not a valid EAN-8 but a valid UPC-E."""
    if len(code) != 8 or is_valid_gtin(code):
        return False
    try:
        expand_upce(code)
    except BarcodeError:
        return False  # report it as a bad EAN-8: the more common symbol
    return True


def _gtin_result(
    ident: SymbologyId,
    data: str,
    code: str,
    rules: ScanRules,
    addon: str | None = None,
    *,
    upce: bool = False,
) -> ScanResult:
    gtin14 = to_gtin14(expand_upce(code) if upce else code)
    base = ScanResult(ScanKind.GTIN, ident.symbology, ident.aim, data, gtin14, addon)
    if gtin14[0] != "0" or len(code) < 12:
        return base
    rule = match_variable_measure(gtin14[1:], rules.variable_measure)
    if rule is None:
        return base
    measure = decode(gtin14[1:], rule)
    is_price = rule.measure is Measure.PRICE
    return ScanResult(
        ScanKind.VARIABLE_MEASURE,
        ident.symbology,
        ident.aim,
        data,
        measure.lookup_gtin,
        addon,
        measure.item_reference,
        measure.value if is_price else None,
        rules.currency if is_price else None,
        None if is_price else measure.value,
    )


def _ean_upc(ident: SymbologyId, data: str, rules: ScanRules) -> ScanResult:
    if not _is_digits(data):
        raise BarcodeError(f"{ident.symbology.value} {ident.aim} data must be digits, got {data!r}")
    modifier = ident.aim[2]
    if modifier == "4":
        if len(data) != 8:
            raise BarcodeError(f"EAN-8 must be 8 digits, got {len(data)}")
        return _gtin_result(ident, data, data, rules)
    if modifier in "12":
        return ScanResult(ScanKind.OTHER, ident.symbology, ident.aim, data, addon=data)
    if modifier == "3":
        main_length = {15: 13, 18: 13, 14: 12, 17: 12, 10: 8, 13: 8}.get(len(data))
        if main_length is None:
            raise BarcodeError(f"EAN/UPC with add-on has {len(data)} digits")
        main = data[:main_length]
        upce = _upce_not_ean8(main)
        return _gtin_result(ident, data, main, rules, data[main_length:], upce=upce)
    if len(data) not in (8, 12, 13):
        raise BarcodeError(f"EAN/UPC must be 8 (UPC-E), 12 or 13 digits, got {len(data)}")
    return _gtin_result(ident, data, data, rules, upce=len(data) == 8)


def _gs1(
    ident: SymbologyId, data: str, elements: tuple[Element, ...], rules: ScanRules
) -> ScanResult:
    gtin = next((e.value for e in elements if e.ai == "01"), None)
    price = price_from_elements(elements, rules.currency)
    return ScanResult(
        ScanKind.GS1,
        ident.symbology,
        ident.aim,
        data,
        gtin,
        price_minor=price[0] if price else None,
        currency=price[1] if price else None,
        weight_g=weight_from_elements(elements),
        elements=elements,
    )


def _guess(ident: SymbologyId, data: str, rules: ScanRules, today: date | None) -> ScanResult:
    if _is_digits(data) and len(data) in GTIN_LENGTHS:
        return _gtin_result(ident, data, data, rules, upce=_upce_not_ean8(data))
    if data.startswith((GS, "(")) or (data[0] in "0123456789" and GS in data):
        return _gs1(ident, data, parse_gs1(data, today), rules)
    if digital_link.looks_like_digital_link(data):
        return _gs1(ident, data, digital_link.parse_digital_link(data, today), rules)
    if data[:2].isascii() and data[:2].isdigit() and len(data) > 14:
        try:
            return _gs1(ident, data, parse_element_string(data, today), rules)
        except BarcodeError:
            pass  # a long code that is not GS1: a badge or a ticket number
    return ScanResult(ScanKind.OTHER, ident.symbology, ident.aim, data)


def parse_scan(
    raw: str,
    rules: ScanRules | None = None,
    *,
    today: date | None = None,
    aim: str | None = None,
) -> ScanResult:
    """Parse one scanned code.

    Args:
        raw: the text the scanner sent, with or without AIM identifier and CR/LF.
        rules: variable-measure rules and currency (default: none, EUR).
        today: the lane's date, to resolve GS1 dates (left unresolved when None).
        aim: the AIM identifier the scanner driver already split off ``raw`` ("]E0"),
            or None to look for one at the start of ``raw`` (typed codes, PLU picks).

    Raises:
        BarcodeError: naming what is wrong for data that claims to be a GTIN or
            GS1 and is not, and for an empty scan.
    """
    rules = rules or ScanRules()
    text = raw.strip(_LINE_END)
    if aim is not None:
        ident, data = split_symbology(aim)[0], text
    else:
        ident, data = split_symbology(text)
    if not data:
        raise BarcodeError("empty scan" + (f" after {ident.aim}" if ident.aim else ""))
    symbology = ident.symbology
    if symbology in (Symbology.EAN_UPC, Symbology.EAN8, Symbology.EAN_ADDON):
        return _ean_upc(ident, data, rules)
    if ident.gs1:
        return _gs1(ident, data, parse_gs1(data, today), rules)
    if symbology is Symbology.ITF and _is_digits(data) and len(data) == 14:
        return _gtin_result(ident, data, data, rules)
    if symbology is Symbology.UNKNOWN:
        return _guess(ident, data, rules, today)
    if digital_link.looks_like_digital_link(data):
        return _gs1(ident, data, digital_link.parse_digital_link(data, today), rules)
    return ScanResult(ScanKind.OTHER, symbology, ident.aim, data)


def product_code(result: ScanResult) -> str:
    """The code to look a scanned product up by: its GTIN-14, or the digits of a plain
    code (a PLU typed or picked, a GTIN in a Code 128) for the catalog to check.

    Raises:
        CouponNotAccepted: for a GS1 coupon or refund-receipt number (prefix 98/99).
        NotAProductCode: for a code that names no trade item: a URL or other text, a GS1
            code without a GTIN (an SSCC, a coupon), an EAN add-on alone. The message
            names the symbology and the length, never the data.
    """
    if result.gtin14 and is_coupon(result.gtin14):
        raise CouponNotAccepted(
            f"a {result.symbology.value} code with a GS1 coupon prefix names no product"
        )
    if result.gtin14:
        return result.gtin14
    data = result.data
    if (
        result.kind is ScanKind.OTHER
        and result.addon is None
        and _is_digits(data)
        and len(data) in (*PLU_LENGTHS, *GTIN_LENGTHS)
    ):
        return data
    raise NotAProductCode(
        f"a {result.symbology.value} {result.kind.value} code of {len(data)} characters "
        "names no product"
    )
