"""The best share-out of units among overlapping item offers (one offer group).

Theory of operation
-------------------
A unit is used by at most one item offer. Offers whose SKU groups overlap form an
*offer group* (:mod:`.book`); groups are solved independently and their savings add.
Inside a group :func:`solve` looks for the share-out of units with the largest total
saving (each offer then makes its :func:`~.rules.best_use` of its share):

* one offer: its best use of every unit it can take;
* exact, when the candidate share-outs are few: every split of every bundle's count
  among the offers that can take it (the product of the bundles' split counts must be
  at most :data:`EXACT_LEAVES`). Units of one bundle are interchangeable, so this
  covers every assignment of units to offers: it is the optimum;
* greedy beyond: offers take units one after the other in every order when there are
  at most :data:`ALL_ORDERS_UP_TO` of them, else in one order (largest saving alone
  first); the best order wins. **Bound**: the first offer of an order takes every unit
  it wants, so the greedy total is never below the best single offer's saving; it can
  miss the optimum when splitting one SKU's units between two offers would save more.

Everything is a function of the sorted bundles, never of the lines or their order,
so the total does not depend on the order of the scans. Ties keep the first found
in a fixed order (bundles sorted, offers by id).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import permutations, product
from math import comb

from kiosk.domain.offers.model import Bundle, Offer, UnitKey
from kiosk.domain.offers.rules import best_use

EXACT_LEAVES = 16
ALL_ORDERS_UP_TO = 3

Applied = tuple[Offer, int, tuple[Bundle, ...]]  # offer, saving, units used


def solve(offers: Sequence[Offer], bundles: Sequence[Bundle]) -> list[Applied]:
    """The offers that save, with their saving and units, for the best share-out found.

    Args:
        offers: the group's item offers, sorted by offer id.
        bundles: the group's units, sorted (most valuable first), keys distinct.
    """
    if not bundles or not offers:
        return []
    takers = [tuple(i for i, o in enumerate(offers) if key.sku in o.group) for key, _ in bundles]
    if len(offers) == 1:
        plan = [best_use(offers[0], [b for b, t in zip(bundles, takers, strict=True) if t])]
    elif _leaves(bundles, takers) <= EXACT_LEAVES:
        plan = _exact(offers, bundles, takers)
    else:
        plan = _greedy(offers, bundles, takers)
    return [(offer, s, used) for offer, (s, used) in zip(offers, plan, strict=True) if s > 0]


def _leaves(bundles: Sequence[Bundle], takers: Sequence[tuple[int, ...]]) -> int:
    leaves = 1
    for (_, count), who in zip(bundles, takers, strict=True):
        if len(who) > 1:
            leaves *= comb(count + len(who) - 1, len(who) - 1)
            if leaves > EXACT_LEAVES:
                break
    return leaves


def _splits(count: int, parts: int) -> Iterator[tuple[int, ...]]:
    """Every way to write ``count`` as an ordered sum of ``parts`` counts >= 0."""
    if parts == 1:
        yield (count,)
        return
    for first in range(count, -1, -1):
        for rest in _splits(count - first, parts - 1):
            yield (first, *rest)


def _exact(
    offers: Sequence[Offer], bundles: Sequence[Bundle], takers: Sequence[tuple[int, ...]]
) -> list[tuple[int, tuple[Bundle, ...]]]:
    options = [
        list(_splits(count, len(who))) if who else [()]
        for (_, count), who in zip(bundles, takers, strict=True)
    ]
    best: list[tuple[int, tuple[Bundle, ...]]] = []
    best_total = -1
    for choice in product(*options):
        shares: list[list[Bundle]] = [[] for _ in offers]
        for (key, _), who, split in zip(bundles, takers, choice, strict=True):
            for offer_index, count in zip(who, split, strict=True):
                if count:
                    shares[offer_index].append((key, count))
        plan = [best_use(offer, share) for offer, share in zip(offers, shares, strict=True)]
        total = sum(s for s, _ in plan)
        if total > best_total:
            best, best_total = plan, total
    return best


def _greedy(
    offers: Sequence[Offer], bundles: Sequence[Bundle], takers: Sequence[tuple[int, ...]]
) -> list[tuple[int, tuple[Bundle, ...]]]:
    indices = range(len(offers))
    if len(offers) <= ALL_ORDERS_UP_TO:
        orders: list[tuple[int, ...]] = list(permutations(indices))
    else:
        alone = [_in_order(offers, bundles, takers, (i,))[i][0] for i in indices]
        orders = [tuple(sorted(indices, key=lambda i: -alone[i]))]  # stable: ids break ties
    best: list[tuple[int, tuple[Bundle, ...]]] = []
    best_total = -1
    for order in orders:
        plan = _in_order(offers, bundles, takers, order)
        total = sum(s for s, _ in plan)
        if total > best_total:
            best, best_total = plan, total
    return best


def _in_order(
    offers: Sequence[Offer],
    bundles: Sequence[Bundle],
    takers: Sequence[tuple[int, ...]],
    order: Sequence[int],
) -> list[tuple[int, tuple[Bundle, ...]]]:
    left: dict[UnitKey, int] = dict(bundles)
    plan: list[tuple[int, tuple[Bundle, ...]]] = [(0, ())] * len(offers)
    for index in order:
        share = [
            (key, left[key])
            for (key, _), who in zip(bundles, takers, strict=True)
            if index in who and left[key]
        ]
        saving, used = best_use(offers[index], share)
        plan[index] = (saving, used)
        for key, count in used:
            left[key] -= count
    return plan


__all__ = ["ALL_ORDERS_UP_TO", "EXACT_LEAVES", "Applied", "solve"]
