"""Coupons on a basket: what a coupon asks and gives, its checks, and its incremental state.

Theory of operation
-------------------
A :class:`Coupon` is built from what was scanned: a GS1 coupon code (AI 8110, which
carries its whole offer: :func:`coupon_from_8110`), a paperless coupon (AI 8112, whose
offer the store's coupon list names) or a store coupon (an EAN-13 with prefix 99: ``99``,
a 5-digit offer id, a 5-digit serial and the check digit; :func:`store_coupon_code`),
whose offer the coupon list from HQ holds (:class:`CouponList`).

A coupon has up to three :class:`Requirement`\\ s (primary, second, third purchase)
combined by its :class:`~kiosk.domain.gs1.coupon.PurchaseRules`, and a save rule
(:class:`SaveKind`) applied to the items of one requirement (``applies_to``) or to the
whole basket. A requirement matches a line by SKU (store coupons, or the family table of
the coupon list for GS1 family codes) or by the GS1 company prefix of the item's GTINs
(a GS1 family the table does not list matches every item of the company).

Checks when a coupon is scanned (:func:`refusal`): its start and expiration dates
against the sale date (passed in), one use per basket (the same coupon, or the same
offer, twice), one use across the store (a serial already redeemed: the caller looks it
up), and the requirement met by the basket now (else it is refused, not parked).

:class:`CouponState` keeps, per coupon, the units, spend and weight of the lines that
match each requirement and, for the requirement the saving applies to, its amount per
tax class and its unit prices. :meth:`CouponState.changed` takes the old and new version
of one line, like :class:`~kiosk.domain.offers.engine.OfferState`: O(coupons), never
O(lines). :meth:`CouponState.savings` prices the coupons whose requirement is met, in
offer id order (so the result does not depend on the scan order), each capped by what
is left of each tax class after the offers and the coupons before it: no class and so
no total goes below zero. A coupon whose requirement
is no longer met (a void) saves nothing and is *withdrawn*; it comes back if the
requirement is met again, and only coupons that saved count as redeemed with the sale.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from fractions import Fraction
from typing import TYPE_CHECKING

from kiosk.domain.gs1.coupon import (
    NorthAmericanCoupon,
    PaperlessCoupon,
    PurchaseRules,
    RequirementCode,
    SaveValueCode,
)
from kiosk.domain.gtin import BarcodeError, is_valid_gtin
from kiosk.domain.money import Money, Rounding, round_fraction
from kiosk.domain.offers.book import EMPTY_BOOK
from kiosk.domain.offers.engine import OfferState, OfferSummary
from kiosk.domain.offers.model import Saving

if TYPE_CHECKING:
    from kiosk.domain.basket import BasketLine

GRAMS_PER_POUND = Fraction(45359237, 100000)
STORE_COUPON_PREFIX = "99"
#: Offer ids of coupons in the sale document and the redemption records start so.
COUPON_ID_PREFIX = "coupon:"


def serial_key_of(offer_id: str) -> str | None:
    """The redemption key in a sale's discount ``offer_id`` if it is a coupon with a
    serial (``coupon:8110:<prefix>:<offer>:<serial>``, ``coupon:8112:...``,
    ``coupon:store:<offer>:<serial>``), else None: what is used once in the store."""
    if not offer_id.startswith(COUPON_ID_PREFIX):
        return None
    key = offer_id[len(COUPON_ID_PREFIX) :]
    parts = key.count(":")
    return key if parts == (3 if key.startswith(("8110:", "8112:")) else 2) else None


#: Every ``CouponRefused.reason`` (the shopper's message is ``coupon.<reason>``).
REFUSAL_REASONS = (
    "already_used", "expired", "needs_staff", "not_yet_valid", "requirement_not_met",
    "scan_items_first", "twice", "unknown",
)  # fmt: skip


class CouponRefused(ValueError):
    """A scanned coupon the lane does not take; ``reason`` is one of REFUSAL_REASONS."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"coupon refused: {reason}" + (f" ({detail})" if detail else ""))
        self.reason = reason


class SaveKind(enum.Enum):
    """What a coupon gives."""

    AMOUNT_OFF = "amount_off"  # value cents off the qualifying items
    FREE_ITEM = "free_item"  # one qualifying unit free (at most value cents if value > 0)
    PERCENT_OFF = "percent_off"  # value percent off the qualifying items
    AMOUNT_OFF_TOTAL = "amount_off_total"  # value cents off the basket


