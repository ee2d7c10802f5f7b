"""The [ui] section: the touchscreen."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.config import checks
from kiosk.config.loader import setting


@dataclass(frozen=True)
class UiConfig:
    fullscreen: bool = setting(True, doc="full-screen, frameless kiosk window")
    idle_timeout_s: int = setting(90, doc="seconds without a touch before 'Are you still there?'",
                                  check=checks.between(10, 3600))
