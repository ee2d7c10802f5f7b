"""Sample attendant views for screenshots and layout tests (fixed data, no store)."""

from __future__ import annotations

from dataclasses import replace

from kiosk.devices.status import READY, Condition, DeviceStatus, Health
from kiosk.domain.money import Money
from kiosk.domain.staff import ROLE_GRANTS, Role
from kiosk.ui import samples
from kiosk.ui.attendant.views import (
    DashboardView,
    DeviceView,
    PendingView,
    SignInView,
    TotalsView,
)

_PAPER_OUT = frozenset({Condition.PAPER_OUT})


def _eur(minor: int) -> Money:
    return Money(minor, "EUR")


def sample_dashboard(
    pending: str | None = "age_restricted", lines: int = 8, role: Role = Role.SUPERVISOR
) -> DashboardView:
    """A dashboard with ``lines`` cart lines (the second one voided) and ``pending``."""
    cart = samples.sample_cart(lines)
    rows = tuple(replace(line, voided=True) if line.line_no == 2 else line for line in cart.lines)
    kinds = {
        "age_restricted": PendingView("age_restricted", "S00113 needs age 18", 18),
        "void_request": PendingView("void_request", "void line 3", line_no=3),
        "help_requested": PendingView("help_requested", ""),
        "idle_suspended": PendingView("idle_suspended", "idle_suspended", on_hold=True),
        "device_fault": PendingView("device_fault", "printer: offline (paper out)"),
        "put_aside": PendingView(  # items the shopper put aside, nothing pending
            "unknown_barcode",
            "4006381333931, 8419999999981",
            aside_at="2026-11-22T10:03:00+00:00",
            aside_count=2,
        ),
    }
    return DashboardView(
        staff_name="Sam Supervisor",
        role=role.value,
        allowed=frozenset(a.value for a in ROLE_GRANTS[role].actions),
        phase="intervention" if pending not in (None, "put_aside") else "shopping",
        lines=rows,
        total=cart.total,
        item_count=cart.item_count,
        pending=kinds.get(pending) if pending else None,
        devices=(
            DeviceView("scanner", READY),
            DeviceView("scale", READY),
            DeviceView("printer", DeviceStatus(Health.ERROR, _PAPER_OUT, "paper out")),
            DeviceView("terminal", READY),
        ),
        totals=TotalsView(
            42, _eur(128_450), 2, (("MASTERCARD", 15, _eur(40_120)), ("VISA", 27, _eur(88_330)))
        ),
        message="done",
    )


def sample_signin(locked_seconds: int = 0, error: str | None = None) -> SignInView:
    return SignInView(error=error, locked_seconds=locked_seconds)
