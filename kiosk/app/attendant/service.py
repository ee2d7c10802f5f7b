"""The attendant's side of a lane: staff sign-in, role checks, overrides and their audit rows.

Theory of operation: :class:`AttendantService` is called from background threads (the
UI's ``run_in_background``); every method may block for a store write or an argon2
check, never for a person. A staff member signs in with a badge or a staff id + PIN
(:class:`kiosk.store.staff.StaffRepository` applies the lockout); the session ends on
sign-out or after ``idle_timeout`` without an action (:meth:`expire_idle`).

Every action first checks the role (:func:`kiosk.domain.staff.require`; a refusal names
the role and the action), then acts through the lane controller: the domain events are
first tried on a copy of the immutable checkout (so a refused step changes nothing),
then applied on the lane thread. Basket actions that the shopper side models as requests
(void, quantity down, price override) are requested and approved in one lane-thread job.
Then one ``lane_audit`` row (staff, time, lane, action, reason, details) is written; the
basket actions also reach HQ in the sale document's own ``audit`` list.

Suspend: the checkout machine has no suspended phase, so a suspend keeps the open basket
where it already is (journaled, restored after a restart) and raises the lane's
``paused`` flag, which the shopper UI shows as "lane paused"; resume lowers it. The
``closed`` and ``paused`` flags are re-read from the audit log at start-up.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from kiosk.app.attendant import aside, pages, plans, queries, verdicts
from kiosk.app.attendant.lane_ops import apply_events, run_on_lane
from kiosk.app.attendant.model import (
    AttendantError,
    DeviceLine,
    LaneFlags,
    LaneTotals,
    StaffSession,
)
from kiosk.app.attendant.sessions import StaffSessions, serial
from kiosk.domain.checkout.events import (
    Event,
    InterventionResolved,
    PriceOverrideRequested,
    QuantityChanged,
    VoidRequested,
)
from kiosk.domain.checkout.interventions import ConfirmPayment, InterventionKind, OverridePrice
from kiosk.domain.checkout.machine import Checkout
from kiosk.domain.checkout.states import Phase
from kiosk.domain.money import Money
from kiosk.domain.staff import (
    Action,
    PermissionRefused,
    Staff,
    require_price_override,
)
from kiosk.store.errors import StoreError

log = logging.getLogger(__name__)
_RESOLVE_ACTION: dict[InterventionKind, Action | None] = {
    InterventionKind.AGE_RESTRICTED: Action.APPROVE_AGE,
    InterventionKind.UNKNOWN_BARCODE: Action.SET_QUANTITY,
    InterventionKind.QUANTITY_LIMIT: Action.SET_QUANTITY,
    InterventionKind.VOID_REQUEST: Action.VOID_LINE,
    InterventionKind.PRICE_OVERRIDE: Action.PRICE_OVERRIDE,
    InterventionKind.HELP_REQUESTED: None,  # any signed-in staff member may answer help
    InterventionKind.IDLE_SUSPENDED: None,  # ... and resume a basket on hold
    InterventionKind.PAYMENT_FAILURE: None,
    InterventionKind.PAYMENT_UNKNOWN: Action.RESOLVE_PAYMENT,
    InterventionKind.DEVICE_FAULT: Action.CLEAR_DEVICE_FAULT,
    # the bagging area: any signed-in staff member (approve accepts and learns the weight)
    InterventionKind.BAGGING_UNEXPECTED_ITEM: None,
    InterventionKind.BAGGING_ITEM_REMOVED: None,
    InterventionKind.BAGGING_WEIGHT_MISMATCH: None,
    InterventionKind.BAGGING_NO_ITEM_PLACED: None,
    # pages, never paused: nothing to resolve (kiosk.domain.checkout.sale_rules)
    InterventionKind.EXPIRED_ITEM: None,
    InterventionKind.RECALLED_ITEM: None,
}


class AttendantService:
    """Sign-in and every attendant action at one lane (see the module docstring).

    Args:
        lane: a :class:`kiosk.app.wiring.Lane` (controller, devices, device_status,
            payment_flow, config).
        staff_repo: the lane's :class:`~kiosk.store.staff.StaffRepository`.
        audit_log: the lane's :class:`~kiosk.store.audit.AuditLog`.
        clock: the lane clock (aware UTC datetimes).
        sales_conn: a connection for the totals query (default: a new one on the store).
        idle_timeout: inactivity after which the session ends (default: the config's
            ``attendant.session_idle_s``, else two minutes).
    """

    def __init__(
        self,
        lane: Any,
        staff_repo: Any,
        audit_log: Any,
        clock: Callable[[], datetime],
        *,
        sales_conn: sqlite3.Connection | None = None,
        idle_timeout: timedelta | None = None,
    ) -> None:
        self.lane = lane
        self.controller = lane.controller
        self.staff_repo = staff_repo
        self.audit = serial(audit_log)  # one connection, several pool threads
        self.clock = clock
        if idle_timeout is None:
            section = getattr(getattr(lane, "config", None), "attendant", None)
            idle_timeout = timedelta(seconds=getattr(section, "session_idle_s", 120))
        self.sessions = StaffSessions(staff_repo, self.audit, clock, idle_timeout)
        self.flag_listeners: list[Callable[[LaneFlags], None]] = []
        self._sales_conn = sales_conn
        self.flags = queries.flags_from_audit(self.audit, self.controller.checkout.basket.basket_id)

    # -- sign-in (delegated to StaffSessions) ------------------------------------------

    def sign_in_badge(self, code: str) -> StaffSession:
        """Sign in with a scanned badge. Raises SignInFailed, StoreError."""
        return self.sessions.sign_in_badge(code)

    def sign_in_pin(self, staff_id: str, pin: str) -> StaffSession:
        """Sign in with a staff id and PIN. Raises SignInFailed, StoreError."""
        return self.sessions.sign_in_pin(staff_id, pin)

    @property
    def session(self) -> StaffSession | None:
        """The signed-in session, or None (an idle session is ended first)."""
        return self.sessions.session

    @property
    def current_session(self) -> StaffSession | None:
        """The session as it stands, without ending an idle one (for drawing the screen)."""
        return self.sessions.current

    def sign_out(self, reason: str = "") -> None:
        """End the session (no-op when nobody is signed in)."""
        self.sessions.sign_out(reason)

    def expire_idle(self) -> bool:
        """Sign out after ``idle_timeout`` without an action or a touch; True if it did."""
        return self.sessions.expire_idle()

    def touched(self) -> None:
        """Someone touched the attendant screen: the session stays alive (never blocks)."""
        self.sessions.touched()

    @property
    def idle_timeout(self) -> timedelta:
        """How long a session lasts without an action or a touch."""
        return self.sessions.idle_timeout

    def _require(self, action: Action | None) -> Staff:
        return self.sessions.require(action)

    def _record(self, staff: Staff, action: Action | str, reason: str = "", **details: Any) -> None:
        self.audit.record(
            action, staff_id=staff.staff_id, reason=reason, details=details, at=self.clock()
        )

    @property
    def checkout(self) -> Checkout:
        """The lane's checkout now (immutable)."""
        checkout: Checkout = self.controller.checkout
        return checkout

    # -- interventions -----------------------------------------------------------------

    def resolve_pending(
        self,
        approved: bool,
        *,
        date_of_birth: date | None = None,
        id_seen: bool = False,
        note: str = "",
        item_code: str | None = None,
    ) -> Checkout:
        """Approve or deny the pending intervention (age: with ``date_of_birth`` or
        ``id_seen``; unknown barcode: with the ``item_code`` found). Raises AttendantError."""
        pending = self.checkout.pending
        if pending is None:
            raise AttendantError("nothing is waiting for an attendant")
        staff = self._require(_RESOLVE_ACTION[pending.kind])
        if approved and isinstance(pending.action, OverridePrice):
            self._check_override(staff, pending.action.line_no, pending.action.price)
        confirmed: Money | None = None
        verdict = approved
        if isinstance(pending.action, ConfirmPayment):
            # The journal (the terminal's word, or this verdict when it cannot tell)
            # decides whether the payment counts, and for how much.
            approved, confirmed = verdicts.settle_verdict(
                self.lane.payment_flow, self.checkout, pending.action, approved, staff.staff_id
            )
        item = None
        if approved and pending.kind is InterventionKind.UNKNOWN_BARCODE:
            item = run_on_lane(self.controller, lambda: self._lookup(item_code or ""))

        def events(checkout: Checkout) -> list[Event]:
            if checkout.pending != pending:
                raise AttendantError("the intervention changed; look again")
            return [
                InterventionResolved(
                    pending.kind,
                    staff.staff_id,
                    approved,
                    self.clock(),
                    date_of_birth,
                    id_seen,
                    item,
                    note,
                    confirmed,
                )
            ]

        after = apply_events(self.controller, events)
        action = _RESOLVE_ACTION[pending.kind] or "resolve_help"
        details: dict[str, Any] = {
            "kind": pending.kind.value,
            "approved": approved,
            "detail": pending.detail,
            "basket_id": after.basket.basket_id,
        }
        if isinstance(pending.action, ConfirmPayment):  # what was said, and what counted
            details.update(verdict=verdict, counted=None if confirmed is None else confirmed.minor)
        if date_of_birth is not None:
            details["date_of_birth_given"] = True  # the date itself is not kept
        if id_seen:
            details["id_seen"] = True
        if after.interventions:
            details["resolution"] = after.interventions[-1].resolution
        self._record(staff, action, note, **details)
        return after

    def resolve_aside(
        self, raised_at: datetime, approved: bool, item_code: str | None = None, note: str = ""
    ) -> Checkout:
        """Add (with the ``item_code`` found) or dismiss the unknown item put aside at
        ``raised_at`` (kiosk.app.attendant.aside). Raises AttendantError."""
        return aside.resolve_aside(self, raised_at, approved, item_code=item_code, note=note)

    def open_pages(self) -> tuple[Any, ...]:
        """The refused packs' pages still open, oldest first (kiosk.app.pack_pages)."""
        return pages.open_pages(self)

    def clear_page(self, key: str, note: str = "", *, how: str = "at_lane") -> Any:
        """The pack of the open page ``key`` was taken away (any signed-in member of
        staff; ``how``: ``at_lane`` or ``remote``). Raises AttendantError."""
        return pages.clear_page(self, key, note, how)

    def approve_age(self, date_of_birth: date | None = None, id_seen: bool = False) -> Checkout:
        """Approve the pending age check by date of birth or "ID seen"."""
        if date_of_birth is None and not id_seen:
            raise AttendantError("an age approval needs a date of birth or 'ID seen'")
        return self.resolve_pending(True, date_of_birth=date_of_birth, id_seen=id_seen)

    def _lookup(self, code: str) -> Any:
        """The catalog item of a keyed-in PLU or barcode (lane thread). Raises AttendantError."""
        catalog = self.controller.catalog
        try:
            item = catalog.by_plu(code) if code.isdigit() and len(code) <= 5 else None
            item = item or catalog.lookup(code.zfill(14) if code.isdigit() else code)
        except (ValueError, StoreError) as error:  # BarcodeError: a mistyped check digit
            raise AttendantError(f"no catalog item for code {code!r}: {error}") from None
        if item is None:
            raise AttendantError(f"no catalog item for code {code!r}")
        return item

    # -- basket actions ------------------------------------------------------------------

    def void_line(self, line_no: int, reason: str = "") -> Checkout:
        """Void line ``line_no`` of the open basket."""
        staff = self._require(Action.VOID_LINE)
        after = self._request(
            staff, lambda at: VoidRequested(line_no, at), InterventionKind.VOID_REQUEST, reason
        )
        self._record(
            staff, Action.VOID_LINE, reason, line_no=line_no, basket_id=after.basket.basket_id
        )
        return after

    def set_quantity(self, line_no: int, quantity: int, reason: str = "") -> Checkout:
        """Set the quantity of line ``line_no`` (up past a limit, or down)."""
        staff = self._require(Action.SET_QUANTITY)
        old = self._line(line_no).quantity
        kind = InterventionKind.VOID_REQUEST if quantity < old else InterventionKind.QUANTITY_LIMIT
        after = self._request(
            staff, lambda at: QuantityChanged(line_no, quantity, at), kind, reason
        )
        self._record(
            staff,
            Action.SET_QUANTITY,
            reason,
            line_no=line_no,
            old=old,
            quantity=quantity,
            basket_id=after.basket.basket_id,
        )
        return after

    def override_price(self, line_no: int, price_minor: int, reason: str) -> Checkout:
        """Set the unit price of line ``line_no``; the reduction is bounded by the role."""
        staff = self._require(Action.PRICE_OVERRIDE)
        if not reason.strip():
            raise AttendantError("a price override needs a reason")
        price = Money(price_minor, self.checkout.basket.currency)
        old = self._check_override(staff, line_no, price)
        after = self._request(
            staff,
            lambda at: PriceOverrideRequested(line_no, price, reason, at),
            InterventionKind.PRICE_OVERRIDE,
            reason,
        )
        self._record(
            staff,
            Action.PRICE_OVERRIDE,
            reason,
            line_no=line_no,
            old=old.minor,
            price=price_minor,
            basket_id=after.basket.basket_id,
        )
        return after

    def _line(self, line_no: int) -> Any:
        try:
            return self.checkout.basket.line(line_no)
        except Exception as error:  # BasketError: no such line
            raise AttendantError(f"no line {line_no} in the basket: {error}") from None

    def _check_override(self, staff: Staff, line_no: int, price: Money) -> Money:
        old: Money = self._line(line_no).unit_price
        try:
            require_price_override(staff, old, price)
        except PermissionRefused as error:
            raise AttendantError(str(error)) from None
        return old

    def _request(
        self, staff: Staff, make: Callable[[datetime], Event], kind: InterventionKind, note: str
    ) -> Checkout:
        """Make a shopper-style request and approve it as ``staff`` in one lane-thread job.

        A pending "help" call is answered first (the attendant is at the lane)."""

        def events(checkout: Checkout) -> list[Event]:
            now = self.clock()
            return plans.request_and_approve(
                checkout, make(now), kind, staff.staff_id, at=now, note=note
            )

        return apply_events(self.controller, events)

    def cancel_transaction(self, reason: str) -> Checkout:
        """Cancel the open basket (stored as a cancelled sale), a weighing, or a payment."""
        staff = self._require(Action.CANCEL_BASKET)
        given_back = verdicts.give_back_basket_payments(self.lane.payment_flow, self.checkout)

        def events(checkout: Checkout) -> list[Event]:
            return plans.cancel(checkout, staff.staff_id, reason, self.clock(), given_back)

        before = self.checkout.basket.basket_id
        after = apply_events(self.controller, events)
        self._record(staff, Action.CANCEL_BASKET, reason, basket_id=before, phase=after.phase.value)
        if self.flags.paused:
            self._set_flags(replace(self.flags, paused=False, paused_basket=None))
        return after

    def suspend(self, reason: str = "") -> LaneFlags:
        """Pause the lane with the open basket kept (journaled); see the module docstring."""
        return self._suspend(self._require(Action.SUSPEND_BASKET).staff_id, reason)

    def suspend_by_lane(self, reason: str) -> LaneFlags:
        """The lane pauses itself (nobody answered "Are you still there?"): no staff needed;
        the audit row has no staff id. A staff member resumes (or cancels) it."""
        return self._suspend(None, reason)

    def _suspend(self, staff_id: str | None, reason: str) -> LaneFlags:
        checkout = self.checkout
        if checkout.phase in (Phase.PAYING, Phase.COMPLETING):
            raise AttendantError(f"cannot suspend while {checkout.phase.value}")
        basket_id = checkout.basket.basket_id
        details = {"basket_id": basket_id, "lines": len(checkout.basket.active_lines)}
        self.audit.record(
            Action.SUSPEND_BASKET,
            staff_id=staff_id,
            reason=reason,
            details=details,
            at=self.clock(),
        )
        return self._set_flags(replace(self.flags, paused=True, paused_basket=basket_id))

    def resume(self) -> LaneFlags:
        """Lift the pause: the kept basket is the lane's basket again."""
        staff = self._require(Action.RESUME_BASKET)
        if not self.flags.paused:
            raise AttendantError("the lane is not paused")
        self._record(staff, Action.RESUME_BASKET, basket_id=self.flags.paused_basket)
        return self._set_flags(replace(self.flags, paused=False, paused_basket=None))

    # -- lane actions --------------------------------------------------------------------

    def set_lane_open(self, open_: bool, reason: str = "") -> LaneFlags:
        """Open or close the lane (a closed lane takes no new shopper)."""
        action = Action.OPEN_LANE if open_ else Action.CLOSE_LANE
        staff = self._require(action)
        self._record(staff, action, reason)
        return self._set_flags(replace(self.flags, closed=not open_))

    def reprint_last_receipt(self) -> str:
        """Print the last sale's receipt again; returns its transaction id."""
        staff = self._require(Action.REPRINT_RECEIPT)
        receipts = self.controller.receipts
        document = self.controller.last_document or queries.last_sale_document(
            self._sales(), self.audit.lane_id
        )
        if receipts is None or document is None:
            raise AttendantError("no receipt to reprint" if receipts else "no receipt printer")
        try:
            receipts.print_sale(None, document)
        except Exception as error:  # DeviceError from the printer driver
            raise AttendantError(f"reprint failed: {error}") from None
        transaction_id = str(document.get("transaction_id"))
        self._record(staff, Action.REPRINT_RECEIPT, transaction_id=transaction_id)
        return transaction_id

    def clear_device_fault(self) -> Checkout:
        """Resolve a pending device fault after a probe of every device. A card payment
        the lane could not give back is tried again first; if it still cannot be, the
        fault stays (AttendantError with the reason)."""
        staff = self._require(Action.CLEAR_DEVICE_FAULT)
        lines = queries.probe_devices(self.lane.devices)
        pending = self.checkout.pending
        if pending is not None and pending.detail.startswith("payment:"):
            still_owed = self.lane.give_back_orphans()
            if still_owed:
                raise AttendantError("; ".join(still_owed))
        after = self.checkout
        if pending is not None and pending.kind is InterventionKind.DEVICE_FAULT:
            after = apply_events(
                self.controller,
                lambda c: [
                    InterventionResolved(
                        InterventionKind.DEVICE_FAULT, staff.staff_id, True, self.clock()
                    )
                ],
            )
        self._record(
            staff,
            Action.CLEAR_DEVICE_FAULT,
            detail=pending.detail if pending else "",
            devices={d.name: str(d.status) for d in lines},
        )
        return after

    def device_status(self) -> list[DeviceLine]:
        """Every device with its last known status."""
        self._require(Action.SEE_DEVICE_STATUS)
        return queries.probe_devices(self.lane.devices)

    def todays_totals(self) -> LaneTotals:
        """Completed sales of this lane since UTC midnight: count, sum, by payment brand."""
        self._require(Action.SEE_TOTALS)
        today = self.clock().astimezone(UTC).date()
        currency = self.checkout.basket.currency
        return queries.todays_totals(self._sales(), self.audit.lane_id, today, currency)

    def _sales(self) -> sqlite3.Connection:
        if self._sales_conn is None:
            from kiosk.store.db import connect

            config = self.lane.config
            self._sales_conn = connect(
                config.store.path, migrate=False, busy_timeout_ms=config.store.busy_timeout_ms
            )
        return self._sales_conn

    # -- lane flags ----------------------------------------------------------------------

    def _set_flags(self, flags: LaneFlags) -> LaneFlags:
        self.flags = flags
        for listener in list(self.flag_listeners):
            try:
                listener(flags)
            except Exception:
                log.exception("lane flag listener failed")
        return flags
