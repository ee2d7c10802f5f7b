"""Plain data the attendant screens draw (no Qt), and the builders from the service's state.

The presenter builds a :class:`DashboardView` from the lane's checkout (immutable), the
lane flags, the signed-in session and the last device/totals queries, then hands it to
``AttendantDashboard.set_model``. Amounts stay ``Money``; formatting is the screen's job.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiosk.attendant_api import DeviceLine, LaneFlags, LaneTotals, StaffSession
from kiosk.devices.status import DeviceStatus
from kiosk.domain.checkout.interventions import (
    AddItem,
    CheckAge,
    InterventionKind,
    OverridePrice,
    SetQuantity,
    VoidLine,
)
from kiosk.domain.checkout.machine import Checkout
from kiosk.domain.money import Money
from kiosk.domain.staff import ROLE_GRANTS
from kiosk.ui.viewmodels import CartLineView

#: What a tap on a line may do, and the price override reasons offered (audit values).
PRICE_REASONS = ("damaged", "shelf_price", "promotion", "manager_discount")


@dataclass(frozen=True, slots=True)
class SignInView:
    """The sign-in screen: an error to show, and seconds left of a lockout (0: none)."""

    error: str | None = None
    locked_seconds: int = 0
    busy: bool = False


@dataclass(frozen=True, slots=True)
class PendingView:
    """The intervention waiting for staff. ``kind`` is an InterventionKind value."""

    kind: str
    detail: str
    age_limit: int | None = None
    line_no: int | None = None
    price: Money | None = None
    on_hold: bool = False  # a basket on hold (IDLE_SUSPENDED: nobody answered)
    #: Nothing pending but items put aside by the shopper (kiosk.domain.checkout.aside):
    #: ``detail`` lists their codes, the keys act on the oldest (raised at ``aside_at``).
    aside_at: str | None = None
    aside_count: int = 0
    #: Nothing else waiting but a refused pack's page (kiosk.app.pack_pages): its key,
    #: and how many pages are open (the keys act on the oldest).
    page_key: str | None = None
    page_count: int = 0

    @property
    def is_age(self) -> bool:
        return self.kind == InterventionKind.AGE_RESTRICTED.value

    @property
    def decision(self) -> str:
        """Which keys decide it: "age" (ID seen / date of birth / deny), "item" (key in
        the code / set aside), "payment" (paid / not paid), "hold" (resume / cancel the
        sale), "fault" (fault fixed), "done" (help given), "page" (a refused pack taken
        away) or "request" (approve / deny)."""
        if self.is_age:
            return "age"
        if self.on_hold:
            return "hold"
        if self.page_key is not None:
            return "page"
        return _DECISIONS.get(self.kind, "request")


_DECISIONS = {
    InterventionKind.UNKNOWN_BARCODE.value: "item",
    InterventionKind.PAYMENT_UNKNOWN.value: "payment",
    InterventionKind.DEVICE_FAULT.value: "fault",
    InterventionKind.HELP_REQUESTED.value: "done",
    InterventionKind.PAYMENT_FAILURE.value: "done",
}


@dataclass(frozen=True, slots=True)
class DeviceView:
    """One device line: its configured name and typed status (worded by the screen)."""

    name: str
    status: DeviceStatus

    @property
    def ok(self) -> bool:
        """Whether the device can do its job now."""
        return self.status.usable


@dataclass(frozen=True, slots=True)
class TotalsView:
    """Today's sales of the lane."""

    count: int
    total: Money
    cancelled: int
    by_brand: tuple[tuple[str, int, Money], ...] = ()


@dataclass(frozen=True, slots=True)
class CouponView:
    """A coupon on the basket: what it saves now; ``met`` False while the basket lacks
    the purchase it needs (it saves nothing yet)."""

    name: str
    saving: Money
    met: bool = True


@dataclass(frozen=True, slots=True)
class DashboardView:
    """Everything the dashboard shows. ``allowed``: the Action values the role grants."""

    staff_name: str = ""
    role: str = ""
    allowed: frozenset[str] = frozenset()
    phase: str = "idle"
    lines: tuple[CartLineView, ...] = ()
    coupons: tuple[CouponView, ...] = ()
    total: Money | None = None
    item_count: int = 0
    pending: PendingView | None = None
    lane_closed: bool = False
    lane_paused: bool = False
    devices: tuple[DeviceView, ...] = ()
    totals: TotalsView | None = None
    message: str = ""  # "done", or an error text from the service
    error: bool = False


