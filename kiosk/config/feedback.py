"""The [feedback] section: what the lane asks shoppers after a sale."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.config import checks
from kiosk.config.loader import setting


@dataclass(frozen=True)
class FeedbackConfig:
    nps_sample_every: int = setting(
        0,
        doc="ask 'How likely are you to recommend us? 0-10' after one completed sale in this "
        "many (0: never, 1: after every sale)",
        check=checks.between(0, 10_000),
    )

    def asks_nps(self, completed_sales: int) -> bool:
        """Whether the sale numbered ``completed_sales`` (1, 2, ...) is asked the question."""
        every = self.nps_sample_every
        return every > 0 and completed_sales > 0 and completed_sales % every == 0
