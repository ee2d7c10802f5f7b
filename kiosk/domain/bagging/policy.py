"""The bagging policy: tolerances, heavy items, trust; fixed per lane (from ``[bagging]``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta


@dataclass(frozen=True, slots=True)
class BaggingPolicy:
    """How strictly the bagging area is checked.

    A placement of expected weight ``w`` matches when it is within
    ``tolerance_g + w * tolerance_pct / 100`` of ``w`` (absolute plus relative).
    After ``trust_after_items`` clean placements in a row (0: never) the shopper is
    trusted: the relative tolerance widens by ``trust_widen_pct`` and only every
    ``trust_check_every``-th item is weighed against its expected weight (the others
    need only add weight). Any alarm takes the trust away for the rest of the session.
    """

    enabled: bool = False
    tolerance_g: int = 20
    tolerance_pct: float = 5.0
    settle_timeout: timedelta = timedelta(seconds=10)
    heavy_item_g: int = 10_000  # an item expected heavier than this may skip bagging
    trust_after_items: int = 0
    trust_check_every: int = 1
    trust_widen_pct: float = 0.0
    learn_min_samples: int = 3  # learned placements before the learned range is trusted
    #: Catalog weights in grams per unit, by SKU (the catalog has no weight field yet).
    item_weights: dict[str, int] = field(default_factory=dict)
    #: SKUs that never need bagging (large items: the shopper may touch "Skip bagging").
    no_bag_skus: frozenset[str] = frozenset()

    def tolerance(self, expected_g: int, *, trusted: bool = False) -> int:
        """Grams either side of ``expected_g`` that still match."""
        pct = self.tolerance_pct + (self.trust_widen_pct if trusted else 0.0)
        return self.tolerance_g + int(abs(expected_g) * pct / 100)


#: Bagging off: the lane does not weigh the bag (the default).
NO_BAGGING = BaggingPolicy()
