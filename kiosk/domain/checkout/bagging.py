"""The bagging area inside the checkout: readings, skip, timeout, gating and interventions.

Theory of operation
-------------------
When the lane's :class:`~kiosk.domain.bagging.policy.BaggingPolicy` is enabled the
checkout holds a :class:`~kiosk.domain.bagging.tracker.BagTracker` (``bagging``).
:meth:`Checkout.handle <kiosk.domain.checkout.machine.Checkout.handle>` asks
:func:`gate` first (paying waits for a settled bagging area; a scan waits while an
alarm the attendant refused is still open) and, after the phase's handler,
:func:`follow`, which

* opens the tracker with the basket and carries it (learned weights, scale) over a
  ``Reset``;
* turns every ``JournalLine`` into an expectation (units added or removed; a weighed
  item with its measured weight);
* raises the tracker's open alarm as an intervention of its own kind while shopping
  (an alarm while weighing waits for the item to be weighed), swaps the pending one
  when the alarm changes kind, and ends it by itself (resolution ``"corrected"``, no
  staff) when a reading clears the alarm.

The attendant's approval accepts the bag as it is (learning a mismatched item's
weight); a refusal leaves the alarm open for the shopper to fix.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from kiosk.domain.bagging.tracker import BaggingError, BagTracker
from kiosk.domain.basket import BasketError, BasketLine
from kiosk.domain.checkout.effects import (
    AttendantCleared,
    CallAttendant,
    Effect,
    JournalLine,
    OpenBasket,
)
from kiosk.domain.checkout.events import (
    BaggingSkipped,
    BaggingTimedOut,
    BagWeighed,
    InterventionResolved,
    ItemScanned,
    PayRequested,
    Reset,
)
from kiosk.domain.checkout.interventions import (
    Intervention,
    InterventionKind,
    ResolvedIntervention,
)
from kiosk.domain.checkout.states import Phase
from kiosk.domain.checkout.steps import Result, message, pause, reject

if TYPE_CHECKING:
    from kiosk.domain.checkout.machine import Checkout

BAGGING_KINDS = frozenset({
    InterventionKind.BAGGING_UNEXPECTED_ITEM,
    InterventionKind.BAGGING_ITEM_REMOVED,
    InterventionKind.BAGGING_WEIGHT_MISMATCH,
    InterventionKind.BAGGING_NO_ITEM_PLACED,
})  # fmt: skip
_AFTER_PAY = (Phase.PAYING, Phase.COMPLETING, Phase.FINISHED)


def tracker_for(checkout_settings: Any) -> BagTracker | None:
    """A tracker when the lane's bagging policy is enabled, else None."""
    policy = checkout_settings.bagging
    return BagTracker(policy) if policy.enabled else None


def weighed(checkout: Checkout, event: BagWeighed) -> Result:
    """Any phase: a stable reading of the bagging scale (only remembered once paying)."""
    bag = checkout.bagging
    if bag is None:
        return checkout, []
    if checkout.phase in _AFTER_PAY:
        return replace(checkout, bagging=bag.observe(event.weight_g)), []
    return replace(checkout, bagging=bag.read(event.weight_g)), []


def skipped(checkout: Checkout, event: BaggingSkipped) -> Result:
    """SHOPPING: "Skip bagging" for a heavy or large item; refused for any other."""
    bag = checkout.bagging
    try:
        if bag is None:
            raise BaggingError("skip bagging refused: the lane has no bagging area")
        bag = bag.skip()
    except BaggingError as error:
        return reject(checkout, "bagging.skip_refused", reason=error)
    return replace(checkout, bagging=bag), [message("bagging.skipped")]


def timed_out(checkout: Checkout, event: BaggingTimedOut) -> Result:
    """SHOPPING: the settle time after a scan ran out: alarm if the item is still not placed."""
    bag = checkout.bagging
    if bag is None:
        return checkout, []
    return replace(checkout, bagging=bag.timed_out(event.at)), []


def gate(checkout: Checkout, event: object) -> Result | None:
    """Refuse paying until the bag is settled, and scans while a refused alarm is open."""
    bag = checkout.bagging
    if bag is None or checkout.phase is not Phase.SHOPPING:
        return None
    if isinstance(event, PayRequested) and not bag.settled:
        return reject(checkout, "bagging.settle_first")
    if isinstance(event, ItemScanned) and bag.alarm is not None:
        return reject(checkout, "bagging.fix_first")
    return None


def follow(before: Checkout, after: Checkout, event: object, effects: list[Effect]) -> Result:
    """After any transition: keep the tracker in step with the basket and raise or end
    the bagging interventions (see the module docstring)."""
    bag = after.bagging
    if bag is None:
        return after, effects
    if isinstance(event, Reset):
        bag = (before.bagging or bag).next_basket()
    at = getattr(event, "at", None)
    for effect in effects:
        if isinstance(effect, OpenBasket):
            bag = bag.open()
        elif isinstance(effect, JournalLine) and at is not None:
            bag = _expect(before, bag, effect, at)
    after = replace(after, bagging=bag)
    if at is None:
        return after, effects
    return _interventions(after, effects, at)


def _expect(before: Checkout, bag: BagTracker, effect: JournalLine, at: Any) -> BagTracker:
    line = effect.line
    try:
        old: BasketLine | None = before.basket.line(line.line_no)  # O(log lines)
    except BasketError:  # a new line
        old = None
    old_units = 0 if old is None or old.voided else old.quantity
    new_units = 0 if line.voided else line.quantity
    units = new_units - old_units
    if units == 0:
        return bag
    weight = line.weight_g if line.item.sold_by_weight else None
    if weight is None and old is not None and old.weight_g is not None and units < 0:
        weight = old.weight_g
    return bag.expect(line.item.sku, units, at, measured_g=weight)


def _interventions(after: Checkout, effects: list[Effect], at: Any) -> Result:
    bag = after.bagging
    assert bag is not None
    alarm = bag.alarm
    pending = after.pending
    if after.phase is Phase.INTERVENTION and pending is not None and pending.kind in BAGGING_KINDS:
        if alarm is None:  # the shopper put it right: no staff needed
            record = ResolvedIntervention(
                pending.kind, pending.raised_at, at, "", "corrected", pending.detail
            )
            fixed = replace(after, phase=after.resume, pending=None,
                            interventions=(*after.interventions, record))  # fmt: skip
            return fixed, [*effects, AttendantCleared(pending.kind), message("bagging.thanks")]
        kind = InterventionKind(alarm.kind.value)
        if kind is not pending.kind:
            swapped = replace(after, pending=Intervention(kind, at, alarm.detail()))
            return swapped, [*effects, AttendantCleared(pending.kind), CallAttendant(kind)]
        return after, effects
    if alarm is None or alarm.refused or after.phase is not Phase.SHOPPING:
        return after, effects
    kind = InterventionKind(alarm.kind.value)
    paused, more = pause(after, kind, at, alarm.detail())
    return paused, [*effects, *more]


def resolve(checkout: Checkout, pending: Intervention, event: InterventionResolved) -> Result:
    """Attendant: approve accepts the bag as it is (and learns the weight); refuse asks
    the shopper to put it right (the alarm stays open until a reading clears it)."""
    bag = checkout.bagging
    if bag is None:
        return checkout, [message("resume")]
    if event.approved:
        return replace(checkout, bagging=bag.accept()), [message("resume")]
    return replace(checkout, bagging=bag.refuse()), [message("bagging.fix")]
