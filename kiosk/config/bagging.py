"""The [bagging] section: the bagging-area scale and how strictly it is checked.

``scale`` names a ``[[devices]]`` scale (by its ``name``) whose stable readings are the
bagging area, not the produce scale. With ``enabled = false`` (the default) the lane
behaves as before. :meth:`BaggingConfig.policy` gives the domain's
:class:`~kiosk.domain.bagging.policy.BaggingPolicy`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from kiosk.config import checks
from kiosk.config.loader import setting
from kiosk.domain.bagging.policy import BaggingPolicy


def _grams_table(value: Any) -> str | None:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) and 0 < v < 10**6
        for k, v in value.items()
    ):
        return "a table of SKU = grams (whole numbers from 1 to 999999)"
    return None


def _skus(value: Any) -> str | None:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) and v for v in value):
        return "a list of SKUs"
    return None


@dataclass(frozen=True)
class BaggingConfig:
    enabled: bool = setting(
        False, doc="weigh the bagging area: each item must be placed before paying"
    )
    scale: str = setting(
        "bagging",
        doc="the name of the [[devices]] scale under the bagging area",
        check=checks.identifier,
    )
    tolerance_g: int = setting(
        20, doc="grams either side of the expected weight", check=checks.between(0, 5000)
    )
    tolerance_pct: float = setting(
        5.0, doc="plus this percent of the expected weight", check=checks.between(0, 100)
    )
    settle_timeout_s: float = setting(
        10.0,
        doc="seconds after a scan before 'no item placed' calls the attendant",
        check=checks.between(1, 600),
    )
    heavy_item_g: int = setting(
        10_000,
        doc="items expected heavier than this may skip bagging",
        check=checks.between(1, 1_000_000),
    )
    trust_after_items: int = setting(
        0,
        doc="clean placements in a row before the shopper is trusted (0: never)",
        check=checks.between(0, 1000),
    )
    trust_check_every: int = setting(
        1,
        doc="a trusted shopper's items weighed against their expected weight: every k-th",
        check=checks.between(1, 100),
    )
    trust_widen_pct: float = setting(
        0.0,
        doc="extra tolerance percent for a trusted shopper",
        check=checks.between(0, 100),
    )
    learn_min_samples: int = setting(
        3,
        doc="placements of an item before its learned weight range is used",
        check=checks.between(1, 10_000),
    )
    item_weights: dict[str, int] = setting(
        default_factory=dict,
        doc="catalog weights in grams per unit, by SKU",
        check=_grams_table,
    )
    no_bag_skus: tuple[str, ...] = setting(
        (), doc="SKUs that may always skip bagging (large items)", check=_skus
    )
    record_sessions: str = setting(
        "",
        doc="append every scan and bagging reading to this JSONL file (for "
        "`kiosk bagging replay`); empty: off",
    )

    def policy(self) -> BaggingPolicy:
        """The domain's policy for these settings."""
        return BaggingPolicy(
            enabled=self.enabled,
            tolerance_g=self.tolerance_g,
            tolerance_pct=float(self.tolerance_pct),
            settle_timeout=timedelta(seconds=self.settle_timeout_s),
            heavy_item_g=self.heavy_item_g,
            trust_after_items=self.trust_after_items,
            trust_check_every=self.trust_check_every,
            trust_widen_pct=float(self.trust_widen_pct),
            learn_min_samples=self.learn_min_samples,
            item_weights=dict(self.item_weights),
            no_bag_skus=frozenset(self.no_bag_skus),
        )
