"""The [station] section: the store's attendant station this lane reports to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiosk.config import checks
from kiosk.config.loader import setting


def _url(value: Any) -> str | None:
    if value and not str(value).startswith(("http://", "https://")):
        return "an http:// or https:// URL (or empty)"
    return None


def _key(value: Any) -> str | None:
    if value and len(str(value)) < 20:
        return "at least 20 characters (the key `kiosk station serve` was given)"
    return None


@dataclass(frozen=True)
class StationConfig:
    url: str = setting(
        "", doc="the store's attendant station (kiosk station serve); empty: none", check=_url
    )
    key: str = setting("", doc="the station key (a secret; e.g. KIOSK__STATION__KEY)", check=_key)
    report_every_s: float = setting(
        5.0,
        doc="seconds between two reports when nothing changes (a change is sent at once)",
        check=checks.between(1, 300),
    )
    staff_every_s: float = setting(
        20.0,
        doc="seconds between two copies of the store's staff accounts from the station "
        "(a disabled account stops at this lane within this long)",
        check=checks.between(5, 60),
    )
    remote_age_check: bool = setting(
        False,
        doc="the store lets staff approve an age check from the station ('ID seen'); "
        "otherwise an age check needs a person at the lane",
    )
