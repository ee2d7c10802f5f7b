"""The offers a lane knows (:class:`OfferCatalog`) and those that price one basket.

:meth:`OfferCatalog.book_for` keeps the offers valid when the basket opened (an offer
that ends while a shopper is scanning still applies to that basket: the price they
saw stays) and, without a loyalty card, drops the members-only ones. The
:class:`OfferBook` it returns is built once per basket, in O(offers):

* item offers are joined into *offer groups*: two offers are in one group when their
  SKU groups share a SKU (union-find). A line touches at most one group, so an event
  re-solves one group only;
* threshold offers are indexed by SKU (a basket threshold, with no SKUs, looks at the
  whole basket).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType

from kiosk.domain.offers.model import Offer, OfferError


@dataclass(frozen=True, slots=True)
class OfferBook:
    """The offers of one basket, indexed for incremental pricing (see module docstring)."""

    groups: tuple[tuple[Offer, ...], ...] = ()
    sku_group: Mapping[str, int] = field(default_factory=dict)
    thresholds: tuple[Offer, ...] = ()
    sku_thresholds: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    basket_thresholds: tuple[int, ...] = ()
    member: bool = False

    @classmethod
    def of(cls, offers: Iterable[Offer], *, member: bool = False) -> OfferBook:
        """Index ``offers`` (all of them: filter by time and card first)."""
        ordered = sorted(offers, key=lambda o: o.offer_id)
        items = [o for o in ordered if not o.is_threshold]
        thresholds = tuple(o for o in ordered if o.is_threshold)
        groups = _groups(items)
        sku_group = {sku: n for n, group in enumerate(groups) for o in group for sku in o.group}
        by_sku: dict[str, list[int]] = {}
        for n, offer in enumerate(thresholds):
            for sku in offer.skus:
                by_sku.setdefault(sku, []).append(n)
        basket = tuple(n for n, o in enumerate(thresholds) if not o.skus)
        return cls(
            groups,
            MappingProxyType(sku_group),
            thresholds,
            MappingProxyType({sku: tuple(ns) for sku, ns in by_sku.items()}),
            basket,
            member,
        )

    @property
    def is_empty(self) -> bool:
        return not self.groups and not self.thresholds


EMPTY_BOOK = OfferBook()


def _groups(items: list[Offer]) -> tuple[tuple[Offer, ...], ...]:
    parent = list(range(len(items)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    owner: dict[str, int] = {}
    for n, offer in enumerate(items):
        for sku in sorted(offer.group):
            if sku in owner:
                parent[root(n)] = root(owner[sku])
            else:
                owner[sku] = n
    members: dict[int, list[Offer]] = {}
    for n, offer in enumerate(items):
        members.setdefault(root(n), []).append(offer)
    return tuple(tuple(group) for _, group in sorted(members.items()))


@dataclass(frozen=True, slots=True)
class OfferCatalog:
    """Every offer the lane has (from HQ), whatever its window.

    Raises:
        OfferError: on construction, if two offers share an id.
    """

    offers: tuple[Offer, ...] = ()

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for offer in self.offers:
            if offer.offer_id in seen:
                raise OfferError(f"offer {offer.offer_id!r} appears twice")
            seen.add(offer.offer_id)

    def book_for(self, at: datetime, *, member: bool = False) -> OfferBook:
        """The book of a basket opened at ``at``, with or without a loyalty card."""
        if not self.offers:
            return EMPTY_BOOK
        valid = (o for o in self.offers if o.valid_at(at) and (member or not o.members_only))
        return OfferBook.of(valid, member=member)


NO_OFFERS = OfferCatalog()

__all__ = ["EMPTY_BOOK", "NO_OFFERS", "OfferBook", "OfferCatalog"]