def cart_lines(checkout: Checkout) -> tuple[CartLineView, ...]:
    """Every line of the basket (voided ones too: the attendant sees what happened)."""
    return tuple(
        CartLineView(
            line_no=line.line_no,
            names=line.item.names,
            quantity=line.quantity,
            unit_price=line.unit_price,
            amount=line.amount,
            weight_g=line.weight_g,
            voided=line.voided,
            price_overridden=line.price_override_reason is not None,
            age_pending=line.line_no in checkout.age_pending,
        )
        for line in checkout.basket.lines
    )


def coupon_views(checkout: Checkout) -> tuple[CouponView, ...]:
    """The coupons on the basket in scan order, each with what it saves now."""
    state = checkout.basket.coupons
    if state is None or not state.coupons:
        return ()
    currency = checkout.basket.currency
    offers = checkout.totals().offers
    saved = {s.offer_id: s.amount for s in getattr(offers, "coupon_savings", ())}
    return tuple(
        CouponView(c.name, Money(saved.get(c.offer_id, 0), currency), state.met(c.coupon_id))
        for c in state.coupons
    )


def pending_view(checkout: Checkout, pages: tuple[Any, ...] = ()) -> PendingView | None:
    """The pending intervention, with what the attendant needs to decide; else the items
    put aside; else the oldest refused pack's page still open (``pages``)."""
    pending = checkout.pending
    if pending is None:
        return aside_view(checkout) or page_view(pages)
    action = pending.action
    age = action.item.age_limit if isinstance(action, AddItem) else None
    if isinstance(action, CheckAge):  # lines added with their check pending, at Pay
        age = action.age_limit
    line_no = action.line_no if isinstance(action, SetQuantity | VoidLine | OverridePrice) else None
    price = action.price if isinstance(action, OverridePrice) else None
    on_hold = pending.kind is InterventionKind.IDLE_SUSPENDED
    return PendingView(pending.kind.value, pending.detail, age, line_no, price, on_hold)


def aside_view(checkout: Checkout) -> PendingView | None:
    """The items put aside while the shopper scans on, oldest first (None: none)."""
    if not checkout.aside:
        return None
    codes = ", ".join(entry.detail for entry in checkout.aside)
    oldest = checkout.aside[0].raised_at.isoformat()
    kind = InterventionKind.UNKNOWN_BARCODE.value
    return PendingView(kind, codes, aside_at=oldest, aside_count=len(checkout.aside))


def page_view(pages: tuple[Any, ...]) -> PendingView | None:
    """The oldest refused pack's page (``kind``, ``detail``, ``key``), None without one."""
    if not pages:
        return None
    oldest = pages[0]
    return PendingView(oldest.kind, oldest.detail, page_key=oldest.key, page_count=len(pages))


def dashboard_view(
    session: StaffSession | None,
    checkout: Checkout,
    flags: LaneFlags,
    *,
    pages: tuple[Any, ...] = (),
    devices: list[DeviceLine] | None = None,
    totals: LaneTotals | None = None,
    message: str = "",
    error: bool = False,
) -> DashboardView:
    """The dashboard's view of the lane now."""
    allowed: frozenset[str] = frozenset()
    if session is not None and not session.staff.disabled:
        allowed = frozenset(a.value for a in ROLE_GRANTS[session.staff.role].actions)
    basket = checkout.basket
    totals_view = None
    if totals is not None:
        totals_view = TotalsView(
            totals.count,
            Money(totals.total, totals.currency),
            totals.cancelled,
            tuple((b, n, Money(a, totals.currency)) for b, n, a in totals.by_brand),
        )
    return DashboardView(
        staff_name=session.staff.name if session else "",
        role=session.staff.role.value if session else "",
        allowed=allowed,
        phase=checkout.phase.value,
        lines=cart_lines(checkout),
        total=checkout.totals().total if basket.lines else Money(0, basket.currency),
        item_count=checkout.totals().item_count if basket.lines else 0,
        pending=pending_view(checkout, pages),
        coupons=coupon_views(checkout) if basket.lines else (),
        lane_closed=flags.closed,
        lane_paused=flags.paused,
        devices=tuple(DeviceView(d.name, d.status) for d in devices or ()),
        totals=totals_view,
        message=message,
        error=error,
    )
