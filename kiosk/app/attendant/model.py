"""What the attendant service hands out: its errors, the staff session, lane flags,
device lines and today's totals (plain frozen values)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from kiosk.devices.status import DeviceStatus
from kiosk.domain.staff import Role, SignInOutcome, Staff


class AttendantError(Exception):
    """An attendant action that was refused or failed; the message says why."""


class NotSignedIn(AttendantError):
    """No staff member is signed in (or the session timed out)."""


class SignInFailed(AttendantError):
    """A sign-in attempt that did not succeed; ``locked_seconds`` > 0 while locked."""

    def __init__(self, outcome: SignInOutcome, locked_seconds: int = 0) -> None:
        self.outcome = outcome
        self.locked_seconds = locked_seconds
        text = {
            SignInOutcome.WRONG: "wrong staff id, badge or PIN",
            SignInOutcome.DISABLED: "this staff member is disabled",
            SignInOutcome.LOCKED: f"too many attempts: locked for {locked_seconds} s",
        }.get(outcome, outcome.value)
        super().__init__(text)


@dataclass(frozen=True, slots=True)
class StaffSession:
    """Who is signed in at the attendant screen, since when and how."""

    staff: Staff
    signed_in_at: datetime
    method: str  # "badge" or "pin"
    last_action_at: datetime

    @property
    def role(self) -> Role:
        return self.staff.role


@dataclass(frozen=True, slots=True)
class LaneFlags:
    """What the shopper screen must show besides the checkout: lane closed, lane paused."""

    closed: bool = False
    paused: bool = False
    paused_basket: str | None = None


@dataclass(frozen=True, slots=True)
class DeviceLine:
    """One device on the status list, with its typed status (health, conditions, the
    driver's detail): the screens word it, nothing parses it back from text."""

    name: str
    status: DeviceStatus

    @property
    def usable(self) -> bool:
        """Whether the device can do its job now."""
        return self.status.usable


@dataclass(frozen=True, slots=True)
class LaneTotals:
    """Today's (UTC day) sales of this lane; amounts in minor units of ``currency``."""

    day: date
    currency: str
    count: int
    total: int
    cancelled: int
    by_brand: tuple[tuple[str, int, int], ...]  # (brand or method, payments, amount)
