"""Staff: who may sign in at the attendant screen, what each role may do, and lockout.

Rules of this module (pure: no clock, no storage, no hashing):

* A :class:`Staff` record names a person and one :class:`Role`. Secrets (PIN and
  badge hashes) are not part of it: they stay in the store and never travel to
  the screen.
* What a role may do is the table :data:`ROLE_GRANTS` (role -> :class:`RoleGrant`).
  :func:`may` answers yes/no; :func:`require` raises :class:`PermissionRefused`
  naming the role, the action and the staff member. A disabled member may do
  nothing. Price overrides are further bounded per role by a
  :class:`PriceOverrideLimit` on the *reduction* of the unit price (raising a
  price is allowed to anyone holding ``price_override``).
* Sign-in lockout (DESIGN.md invariant 6, "repeated failures lock"): a
  :class:`LockoutState` counts failed attempts. From the ``max_failures``-th
  failure on, every failure locks for ``first_lock * 2 ** (failures -
  max_failures)``, capped at ``max_lock``: the back-off doubles with each
  further failure. Attempts during a lock are refused without being checked or
  counted. A success resets the count; failures older than ``forget_after`` are
  forgotten. Time is passed in as timezone-aware datetimes.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import MappingProxyType

from kiosk.domain.money import Money


class StaffError(ValueError):
    """A staff id, name, PIN or badge code that cannot be used; the message says why."""


class PermissionRefused(Exception):
    """A staff member tried something their role (or state) does not allow."""

    def __init__(self, staff: Staff, action: Action, why: str = "") -> None:
        self.staff = staff
        self.action = action
        if staff.disabled:
            text = f"staff {staff.staff_id} is disabled and may not {action.value}"
        else:
            text = f"role {staff.role.value} may not {action.value} (staff {staff.staff_id})"
        super().__init__(f"{text}: {why}" if why else text)


class Role(enum.Enum):
    """A staff role (the value is what the store and the CLI use)."""

    ATTENDANT = "attendant"
    SUPERVISOR = "supervisor"
    MANAGER = "manager"
    TECHNICIAN = "technician"

    @classmethod
    def parse(cls, text: str) -> Role:
        """The role named ``text``; raises :class:`StaffError` listing the known roles."""
        try:
            return cls(text)
        except ValueError:
            known = ", ".join(role.value for role in cls)
            raise StaffError(f"unknown role {text!r}: expected one of {known}") from None


class Action(enum.Enum):
    """Something a staff member does at the lane (values appear in audit rows).

    The basket actions use the names the checkout machine writes into the sale
    document's ``audit`` list (``set_quantity``, ``void_line``, ``price_override``,
    ``cancel_basket``); ``resolve_payment`` permits its ``confirm_payment`` and
    ``reject_payment`` entries. Cancel/suspend/resume act on the open basket
    (the "transaction" of the attendant screen).
    """

    APPROVE_AGE = "approve_age"
    VOID_LINE = "void_line"
    SET_QUANTITY = "set_quantity"
    PRICE_OVERRIDE = "price_override"
    CANCEL_BASKET = "cancel_basket"
    SUSPEND_BASKET = "suspend_basket"
    RESUME_BASKET = "resume_basket"
    RESOLVE_PAYMENT = "resolve_payment"  # confirm/reject a payment with an unknown outcome
    REPRINT_RECEIPT = "reprint_receipt"
    OPEN_LANE = "open_lane"
    CLOSE_LANE = "close_lane"
    CLEAR_DEVICE_FAULT = "clear_device_fault"
    SEE_DEVICE_STATUS = "see_device_status"
    SEE_TOTALS = "see_totals"
    MANAGE_STAFF = "manage_staff"


@dataclass(frozen=True, slots=True)
class PriceOverrideLimit:
    """How far a role may lower a unit price (None: no bound of that kind).

    ``max_percent`` bounds the reduction relative to the old price, ``max_minor``
    in minor units; both apply. Weighed items compare their price per kg.
    """

    max_percent: int | None = None
    max_minor: int | None = None

    def refusal(self, old: Money, new: Money) -> str:
        """Why ``old`` -> ``new`` is not allowed, or "" if it is."""
        if old.currency != new.currency:
            return f"currency {new.currency} differs from the line's {old.currency}"
        if new.minor < 0:
            return f"a price cannot be negative ({new.minor})"
        cut = old.minor - new.minor
        if cut <= 0:
            return ""
        if self.max_minor is not None and cut > self.max_minor:
            return f"reduction {cut} exceeds the role's limit of {self.max_minor} minor units"
        if self.max_percent is not None and cut * 100 > self.max_percent * old.minor:
            return f"reduction {cut} of {old.minor} exceeds the role's limit of {self.max_percent}%"
        return ""


@dataclass(frozen=True, slots=True)
class RoleGrant:
    """What one role may do."""

    actions: frozenset[Action]
    price_override: PriceOverrideLimit = field(default_factory=PriceOverrideLimit)


_ON_THE_FLOOR = frozenset(
    {
        Action.APPROVE_AGE,
        Action.VOID_LINE,
        Action.SET_QUANTITY,
        Action.PRICE_OVERRIDE,
        Action.SUSPEND_BASKET,
        Action.RESUME_BASKET,
        Action.REPRINT_RECEIPT,
        Action.CLEAR_DEVICE_FAULT,
        Action.SEE_DEVICE_STATUS,
    }
)
_LANE = frozenset({Action.OPEN_LANE, Action.CLOSE_LANE})

ROLE_GRANTS: Mapping[Role, RoleGrant] = MappingProxyType(
    {
        Role.ATTENDANT: RoleGrant(_ON_THE_FLOOR, PriceOverrideLimit(max_percent=10, max_minor=500)),
        Role.SUPERVISOR: RoleGrant(
            _ON_THE_FLOOR
            | _LANE
            | {Action.CANCEL_BASKET, Action.RESOLVE_PAYMENT, Action.SEE_TOTALS},
            PriceOverrideLimit(max_percent=50, max_minor=5000),
        ),
        Role.MANAGER: RoleGrant(frozenset(Action)),
        Role.TECHNICIAN: RoleGrant(
            _LANE | {Action.CLEAR_DEVICE_FAULT, Action.SEE_DEVICE_STATUS},
        ),
    }
)

_STAFF_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,31}")
_PIN = re.compile(r"[0-9]{4,12}")
_BADGE = re.compile(r"[\x21-\x7e]{4,128}")  # printable ASCII, no spaces: what scanners send
MAX_NAME = 80


def check_staff_id(text: str) -> str:
    """``text`` if it is a staff id (1-32 of letters, digits, ``. _ -``); else StaffError."""
    if not isinstance(text, str) or not _STAFF_ID.fullmatch(text):
        raise StaffError(
            f"bad staff id {text!r}: expected 1-32 letters, digits, '.', '_' or '-', "
            "starting with a letter or digit"
        )
    return text


def check_name(text: str) -> str:
    """``text`` stripped, if it is a usable display name; else StaffError."""
    name = text.strip() if isinstance(text, str) else ""
    if not name or len(name) > MAX_NAME or not name.isprintable():
        raise StaffError(f"bad staff name {text!r}: expected 1-{MAX_NAME} printable characters")
    return name


def check_pin(pin: str) -> str:
    """``pin`` if it is 4-12 digits (the keypad has nothing else); else StaffError.

    The message never repeats the PIN.
    """
    if not isinstance(pin, str) or not _PIN.fullmatch(pin):
        raise StaffError("a PIN must be 4 to 12 digits")
    return pin


def check_badge_code(code: str) -> str:
    """``code`` stripped, if it is 4-128 printable ASCII characters; else StaffError."""
    stripped = code.strip() if isinstance(code, str) else ""
    if not _BADGE.fullmatch(stripped):
        raise StaffError("a badge code must be 4 to 128 printable ASCII characters")
    return stripped


@dataclass(frozen=True, slots=True)
class Staff:
    """A person who may sign in at the attendant screen."""

    staff_id: str
    name: str
    role: Role
    disabled: bool = False

    def __post_init__(self) -> None:
        check_staff_id(self.staff_id)
        if check_name(self.name) != self.name:
            raise StaffError(f"staff name {self.name!r} has leading or trailing blanks")
        if not isinstance(self.role, Role):
            raise StaffError(f"bad role {self.role!r} for staff {self.staff_id}")


def permissions(role: Role, grants: Mapping[Role, RoleGrant] = ROLE_GRANTS) -> frozenset[Action]:
    """Every action ``role`` grants."""
    return grants[role].actions


def may(staff: Staff, action: Action, grants: Mapping[Role, RoleGrant] = ROLE_GRANTS) -> bool:
    """True if ``staff`` (not disabled) holds a role that grants ``action``."""
    return not staff.disabled and action in grants[staff.role].actions


def require(staff: Staff, action: Action, grants: Mapping[Role, RoleGrant] = ROLE_GRANTS) -> None:
    """Return if :func:`may`; else raise :class:`PermissionRefused` naming role and action."""
    if not may(staff, action, grants):
        raise PermissionRefused(staff, action)


def may_override_price(
    staff: Staff, old: Money, new: Money, grants: Mapping[Role, RoleGrant] = ROLE_GRANTS
) -> bool:
    """True if ``staff`` may change a unit price from ``old`` to ``new``."""
    return may(staff, Action.PRICE_OVERRIDE, grants) and not grants[
        staff.role
    ].price_override.refusal(old, new)


def require_price_override(
    staff: Staff, old: Money, new: Money, grants: Mapping[Role, RoleGrant] = ROLE_GRANTS
) -> None:
    """Return if :func:`may_override_price`; else raise :class:`PermissionRefused` saying why."""
    require(staff, Action.PRICE_OVERRIDE, grants)
    why = grants[staff.role].price_override.refusal(old, new)
    if why:
        raise PermissionRefused(staff, Action.PRICE_OVERRIDE, why)


# ---------------------------------------------------------------- lockout


def _aware(now: datetime) -> datetime:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(f"time {now!r} must be timezone-aware (UTC)")
    return now


@dataclass(frozen=True, slots=True)
class LockoutPolicy:
    """When repeated sign-in failures lock, and for how long."""

    max_failures: int = 5
    first_lock: timedelta = timedelta(seconds=30)
    max_lock: timedelta = timedelta(hours=1)
    forget_after: timedelta = timedelta(hours=8)

    def __post_init__(self) -> None:
        if self.max_failures < 1:
            raise ValueError(f"max_failures must be at least 1, got {self.max_failures}")
        if not timedelta(0) < self.first_lock <= self.max_lock:
            raise ValueError("expected 0 < first_lock <= max_lock")
        if self.forget_after <= timedelta(0):
            raise ValueError("forget_after must be positive")

    def lock_for(self, failures: int) -> timedelta:
        """How long the ``failures``-th failure locks (zero below ``max_failures``)."""
        if failures < self.max_failures:
            return timedelta(0)
        doublings = min(failures - self.max_failures, 40)  # 2**40 * any sane first_lock > cap
        lock: timedelta = self.first_lock * (1 << doublings)
        return min(self.max_lock, lock)


@dataclass(frozen=True, slots=True)
class LockoutState:
    """Failed sign-ins of one subject (a staff id, or the lane's badge reader)."""

    failures: int = 0
    last_failure_at: datetime | None = None
    locked_until: datetime | None = None

    def is_locked(self, now: datetime) -> bool:
        """True while a lock is running at ``now``."""
        _aware(now)
        return self.locked_until is not None and now < self.locked_until

    def current(self, now: datetime, policy: LockoutPolicy) -> LockoutState:
        """This state at ``now``: failures older than ``policy.forget_after`` are dropped."""
        stale = (
            self.last_failure_at is not None
            and not self.is_locked(now)
            and now - self.last_failure_at >= policy.forget_after
        )
        return LockoutState() if stale else self

    def failed(self, now: datetime, policy: LockoutPolicy) -> LockoutState:
        """The state after a failed attempt at ``now`` (unchanged while locked)."""
        state = self.current(now, policy)
        if state.is_locked(now):
            return state
        failures = state.failures + 1
        lock = policy.lock_for(failures)
        return LockoutState(failures, now, now + lock if lock else None)

    def succeeded(self) -> LockoutState:
        """The state after a successful sign-in: nothing counted."""
        return LockoutState()


class SignInOutcome(enum.Enum):
    """How a sign-in attempt ended."""

    OK = "ok"
    WRONG = "wrong"  # unknown staff, unknown badge or wrong PIN: indistinguishable on purpose
    LOCKED = "locked"
    DISABLED = "disabled"  # only said to someone who presented the right PIN or badge


@dataclass(frozen=True, slots=True)
class SignInResult:
    """The answer to a sign-in attempt; ``staff`` is set only when ``outcome`` is OK."""

    outcome: SignInOutcome
    staff: Staff | None = None
    locked_until: datetime | None = None

    @property
    def ok(self) -> bool:
        return self.outcome is SignInOutcome.OK
