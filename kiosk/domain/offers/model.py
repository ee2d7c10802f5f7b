"""Offers: what a promotion is, as small frozen values, and the units it prices.

An :class:`Offer` names a *group* of SKUs and a rule. Kinds (``OfferKind``):

* ``multi_buy``: ``quantity`` units of the group for ``pay_units`` of them (3 for 2:
  the cheapest of each set is free) or for ``price`` (3 for 5.00). The group may hold
  several SKUs, so the same kind is *mix and match*.
* ``percent_off``: ``percent`` off every unit of the group.
* ``amount_off``: ``amount`` off each unit (capped at the unit's price), or, with
  ``once``, off the group as a whole (capped at what the group costs).
* ``unit_price``: each counted unit of the group costs ``price`` (a member price with
  ``members_only``); never raises a price and never applies to weighed lines.
* ``set_price``: one unit from each of ``components`` (disjoint SKU groups: a meal deal)
  for ``price``.
* ``threshold``: spend ``spend`` on the group (or, with no SKUs, on the basket), save
  ``amount``. The spend is the shelf amount (before other offers); thresholds stack
  on top of the item offers.

Every offer may carry a validity window (``starts_at`` inclusive, ``ends_at``
exclusive, aware datetimes passed in, never read from a clock) and ``members_only``
(applies once a loyalty card is on the basket).

A :class:`Unit` is what offers price: one line's units of one SKU at one unit value
(a weighed line is one unit worth its amount). Units of equal key are
interchangeable, which is what makes the result independent of scan order.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from fractions import Fraction

HUNDRED = 100


class OfferError(ValueError):
    """An offer whose fields break a rule; the message names the offer and the field."""


class OfferKind(enum.Enum):
    """The rule of an offer (see the module docstring)."""

    MULTI_BUY = "multi_buy"
    PERCENT_OFF = "percent_off"
    AMOUNT_OFF = "amount_off"
    UNIT_PRICE = "unit_price"
    SET_PRICE = "set_price"
    THRESHOLD = "threshold"


@dataclass(frozen=True, slots=True, order=True)
class UnitKey:
    """What makes units interchangeable: their value, SKU, tax class and kind.

    Ordered so that sorting puts the most valuable units first (``neg_value``).
    """

    neg_value: int
    sku: str
    tax_class: str
    each: bool = True

    @property
    def value(self) -> int:
        """The price of one unit in minor units."""
        return -self.neg_value


Bundle = tuple[UnitKey, int]  # a key and how many units of it


@dataclass(frozen=True, slots=True)
class Offer:
    """One promotion. Build with keyword arguments; :meth:`__post_init__` checks them.

    Amounts (``price``, ``amount``, ``spend``) are integer minor units of the lane's
    currency; ``percent`` is an exact fraction from 0 to 100.
    """

    offer_id: str
    name: str
    kind: OfferKind
    skus: frozenset[str] = frozenset()
    quantity: int = 0
    pay_units: int | None = None
    price: int | None = None
    percent: Fraction | None = None
    amount: int | None = None
    once: bool = False
    spend: int | None = None
    components: tuple[frozenset[str], ...] = ()
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    members_only: bool = False

    def __post_init__(self) -> None:
        _check(self)

    @property
    def group(self) -> frozenset[str]:
        """Every SKU the offer looks at (the components' union for a set price)."""
        if self.kind is OfferKind.SET_PRICE:
            return frozenset().union(*self.components)
        return self.skus

    @property
    def is_threshold(self) -> bool:
        return self.kind is OfferKind.THRESHOLD

    def valid_at(self, at: datetime) -> bool:
        """True if ``at`` is inside the validity window."""
        if self.starts_at is not None and at < self.starts_at:
            return False
        return self.ends_at is None or at < self.ends_at


def _fail(offer: Offer, field: str, why: str) -> OfferError:
    return OfferError(f"offer {offer.offer_id!r}: {field} {why}")


def _need(offer: Offer, field: str, value: int | None, minimum: int) -> int:
    if value is None or value < minimum:
        raise _fail(offer, field, f"must be an integer >= {minimum}, got {value!r}")
    return value


def _check(offer: Offer) -> None:
    if not offer.offer_id.strip():
        raise OfferError("offer_id must not be empty")
    if not offer.name.strip():
        raise _fail(offer, "name", "must not be empty")
    kind = offer.kind
    if kind is not OfferKind.THRESHOLD and kind is not OfferKind.SET_PRICE and not offer.skus:
        raise _fail(offer, "skus", f"must name at least one SKU for {kind.value}")
    if kind is OfferKind.MULTI_BUY:
        quantity = _need(offer, "quantity", offer.quantity, 2)
        if (offer.pay_units is None) == (offer.price is None):
            raise _fail(offer, "pay_units/price", "exactly one is needed for multi_buy")
        if offer.pay_units is not None and not 0 <= offer.pay_units < quantity:
            raise _fail(offer, "pay_units", f"must be from 0 to {quantity - 1}")
        if offer.price is not None:
            _need(offer, "price", offer.price, 0)
    elif kind is OfferKind.PERCENT_OFF:
        if offer.percent is None or not 0 < offer.percent <= HUNDRED:
            raise _fail(offer, "percent", f"must be above 0 and at most 100, got {offer.percent}")
    elif kind is OfferKind.AMOUNT_OFF:
        _need(offer, "amount", offer.amount, 1)
    elif kind is OfferKind.UNIT_PRICE:
        _need(offer, "price", offer.price, 0)
    elif kind is OfferKind.SET_PRICE:
        _check_components(offer)
        _need(offer, "price", offer.price, 0)
    elif kind is OfferKind.THRESHOLD:
        _need(offer, "spend", offer.spend, 1)
        _need(offer, "amount", offer.amount, 1)
    starts, ends = offer.starts_at, offer.ends_at
    if starts is not None and ends is not None and ends <= starts:
        raise _fail(offer, "ends_at", "must be after starts_at")
    for name, at in (("starts_at", offer.starts_at), ("ends_at", offer.ends_at)):
        if at is not None and at.tzinfo is None:
            raise _fail(offer, name, "must carry a time zone")


def _check_components(offer: Offer) -> None:
    if len(offer.components) < 2:
        raise _fail(offer, "components", "a set price needs at least two components")
    seen: set[str] = set()
    for n, component in enumerate(offer.components):
        if not component:
            raise _fail(offer, f"components[{n}]", "is empty")
        if seen & component:
            raise _fail(offer, f"components[{n}]", "shares SKUs with another component")
        seen |= component


@dataclass(frozen=True, slots=True)
class Saving:
    """What one offer saved: the amount, the units it used and its split by tax class.

    ``units`` says which units (key, count) the offer used; :func:`lines_used`
    turns them into line numbers for the receipt. ``by_class`` sums to ``amount``.
    """

    offer_id: str
    name: str
    amount: int
    units: tuple[Bundle, ...]
    by_class: tuple[tuple[str, int], ...]


__all__ = ["Bundle", "Offer", "OfferError", "OfferKind", "Saving", "UnitKey"]