@dataclass(frozen=True, slots=True)
class Requirement:
    """One purchase a coupon asks for: ``amount`` in the unit of ``code`` of the items
    that match (SKUs in ``skus``, or GTINs under ``company_prefix``); a TRANSACTION
    requirement counts every line."""

    amount: int
    code: RequirementCode = RequirementCode.UNITS
    skus: frozenset[str] = frozenset()
    company_prefix: str | None = None

    def matches(self, line: BasketLine) -> bool:
        """Whether ``line``'s item counts towards this requirement."""
        if self.code is RequirementCode.TRANSACTION:
            return True
        item = line.item
        if item.sku in self.skus:
            return True
        prefix = self.company_prefix
        return prefix is not None and any(g[1:].startswith(prefix) for g in item.gtins)


@dataclass(frozen=True, slots=True)
class CouponOffer:
    """A coupon offer from HQ's coupon list (store and paperless coupons)."""

    coupon_id: str
    name: str
    save: SaveKind
    value: int
    requirements: tuple[Requirement, ...]
    rules: PurchaseRules | None = None
    applies_to: int = 0
    starts: date | None = None
    expires: date | None = None

    def scanned(self, serial: str | None, code: str) -> Coupon:
        """The coupon of this offer scanned as ``code`` (printed with ``serial``)."""
        terms = {f.name: getattr(self, f.name) for f in fields(CouponOffer)}
        return Coupon(**terms, serial=serial, code=code)


@dataclass(frozen=True, slots=True)
class Coupon(CouponOffer):
    """One coupon as the basket uses it (see the module docstring): its offer's terms
    and what was scanned.

    ``coupon_id`` names the offer (``8110:<prefix>:<offer>``, ``8112:<funder>:<offer>``,
    ``store:<offer id>``); ``serial`` makes one printed coupon unique (one use across the
    store); ``code`` is what was scanned.
    """

    serial: str | None = None
    code: str = ""

    @property
    def redemption_key(self) -> str:
        """What the store records as used: the offer and, if printed, the serial."""
        return self.coupon_id + (f":{self.serial}" if self.serial else "")

    @property
    def offer_id(self) -> str:
        """The id of its saving in the sale document (``coupon:`` + redemption key)."""
        return COUPON_ID_PREFIX + self.redemption_key


@dataclass(frozen=True, slots=True)
class CouponList:
    """What HQ pushes for coupons: store/paperless offers by id, GS1 families
    (``(company prefix, family code)`` -> SKUs) and the serials redeemed at any lane."""

    offers: Mapping[str, CouponOffer] = field(default_factory=dict)
    families: Mapping[tuple[str, str], frozenset[str]] = field(default_factory=dict)


NO_COUPONS = CouponList()

_SAVE_KINDS = {
    SaveValueCode.CENTS_OFF: SaveKind.AMOUNT_OFF,
    SaveValueCode.FREE_ITEM: SaveKind.FREE_ITEM,
    SaveValueCode.PERCENT_OFF: SaveKind.PERCENT_OFF,
    SaveValueCode.CENTS_OFF_TRANSACTION: SaveKind.AMOUNT_OFF_TOTAL,
    SaveValueCode.RESERVED_6: SaveKind.AMOUNT_OFF,
}


def coupon_from_8110(
    parsed: NorthAmericanCoupon, today: date, coupons: CouponList = NO_COUPONS, code: str = ""
) -> Coupon:
    """The coupon an AI 8110 value describes; dates placed in their century from ``today``.

    Raises:
        CouponRefused: ``needs_staff`` for a requirement the lane cannot verify (code 9).
        BarcodeError: for a date the century rule cannot place.
    """
    requirements = []
    for purchase in parsed.purchases:
        if purchase.code is RequirementCode.CASHIER:
            raise CouponRefused("needs_staff", "purchase requirement code 9")
        prefix = purchase.company_prefix or parsed.company_prefix
        family = coupons.families.get((prefix, purchase.family))
        requirements.append(
            Requirement(
                purchase.requirement,
                purchase.code,
                family or frozenset(),
                None if family else prefix,
            )
        )
    save = _SAVE_KINDS[parsed.save_value_code]
    name = _name(save, parsed.save_value)
    return Coupon(
        f"8110:{parsed.company_prefix}:{parsed.offer_code}",
        name,
        save,
        parsed.save_value,
        tuple(requirements),
        parsed.rules,
        min(parsed.applies_to, len(requirements) - 1),
        parsed.starts_on(today),
        parsed.expires_on(today),
        parsed.serial,
        code,
    )


