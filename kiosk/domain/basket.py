"""The basket: the lines a shopper has scanned, immutable, with their amounts.

This module owns :class:`BasketLine` and :class:`Basket` (the shared contract in
TEAM.md) and the rules for a line's amount:

* EACH items: ``amount = unit_price * quantity`` (exact).
* WEIGHT items: ``unit_price`` is per kilogram and ``quantity`` is 1;
  ``amount = unit_price * weight_g / 1000`` rounded **half up** to the minor unit
  (:data:`WEIGHT_ROUNDING`), the rule of retail label scales (1.234 kg at 1.99/kg
  = 2.45566 -> 2.46). It is computed once per line from integers, never floats.
* Deposits (bottles, cans): ``item.deposit`` per unit times ``quantity``, kept out
  of ``amount`` and totalled separately; whether a deposit carries tax is a
  :class:`kiosk.domain.tax.TaxRules` setting (default: untaxed).
* A voided line stays in the basket (audit, journal) but counts for nothing.
* ``item.quantity_limit`` caps the units of one SKU over the active lines;
  exceeding it raises :class:`QuantityLimitExceeded`, which the checkout turns
  into an attendant intervention (an approved one passes ``over_limit_ok=True``).

Every mutator returns ``(new_basket, changed_line)`` so the caller can journal
exactly the line that changed. Line numbers are 1-based and never reused.

Cost per change does not grow with the basket: a basket keeps a :class:`_Tally`
of its active lines (per tax class sums, units, and, once totals were asked
under per-line rules, the per-class sum of the line taxes); a change derives the
new tally from the old one and the changed line, and :meth:`Basket.totals`
combines it in O(tax classes) with exactly the results of
:func:`~kiosk.domain.tax.compute_totals`. Lines are found by bisection (their
numbers increase). A basket built by its constructor (the journal, tests) makes
its tally from the lines on first use.

Offers: :meth:`Basket.with_offers` attaches an :class:`~kiosk.domain.offers.OfferBook`;
the tally then carries an :class:`~kiosk.domain.offers.OfferState` that each change
updates for the changed line only, and :meth:`Basket.totals` takes the savings off
(tax on the discounted amounts, see :mod:`kiosk.domain.tax`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from fractions import Fraction
from operator import attrgetter

from kiosk.domain.basket_merge import MergeIndex, joins
from kiosk.domain.catalog import CatalogItem, SaleUnit
from kiosk.domain.money import Money, Rounding
from kiosk.domain.offers.book import OfferBook
from kiosk.domain.offers.coupons import Coupon, CouponState, with_coupons
from kiosk.domain.offers.engine import OfferState
from kiosk.domain.tax import (
    BasketTotals,
    ClassSums,
    TaxError,
    TaxRules,
    compute_totals,
    line_tax_minor,
    line_taxes_by_class,
    totals_from_sums,
)

WEIGHT_ROUNDING = Rounding.HALF_UP
GRAMS_PER_KG = 1000


class BasketError(ValueError):
    """A basket change that breaks a rule (unknown line, voided line, bad quantity...)."""


class QuantityLimitExceeded(BasketError):
    """More units of an item than its ``quantity_limit`` allows in one basket."""

    def __init__(self, item: CatalogItem, limit: int, requested: int) -> None:
        super().__init__(
            f"item {item.sku}: {requested} units exceed the limit of {limit} per basket"
        )
        self.item = item
        self.limit = limit
        self.requested = requested


@dataclass(frozen=True, slots=True)
class BasketLine:
    """One scanned line; see the module docstring for the amount rules.

    Raises:
        BasketError: on construction, if the fields contradict the item's sale unit.
    """

    line_no: int
    item: CatalogItem
    quantity: int
    weight_g: int | None
    unit_price: Money
    voided: bool = False
    price_override_reason: str | None = None
    scanned_code: str | None = None

    def __post_init__(self) -> None:
        where = f"line {self.line_no} ({self.item.sku})"
        if self.line_no < 1:
            raise BasketError(f"{where}: line numbers start at 1")
        if self.unit_price.minor < 0:
            raise BasketError(f"{where}: negative unit price {self.unit_price}")
        if self.item.sold_by_weight:
            if self.weight_g is None or self.weight_g <= 0:
                raise BasketError(f"{where}: a weighed item needs a positive weight_g")
            if self.quantity != 1:
                raise BasketError(f"{where}: a weighed item has quantity 1")
        else:
            if self.weight_g is not None:
                raise BasketError(f"{where}: weight_g is only for weighed items")
            if self.quantity < 1:
                raise BasketError(f"{where}: quantity must be at least 1")

    @property
    def amount(self) -> Money:
        """Price of the line before deposit and tax rules (voiding is ignored here)."""
        if self.weight_g is not None:
            return self.unit_price.scaled(Fraction(self.weight_g, GRAMS_PER_KG), WEIGHT_ROUNDING)
        return self.unit_price * self.quantity

    @property
    def deposit_unit(self) -> Money:
        """Deposit per unit (zero if the item has none)."""
        return self.item.deposit or Money.zero(self.unit_price.currency)

    @property
    def deposit_amount(self) -> Money:
        """Deposit of the whole line: per-unit deposit times quantity."""
        return self.deposit_unit * self.quantity

    @property
    def tax_class(self) -> str:
        return self.item.tax_class

    @property
    def counts(self) -> bool:
        """True unless voided: only counting lines enter totals and limits."""
        return not self.voided

    @property
    def units(self) -> int:
        """Units for the item count: quantity, or 1 for a weighed line."""
        return self.quantity


_LINE_NO = attrgetter("line_no")
_NO_LINES = ClassSums()


class _Tally:
    """Running sums over a basket's active lines: replaced, never edited, by a change.

    ``classes``, ``units``, ``active`` and ``negative_deposits`` (lines whose deposit
    is below zero: their totals are computed from the lines, see :meth:`Basket.totals`)
    are fixed. Two fields are caches, set whole (one reference, so a reader on another
    thread sees the old or the new one): ``limited``, the active units of each SKU
    whose quantity limit was checked (seeded from the lines the first time), and
    ``taxes``, the rules last asked for under per-line rounding with the per-class
    sums of the line taxes. A change carries both over with the changed line.
    """

    __slots__ = (
        "active", "classes", "coupons", "limited", "negative_deposits", "offers", "taxes", "units",
    )  # fmt: skip

    def __init__(
        self,
        classes: dict[str, ClassSums],
        units: int,
        active: int,
        *,
        negative_deposits: int,
        limited: Mapping[str, int],
        taxes: tuple[TaxRules, Mapping[str, int]] | None,
        offers: OfferState | None = None,
        coupons: CouponState | None = None,
    ) -> None:
        self.offers = offers
        self.coupons = coupons
        self.classes = classes
        self.units = units
        self.active = active
        self.negative_deposits = negative_deposits
        self.limited = limited
        self.taxes = taxes

    @classmethod
    def of(cls, lines: tuple[BasketLine, ...]) -> _Tally:
        """The tally of ``lines``, from scratch."""
        tally = cls({}, 0, 0, negative_deposits=0, limited={}, taxes=None)
        for line in lines:
            tally = tally.changed(None, line)
        return tally

    def changed(self, old: BasketLine | None, new: BasketLine) -> _Tally:
        """The tally after ``old`` (None for an added line) became ``new``."""
        classes = dict(self.classes)
        units, active, negative = self.units, self.active, self.negative_deposits
        limited = self.limited
        taxes = self.taxes
        rules, class_taxes = taxes if taxes is not None else (None, None)
        new_taxes = None if class_taxes is None else dict(class_taxes)
        for line, sign in ((old, -1), (new, 1)):
            if line is None or not line.counts:
                continue
            tax_class, amount, deposit = (
                line.tax_class,
                line.amount.minor,
                line.deposit_amount.minor,
            )
            sums = classes.get(tax_class, _NO_LINES)
            sums = sums.plus(amount, deposit) if sign > 0 else sums.minus(amount, deposit)
            if sums.lines:
                classes[tax_class] = sums
            else:
                del classes[tax_class]
            units += sign * line.units
            active += sign
            negative += sign * (deposit < 0)
            sku = line.item.sku
            if sku in limited:
                limited = {**limited, sku: limited[sku] + sign * line.units}
            if new_taxes is not None and rules is not None:
                try:
                    tax = line_tax_minor(line, rules)
                except TaxError:  # asked again, totals raise it in class order
                    new_taxes = None
                else:
                    new_taxes[tax_class] = new_taxes.get(tax_class, 0) + sign * tax
        carried = None if new_taxes is None or rules is None else (rules, new_taxes)
        offers = None if self.offers is None else self.offers.changed(old, new)
        coupons = None if self.coupons is None else self.coupons.changed(old, new)
        return _Tally(
            classes,
            units,
            active,
            negative_deposits=negative,
            limited=limited,
            taxes=carried,
            offers=offers,
            coupons=coupons,
        )

    def priced(self, offers: OfferState | None, coupons: CouponState | None) -> _Tally:
        """This tally with ``offers`` and ``coupons`` in place of its own."""
        return _Tally(
            self.classes,
            self.units,
            self.active,
            negative_deposits=self.negative_deposits,
            limited=self.limited,
            taxes=self.taxes,
            offers=offers,
            coupons=coupons,
        )

    def line_taxes(self, rules: TaxRules, lines: tuple[BasketLine, ...]) -> Mapping[str, int]:
        """Per class, the sum of the per-line taxes under ``rules`` (kept for the next ask).

        Raises:
            TaxError: for the first class (in order) without a rate, as compute_totals.
        """
        taxes = self.taxes
        if taxes is not None and (taxes[0] is rules or taxes[0] == rules):
            return taxes[1]
        for tax_class in sorted(self.classes):
            rules.rate(tax_class)
        class_taxes = line_taxes_by_class(lines, rules)
        self.taxes = (rules, class_taxes)
        return class_taxes

    def units_of(self, sku: str, lines: tuple[BasketLine, ...]) -> int:
        """Active units of ``sku``; counted from the lines the first time, then kept."""
        known = self.limited.get(sku)
        if known is None:
            known = sum(line.units for line in lines if line.counts and line.item.sku == sku)
            self.limited = {**self.limited, sku: known}
        return known


@dataclass(frozen=True, slots=True)
class Basket:
    """An immutable basket of lines in one currency.

    Raises:
        BasketError: on construction, if line numbers are not strictly increasing
            or a line's price is in another currency.
    """

    basket_id: str
    currency: str
    lines: tuple[BasketLine, ...] = ()
    _tally_cache: _Tally | None = field(default=None, init=False, repr=False, compare=False)
    _merge_cache: MergeIndex | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        previous = 0
        for line in self.lines:
            if line.line_no <= previous:
                raise BasketError(
                    f"basket {self.basket_id}: line numbers must increase, got {line.line_no}"
                )
            previous = line.line_no
            self._check_currency(line.unit_price)

    @classmethod
    def from_lines(cls, basket_id: str, currency: str, lines: tuple[BasketLine, ...]) -> Basket:
        """Rebuild a basket (e.g. from the journal); lines are sorted by line number.

        Quantity limits are not re-checked: the lines were accepted when added.
        """
        return cls(basket_id, currency, tuple(sorted(lines, key=lambda line: line.line_no)))

    @property
    def _tally(self) -> _Tally:
        tally = self._tally_cache
        if tally is None:
            tally = _Tally.of(self.lines)
            object.__setattr__(self, "_tally_cache", tally)
        return tally

    @property
    def active_lines(self) -> tuple[BasketLine, ...]:
        return tuple(line for line in self.lines if line.counts)

    @property
    def next_line_no(self) -> int:
        return self.lines[-1].line_no + 1 if self.lines else 1

    @property
    def is_empty(self) -> bool:
        """True if no line counts (voided lines do not)."""
        return self._tally.active == 0

    def line(self, line_no: int) -> BasketLine:
        """The line numbered ``line_no``. Raises BasketError if there is none."""
        return self.lines[self._index(line_no)]

    @property
    def offer_book(self) -> OfferBook | None:
        """The offers that price this basket (None if none were attached)."""
        offers = self._tally.offers
        return None if offers is None else offers.book

    def with_offers(self, book: OfferBook) -> Basket:
        """This basket priced by ``book`` (O(lines), once: on opening, a loyalty card or a
        recovery); later changes keep the offers up to date in O(the touched group)."""
        offers = OfferState.of(book, self.currency, self.lines)
        return self._derived(self.lines, self._tally.priced(offers, self._tally.coupons))

    @property
    def coupons(self) -> CouponState | None:
        """The coupons scanned onto this basket (None: none yet)."""
        return self._tally.coupons

    def with_coupon(self, coupon: Coupon) -> Basket:
        """This basket with ``coupon`` on it (O(lines), once per coupon; later changes keep
        it up to date in O(coupons)). Checks are the caller's (offers.coupons.refusal)."""
        tally = self._tally
        state = tally.coupons or CouponState.of(self.currency, self.lines)
        coupons = state.with_coupon(coupon, self.lines)
        return self._derived(self.lines, tally.priced(tally.offers, coupons))

    def without_coupon(self, coupon_id: str) -> Basket:
        """This basket with the coupon ``coupon_id`` taken off (O(coupons)); the same
        basket if it holds no such coupon."""
        tally = self._tally
        coupons = tally.coupons
        if coupons is None or not any(c.coupon_id == coupon_id for c in coupons.coupons):
            return self
        return self._derived(self.lines, tally.priced(tally.offers, coupons.without(coupon_id)))

    def units_of(self, sku: str) -> int:
        """Units of ``sku`` over the active lines (weighed lines count 1 each)."""
        return self._tally.units_of(sku, self.lines)

    def merge_target(self, item: CatalogItem, code: str) -> BasketLine | None:
        """The line a scan of ``item`` by ``code`` joins where identical items merge, or
        None (rules and cost: :mod:`kiosk.domain.basket_merge`)."""
        index = self._merge_cache
        if index is None:
            index = MergeIndex(self.lines)
            object.__setattr__(self, "_merge_cache", index)
        for line_no in index.candidates(item.sku, self.next_line_no):
            try:
                line = self.line(line_no)
            except BasketError:  # recorded by a sibling basket
                continue
            if line.item.sku == item.sku and joins(line, item, code):
                return line
        return None

    def add_item(
        self,
        item: CatalogItem,
        quantity: int = 1,
        weight_g: int | None = None,
        unit_price: Money | None = None,
        scanned_code: str | None = None,
        *,
        over_limit_ok: bool = False,
        price_reason: str | None = None,
    ) -> tuple[Basket, BasketLine]:
        """Append a line for ``item`` (price defaults to the catalog price; ``price_reason``
        says why another ``unit_price`` applies, kept as the line's override reason).

        Raises:
            QuantityLimitExceeded: if the item's limit would be passed (unless
                ``over_limit_ok``, which an attendant's approval sets).
            BasketError: for a bad quantity/weight or a price in another currency.
        """
        price = item.price if unit_price is None else unit_price
        self._check_currency(price)
        if item.unit is SaleUnit.WEIGHT and quantity != 1:
            raise BasketError(f"item {item.sku}: a weighed item has quantity 1")
        line = BasketLine(
            self.next_line_no,
            item,
            quantity,
            weight_g,
            price,
            price_override_reason=price_reason,
            scanned_code=scanned_code,
        )
        if not over_limit_ok and item.quantity_limit is not None:
            self._check_limit(item, self.units_of(item.sku) + line.units)
        if self._merge_cache is not None:
            self._merge_cache.record(line)
        # Concatenation copies the tuple once (unpacking builds a list first: 2x slower).
        lines = self.lines + (line,)  # noqa: RUF005
        return self._derived(lines, self._tally.changed(None, line)), line

    def set_quantity(
        self, line_no: int, quantity: int, *, over_limit_ok: bool = False
    ) -> tuple[Basket, BasketLine]:
        """Change the quantity of a counted (EACH) line.

        Raises:
            BasketError: unknown or voided line, weighed line, quantity < 1.
            QuantityLimitExceeded: if the new quantity passes the item's limit.
        """
        old = self._mutable_line(line_no)
        if old.item.sold_by_weight:
            raise BasketError(f"line {line_no}: the quantity of a weighed item cannot change")
        if quantity < 1:
            raise BasketError(f"line {line_no}: quantity must be at least 1 (void the line)")
        if not over_limit_ok and old.item.quantity_limit is not None:
            self._check_limit(old.item, self.units_of(old.item.sku) - old.quantity + quantity)
        return self._replaced(replace(old, quantity=quantity))

    def void_line(self, line_no: int) -> tuple[Basket, BasketLine]:
        """Mark a line voided; it stays for audit. Raises BasketError if unknown/voided."""
        return self._replaced(replace(self._mutable_line(line_no), voided=True))

    def override_price(self, line_no: int, price: Money, reason: str) -> tuple[Basket, BasketLine]:
        """Replace a line's unit price, recording why.

        Raises:
            BasketError: unknown/voided line, empty reason, negative price or
                another currency.
        """
        old = self._mutable_line(line_no)
        if not reason.strip():
            raise BasketError(f"line {line_no}: a price override needs a reason")
        self._check_currency(price)
        return self._replaced(replace(old, unit_price=price, price_override_reason=reason))

    def totals(self, tax_rules: TaxRules) -> BasketTotals:
        """Net, tax, deposit and total of the active lines under ``tax_rules``.

        O(tax classes) from the running sums (the per-line taxes are read when
        :attr:`BasketTotals.lines` is); exactly what
        :func:`~kiosk.domain.tax.compute_totals` gives for the lines.

        Raises:
            TaxError: if an active line's tax class has no rate.
        """
        tally = self._tally
        lines = self.lines
        summary = None if tally.offers is None else tally.offers.summary()
        summary = with_coupons(summary, tally.coupons)
        discounts = None if summary is None else summary.by_class
        if tally.negative_deposits:  # a negative weight: allocation refuses it, as before
            return compute_totals(lines, tax_rules, self.currency, discounts, summary)
        taxes = tally.line_taxes(tax_rules, lines) if tax_rules.per_line else None
        return totals_from_sums(
            tally.classes,
            taxes,
            tally.units,
            tax_rules,
            currency=self.currency,
            lines=lambda: lines,
            discounts=discounts,
            offers=summary,
        )

    def _index(self, line_no: int) -> int:
        lines = self.lines
        index = bisect_left(lines, line_no, key=_LINE_NO)
        if index == len(lines) or lines[index].line_no != line_no:
            raise BasketError(f"basket {self.basket_id}: no line {line_no}")
        return index

    def _mutable_line(self, line_no: int) -> BasketLine:
        line = self.line(line_no)
        if line.voided:
            raise BasketError(f"basket {self.basket_id}: line {line_no} is voided")
        return line

    def _check_currency(self, price: Money) -> None:
        if price.currency != self.currency:
            raise BasketError(
                f"basket {self.basket_id} is in {self.currency}, price {price} is not"
            )

    @staticmethod
    def _check_limit(item: CatalogItem, units: int) -> None:
        if item.quantity_limit is not None and units > item.quantity_limit:
            raise QuantityLimitExceeded(item, item.quantity_limit, units)

    def _derived(self, lines: tuple[BasketLine, ...], tally: _Tally) -> Basket:
        # A change keeps the construction rules (numbers increase, one currency) by
        # itself, so the derived basket skips __post_init__'s walk over every line.
        basket = object.__new__(Basket)
        object.__setattr__(basket, "basket_id", self.basket_id)
        object.__setattr__(basket, "currency", self.currency)
        object.__setattr__(basket, "lines", lines)
        object.__setattr__(basket, "_tally_cache", tally)
        object.__setattr__(basket, "_merge_cache", self._merge_cache)
        return basket

    def _replaced(self, new: BasketLine) -> tuple[Basket, BasketLine]:
        index = self._index(new.line_no)
        old = self.lines[index]
        lines = self.lines[:index] + (new,) + self.lines[index + 1 :]  # noqa: RUF005
        return self._derived(lines, self._tally.changed(old, new)), new


__all__ = [
    "GRAMS_PER_KG",
    "WEIGHT_ROUNDING",
    "Basket",
    "BasketError",
    "BasketLine",
    "QuantityLimitExceeded",
]
