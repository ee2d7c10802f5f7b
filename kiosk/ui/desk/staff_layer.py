"""``StaffLayer``: the shell's staff sign-in in front of a journey's own agent desk.

Theory of operation: the sign-in itself is the attendant's (``AttendantSignInScreen``
for staff id and PIN, a badge read at the scanner; the journey's attendant service
checks it with the lane's staff repository, which applies the lockout and writes the
audit rows). This presenter only decides what the staff layer shows: the sign-in
screen while nobody is signed in, the journey's desk screen once someone is. Every
service call runs on the bridge's pool (argon2 and store writes never block the UI
thread); results come back on the UI thread.

A staff session ends whenever the lane goes back to the traveller: "Sign out" on the
desk, "Close" on the sign-in screen, or no touch for the service's idle limit (checked
every ``idle_check_ms``; a sign-in screen nobody uses closes after the same time). The
next call for staff asks for a badge or PIN again. The shell gives it the same hooks as
the self-checkout's ``AttendantPresenter`` (``open``, ``closed``, ``touched``,
``badge_scanned``, ``lane_changed``). The self-checkout's ``AttendantPresenter`` is
this flow with its dashboard as the desk (it delegates sign-in and idle here).

The sign-in screen may be given as a builder instead: it is then built on first use
(the first ``signin`` read: opening, a badge, the after-first-paint warm-up), so a
lane's first paint does not wait for screens it does not show.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.attendant_api import SignInFailed, StaffSignIn
from kiosk.clock import monotonic
from kiosk.ui.bridge import Bridge

if TYPE_CHECKING:  # imported with the screen (built on first use): not on the start path
    from kiosk.ui.attendant.signin import AttendantSignInScreen

log = logging.getLogger(__name__)


class StaffLayer(QObject):
    """Shows the sign-in screen or the journey's desk on the shell's staff layer.

    Args:
        service: the journey's attendant service (its staff session calls).
        bridge: the window's bridge (background calls).
        signin: the sign-in screen (already on the staff layer), or a function that
            builds it (and puts it there) on first use.
        show: shows a staff screen by name (the window's ``show_staff``).
        idle_check_ms: how often an idle session is looked for.
        parent: the QObject owner (default: the sign-in screen, when given built).

    Signals:
        closed(): the staff member left: the traveller's screen shows again.
        deskShown(): the desk screen was shown (someone is signed in).
        signedIn(): a sign-in succeeded (emitted just before the desk shows).
    """

    closed = Signal()
    deskShown = Signal()
    signedIn = Signal()

    def __init__(
        self,
        service: StaffSignIn,
        bridge: Bridge,
        signin: AttendantSignInScreen | Callable[[], AttendantSignInScreen],
        show: Callable[[str], Any],
        *,
        idle_check_ms: int = 5000,
        parent: QObject | None = None,
    ) -> None:
        built = signin if isinstance(signin, QObject) else None  # a screen, not a builder
        super().__init__(parent if parent is not None else built)
        self.service, self.bridge, self._show = service, bridge, show
        self._signin: AttendantSignInScreen | None = None
        self._build_signin: Callable[[], AttendantSignInScreen] | None = None
        if built is None:  # a builder, not a screen
            self._build_signin = cast("Callable[[], AttendantSignInScreen]", signin)
        self._desk_name = ""
        self._refresh: Callable[[], None] = lambda: None
        self._open = False
        self._touched_at = monotonic()
        self._idle = QTimer(self)
        self._idle.setInterval(idle_check_ms)
        self._idle.timeout.connect(self._check_idle)
        if built is not None:
            self._attach(built)

    @property
    def signin(self) -> AttendantSignInScreen:
        """The sign-in screen (built now if it was given as a builder and not built yet)."""
        if self._signin is None:
            build, self._build_signin = self._build_signin, None
            if build is None:
                raise RuntimeError("the sign-in screen was asked for while being built")
            self._attach(build())
        assert self._signin is not None
        return self._signin

    def is_built(self) -> bool:
        """Whether the sign-in screen exists yet."""
        return self._signin is not None

    def build(self) -> None:
        """Build the sign-in screen now if it is not built yet (after the first paint)."""
        _ = self.signin

    def _attach(self, signin: AttendantSignInScreen) -> None:
        self._signin = signin
        signin.signInRequested.connect(self.sign_in_pin)
        signin.closeRequested.connect(self.close)

    def set_desk(self, name: str, refresh: Callable[[], None]) -> None:
        """The journey's desk screen (on the staff layer) and how to redraw it."""
        self._desk_name, self._refresh = name, refresh

    @property
    def desk_name(self) -> str:
        """The name of the journey's desk screen (built now if it is not yet)."""
        self.build()
        return self._desk_name

    # -- entry points (the shell calls these) ------------------------------------------

    def open(self) -> None:
        """Show the desk if someone is signed in, else the sign-in screen."""
        self._open = True
        self.touched()
        if self.service.current_session is not None:
            self._show_desk()
        else:
            self.signin.reset()
            self._idle.start()
            self._show(self.signin.name)

    def is_open(self) -> bool:
        """Whether a staff screen is showing (the lane is not the traveller's)."""
        return self._open

    def touched(self) -> None:
        """A touch on the window: while a staff screen shows, it keeps the session."""
        if self._open:
            self._touched_at = monotonic()
            self.service.touched()

    def badge_scanned(self, code: str) -> None:
        """A staff badge was read at the lane's scanner."""
        self._open = True
        self._sign_in(lambda: self.service.sign_in_badge(code))

    def sign_in_pin(self, staff_id: str, pin: str) -> None:
        """Staff id and PIN typed on the sign-in screen."""
        self._sign_in(lambda: self.service.sign_in_pin(staff_id, pin))

    def lane_changed(self) -> None:
        """The journey changed: redraw the desk if someone is signed in."""
        if self.service.current_session is not None:
            self.build()  # the desk comes with the sign-in screen
            self._refresh()

    def close(self, reason: str = "") -> None:
        """Back to the traveller: the session (if any) ends with it."""
        self._idle.stop()
        self._open = False
        if self.service.current_session is not None:
            self.bridge.run_in_background(
                lambda: self.service.sign_out(reason),
                None,
                lambda error: log.error("sign-out failed: %s", error),
            )
        self.closed.emit()

    def action_failed(self, error: BaseException) -> bool:
        """A desk call failed: if the session is gone (it timed out), say so on the
        sign-in screen and give the lane back; True if it did."""
        if self.service.current_session is not None:
            return False
        log.info("desk action after the session ended: %s", error)
        self._say(error="inactivity")
        self.close("inactivity")
        return True

    # -- sign-in -----------------------------------------------------------------------

    def _sign_in(self, operation: Callable[[], Any]) -> None:
        self._say(busy=True)
        self.bridge.run_in_background(operation, lambda _: self._signed_in(), self._refused)

    def _signed_in(self) -> None:
        self.signin.reset()
        self.signedIn.emit()
        self._show_desk()

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, SignInFailed):
            self._say(error=error.outcome.value, locked_seconds=error.locked_seconds)
        else:
            log.error("sign-in failed: %s", error)
            self._say(error=str(error))
        self._open = True
        self._idle.start()
        self._show(self.signin.name)

    def _say(self, **view: Any) -> None:
        """Show ``SignInView(**view)`` on the sign-in screen (its module comes with it)."""
        from kiosk.ui.attendant.views import SignInView

        self.signin.set_model(SignInView(**view))

    def _show_desk(self) -> None:
        self.build()
        self._open = True
        self._idle.start()
        self._refresh()
        self._show(self._desk_name)
        self.deskShown.emit()

    def _check_idle(self) -> None:
        if self.service.current_session is None:  # the sign-in screen, unused
            idle_s = self.service.idle_timeout.total_seconds()
            if self._open and monotonic() - self._touched_at >= idle_s:
                self.close()
            return

        def expired(signed_out: bool) -> None:
            if signed_out and self._open:
                self._say(error="inactivity")
                self.close("inactivity")

        self.bridge.run_in_background(self.service.expire_idle, expired)
