"""``AttendantPresenter``: connects the attendant screens to the AttendantService.

Every service call (argon2, store writes, a wait for the lane thread) runs through
``Bridge.run_in_background``; its result or error comes back on the UI thread and the
dashboard is redrawn from the service's state. The presenter never touches widgets of
the shopper side: ``show(name)`` and ``closed`` are how the shell hands over.

A staff session ends whenever the lane goes back to the shopper: "Sign out", "Close" on
the sign-in screen, or no touch for the service's idle limit (checked every
``idle_check_ms``; a sign-in screen nobody uses closes after the same time). The next
alert asks for a badge or PIN again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.attendant_api import AttendantService, DeviceLine, LaneTotals, SignInFailed
from kiosk.clock import monotonic
from kiosk.domain.staff import ROLE_GRANTS, Action
from kiosk.ui.attendant.dashboard import AttendantDashboard
from kiosk.ui.attendant.signin import AttendantSignInScreen
from kiosk.ui.attendant.views import SignInView, dashboard_view
from kiosk.ui.bridge import Bridge

log = logging.getLogger(__name__)


class AttendantPresenter(QObject):
    """Drives the sign-in screen and the dashboard.

    Args:
        service: the lane's AttendantService.
        bridge: the UI bridge (background operations).
        signin, dashboard: the two screens (already added to the shell).
        show: shows a screen by name (the shell's ``show_screen``).
        idle_check_ms: how often an idle session is checked for sign-out.

    Signals:
        closed(): the attendant left (signed out or closed): show the shopper screen.
        changed(): an action changed the lane (the shopper side may redraw).
    """

    closed = Signal()
    changed = Signal()

    def __init__(
        self,
        service: AttendantService,
        bridge: Bridge,
        signin: AttendantSignInScreen,
        dashboard: AttendantDashboard,
        show: Callable[[str], Any],
        *,
        idle_check_ms: int = 5000,
    ) -> None:
        super().__init__(dashboard)
        self.service, self.bridge = service, bridge
        self.signin, self.dashboard, self._show = signin, dashboard, show
        self._devices: list[DeviceLine] | None = None
        self._totals: LaneTotals | None = None
        self._message, self._error = "", False
        self._open = False
        self._touched_at = monotonic()
        self._idle = QTimer(self)
        self._idle.setInterval(idle_check_ms)
        self._idle.timeout.connect(self._check_idle)
        signin.signInRequested.connect(self.sign_in_pin)
        signin.closeRequested.connect(self.close)
        d = dashboard
        d.signOutRequested.connect(self.close)
        d.voidRequested.connect(lambda n: self._act(service.void_line, n))
        d.quantityRequested.connect(lambda n, q: self._act(service.set_quantity, n, q))
        d.priceRequested.connect(lambda n, p, r: self._act(service.override_price, n, p, r))
        d.approveRequested.connect(lambda: self._act(service.resolve_pending, True))
        d.denyRequested.connect(lambda: self._act(service.resolve_pending, False))
        d.idSeenRequested.connect(lambda: self._act(service.approve_age, None, True))
        d.birthDateEntered.connect(
            lambda iso: self._act(service.approve_age, date.fromisoformat(iso))
        )
        d.itemCodeEntered.connect(
            lambda code: self._act(service.resolve_pending, True, item_code=code)
        )
        d.cancelRequested.connect(lambda reason: self._act(service.cancel_transaction, reason))
        d.suspendRequested.connect(lambda: self._act(service.suspend))
        d.resumeRequested.connect(lambda: self._act(service.resume))
        d.reprintRequested.connect(lambda: self._act(service.reprint_last_receipt))
        d.laneOpenRequested.connect(lambda open_: self._act(service.set_lane_open, open_))
        d.clearFaultRequested.connect(lambda: self._act(service.clear_device_fault))
        d.refreshRequested.connect(self.reload)

    # -- entry points (the shell calls these) ------------------------------------------

    def open(self) -> None:
        """Show the dashboard if someone is signed in, else the sign-in screen."""
        # current_session: reading ``session`` may sign an idle attendant out, which
        # writes an audit row; that write belongs to the idle timer's background job.
        self._open = True
        self.touched()
        if self.service.current_session is not None:
            self._show_dashboard()
        else:
            self.signin.reset()
            self._idle.start()
            self._show(self.signin.name)

    def is_open(self) -> bool:
        """Whether an attendant screen is showing (the lane is not the shopper's)."""
        return self._open

    def touched(self) -> None:
        """Someone touched the screen: while an attendant screen shows, that is staff
        activity and keeps the session (never blocks the UI thread)."""
        if self._open:
            self._touched_at = monotonic()
            self.service.touched()

    def badge_scanned(self, code: str) -> None:
        """A staff badge was scanned (at the lane or on the sign-in screen)."""
        self._open = True
        self._sign_in(lambda: self.service.sign_in_badge(code))

    def sign_in_pin(self, staff_id: str, pin: str) -> None:
        self._sign_in(lambda: self.service.sign_in_pin(staff_id, pin))

    def lane_changed(self) -> None:
        """The checkout changed (a scan, a payment...): redraw if the dashboard shows."""
        if self.service.current_session is not None:
            self.refresh()

    def sign_out(self) -> None:
        """Sign out and give the lane back to the shopper."""
        self.close()

    def close(self, reason: str = "") -> None:
        """Back to the shopper: the session (if any) ends with it."""
        self._idle.stop()
        self._open = False
        if self.service.current_session is not None:
            self.bridge.run_in_background(
                lambda: self.service.sign_out(reason),
                None,
                lambda error: log.error("sign-out failed: %s", error),
            )
        self._devices = self._totals = None
        self._message = ""
        self.dashboard.close_entry()
        self.closed.emit()

    # -- sign-in -----------------------------------------------------------------------

    def _sign_in(self, operation: Callable[[], Any]) -> None:
        self.signin.set_model(SignInView(busy=True))
        self.bridge.run_in_background(operation, lambda _: self._signed_in(), self._sign_in_failed)

    def _signed_in(self) -> None:
        self.signin.reset()
        self._message, self._error = "", False
        self._show_dashboard()

    def _sign_in_failed(self, error: BaseException) -> None:
        if isinstance(error, SignInFailed):
            view = SignInView(error=error.outcome.value, locked_seconds=error.locked_seconds)
        else:
            log.error("sign-in failed: %s", error)
            view = SignInView(error=str(error))
        self.signin.set_model(view)
        self._open = True
        self._idle.start()
        self._show(self.signin.name)

    def _show_dashboard(self) -> None:
        self._open = True
        self._idle.start()
        self.refresh()
        self._show(self.dashboard.name)
        self.reload()

    # -- actions -----------------------------------------------------------------------

    def _act(self, method: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        self.bridge.run_in_background(lambda: method(*args, **kwargs), self._done, self._failed)

    def _done(self, _result: object) -> None:
        self._message, self._error = "done", False
        self.refresh()
        self.changed.emit()
        self.reload()

    def _failed(self, error: BaseException) -> None:
        self._message, self._error = str(error), True
        if self.service.current_session is None:
            self.signin.set_model(SignInView(error="inactivity"))
            self.close("inactivity")
            return
        self.refresh()

    def refresh(self) -> None:
        """Redraw the dashboard from the service's state (no I/O)."""
        service = self.service
        view = dashboard_view(
            service.current_session,
            service.checkout,
            service.flags,
            devices=self._devices,
            totals=self._totals,
            message=self._message,
            error=self._error,
        )
        self.dashboard.set_model(view)

    def reload(self) -> None:
        """Query device status and today's totals in the background, then redraw."""
        session = self.service.current_session
        if session is None:
            return
        grants = ROLE_GRANTS[session.staff.role].actions

        def query() -> tuple[list[DeviceLine] | None, LaneTotals | None]:
            devices = self.service.device_status() if Action.SEE_DEVICE_STATUS in grants else None
            totals = self.service.todays_totals() if Action.SEE_TOTALS in grants else None
            return devices, totals

        def show(result: tuple[list[DeviceLine] | None, LaneTotals | None]) -> None:
            self._devices, self._totals = result
            self.refresh()

        self.bridge.run_in_background(query, show, self._failed)

    def _check_idle(self) -> None:
        if self.service.current_session is None:  # the sign-in screen, unused
            idle_s = self.service.idle_timeout.total_seconds()
            if self._open and monotonic() - self._touched_at >= idle_s:
                self.close()
            return

        def expired(signed_out: bool) -> None:
            if signed_out and self._open:
                self.signin.set_model(SignInView(error="inactivity"))
                self.close("inactivity")

        self.bridge.run_in_background(self.service.expire_idle, expired)
