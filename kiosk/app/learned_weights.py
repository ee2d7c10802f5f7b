"""The bagging area's learned item weights survive a restart of the lane.

The checkout learns what one unit of an item weighs from each accepted placement of a
single item (:class:`kiosk.domain.bagging.learned.WeightBook`, carried from one basket
to the next by the tracker). :func:`keep_learned_weights` makes that book outlive the
process:

* at start, the book stored in the lane's file (:mod:`kiosk.store.learned_weights`)
  is put into the checkout's tracker, on the lane thread before anything else it does
  with a tracker, so the first basket after a restart already checks with the learned
  ranges;
* :class:`LearnedWeightKeeper`, a lane listener (lane thread, the lane's connection),
  writes the SKUs whose learned weight changed after each event that changed the book
  (an accepted placement, an attendant's "the scale is right"). A failed write is
  logged and tried again with the next change: learning is never worth stopping a sale.
  A tracker that starts without the book (a basket restored after a crash has none,
  and the baskets after it start afresh) gets the book again, queued on the lane thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from kiosk.domain.bagging.learned import WeightBook
from kiosk.store.errors import StoreError

log = logging.getLogger(__name__)


class LearnedWeightKeeper:
    """Lane listener ``(checkout, effects)``: save the learned weights that changed."""

    def __init__(
        self,
        repository: Any,
        clock: Callable[[], datetime],
        book: WeightBook,
        reseed: Callable[[WeightBook], None] | None = None,
    ) -> None:
        self.repository = repository
        self.clock = clock
        self.reseed = reseed
        self._saved = book  # what the store holds

    def __call__(self, checkout: Any, effects: list[Any]) -> None:
        bag = checkout.bagging
        if bag is None or bag.book is self._saved:
            return
        saved = self._saved.weights
        if self.reseed is not None and saved and not set(saved) <= set(bag.book.weights):
            self.reseed(self._saved)  # a fresh tracker lost the book: give it back
            return
        changed = {sku: w for sku, w in bag.book.weights.items() if saved.get(sku) != w}
        if not changed:
            self._saved = bag.book
            return
        at = self.clock().astimezone(UTC).isoformat()
        try:
            self.repository.save(changed, at)
        except StoreError as error:
            log.error("learned weights of %s not saved (next change tries again): %s",
                      sorted(changed), error)  # fmt: skip
            return
        self._saved = bag.book


def keep_learned_weights(controller: Any, repository: Any) -> LearnedWeightKeeper:
    """Load the stored book into ``controller``'s checkout (queued on the lane thread)
    and save what it learns from now on; returns the listener it added.

    Raises:
        StoreError: the stored weights cannot be read at all.
    """
    book = repository.load()
    log.info("bagging: %d learned item weights loaded", len(book.weights))

    def seed(book: WeightBook) -> None:
        bag = controller.checkout.bagging
        if bag is not None:
            controller.checkout = replace(controller.checkout, bagging=replace(bag, book=book))

    controller.call(lambda: seed(book))
    reseed = lambda book: controller.call(lambda: seed(book))  # noqa: E731
    keeper = LearnedWeightKeeper(repository, controller.clock, book, reseed)
    controller.listeners.append(keeper)
    return keeper