def _name(save: SaveKind, value: int) -> str:
    if save is SaveKind.PERCENT_OFF:
        return f"Coupon {value}% off"
    if save is SaveKind.FREE_ITEM:
        return "Coupon: free item"
    return f"Coupon {value // 100}.{value % 100:02d} off"


def coupon_from_8112(parsed: PaperlessCoupon, coupons: CouponList, code: str = "") -> Coupon:
    """The coupon of a paperless code: its offer from the store's coupon list.

    Raises:
        CouponRefused: ``unknown`` if the list has no such offer.
    """
    offer = coupons.offers.get(f"8112:{parsed.funder}:{parsed.offer_code}")
    if offer is None:
        raise CouponRefused("unknown", f"no offer 8112:{parsed.funder}:{parsed.offer_code}")
    return offer.scanned(parsed.serial, code)


def store_coupon_code(gtin14: str) -> tuple[str, str]:
    """(offer id, serial) of a store coupon's GTIN-14 (``0`` + ``99`` + 5 + 5 + check).

    Raises:
        BarcodeError: if it is not a check-digit-valid store coupon number.
    """
    if len(gtin14) != 14 or gtin14[:3] != "0" + STORE_COUPON_PREFIX or not is_valid_gtin(gtin14):
        raise BarcodeError("not a store coupon number (EAN-13 99 + offer + serial)")
    return gtin14[3:8], gtin14[8:13]


def store_coupon(gtin14: str, coupons: CouponList) -> Coupon:
    """The store coupon a ``99`` EAN-13 names (serial ``00000``: no serial).

    Raises:
        BarcodeError: for a number that is not a store coupon.
        CouponRefused: ``unknown`` if the list has no such offer.
    """
    offer_id, serial = store_coupon_code(gtin14)
    offer = coupons.offers.get(f"store:{offer_id}")
    if offer is None:
        raise CouponRefused("unknown", f"no store coupon offer {offer_id}")
    return offer.scanned(None if serial == "00000" else serial, gtin14[1:])


def encode_store_coupon(offer_id: str, serial: str) -> str:
    """The EAN-13 of a store coupon (tests, the demo's coupons)."""
    body = STORE_COUPON_PREFIX + offer_id.zfill(5) + serial.zfill(5)
    total = sum(int(d) * (3 if n % 2 else 1) for n, d in enumerate(body))
    return body + str(-total % 10)


def refusal(
    coupon: Coupon, today: date, held: tuple[Coupon, ...], *, redeemed: bool
) -> CouponRefused | None:
    """Why ``coupon`` cannot go on a basket holding ``held`` on ``today``, or None.

    ``redeemed`` says whether the store already recorded its serial as used. The
    requirement is checked afterwards, on the basket with the coupon
    (:meth:`CouponState.met`).
    """
    if coupon.starts is not None and today < coupon.starts:
        return CouponRefused("not_yet_valid", coupon.starts.isoformat())
    if coupon.expires is not None and today > coupon.expires:
        return CouponRefused("expired", coupon.expires.isoformat())
    if any(c.coupon_id == coupon.coupon_id for c in held):
        return CouponRefused("twice", coupon.coupon_id)
    if redeemed and coupon.serial:
        return CouponRefused("already_used", coupon.redemption_key)
    return None


@dataclass(frozen=True, slots=True)
class _Tally:
    """What the lines matching one requirement add up to."""

    units: int = 0
    spend: int = 0
    grams: int = 0

    def plus(self, line: BasketLine, sign: int) -> _Tally:
        grams = line.weight_g or 0
        return _Tally(
            self.units + sign * line.units,
            self.spend + sign * line.amount.minor,
            self.grams + sign * grams,
        )


