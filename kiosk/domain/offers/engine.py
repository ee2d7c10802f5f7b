"""Incremental pricing of a basket's offers: a change re-solves only what it touched.

Theory of operation
-------------------
An :class:`OfferState` holds, for one basket and its :class:`~.book.OfferBook`:

* per offer group, the group's unit bundles and its solved savings (:mod:`.solver`);
* the shelf amount of the active lines per tax class, and per threshold offer the
  shelf amount of its group per tax class;
* the per-class sum of the item savings.

:meth:`OfferState.changed` takes the old and new version of one line (None for an
added line) and returns a new state: it copies the small top-level maps, updates
the one group the line's SKU belongs to (re-solving it, in O(that group's bundles))
and the thresholds that look at the SKU. Nothing walks the basket, so the cost of a
scan does not grow with the number of lines (it grows with the size of the touched
group and, by a dictionary copy, with the number of groups holding units).

:meth:`OfferState.summary` adds the thresholds the basket qualifies for and returns
the per-class discounts that tax needs; the itemised savings are built only when
asked (the receipt and the sale document).

Allocation and caps: an offer's saving is split over the tax classes of the units it
used in proportion to their shelf amounts (:meth:`Money.allocate`); a threshold's
over the classes of its group's spend. Item offers never save more than the units
they use cost; a threshold's share of a class is cut to what is left of the class
after the item offers and earlier thresholds (by offer id), so no class and no
basket ever goes below zero and the total saving never exceeds the shelf total.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kiosk.domain.money import Money
from kiosk.domain.offers.book import OfferBook
from kiosk.domain.offers.model import Bundle, Saving, UnitKey
from kiosk.domain.offers.solver import solve

if TYPE_CHECKING:  # the basket imports this module; lines are only read by attribute
    from kiosk.domain.basket import BasketLine


def unit_of(line: BasketLine) -> Bundle:
    """The units of ``line``: its unit price times quantity, or one unit of its amount."""
    item = line.item
    if line.weight_g is not None:
        return UnitKey(-line.amount.minor, item.sku, item.tax_class, False), 1
    return UnitKey(-line.unit_price.minor, item.sku, item.tax_class, True), line.quantity


def _split(amount: int, weights: Mapping[str, int], currency: str) -> tuple[tuple[str, int], ...]:
    classes = sorted(c for c, w in weights.items() if w > 0)
    if amount <= 0 or not classes:
        return ()
    parts = Money(amount, currency).allocate([weights[c] for c in classes])
    return tuple((c, p.minor) for c, p in zip(classes, parts, strict=True) if p.minor)


def _group_savings(
    book: OfferBook, group: int, bundles: Mapping[UnitKey, int], currency: str
) -> tuple[Saving, ...]:
    ordered = sorted((k, c) for k, c in bundles.items() if c)
    savings = []
    for offer, amount, used in solve(book.groups[group], ordered):
        weights: dict[str, int] = {}
        for key, count in used:
            weights[key.tax_class] = weights.get(key.tax_class, 0) + key.value * count
        by_class = _split(amount, weights, currency)
        savings.append(Saving(offer.offer_id, offer.name, amount, used, by_class))
    return tuple(savings)


@dataclass(frozen=True, slots=True)
class OfferSummary:
    """What the offers save on a basket: per tax class and in all, and, on demand, each."""

    by_class: Mapping[str, int]
    total: int
    state: OfferState

    def savings(self) -> tuple[Saving, ...]:
        """Every offer's saving (item offers by group, then thresholds by id)."""
        return self.state.itemised()


