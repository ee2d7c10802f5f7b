"""``AttendantPresenter``: connects the attendant screens to the AttendantService.

Every service call (argon2, store writes, a wait for the lane thread) runs through
``Bridge.run_in_background``; its result or error comes back on the UI thread and the
dashboard is redrawn from the service's state. The presenter never touches widgets of
the shopper side: ``show(name)`` and ``closed`` are how the shell hands over.

A staff session ends whenever the lane goes back to the shopper: "Sign out", "Close" on
the sign-in screen, or no touch for the service's idle limit (checked every
``idle_check_ms``; a sign-in screen nobody uses closes after the same time). The next
alert asks for a badge or PIN again.

The sign-in, the idle check and the session's end are the shell's ``StaffLayer``
(``kiosk.ui.desk``) with the dashboard as its desk: this presenter adds the
dashboard's actions and its device / totals queries. Given ``build`` instead of
the two screens, they are built on first use (the first ``signin`` / ``dashboard``
read, opening, a badge or :meth:`build_screens` after the window's first paint).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from kiosk.attendant_api import AttendantService, DeviceLine, LaneTotals
from kiosk.domain.staff import ROLE_GRANTS, Action
from kiosk.ui.bridge import Bridge
from kiosk.ui.desk.staff_layer import StaffLayer

if TYPE_CHECKING:  # imported by whoever builds them: not on the lane's start path
    from kiosk.ui.attendant.dashboard import AttendantDashboard
    from kiosk.ui.attendant.signin import AttendantSignInScreen

log = logging.getLogger(__name__)


class AttendantPresenter(QObject):
    """Drives the sign-in screen and the dashboard.

    Args:
        service: the lane's AttendantService.
        bridge: the UI bridge (background operations).
        signin, dashboard: the two screens (already added to the shell), or None with
            ``build``.
        show: shows a screen by name (the shell's ``show_screen``).
        idle_check_ms: how often an idle session is checked for sign-out.
        build: builds (and adds to the shell) the two screens on first use.
        parent: the QObject owner (default: the dashboard, when given built).

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
        signin: AttendantSignInScreen | None,
        dashboard: AttendantDashboard | None,
        show: Callable[[str], Any],
        *,
        idle_check_ms: int = 5000,
        build: Callable[[], tuple[AttendantSignInScreen, AttendantDashboard]] | None = None,
        parent: QObject | None = None,
    ) -> None:
        if build is None:
            if signin is None or dashboard is None:
                raise ValueError("AttendantPresenter needs both screens or a build function")
            screens = (signin, dashboard)

            def build() -> tuple[AttendantSignInScreen, AttendantDashboard]:
                return screens

        super().__init__(parent if parent is not None else dashboard)
        self.service, self.bridge = service, bridge
        self._build: Callable[[], tuple[AttendantSignInScreen, AttendantDashboard]] = build
        self._dashboard: AttendantDashboard | None = None
        self._devices: list[DeviceLine] | None = None
        self._totals: LaneTotals | None = None
        self._message, self._error = "", False
        self._layer = StaffLayer(
            service, bridge, self._build_signin, show, idle_check_ms=idle_check_ms, parent=self
        )
        self._layer.signedIn.connect(self._signed_in)
        self._layer.deskShown.connect(self.reload)
        self._layer.closed.connect(self._left)
        if dashboard is not None:
            self.build_screens()

    # -- the screens, built on first use ---------------------------------------------------

    @property
    def signin(self) -> AttendantSignInScreen:
        """The sign-in screen (built now if it is not yet)."""
        return self._layer.signin

    @property
    def dashboard(self) -> AttendantDashboard:
        """The dashboard (built now if it is not yet)."""
        if self._dashboard is None:
            self._layer.build()
        assert self._dashboard is not None
        return self._dashboard

    def build_screens(self) -> None:
        """Build both screens now if they are not built yet (after the first paint)."""
        self._layer.build()

    def screens_built(self) -> bool:
        """Whether the sign-in screen and the dashboard exist yet."""
        return self._layer.is_built()

    def _build_signin(self) -> AttendantSignInScreen:
        signin, dashboard = self._build()
        self._dashboard = dashboard
        self._layer.set_desk(dashboard.name, self.refresh)
        self._wire(dashboard)
        return signin

    def _wire(self, d: AttendantDashboard) -> None:
        service = self.service
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
        d.asideCodeEntered.connect(
            lambda at, code: self._act(
                service.resolve_aside, datetime.fromisoformat(at), True, code
            )
        )
        d.asideDismissed.connect(
            lambda at: self._act(service.resolve_aside, datetime.fromisoformat(at), False)
        )
        d.pageCleared.connect(lambda key: self._act(service.clear_page, key))
        d.cancelRequested.connect(lambda reason: self._act(service.cancel_transaction, reason))
        d.suspendRequested.connect(lambda: self._act(service.suspend))
        d.resumeRequested.connect(lambda: self._act(service.resume))
        d.reprintRequested.connect(lambda: self._act(service.reprint_last_receipt))
        d.laneOpenRequested.connect(lambda open_: self._act(service.set_lane_open, open_))
        d.clearFaultRequested.connect(lambda: self._act(service.clear_device_fault))
        d.refreshRequested.connect(self.reload)

    # -- entry points (the shell calls these; sign-in and idle are the StaffLayer's) ---

    def open(self) -> None:
        """Show the dashboard if someone is signed in, else the sign-in screen."""
        self._layer.open()

    def is_open(self) -> bool:
        """Whether an attendant screen is showing (the lane is not the shopper's)."""
        return self._layer.is_open()

    def touched(self) -> None:
        """Someone touched the screen: while an attendant screen shows, that is staff
        activity and keeps the session (never blocks the UI thread)."""
        self._layer.touched()

    def badge_scanned(self, code: str) -> None:
        """A staff badge was scanned (at the lane or on the sign-in screen)."""
        self._layer.badge_scanned(code)

    def sign_in_pin(self, staff_id: str, pin: str) -> None:
        self._layer.sign_in_pin(staff_id, pin)

    def lane_changed(self) -> None:
        """The checkout changed (a scan, a payment...): redraw if the dashboard shows."""
        self._layer.lane_changed()

    def sign_out(self) -> None:
        """Sign out and give the lane back to the shopper."""
        self.close()

    def close(self, reason: str = "") -> None:
        """Back to the shopper: the session (if any) ends with it."""
        self._layer.close(reason)

    def _left(self) -> None:
        self._devices = self._totals = None
        self._message = ""
        if self._dashboard is not None:
            self._dashboard.close_entry()
        self.closed.emit()

    def _signed_in(self) -> None:
        self._message, self._error = "", False

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
        if self._layer.action_failed(error):  # the session timed out: back to the shopper
            return
        self.refresh()

    def refresh(self) -> None:
        """Redraw the dashboard from the service's state (no I/O)."""
        from kiosk.ui.attendant.views import dashboard_view  # with the dashboard

        service = self.service
        view = dashboard_view(
            service.current_session,
            service.checkout,
            service.flags,
            devices=self._devices,
            totals=self._totals,
            pages=service.open_pages(),
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
