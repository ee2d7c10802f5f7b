"""Learned item weights: a running mean, variance and range per SKU (Welford), as pure values.

The tracker learns every accepted placement of a single item; the lane carries the
:class:`WeightBook` from one basket to the next and the store may persist it
(:meth:`WeightBook.to_dict` / :meth:`WeightBook.from_dict`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class LearnedWeight:
    """What placements of one item weighed (grams per unit)."""

    count: int = 0
    mean: float = 0.0
    m2: float = 0.0  # sum of squared differences from the mean (Welford)
    low: int = 0
    high: int = 0

    def learn(self, grams: int) -> LearnedWeight:
        """This weight with one more placement of ``grams``."""
        count = self.count + 1
        delta = grams - self.mean
        mean = self.mean + delta / count
        m2 = self.m2 + delta * (grams - mean)
        if self.count == 0:
            return LearnedWeight(1, float(grams), 0.0, grams, grams)
        return LearnedWeight(count, mean, m2, min(self.low, grams), max(self.high, grams))

    @property
    def stdev(self) -> float:
        return math.sqrt(self.m2 / (self.count - 1)) if self.count > 1 else 0.0

    def range(self) -> tuple[int, int]:
        """The weights one unit may have: the seen range widened to mean +- 3 sd."""
        spread = 3 * self.stdev
        return (
            min(self.low, math.floor(self.mean - spread)),
            max(self.high, math.ceil(self.mean + spread)),
        )


@dataclass(frozen=True, slots=True)
class WeightBook:
    """Learned weights by SKU (never mutated: :meth:`learn` returns a new book)."""

    weights: Mapping[str, LearnedWeight] = field(default_factory=dict)

    def get(self, sku: str) -> LearnedWeight | None:
        return self.weights.get(sku)

    def learn(self, sku: str, grams: int) -> WeightBook:
        old = self.weights.get(sku, LearnedWeight())
        return WeightBook({**self.weights, sku: old.learn(grams)})

    def to_dict(self) -> dict[str, list[float]]:
        """A JSON-able form: sku -> [count, mean, m2, low, high]."""
        return {
            sku: [w.count, w.mean, w.m2, w.low, w.high] for sku, w in sorted(self.weights.items())
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> WeightBook:
        """Read :meth:`to_dict`'s form.

        Raises:
            ValueError: naming the SKU whose entry is not five numbers.
        """
        weights: dict[str, LearnedWeight] = {}
        for sku, entry in data.items():
            if not isinstance(entry, list | tuple) or len(entry) != 5:
                raise ValueError(f"learned weight {sku!r}: expected [count, mean, m2, low, high]")
            try:
                count, mean, m2, low, high = entry
                weights[str(sku)] = LearnedWeight(
                    int(count), float(mean), float(m2), int(low), int(high)
                )
            except (TypeError, ValueError):
                raise ValueError(f"learned weight {sku!r}: not numbers: {entry!r}") from None
        return cls(weights)