class OfferState:
    """The offers' view of one basket; replaced, never edited, by a change."""

    __slots__ = (
        "amounts",
        "book",
        "bundles",
        "currency",
        "item_by_class",
        "raw",
        "raw_by_class",
        "results",
        "spends",
    )

    def __init__(
        self,
        book: OfferBook,
        currency: str,
        *,
        bundles: dict[int, dict[UnitKey, int]],
        results: dict[int, tuple[Saving, ...]],
        item_by_class: dict[str, int],
        amounts: dict[str, int],
        spends: dict[int, dict[str, int]],
        raw: dict[int, tuple[tuple[str, int], ...]],
        raw_by_class: dict[str, int],
    ) -> None:
        self.book = book
        self.currency = currency
        self.bundles = bundles
        self.results = results
        self.item_by_class = item_by_class
        self.amounts = amounts
        self.spends = spends
        #: per qualifying threshold, its saving split by class before any cap
        self.raw = raw
        self.raw_by_class = raw_by_class

    @classmethod
    def empty(cls, book: OfferBook, currency: str) -> OfferState:
        return cls(
            book,
            currency,
            bundles={},
            results={},
            item_by_class={},
            amounts={},
            spends={},
            raw={},
            raw_by_class={},
        )

    @classmethod
    def of(cls, book: OfferBook, currency: str, lines: tuple[BasketLine, ...]) -> OfferState:
        """The state of ``lines`` from scratch (O(lines)): bundles first, then one solve
        per group, so building a recovered basket does not re-solve per line."""
        state = cls.empty(book, currency)
        groups: set[int] = set()
        thresholds: set[int] = set()
        for line in lines:
            if line.counts:
                state._count(unit_of(line), 1, groups, thresholds)
        state._settle(groups, thresholds)
        return state

    def changed(self, old: BasketLine | None, new: BasketLine) -> OfferState:
        """The state after ``old`` (None for an added line) became ``new``."""
        state = OfferState(
            self.book,
            self.currency,
            bundles=dict(self.bundles),
            results=dict(self.results),
            item_by_class=dict(self.item_by_class),
            amounts=dict(self.amounts),
            spends=dict(self.spends),
            raw=dict(self.raw),
            raw_by_class=dict(self.raw_by_class),
        )
        groups: set[int] = set()
        thresholds: set[int] = set()
        for line, sign in ((old, -1), (new, 1)):
            if line is not None and line.counts:
                state._count(unit_of(line), sign, groups, thresholds)
        state._settle(groups, thresholds)
        return state

    def _count(self, bundle: Bundle, sign: int, groups: set[int], thresholds: set[int]) -> None:
        key, count = bundle
        value = key.value * count * sign
        tax_class = key.tax_class
        self.amounts[tax_class] = self.amounts.get(tax_class, 0) + value
        for n in self.book.sku_thresholds.get(key.sku, ()):
            spend = dict(self.spends.get(n, {}))
            spend[tax_class] = spend.get(tax_class, 0) + value
            self.spends[n] = spend
            thresholds.add(n)
        group = self.book.sku_group.get(key.sku)
        if group is None:
            return
        bundles = dict(self.bundles.get(group, {}))
        left = bundles.get(key, 0) + count * sign
        if left:
            bundles[key] = left
        else:
            bundles.pop(key, None)
        self.bundles[group] = bundles
        groups.add(group)

    def _settle(self, groups: set[int], thresholds: set[int]) -> None:
        for group in sorted(groups):
            self._resolve(group)
        for n in sorted(thresholds.union(self.book.basket_thresholds)):
            self._rethreshold(n)

    def _resolve(self, group: int) -> None:
        by_class = self.item_by_class
        for saving in self.results.get(group, ()):
            for tax_class, amount in saving.by_class:
                by_class[tax_class] -= amount
        savings = _group_savings(self.book, group, self.bundles.get(group, {}), self.currency)
        self.results[group] = savings
        for saving in savings:
            for tax_class, amount in saving.by_class:
                by_class[tax_class] = by_class.get(tax_class, 0) + amount

    def _rethreshold(self, n: int) -> None:
        """Threshold ``n``'s uncapped saving after its spend changed."""
        by_class = self.raw_by_class
        for tax_class, amount in self.raw.pop(n, ()):
            by_class[tax_class] -= amount
        offer = self.book.thresholds[n]
        spend = self.amounts if not offer.skus else self.spends.get(n, {})
        spent = sum(spend.values())
        assert offer.spend is not None
        assert offer.amount is not None
        if spent < offer.spend:
            return
        shares = _split(min(offer.amount, spent), spend, self.currency)
        self.raw[n] = shares
        for tax_class, amount in shares:
            by_class[tax_class] = by_class.get(tax_class, 0) + amount

    def _thresholds(self) -> tuple[dict[str, int], list[Saving] | None]:
        """Per-class discounts with the thresholds added, and, if a cap cut them, the
        thresholds' capped savings (None: none was cut)."""
        by_class = {c: a for c, a in self.item_by_class.items() if a}
        raw_by_class = self.raw_by_class
        fits = all(
            by_class.get(c, 0) + a <= self.amounts.get(c, 0) for c, a in raw_by_class.items()
        )
        if fits:  # the usual case, O(classes): no threshold needs its cap
            for tax_class, amount in raw_by_class.items():
                if amount:
                    by_class[tax_class] = by_class.get(tax_class, 0) + amount
            return by_class, None
        room = {c: self.amounts.get(c, 0) - by_class.get(c, 0) for c in self.amounts}
        savings = []
        for n in sorted(self.raw):
            offer = self.book.thresholds[n]
            shares = []
            for tax_class, share in self.raw[n]:
                cut = max(0, min(share, room.get(tax_class, 0)))
                if cut:
                    room[tax_class] -= cut
                    by_class[tax_class] = by_class.get(tax_class, 0) + cut
                    shares.append((tax_class, cut))
            amount = sum(a for _, a in shares)
            if amount:
                savings.append(Saving(offer.offer_id, offer.name, amount, (), tuple(shares)))
        return by_class, savings

    def _threshold_savings(self) -> list[Saving]:
        _, savings = self._thresholds()
        if savings is not None:
            return savings
        return [  # no cap was needed: each as computed
            Saving(self.book.thresholds[n].offer_id, self.book.thresholds[n].name,
                   sum(a for _, a in shares), (), shares)
            for n, shares in sorted(self.raw.items())
        ]  # fmt: skip

    def summary(self) -> OfferSummary:
        """Per-class discounts and the total saving, O(classes) (a cap: O(thresholds))."""
        by_class, _ = self._thresholds()
        return OfferSummary(by_class, sum(by_class.values()), self)

    def itemised(self) -> tuple[Saving, ...]:
        """Each offer's saving: item offers (group order), then thresholds (id order)."""
        items = [s for group in sorted(self.results) for s in self.results[group]]
        return (*items, *self._threshold_savings())


def lines_used(saving: Saving, lines: tuple[BasketLine, ...]) -> tuple[int, ...]:
    """The line numbers whose units ``saving`` used (earliest lines first), O(lines).

    A threshold saving used no particular units: it names no line.
    """
    wanted = dict(saving.units)
    used = []
    for line in lines:
        if not wanted or not line.counts:
            continue
        key, count = unit_of(line)
        need = wanted.get(key, 0)
        if need:
            wanted[key] = need - min(need, count)
            if not wanted[key]:
                del wanted[key]
            used.append(line.line_no)
    return tuple(used)


__all__ = ["OfferState", "OfferSummary", "lines_used", "unit_of"]