@dataclass(frozen=True, slots=True)
class _Tracked:
    """One coupon's running sums: per requirement, and for the saving's items."""

    coupon: Coupon
    tallies: tuple[_Tally, ...]
    by_class: Mapping[str, int] = field(default_factory=dict)
    unit_prices: Mapping[tuple[int, str], int] = field(default_factory=dict)

    def changed(self, line: BasketLine, sign: int) -> _Tracked:
        coupon = self.coupon
        hits = [r.matches(line) for r in coupon.requirements]
        if not any(hits):
            return self
        tallies = tuple(
            t.plus(line, sign) if hit else t for t, hit in zip(self.tallies, hits, strict=True)
        )
        by_class, unit_prices = self.by_class, self.unit_prices
        if hits[coupon.applies_to]:
            by_class = dict(by_class)
            by_class[line.tax_class] = by_class.get(line.tax_class, 0) + sign * line.amount.minor
            unit_prices = dict(unit_prices)
            unit = line.amount.minor if line.weight_g is not None else line.unit_price.minor
            key = (unit, line.tax_class)
            unit_prices[key] = unit_prices.get(key, 0) + sign * line.units
            if not unit_prices[key]:
                del unit_prices[key]
        return _Tracked(coupon, tallies, by_class, unit_prices)

    def met(self) -> bool:
        coupon = self.coupon
        met = [_met(r, t) for r, t in zip(coupon.requirements, self.tallies, strict=True)]
        return _combined(coupon.rules, met)


def _met(requirement: Requirement, tally: _Tally) -> bool:
    code = requirement.code
    if code is RequirementCode.UNITS:
        return tally.units >= max(requirement.amount, 1)
    if code in (RequirementCode.CASH, RequirementCode.TRANSACTION):
        return tally.spend >= requirement.amount and tally.units > 0
    if code is RequirementCode.POUNDS:
        return tally.grams > 0 and tally.grams >= requirement.amount * GRAMS_PER_POUND
    if code is RequirementCode.KILOGRAMS:
        return tally.grams > 0 and tally.grams >= requirement.amount * 1000
    return False  # cashier intervention: never at an unattended lane


def _combined(rules: PurchaseRules | None, met: list[bool]) -> bool:
    if len(met) == 1 or rules is None:
        return all(met)
    first, rest = met[0], met[1:]
    if rules is PurchaseRules.ANY:
        return any(met)
    if rules is PurchaseRules.ALL:
        return all(met)
    if rules is PurchaseRules.PRIMARY_AND_ONE:
        return first and any(rest)
    return any(rest)  # SECOND_OR_THIRD_ONLY


def _split(amount: int, weights: Mapping[str, int], currency: str) -> dict[str, int]:
    classes = sorted(c for c, w in weights.items() if w > 0)
    if amount <= 0 or not classes:
        return {}
    parts = Money(amount, currency).allocate([weights[c] for c in classes])
    return {c: p.minor for c, p in zip(classes, parts, strict=True) if p.minor}


