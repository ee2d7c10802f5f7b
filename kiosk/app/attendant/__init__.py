"""The attendant's side of a lane: staff sign-in, role checks, overrides and their audit.

:class:`AttendantService` (``service``) is what the attendant screen calls; ``model``
holds the values it hands out, ``lane_ops`` runs events on the lane thread, ``queries``
reads device status, totals and lane flags.
"""

from __future__ import annotations

from kiosk.app.attendant.model import (
    AttendantError,
    DeviceLine,
    LaneFlags,
    LaneTotals,
    NotSignedIn,
    SignInFailed,
    StaffSession,
)
from kiosk.app.attendant.service import AttendantService

__all__ = [
    "AttendantError",
    "AttendantService",
    "DeviceLine",
    "LaneFlags",
    "LaneTotals",
    "NotSignedIn",
    "SignInFailed",
    "StaffSession",
]
