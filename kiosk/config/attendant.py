"""The [attendant] section: the staff screen at the lane."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.config import checks
from kiosk.config.loader import setting


@dataclass(frozen=True)
class AttendantConfig:
    session_idle_s: int = setting(
        120,
        doc="seconds without a touch on the attendant screen before staff are signed out",
        check=checks.between(15, 3600),
    )
