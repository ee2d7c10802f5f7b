"""The [airport] section: the airport check-in journey (``lane.mode = "airport_checkin"``).

Every key has a default so that other lanes need no section; an airport lane needs
``airport`` and ``dcs_url`` (:meth:`AirportConfig.require` says which is missing,
as a :class:`~kiosk.config.ConfigError` naming the key).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kiosk.config import checks
from kiosk.config.errors import ConfigError
from kiosk.config.loader import setting


def _iata(value: Any) -> str | None:
    if value and not re.fullmatch(r"[A-Z]{3}", value):
        return "a 3-letter IATA airport code in capitals, e.g. 'LIS' (or empty)"
    return None


def _url(value: Any) -> str | None:
    if value and not str(value).startswith(("http://", "https://")):
        return "an http:// or https:// URL (or empty)"
    return None


@dataclass(frozen=True)
class AirportConfig:
    airport: str = setting(
        "", doc="this kiosk's airport (IATA code, e.g. 'LIS'); required on an airport lane",
        check=_iata,
    )  # fmt: skip
    dcs_url: str = setting(
        "",
        doc="the airline DCS API root, e.g. http://127.0.0.1:8790/dcs/v1 (kiosk sim dcs); "
        "required on an airport lane",
        check=_url,
    )
    dcs_key: str = setting("", doc="the DCS API key (a secret; e.g. KIOSK__AIRPORT__DCS_KEY)")
    dcs_timeout_s: float = setting(
        10.0, doc="seconds the kiosk waits for the DCS before calling an agent",
        check=checks.between(0.5, 120),
    )  # fmt: skip
    max_bags_per_passenger: int = setting(
        3, doc="bags one passenger may check in at the kiosk", check=checks.between(0, 9)
    )
    document_retries: int = setting(
        2, doc="unreadable document reads tried again before an agent is called",
        check=checks.between(0, 5),
    )  # fmt: skip
    bag_min_weight_g: int = setting(
        500, doc="grams under which the bag scale counts as empty",
        check=checks.between(1, 10_000),
    )  # fmt: skip
    abandon_after_s: float = setting(
        180.0,
        doc="seconds without a touch after which a check-in under way is abandoned "
        "(cancelled at the DCS if nothing was printed), unless it waits for an agent; "
        "0: only the screen's idle prompt",
        check=checks.between(0, 3600),
    )
    utc_offset_minutes: int = setting(
        0, doc="the airport's offset from UTC in minutes (travel dates are local)",
        check=checks.between(-840, 840),
    )  # fmt: skip

    def require(self) -> None:
        """Check what an airport lane needs.

        Raises:
            ConfigError: ``airport.airport`` or ``airport.dcs_url`` is empty.
        """
        if not self.airport:
            raise ConfigError(
                "configuration", "airport.airport", "", "the kiosk's IATA airport code, e.g. 'LIS'"
            )
        if not self.dcs_url:
            raise ConfigError(
                "configuration", "airport.dcs_url", "", "the DCS API URL for an airport lane"
            )
