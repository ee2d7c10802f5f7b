"""The best use one item offer makes of the units given to it.

:func:`best_use` takes an item offer and bundles of units (sorted most valuable
first, as :class:`~kiosk.domain.offers.model.UnitKey` orders) and returns the saving
and the units it used. Each rule is optimal for the units it is given:

* multi-buy: sets are formed from the most valuable units down; a set of ``pay_units``
  saves its cheapest ``quantity - pay_units`` units (sorted consecutive sets maximise
  the sum of the cheapest), a set for ``price`` saves ``sum - price`` and sets stop at
  the first that would not save (later ones are cheaper still);
* set price: one unit of each component per set, most valuable first, while a set
  saves;
* percent off: ``percent`` of the units' total, rounded half up once per offer
  (:data:`PERCENT_ROUNDING`);
* amount off / unit price: per unit, never more than the unit's price.

Runs of identical units are handled in bulk, so the cost is O(bundles), not O(units).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from kiosk.domain.money import Rounding, divide_rounded
from kiosk.domain.offers.model import Bundle, Offer, OfferKind, UnitKey

PERCENT_ROUNDING = Rounding.HALF_UP

Use = tuple[int, tuple[Bundle, ...]]
NO_USE: Use = (0, ())


def best_use(offer: Offer, bundles: Sequence[Bundle]) -> Use:
    """The saving of ``offer`` on ``bundles`` (sorted) and the bundles it used."""
    kind = offer.kind
    if not bundles:
        return NO_USE
    if kind is OfferKind.MULTI_BUY:
        return _multi_buy(offer, bundles)
    if kind is OfferKind.SET_PRICE:
        return _set_price(offer, bundles)
    if kind is OfferKind.PERCENT_OFF:
        assert offer.percent is not None
        total = sum(key.value * count for key, count in bundles)
        pct = offer.percent
        saving = divide_rounded(total * pct.numerator, 100 * pct.denominator, PERCENT_ROUNDING)
        return (saving, tuple(bundles)) if saving > 0 else NO_USE
    if kind is OfferKind.AMOUNT_OFF:
        return _amount_off(offer, bundles)
    if kind is OfferKind.UNIT_PRICE:
        assert offer.price is not None
        price = offer.price
        used = tuple((k, c) for k, c in bundles if k.each and k.value > price)
        return sum((k.value - price) * c for k, c in used), used
    return NO_USE  # thresholds are not item offers


def _amount_off(offer: Offer, bundles: Sequence[Bundle]) -> Use:
    assert offer.amount is not None
    used = tuple((k, c) for k, c in bundles if k.value > 0)
    if offer.once:
        return min(offer.amount, sum(k.value * c for k, c in used)), used
    return sum(min(offer.amount, k.value) * c for k, c in used), used


def _runs(bundles: Sequence[Bundle], size: int) -> Iterator[tuple[int, list[Bundle]]]:
    """Consecutive sets of ``size`` units: (how many identical sets, one set's units)."""
    count = len(bundles)
    index, left = 0, bundles[0][1] if bundles else 0
    while True:
        while index < count and left == 0:
            index += 1
            left = bundles[index][1] if index < count else 0
        if index == count:
            return
        if left >= size:  # whole sets inside one bundle, in bulk
            sets = left // size
            yield sets, [(bundles[index][0], size)]
            left -= sets * size
            continue
        taken: list[Bundle] = []
        need = size
        while need:
            while index < count and left == 0:
                index += 1
                left = bundles[index][1] if index < count else 0
            if index == count:
                return
            take = min(left, need)
            taken.append((bundles[index][0], take))
            left -= take
            need -= take
        yield 1, taken


def _set_values(units: list[Bundle]) -> list[int]:
    return [key.value for key, count in units for _ in range(count)]


def _multi_buy(offer: Offer, bundles: Sequence[Bundle]) -> Use:
    size = offer.quantity
    saving = 0
    used: dict[UnitKey, int] = {}
    for sets, units in _runs(bundles, size):
        values = _set_values(units)  # most valuable first
        if offer.pay_units is not None:
            each = sum(values[offer.pay_units :])
        else:
            assert offer.price is not None
            each = sum(values) - offer.price
        if each <= 0:
            break
        saving += each * sets
        for key, count in units:
            used[key] = used.get(key, 0) + count * sets
    return saving, tuple(sorted(used.items()))


def _set_price(offer: Offer, bundles: Sequence[Bundle]) -> Use:
    assert offer.price is not None
    parts = [[(k, c) for k, c in bundles if k.sku in component] for component in offer.components]
    if any(not part for part in parts):
        return NO_USE
    cursors = [0] * len(parts)
    left = [part[0][1] for part in parts]
    saving = 0
    used: dict[UnitKey, int] = {}
    while all(cursor < len(part) for cursor, part in zip(cursors, parts, strict=True)):
        keys = [part[cursor][0] for cursor, part in zip(cursors, parts, strict=True)]
        each = sum(key.value for key in keys) - offer.price
        if each <= 0:
            break
        sets = min(left)
        saving += each * sets
        for n, key in enumerate(keys):
            used[key] = used.get(key, 0) + sets
            left[n] -= sets
            if left[n] == 0:
                cursors[n] += 1
                if cursors[n] < len(parts[n]):
                    left[n] = parts[n][cursors[n]][1]
    return saving, tuple(sorted(used.items()))


__all__ = ["NO_USE", "PERCENT_ROUNDING", "Use", "best_use"]
