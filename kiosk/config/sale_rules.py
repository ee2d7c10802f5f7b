"""The ``[[sale_hours]]`` tables, and the lane's :class:`SaleRules` from its config.

When items of a catalog category may be sold, in the store's time zone
(``[lane] timezone``); a category without a table may be sold at any time, a category
with several tables when any of them allows it. Example (alcohol from 08:00 to 22:00,
Monday to Saturday)::

    [[sale_hours]]
    category = "beer_wine"
    days = "mon-sat"
    hours = "08:00-22:00"

``hours`` whose end is at or before its start run past midnight ("20:00-02:00"). The
category is the catalog item's ``category`` (the sample catalog has ``beer_wine`` and
``spirits``). The ``[lane]`` keys ``dual_scan_window_s``, ``block_expired``,
``markdown_days`` and ``markdown_percent`` complete the rules
(:mod:`kiosk.domain.checkout.sale_rules`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kiosk.config.lane import LaneConfig
from kiosk.config.loader import setting
from kiosk.domain.checkout.sale_rules import SaleHours, SaleRules, parse_days

_HOURS = re.compile(r"([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]|24):([0-5]\d)")


def _days_fit(value: Any) -> str | None:
    try:
        parse_days(str(value))
    except ValueError as error:
        return f"days like 'mon-sat', 'sat,sun' or '*' ({error})"
    return None


def _hours_fit(value: Any) -> str | None:
    match = _HOURS.fullmatch(str(value))
    if match is None or (match.group(3) == "24" and match.group(4) != "00"):
        return "a time range HH:MM-HH:MM, e.g. '08:00-22:00'"
    return None


@dataclass(frozen=True)
class SaleHoursConfig:
    category: str = setting(doc="the catalog category these hours are for", example="beer_wine")
    days: str = setting(
        doc="the days: 'mon-sat', 'sat,sun', 'fri-mon' or '*'", check=_days_fit, example="mon-sat"
    )
    hours: str = setting(
        doc="local time range HH:MM-HH:MM (end excluded; an end at or before the start "
        "runs past midnight)",
        check=_hours_fit,
        example="08:00-22:00",
    )

    def to_hours(self) -> SaleHours:
        """The domain rule for this table (already checked)."""
        start, end = self.hours.split("-")
        closes = time(0, 0) if end == "24:00" else time.fromisoformat(end)
        return SaleHours(
            self.category, parse_days(self.days), time.fromisoformat(start), closes, self.days
        )


def store_zone(name: str) -> ZoneInfo:
    """The store's time zone; UTC for a name the system does not know (the lane section's
    own check names it at start; receipts fall back the same way)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def sale_rules(
    lane: LaneConfig,
    hours: tuple[SaleHoursConfig, ...],
    recalls: frozenset[tuple[str, str]] = frozenset(),
) -> SaleRules:
    """The domain's rules for packs from ``[lane]`` and ``[[sale_hours]]``, with the
    lane's stored recalls."""
    return SaleRules(
        zone=store_zone(lane.timezone),
        block_expired=lane.block_expired,
        markdown_days=lane.markdown_days,
        markdown_percent=lane.markdown_percent,
        sale_hours=tuple(rule.to_hours() for rule in hours),
        recalls=recalls,
        dual_scan_window_s=lane.dual_scan_window_s,
    )
