"""The demo's shopper at the bagging area: each item sold goes into the bag by itself.

``kiosk demo`` runs the bagging area's scale as a simulator on a pty (``DemoRig.bag_scale``,
read by the lane through the real Toledo driver). In a window nobody stands at that
simulated scale, so every sale would end in "no item placed". :class:`DemoBagger` is a
lane listener that plays the shopper: a moment after an item starts waiting to be
bagged, it sets the simulator to what the bag should weigh with that item in it (the
middle of the item's expected range: the catalog's weight from ``[bagging]
item_weights`` or the range the lane learned; ``unknown_g`` a unit for an item of
unknown weight; out of the bag for a voided one). When the sale is finished the bags
are lifted (0 g). The lane still sees and judges every reading itself; ``bag GRAMS``
in the terminal puts something else on the scale (an unexpected item) at any time.

Scripted demos (``--script``) and the terminal console leave the scale to their
``bag`` commands: the script says what is in the bag, and ``wait bagged`` waits for it.
"""

from __future__ import annotations

import logging
from typing import Any

from kiosk.domain.checkout.states import Phase
from kiosk.threads import start_timer

log = logging.getLogger(__name__)


class DemoBagger:
    """A lane listener ``(checkout, effects)`` that bags each item on ``scale`` (a
    ``ScaleSimulator``) after ``delay_s`` seconds; see the module docstring."""

    def __init__(self, scale: Any, *, delay_s: float = 1.0, unknown_g: int = 250) -> None:
        self.scale = scale
        self.delay_s = delay_s
        self.unknown_g = unknown_g
        self._placed: tuple[Any, ...] | None = None  # the expectation already handled

    def __call__(self, checkout: Any, effects: list[Any]) -> None:
        bag = checkout.bagging
        if bag is None:
            return
        if checkout.phase is Phase.FINISHED:
            if self.scale.load_g:
                self._put(0)  # the shopper takes the bags
            return
        waiting = bag.awaiting
        if waiting is None or bag.alarm is not None:
            return
        key = (waiting.skus, waiting.units, waiting.since, waiting.removal)
        if key == self._placed:
            return
        self._placed = key
        if waiting.low_g is None or waiting.high_g is None:
            sign = -1 if waiting.removal else 1
            delta = sign * self.unknown_g * waiting.units
        else:
            delta = (waiting.low_g + waiting.high_g) // 2
        grams = max(0, bag.expected_total_g + delta)
        start_timer("demo-bagger", self.delay_s, lambda: self._put(grams))

    def _put(self, grams: int) -> None:
        log.info("demo shopper: the bagging area now holds %d g", grams)
        self.scale.load_g = grams
        self.scale.motion = False