class CouponState:
    """The coupons on one basket with their running sums; replaced, never edited."""

    __slots__ = ("amounts", "currency", "tracked")

    def __init__(
        self, currency: str, tracked: tuple[_Tracked, ...] = (), amounts: Mapping[str, int] = {}
    ) -> None:
        self.currency = currency
        self.tracked = tracked
        #: shelf amount of the active lines per tax class
        self.amounts = amounts

    @property
    def coupons(self) -> tuple[Coupon, ...]:
        """The coupons scanned onto the basket, in scan order."""
        return tuple(t.coupon for t in self.tracked)

    def with_coupon(self, coupon: Coupon, lines: tuple[BasketLine, ...]) -> CouponState:
        """This state with ``coupon`` added, its sums read from ``lines`` (O(lines), once)."""
        tracked = _Tracked(coupon, tuple(_Tally() for _ in coupon.requirements))
        for line in lines:
            if line.counts:
                tracked = tracked.changed(line, 1)
        return CouponState(self.currency, (*self.tracked, tracked), self.amounts)

    def without(self, coupon_id: str) -> CouponState:
        """This state with the coupon ``coupon_id`` taken off (its sums with it)."""
        kept = tuple(t for t in self.tracked if t.coupon.coupon_id != coupon_id)
        return CouponState(self.currency, kept, self.amounts)

    @classmethod
    def of(cls, currency: str, lines: tuple[BasketLine, ...]) -> CouponState:
        state = cls(currency)
        for line in lines:
            state = state.changed(None, line)
        return state

    def changed(self, old: BasketLine | None, new: BasketLine) -> CouponState:
        """The state after ``old`` (None for an added line) became ``new``: O(coupons)."""
        tracked = self.tracked
        amounts = dict(self.amounts)
        for line, sign in ((old, -1), (new, 1)):
            if line is None or not line.counts:
                continue
            amounts[line.tax_class] = amounts.get(line.tax_class, 0) + sign * line.amount.minor
            tracked = tuple(t.changed(line, sign) for t in tracked)
        return CouponState(self.currency, tracked, amounts)

    def met(self, coupon_id: str) -> bool:
        """Whether the coupon ``coupon_id`` has its requirement met by the basket."""
        return any(t.met() for t in self.tracked if t.coupon.coupon_id == coupon_id)

    def withdrawn(self) -> tuple[Coupon, ...]:
        """Coupons on the basket whose requirement is no longer met."""
        return tuple(t.coupon for t in self.tracked if not t.met())

    def savings(self, taken: Mapping[str, int]) -> tuple[Saving, ...]:
        """What each coupon whose requirement is met saves, in offer id order, after the
        offers took ``taken`` per tax class; no class goes below zero."""
        room = {c: a - taken.get(c, 0) for c, a in self.amounts.items()}
        savings = []
        # In offer id order, not scan order: what the coupons save depends on which are
        # on the basket, never on the order they were scanned in.
        for tracked in sorted(self.tracked, key=lambda t: t.coupon.offer_id):
            if not tracked.met():
                continue
            shares = self._shares(tracked, room)
            cut = {}
            for tax_class, share in sorted(shares.items()):
                part = max(0, min(share, room.get(tax_class, 0)))
                if part:
                    cut[tax_class] = part
                    room[tax_class] -= part
            amount = sum(cut.values())
            if amount:
                coupon = tracked.coupon
                savings.append(
                    Saving(coupon.offer_id, coupon.name, amount, (), tuple(sorted(cut.items())))
                )
        return tuple(savings)

    def _shares(self, tracked: _Tracked, room: Mapping[str, int]) -> dict[str, int]:
        coupon = tracked.coupon
        whole = coupon.requirements[coupon.applies_to].code is RequirementCode.TRANSACTION
        base = room if whole or coupon.save is SaveKind.AMOUNT_OFF_TOTAL else tracked.by_class
        spent = sum(v for v in base.values() if v > 0)
        if coupon.save is SaveKind.PERCENT_OFF:
            percent = min(coupon.value, 100)
            return {c: round_fraction(Fraction(v * percent, 100), Rounding.HALF_UP)
                   for c, v in base.items() if v > 0}  # fmt: skip
        if coupon.save is SaveKind.FREE_ITEM:
            if not tracked.unit_prices:
                return {}
            unit, tax_class = max(tracked.unit_prices)
            return {tax_class: min(unit, coupon.value) if coupon.value else unit}
        return _split(min(coupon.value, spent), base, self.currency)


@dataclass(frozen=True, slots=True)
class CouponSummary(OfferSummary):
    """An :class:`OfferSummary` with the coupons' savings after the offers' ones."""

    coupon_savings: tuple[Saving, ...] = ()

    def savings(self) -> tuple[Saving, ...]:
        return (*self.state.itemised(), *self.coupon_savings)


def coupon_saving(summary: OfferSummary | None, coupon: Coupon) -> int:
    """What ``coupon`` saves in a basket's offers summary (``BasketTotals.offers``), in
    minor units: 0 if it saves nothing there (withdrawn, or capped to nothing)."""
    savings = summary.coupon_savings if isinstance(summary, CouponSummary) else ()
    return sum(s.amount for s in savings if s.offer_id == coupon.offer_id)


def with_coupons(summary: OfferSummary | None, coupons: CouponState | None) -> OfferSummary | None:
    """``summary`` (None: no offers) with what ``coupons`` save on top, O(coupons x classes)."""
    if coupons is None or not coupons.tracked:
        return summary
    base = summary or OfferState.empty(EMPTY_BOOK, coupons.currency).summary()
    savings = coupons.savings(base.by_class)
    if not savings:
        return summary
    by_class = dict(base.by_class)
    for saving in savings:
        for tax_class, amount in saving.by_class:
            by_class[tax_class] = by_class.get(tax_class, 0) + amount
    extra = sum(s.amount for s in savings)
    return CouponSummary(by_class, base.total + extra, base.state, savings)


__all__ = [
    "COUPON_ID_PREFIX",
    "NO_COUPONS",
    "REFUSAL_REASONS",
    "Coupon",
    "CouponList",
    "CouponOffer",
    "CouponRefused",
    "CouponState",
    "CouponSummary",
    "Requirement",
    "SaveKind",
    "coupon_from_8110",
    "coupon_from_8112",
    "coupon_saving",
    "encode_store_coupon",
    "refusal",
    "serial_key_of",
    "store_coupon",
    "store_coupon_code",
    "with_coupons",
]
