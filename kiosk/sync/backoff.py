"""Exponential back-off with jitter (pure: the random source is passed in).

"Equal jitter": the n-th wait is uniform in [cap/2, cap] with
cap = min(maximum, initial * 2**n), so 200 lanes that lost HQ together do not
come back in lock-step, and no wait collapses to nearly zero.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Backoff:
    initial: float
    maximum: float
    rng: random.Random = field(default_factory=random.Random)
    failures: int = 0

    def next_delay(self) -> float:
        """Record one more failure and return how long to wait before the next try."""
        cap = min(self.maximum, self.initial * 2 ** min(self.failures, 62))
        self.failures += 1
        return cap / 2 + self.rng.uniform(0, cap / 2)

    def reset(self) -> None:
        """A call succeeded: the next failure waits ``initial`` again."""
        self.failures = 0
