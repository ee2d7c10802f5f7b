"""The bagging-area tracker: what should be in the bag, what the scale says, and alarms.

Theory of operation
-------------------
:class:`BagTracker` is an immutable value fed with *stable* readings of the bagging
scale (total grams on it) and with what was sold. Before the basket opens every
reading is the shopper's own bag (or nothing): it becomes the ``baseline`` (tare).
Once open, ``placed_g`` is the weight accepted above the baseline, so the bag
should read ``baseline + placed_g``.

* A sold item adds an :class:`Expectation` (grams range for its units, from the
  learned range and the catalog weight; ``None``: unknown, any added weight will
  do). Items scanned before the first is placed add up in one expectation. A void
  adds a negative one (take it out of the bag).
* A reading is compared with ``baseline + placed_g`` (difference ``d``):

  - ``|d| <= tolerance_g``: nothing changed; an open alarm clears (the item was put
    back or taken off again);
  - an expectation waits and ``d`` matches it: the placement is accepted
    (``placed_g += d``), learned for a single item, and counts towards trust;
  - an expectation waits and ``d`` does not match: ``WEIGHT_MISMATCH`` (or
    ``ITEM_REMOVED`` when the bag got lighter instead of heavier);
  - nothing waits: ``UNEXPECTED_ITEM`` (heavier) or ``ITEM_REMOVED`` (lighter).

* :meth:`timed_out` raises ``NO_ITEM_PLACED`` when an expectation is older than
  the policy's settle timeout; :meth:`skip` lets a heavy or large item go unbagged.
* The attendant :meth:`accept`\\ s an alarm (the scale is right; a mismatched single
  item is learned) or :meth:`refuse`\\ s it (the shopper must fix it: the alarm stays,
  marked refused, until a reading clears it).

The only error raised is :class:`BaggingError` (a request that makes no sense: skip
when nothing may be skipped, a unit count below 1).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from datetime import datetime

from kiosk.domain.bagging.learned import WeightBook
from kiosk.domain.bagging.policy import BaggingPolicy


class BaggingError(ValueError):
    """A bagging request that makes no sense; the message says what and why."""


class AlarmKind(enum.Enum):
    """A weight exception; the value is the intervention kind it raises."""

    UNEXPECTED_ITEM = "bagging_unexpected_item"
    ITEM_REMOVED = "bagging_item_removed"
    WEIGHT_MISMATCH = "bagging_weight_mismatch"
    NO_ITEM_PLACED = "bagging_no_item_placed"


@dataclass(frozen=True, slots=True)
class Alarm:
    kind: AlarmKind
    delta_g: int  # how far the bag is from what it should weigh
    refused: bool = False  # the attendant asked the shopper to fix it

    def detail(self) -> str:
        return f"{self.kind.value}: {self.delta_g:+d} g"


@dataclass(frozen=True, slots=True)
class Expectation:
    """Items sold but not yet placed (``low_g`` < 0 for an item to take out)."""

    skus: tuple[str, ...]
    units: int
    low_g: int | None  # None: weight unknown, any change in the right direction
    high_g: int | None
    since: datetime
    skippable: bool
    checked: bool = True  # False: trusted shopper, only the direction is checked
    removal: bool = False
    weighed: bool = False  # a weighed item (its weight is the produce scale's)

    @property
    def learnable(self) -> bool:
        """One counted item placed: its weight teaches the book."""
        return len(set(self.skus)) == 1 and not self.removal and not self.weighed

    def matches(self, delta: int, policy: BaggingPolicy, *, trusted: bool) -> bool:
        moved = delta < -policy.tolerance_g if self.removal else delta > policy.tolerance_g
        if not moved:
            return False
        if self.low_g is None or self.high_g is None or not self.checked:
            return True
        low = self.low_g - policy.tolerance(self.low_g, trusted=trusted)
        high = self.high_g + policy.tolerance(self.high_g, trusted=trusted)
        return low <= delta <= high


@dataclass(frozen=True, slots=True)
class BagTracker:
    """The bagging area of one basket (see the module docstring)."""

    policy: BaggingPolicy
    book: WeightBook = field(default_factory=WeightBook)
    baseline_g: int = 0
    placed_g: int = 0
    last_g: int | None = None
    opened: bool = False
    awaiting: Expectation | None = None
    alarm: Alarm | None = None
    clean: int = 0  # clean placements in a row this session
    since_check: int = 0  # trusted placements not weight-checked since the last check
    placements: int = 0  # every accepted placement (for the replay tool)

    # -- what the screen and the checkout read ---------------------------------

    @property
    def settled(self) -> bool:
        """Nothing waits to be placed and no alarm is open: paying may start."""
        return self.awaiting is None and self.alarm is None

    @property
    def trusted(self) -> bool:
        after = self.policy.trust_after_items
        return after > 0 and self.clean >= after

    @property
    def expected_total_g(self) -> int:
        return self.baseline_g + self.placed_g

    # -- inputs ----------------------------------------------------------------

    def open(self) -> BagTracker:
        """The basket opened: the bag's weight so far is the shopper's own bag."""
        return replace(self, opened=True)

    def next_basket(self) -> BagTracker:
        """A fresh session that keeps the policy, the learned weights and the scale."""
        return BagTracker(self.policy, self.book, baseline_g=self.last_g or 0, last_g=self.last_g)

    def expect(
        self, sku: str, units: int, at: datetime, *, measured_g: int | None = None
    ) -> BagTracker:
        """``units`` of ``sku`` were sold (negative: voided). ``measured_g`` is the weight
        of a weighed item (it is placed with that weight).

        Raises:
            BaggingError: ``units`` is 0.
        """
        if units == 0:
            raise BaggingError(f"item {sku}: a change of 0 units expects nothing")
        removal = units < 0
        low, high = self._range(sku, abs(units), measured_g)
        skippable = not removal and (
            sku in self.policy.no_bag_skus or (high is not None and high > self.policy.heavy_item_g)
        )
        if removal:
            low, high = (None, None) if low is None or high is None else (-high, -low)
        checked = not self.trusted or (self.since_check + 1) >= self.policy.trust_check_every
        weighed = measured_g is not None
        new = Expectation((sku,), abs(units), low, high, at, skippable, checked, removal, weighed)
        old = self.awaiting
        if old is not None and old.removal == removal:
            new = _merge(old, new)
        elif old is not None:  # a removal while an item waits: the newest wins
            new = replace(new, since=old.since)
        waiting = replace(self, awaiting=new)
        alarm = self.alarm
        if (
            alarm is not None
            and alarm.kind is AlarmKind.UNEXPECTED_ITEM
            and self.last_g is not None
        ):
            return waiting.read(self.last_g)  # placed before it was sold: it may match now
        return waiting

    def read(self, grams: int) -> BagTracker:
        """A stable reading of the bagging scale (total grams on it)."""
        me = replace(self, last_g=grams)
        if not self.opened:
            return replace(me, baseline_g=grams, placed_g=0)
        delta = grams - self.expected_total_g
        if abs(delta) <= self.policy.tolerance_g:
            return replace(me, alarm=None)
        waiting = self.awaiting
        if waiting is not None and waiting.matches(delta, self.policy, trusted=self.trusted):
            return me._placed(delta, clean=self.alarm is None)
        if waiting is not None and not waiting.removal and delta > 0:
            return me._alarm(AlarmKind.WEIGHT_MISMATCH, delta)
        if delta < 0:
            return me._alarm(AlarmKind.ITEM_REMOVED, delta)
        return me._alarm(AlarmKind.UNEXPECTED_ITEM, delta)

    def observe(self, grams: int) -> BagTracker:
        """A reading while paying or after: only remembered (bags are being lifted)."""
        return replace(self, last_g=grams)

    def timed_out(self, at: datetime) -> BagTracker:
        """``NO_ITEM_PLACED`` if the waiting item is older than the settle timeout."""
        waiting = self.awaiting
        if waiting is None or self.alarm is not None:
            return self
        if at - waiting.since < self.policy.settle_timeout:
            return self
        return self._alarm(AlarmKind.NO_ITEM_PLACED, 0)

    def skip(self) -> BagTracker:
        """The shopper keeps the waiting heavy or large item out of the bag.

        Raises:
            BaggingError: nothing waits, or the waiting item must be bagged.
        """
        waiting = self.awaiting
        if waiting is None or not waiting.skippable:
            what = "nothing waits to be bagged" if waiting is None else "must be bagged"
            raise BaggingError(f"skip bagging refused: {what}")
        alarm = (
            self.alarm if self.alarm and self.alarm.kind is not AlarmKind.NO_ITEM_PLACED else None
        )
        return replace(self, awaiting=None, alarm=alarm)

    def accept(self) -> BagTracker:
        """The attendant accepts the bag as it is: a mismatched single item is learned."""
        alarm, waiting = self.alarm, self.awaiting
        if alarm is None:
            return self
        total = self.last_g if self.last_g is not None else self.expected_total_g
        delta = total - self.expected_total_g
        accepted = replace(self, alarm=None, placed_g=self.placed_g + delta, clean=0)
        if alarm.kind is AlarmKind.WEIGHT_MISMATCH and waiting is not None:
            return accepted._placed(0, clean=False, learn_g=delta)
        if alarm.kind is AlarmKind.NO_ITEM_PLACED:
            return replace(accepted, awaiting=None)
        return accepted

    def refuse(self) -> BagTracker:
        """The attendant asks the shopper to fix the bag: the alarm stays until then."""
        if self.alarm is None:
            return self
        return replace(self, alarm=replace(self.alarm, refused=True))

    # -- helpers ---------------------------------------------------------------

    def _range(self, sku: str, units: int, measured_g: int | None) -> tuple[int | None, int | None]:
        if measured_g is not None:
            return measured_g, measured_g
        ranges: list[tuple[int, int]] = []
        nominal = self.policy.item_weights.get(sku)
        if nominal is not None:
            ranges.append((nominal, nominal))
        learned = self.book.get(sku)
        if learned is not None and learned.count >= self.policy.learn_min_samples:
            ranges.append(learned.range())
        if not ranges:
            return None, None
        return min(r[0] for r in ranges) * units, max(r[1] for r in ranges) * units

    def _placed(self, delta: int, *, clean: bool, learn_g: int | None = None) -> BagTracker:
        waiting = self.awaiting
        book = self.book
        grams = delta if learn_g is None else learn_g
        if waiting is not None and waiting.learnable and grams > 0:
            book = book.learn(waiting.skus[0], grams // waiting.units)
        checked = waiting is None or waiting.checked
        return replace(
            self,
            book=book,
            placed_g=self.placed_g + delta,
            awaiting=None,
            alarm=None,
            clean=self.clean + 1 if clean else self.clean,
            since_check=0 if checked else self.since_check + 1,
            placements=self.placements + 1,
        )

    def _alarm(self, kind: AlarmKind, delta: int) -> BagTracker:
        old = self.alarm
        refused = old is not None and old.kind is kind and old.refused
        return replace(self, alarm=Alarm(kind, delta, refused), clean=0, since_check=0)


def _merge(old: Expectation, new: Expectation) -> Expectation:
    def add(a: int | None, b: int | None) -> int | None:
        return None if a is None or b is None else a + b

    return Expectation(
        old.skus + new.skus,
        old.units + new.units,
        add(old.low_g, new.low_g),
        add(old.high_g, new.high_g),
        old.since,
        old.skippable and new.skippable,
        old.checked or new.checked,
        old.removal,
        old.weighed or new.weighed,
    )
