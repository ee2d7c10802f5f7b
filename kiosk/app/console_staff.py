"""The staff commands of the lane console: sign-in and sign-out, verdicts on what is
pending, and the attendant's actions (lane open/closed, pause, cancel, reprint, devices,
totals), each through the lane's :class:`~kiosk.app.attendant.AttendantService`: the role
is checked, the audit row written, an unknown payment asked about again.

:class:`StaffCommands` hands :class:`kiosk.app.console.LaneConsole` its handlers; a
refusal comes back as an exception (``ConsoleError`` for a command typed wrongly, the
service's ``AttendantError`` family otherwise) that the console prints as one line.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from kiosk.app.attendant import AttendantError, NotSignedIn, SignInFailed
from kiosk.domain.checkout.machine import Checkout
from kiosk.domain.money import Money
from kiosk.store.errors import StoreError

Out = Callable[[str], None]
Handler = Callable[[list[str]], bool | None]


class ConsoleError(Exception):
    """A command typed wrongly or that cannot run now; the message says what to type."""


class StaffCommands:
    """The console's staff commands on one lane.

    Args:
        attendant: the lane's AttendantService (None: every staff command says so).
        checkout: the lane's checkout now.
        out: where lines go.
        demo_staff: (staff id, PIN) that ``approve`` / ``deny`` sign in for one verdict
            when nobody is signed in (the demo attendant).
    """

    def __init__(
        self,
        attendant: Any,
        checkout: Callable[[], Checkout],
        out: Out,
        demo_staff: tuple[str, str] | None = None,
    ) -> None:
        self.attendant = attendant
        self._checkout = checkout
        self.out = out
        self.demo_staff = demo_staff

    def handlers(self) -> dict[str, Handler]:
        """Command word -> handler (the rest of the line in, False to stop a script)."""
        return {
            "staff": self._staff,
            "approve": lambda rest: self._resolve(True, rest),
            "deny": lambda rest: self._resolve(False, rest),
            "signout": self._sign_out,
            "close": lambda rest: self._lane_open(False, rest),
            "open": lambda rest: self._lane_open(True, rest),
            "suspend": self._suspend,
            "resume": self._resume,
            "cancel-basket": self._cancel_basket,
            "reprint": self._reprint,
            "devices": self._devices,
            "totals": self._totals,
        }

    def status_line(self) -> str:
        """Who is signed in (for ``status``)."""
        if self.attendant is None:
            return "no attendant service"
        return _who(self.attendant.current_session)

    def _service(self) -> Any:
        if self.attendant is None:
            raise ConsoleError("this lane has no attendant service")
        return self.attendant

    def _staff(self, rest: list[str]) -> None:
        service = self._service()
        if not rest:
            self.out(f"  {_who(service.session)}")
            return
        if len(rest) == 1:
            session = service.sign_in_badge(rest[0])
        elif len(rest) == 2:
            session = service.sign_in_pin(rest[0], rest[1])
        else:
            raise ConsoleError("usage: staff BADGE, or staff ID PIN")
        self.out(f"  staff: {_who(session)} signed in by {session.method}")

    def _sign_out(self, rest: list[str]) -> None:
        service = self._service()
        session = service.current_session
        if session is None:
            raise ConsoleError("nobody is signed in")
        service.sign_out("signed out at the console")
        self.out(f"  staff: {session.staff.staff_id} signed out")

    def badge_scanned(self, code: str) -> None:
        """A staff badge at the item scanner (a device thread): sign its owner in."""
        try:
            self._staff([code])
        except SignInFailed as error:
            self.out(f"  sign-in failed: {error}")
        except (AttendantError, StoreError, ConsoleError) as error:
            self.out(f"  badge not taken: {error}")

    def _signed_in(self, service: Any) -> tuple[str, bool]:
        """The signed-in staff id, and whether the demo attendant was signed in just now
        (in the demo, when nobody is). Raises NotSignedIn, ConsoleError."""
        session = service.session
        if session is not None:
            return str(session.staff.staff_id), False
        if self.demo_staff is None:
            raise NotSignedIn("nobody is signed in at the attendant screen")
        demo_id, pin = self.demo_staff
        try:
            session = service.sign_in_pin(demo_id, pin)
        except SignInFailed as error:
            raise ConsoleError(
                f"nobody is signed in and the demo attendant {demo_id} cannot sign in "
                f"({error}): use `staff BADGE` or `staff ID PIN`"
            ) from None
        self.out(f"  staff: nobody was signed in: {_who(session)} signed in by pin")
        return str(session.staff.staff_id), True

    def _resolve(self, approved: bool, rest: list[str]) -> None:
        """``approve`` / ``deny`` the pending intervention through the attendant service.

        A demo attendant signed in for this verdict is signed out after it, so no session
        is left open that nobody opened (the touchscreen's next alert asks again)."""
        service = self._service()
        pending = self._checkout().pending
        if pending is None:
            raise ConsoleError(f"nothing to {'approve' if approved else 'deny'}")
        kind = pending.kind.value
        born = _date_of_birth(rest[0]) if rest and approved and kind == "age_restricted" else None
        if approved and kind == "unknown_barcode" and not rest:
            raise ConsoleError("usage: approve CODE (the barcode or PLU of the item)")
        staff_id, stepped_in = self._signed_in(service)
        try:
            if approved and kind == "age_restricted":
                after = service.approve_age(date_of_birth=born, id_seen=born is None)
            elif approved and kind == "unknown_barcode":
                after = service.resolve_pending(True, item_code=rest[0])
            elif approved and kind == "device_fault":
                after = service.clear_device_fault()
            else:
                after = service.resolve_pending(approved, note=" ".join(rest))
            self.out(f"  staff {staff_id}: {_outcome(after, kind, approved)}")
        finally:
            if stepped_in:
                service.sign_out("demo attendant: one verdict at the console")
                self.out(f"  staff: {staff_id} signed out")

    def _staff_id(self) -> str:
        """Who acts (for the line printed after an action that needs no verdict)."""
        session = self._service().current_session
        return "" if session is None else str(session.staff.staff_id)

    def _lane_open(self, open_: bool, rest: list[str]) -> None:
        self._service().set_lane_open(open_, " ".join(rest))
        self.out(f"  staff {self._staff_id()}: lane {'open' if open_ else 'closed'}")

    def _suspend(self, rest: list[str]) -> None:
        flags = self._service().suspend(" ".join(rest))
        self.out(f"  staff {self._staff_id()}: lane paused, basket {flags.paused_basket} kept")

    def _resume(self, rest: list[str]) -> None:
        self._service().resume()
        self.out(f"  staff {self._staff_id()}: lane resumed")

    def _cancel_basket(self, rest: list[str]) -> None:
        after = self._service().cancel_transaction(" ".join(rest))
        self.out(f"  staff {self._staff_id()}: basket cancelled (lane {after.phase.value})")

    def _reprint(self, rest: list[str]) -> None:
        transaction_id = self._service().reprint_last_receipt()
        self.out(f"  staff {self._staff_id()}: receipt {transaction_id} printed again")

    def _devices(self, rest: list[str]) -> None:
        lines = self._service().device_status()
        for line in lines:
            self.out(f"  {line.name:<12} {line.status}{'' if line.usable else '  (not usable)'}")
        if not lines:
            self.out("  no devices")

    def _totals(self, rest: list[str]) -> None:
        totals = self._service().todays_totals()
        self.out(
            f"  {totals.day}: {totals.count} sale(s), {Money(totals.total, totals.currency)}; "
            f"{totals.cancelled} cancelled"
        )
        for brand, payments, amount in totals.by_brand:
            self.out(f"  {brand:<12} {payments} payment(s)  {Money(amount, totals.currency)}")


def _who(session: Any) -> str:
    if session is None:
        return "nobody is signed in"
    staff = session.staff
    return f"{staff.staff_id} ({staff.name}, {staff.role.value})"


def _outcome(after: Checkout, kind: str, approved: bool) -> str:
    """What came of a verdict, as the checkout recorded it."""
    resolved = after.interventions[-1] if after.interventions else None
    if resolved is not None and resolved.kind.value == kind:
        return f"{kind} {resolved.resolution}"
    return f"{kind} {'approved' if approved else 'denied'}"


def _date_of_birth(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ConsoleError(
            f"usage: approve [YYYY-MM-DD] ({text!r} is not a date of birth)"
        ) from None
