"""What the attendant screen may know of the attendant service: its shape, not its code.

The attendant screen (``kiosk.ui.attendant``) sits below the composition root
(``kiosk.app``) and may not import it. It talks to the service the root hands
it through the :class:`AttendantService` protocol below and reads the values
the service returns through the protocols of those values. The service in
``kiosk.app.attendant`` satisfies them structurally (a test checks it with the
real service and real values), so neither side imports the other.

The value protocols are ``runtime_checkable``: ``isinstance(error, SignInFailed)``
holds for the service's sign-in refusal (it has an ``outcome`` and
``locked_seconds``), which is how the screen tells a refused badge from a fault.
Only ``kiosk.domain`` is imported here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Protocol, runtime_checkable

from kiosk.domain.staff import Role, SignInOutcome, Staff

__all__ = [
    "AttendantService",
    "DeskCase",
    "DeskDocument",
    "DeskService",
    "DeskVerdict",
    "DeviceLine",
    "LaneFlags",
    "LaneTotals",
    "SignInFailed",
    "StaffSession",
    "StaffSignIn",
    "VerdictRefused",
]


@runtime_checkable
class StaffSession(Protocol):
    """Who is signed in at the attendant screen, since when and how."""

    @property
    def staff(self) -> Staff: ...
    @property
    def signed_in_at(self) -> datetime: ...
    @property
    def method(self) -> str: ...
    @property
    def role(self) -> Role: ...


@runtime_checkable
class LaneFlags(Protocol):
    """Lane closed / paused by staff: what the shopper screen shows besides the journey."""

    @property
    def closed(self) -> bool: ...
    @property
    def paused(self) -> bool: ...


@runtime_checkable
class DeviceLine(Protocol):
    """One device on the attendant's status list."""

    @property
    def name(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def usable(self) -> bool: ...


@runtime_checkable
class LaneTotals(Protocol):
    """Today's sales of the lane; amounts in minor units of ``currency``."""

    @property
    def day(self) -> date: ...
    @property
    def currency(self) -> str: ...
    @property
    def count(self) -> int: ...
    @property
    def total(self) -> int: ...
    @property
    def cancelled(self) -> int: ...
    @property
    def by_brand(self) -> tuple[tuple[str, int, int], ...]: ...


@runtime_checkable
class SignInFailed(Protocol):
    """A refused sign-in (an exception): why, and how long the sign-in stays locked."""

    @property
    def outcome(self) -> SignInOutcome: ...
    @property
    def locked_seconds(self) -> int: ...


class AttendantService(Protocol):
    """The calls the attendant screen makes (each may block: the screen runs them on a
    pool thread). Actions raise the service's ``AttendantError`` when refused."""

    flag_listeners: list[Callable[[Any], None]]

    @property
    def current_session(self) -> StaffSession | None: ...
    @property
    def checkout(self) -> Any: ...
    @property
    def flags(self) -> LaneFlags: ...
    @property
    def idle_timeout(self) -> timedelta: ...

    def sign_in_badge(self, code: str) -> StaffSession: ...
    def sign_in_pin(self, staff_id: str, pin: str) -> StaffSession: ...
    def sign_out(self, reason: str = "") -> None: ...
    def expire_idle(self) -> bool: ...
    def touched(self) -> None: ...
    def device_status(self) -> list[DeviceLine]: ...
    def todays_totals(self) -> LaneTotals: ...
    def resolve_pending(self, approved: bool, **details: Any) -> Any: ...
    def approve_age(self, date_of_birth: date | None = None, id_seen: bool = False) -> Any: ...
    def resolve_aside(
        self, raised_at: datetime, approved: bool, item_code: str | None = None, note: str = ""
    ) -> Any: ...
    def void_line(self, line_no: int, reason: str = "") -> Any: ...
    def set_quantity(self, line_no: int, quantity: int, reason: str = "") -> Any: ...
    def override_price(self, line_no: int, price_minor: int, reason: str) -> Any: ...
    def cancel_transaction(self, reason: str) -> Any: ...
    def suspend(self, reason: str = "") -> LaneFlags: ...
    def resume(self) -> LaneFlags: ...
    def set_lane_open(self, open_: bool, reason: str = "") -> LaneFlags: ...
    def reprint_last_receipt(self) -> str: ...
    def clear_device_fault(self) -> Any: ...


# -- a journey's agent desk (the shell's sign-in, the journey's own desk screen) -----------


class StaffSignIn(Protocol):
    """The staff session calls of every journey's attendant service: what the shell's
    sign-in screen and idle sign-out use (each may block: run them on a pool thread)."""

    @property
    def current_session(self) -> StaffSession | None: ...
    @property
    def idle_timeout(self) -> timedelta: ...

    def sign_in_badge(self, code: str) -> StaffSession: ...
    def sign_in_pin(self, staff_id: str, pin: str) -> StaffSession: ...
    def sign_out(self, reason: str = "") -> None: ...
    def expire_idle(self) -> bool: ...
    def touched(self) -> None: ...


@dataclass(frozen=True, slots=True)
class DeskDocument:
    """What a desk may show of a travel document: never the MRZ or the whole number.

    ``document_code`` is the MRZ's document code (``P`` passport, ``I`` identity card,
    ``V`` visa...); ``issuing_state`` the ICAO code (``UTO``); ``number_last4`` the last
    four characters of its number.
    """

    document_code: str
    issuing_state: str
    expiry: date | None
    number_last4: str
    name: str = ""  # SURNAME/GIVEN NAMES as printed, when it may differ from the booking


@dataclass(frozen=True, slots=True)
class DeskVerdict:
    """A verdict the desk offers for the open case; ``allowed``: the signed-in staff
    member's role grants it; ``needs``: the roles that do (for the screen's hint)."""

    name: str
    allowed: bool
    needs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DeskCase:
    """The intervention waiting at a journey's agent desk.

    ``kind`` and ``detail`` are the journey's codes (the desk screen words them);
    ``passenger`` is the person's name as the booking has it.
    """

    kind: str
    passenger_id: str
    passenger: str
    detail: str
    raised_at: datetime
    document: DeskDocument | None = None
    verdicts: tuple[DeskVerdict, ...] = ()


@runtime_checkable
class VerdictRefused(Protocol):
    """A verdict the staff member's role does not grant (an exception): which, and the
    roles that may give it."""

    @property
    def verdict(self) -> str: ...
    @property
    def needs(self) -> tuple[str, ...]: ...


class DeskService(StaffSignIn, Protocol):
    """The calls a journey's agent desk makes (each may block: run them on a pool thread).
    Actions raise the service's ``AttendantError`` when refused."""

    flag_listeners: list[Callable[[Any], None]]

    @property
    def flags(self) -> LaneFlags: ...

    def open_case(self) -> DeskCase | None: ...
    def give_verdict(
        self, verdict: str, note: str = "", *, case: DeskCase | None = None
    ) -> Any: ...
    def device_status(self) -> list[DeviceLine]: ...
