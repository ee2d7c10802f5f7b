"""Bag fees from the DCS's allowance: extra pieces, overweight, and the heavy limit.

Theory of operation. A passenger's bags are taken in the order they were
numbered; the first ``allowance.pieces`` are free pieces, each one after that
costs ``extra_piece_fee``. Independently, a bag heavier than ``max_weight_g``
costs ``overweight_fee``. A bag over ``heavy_limit_g`` - or overweight when the
airline sells no overweight at the kiosk (``overweight_fee`` None) - is *over
the maximum*: an agent decides (``bag_over_maximum``); if the agent takes it,
it costs the overweight fee when there is one. Fees are never negative: a
zero or negative price from a DCS counts as no fee. A passenger without an
allowance checks no bags at the kiosk.
"""

from __future__ import annotations

from dataclasses import replace

from kiosk.domain.airport.dcs import BagAllowance
from kiosk.domain.airport.states import Bag, Fee, FeeKind
from kiosk.domain.money import Money


def max_bags(allowance: BagAllowance | None, lane_limit: int) -> int:
    """How many bags a passenger may check in here: the lane's limit, and no more than
    the free pieces when the airline sells no extra piece at the kiosk."""
    if allowance is None:
        return 0
    if _fee(allowance.extra_piece_fee) is None:
        return max(0, min(lane_limit, allowance.pieces))
    return max(0, lane_limit)


def over_maximum(weight_g: int, allowance: BagAllowance | None) -> bool:
    """True when a bag of ``weight_g`` needs an agent (see the module docstring)."""
    if allowance is None:
        return True
    if weight_g > allowance.heavy_limit_g:
        return True
    return weight_g > allowance.max_weight_g and _fee(allowance.overweight_fee) is None


def _fee(amount: Money | None) -> Money | None:
    return amount if amount is not None and amount.minor > 0 else None


def bag_fees(position: int, bag: Bag, allowance: BagAllowance | None) -> tuple[Fee, ...]:
    """The fees of ``bag``, the passenger's bag number ``position`` (0-based)."""
    if allowance is None or bag.weight_g is None:
        return ()
    ref = str(bag.bag_no)
    fees: list[Fee] = []
    extra = _fee(allowance.extra_piece_fee)
    if position >= allowance.pieces and extra is not None:
        fees.append(Fee(FeeKind.EXTRA_BAG, bag.passenger_id, extra, ref))
    overweight = _fee(allowance.overweight_fee)
    if bag.weight_g > allowance.max_weight_g and overweight is not None:
        fees.append(Fee(FeeKind.OVERWEIGHT, bag.passenger_id, overweight, ref))
    return tuple(fees)


def price_bags(
    bags: tuple[Bag, ...], allowances: dict[str, BagAllowance | None]
) -> tuple[Bag, ...]:
    """``bags`` with every bag's fees worked out again (after a bag is weighed or removed)."""
    seen: dict[str, int] = {}
    priced: list[Bag] = []
    for bag in bags:
        position = seen.get(bag.passenger_id, 0)
        seen[bag.passenger_id] = position + 1
        fees = bag_fees(position, bag, allowances.get(bag.passenger_id))
        priced.append(replace(bag, fees=fees))
    return tuple(priced)
