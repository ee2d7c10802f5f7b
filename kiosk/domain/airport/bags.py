"""The bags step: how many per passenger, then each weighed, priced, or taken off.

Counting: ``BagCountChosen`` per passenger (0 up to :func:`.fees.max_bags`),
then ``BagsCounted`` numbers the bags 1..n in passenger order (numbers never
change: a bag removed leaves a gap, so a tag answer always finds its bag).

Weighing, like the grocery lane's scale: only a stable reading of at least
``bag_min_weight_g`` is a bag's weight, and only after the scale was seen
empty since the last bag (``scale_clear``) - the bag just weighed, still on the
belt, is not the next bag. Each weight prices the passenger's bags again
(:func:`.fees.price_bags`); a bag over the maximum calls an agent
(``bag_over_maximum``). ``BagRemoved`` takes a bag off; ``BagsConfirmed`` goes on
once every bag is weighed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from kiosk.domain.airport.dcs import BagAllowance
from kiosk.domain.airport.events import (
    BagCountChosen,
    BagRemoved,
    BagsConfirmed,
    BagsCounted,
    ScaleRead,
)
from kiosk.domain.airport.fees import max_bags, over_maximum, price_bags
from kiosk.domain.airport.states import Bag, CheckinState, Step
from kiosk.domain.airport.steps import Kind, Result, advance, intervene, note


def allowances(state: CheckinState) -> dict[str, BagAllowance | None]:
    return {p.passenger_id: p.passenger.allowance for p in state.passengers}


def choose_count(state: CheckinState, event: BagCountChosen, now: datetime) -> Result:
    if state.weighing:
        return note(state, "bags_already_counted")
    passenger = state.passenger(event.passenger_id)
    if passenger is None or passenger not in state.travelling():
        return note(state, "passenger_unknown")
    limit = max_bags(passenger.passenger.allowance, state.settings.max_bags_per_passenger)
    if not 0 <= event.count <= limit:
        return note(state, "bag_count_limit", limit=limit)
    counts = tuple((pid, n) for pid, n in state.bag_counts if pid != event.passenger_id)
    return replace(state, bag_counts=(*counts, (event.passenger_id, event.count)), notice=""), []


def counted(state: CheckinState, event: BagsCounted, now: datetime) -> Result:
    if state.weighing:
        return note(state, "bags_already_counted")
    counts = dict(state.bag_counts)
    bags: list[Bag] = []
    for p in state.travelling():
        for _ in range(counts.get(p.passenger_id, 0)):
            bags.append(Bag(len(bags) + 1, p.passenger_id))
    if not bags:
        return advance(replace(state, bags=(), bags_done=True, notice=""), now)
    return replace(state, bags=tuple(bags), weighing=True, notice=""), []


def scale_read(state: CheckinState, event: ScaleRead, now: datetime) -> Result:
    """Any step takes scale readings; only the bags step's weighing uses them."""
    if event.weight_g < state.settings.bag_min_weight_g:
        return (state, []) if state.scale_clear else (replace(state, scale_clear=True), [])
    bag = state.bag_on_scale
    if (
        state.step is not Step.BAGS
        or not event.stable
        or not state.scale_clear
        or bag is None
        or state.waiting is not None
    ):
        return state, []
    weighed = replace(bag, weight_g=event.weight_g)
    bags = tuple(weighed if b.bag_no == bag.bag_no else b for b in state.bags)
    state = replace(state, bags=price_bags(bags, allowances(state)), scale_clear=False, notice="")
    allowance = allowances(state).get(bag.passenger_id)
    if over_maximum(event.weight_g, allowance):
        limit = 0 if allowance is None else allowance.heavy_limit_g
        detail = f"bag {bag.bag_no}: {event.weight_g} g, limit {limit} g"
        return intervene(state, Kind.BAG_OVER_MAXIMUM, bag.passenger_id, detail, now)
    return state, []


def remove(state: CheckinState, event: BagRemoved, now: datetime) -> Result:
    return drop_bag(state, event.bag_no), []


def drop_bag(state: CheckinState, bag_no: int) -> CheckinState:
    """``state`` without bag ``bag_no`` (its passenger's count one less); fees again."""
    bag = next((b for b in state.bags if b.bag_no == bag_no), None)
    if bag is None or bag.tag is not None:
        return replace(state, notice="bag_unknown")
    bags = tuple(b for b in state.bags if b.bag_no != bag_no)
    counts = tuple((pid, n - 1 if pid == bag.passenger_id else n) for pid, n in state.bag_counts)
    return replace(state, bags=price_bags(bags, allowances(state)), bag_counts=counts, notice="")


def reweigh(state: CheckinState, bag_no: int) -> CheckinState:
    """An agent's ``retry``: weigh bag ``bag_no`` again (once the scale was empty)."""
    bags = tuple(replace(b, weight_g=None) if b.bag_no == bag_no else b for b in state.bags)
    return replace(state, bags=price_bags(bags, allowances(state)), scale_clear=False)


def take_heavy(state: CheckinState, bag_no: int) -> CheckinState:
    """An agent's ``accept``: the bag goes at its weight (overweight fee, if any)."""
    bags = tuple(replace(b, heavy_accepted=True) if b.bag_no == bag_no else b for b in state.bags)
    return replace(state, bags=bags)


def confirmed(state: CheckinState, event: BagsConfirmed, now: datetime) -> Result:
    if not state.weighing and state.bags:
        return note(state, "bags_not_counted")
    if state.bag_on_scale is not None:
        return note(state, "weigh_all_bags")
    return advance(replace(state, bags_done=True, weighing=False, notice=""), now)
