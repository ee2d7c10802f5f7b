"""Who is signed in at the attendant screen: sign-in, sign-out, idle expiry, role checks.

Sign-in goes through :class:`kiosk.store.staff.StaffRepository` (argon2, lockout: call it
off the UI thread). Successful and failed attempts and sign-outs are lane audit rows; a
failed attempt records the claimed staff id and the outcome, never a PIN or badge code.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from kiosk.app.attendant.model import AttendantError, NotSignedIn, SignInFailed, StaffSession
from kiosk.domain.staff import Action, PermissionRefused, SignInResult, Staff, require


class SerialAudit:
    """An AuditLog whose calls are serialised.

    The service is called from several pool threads, and the transactions of one sqlite3
    connection must not interleave ("cannot start a transaction within a transaction").
    """

    def __init__(self, audit_log: Any) -> None:
        self._audit = audit_log
        self._lock = threading.Lock()
        self.store_id: str = audit_log.store_id
        self.lane_id: str = audit_log.lane_id

    def record(self, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            return self._audit.record(*args, **kwargs)

    def recent(self, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            return self._audit.recent(*args, **kwargs)


def serial(audit_log: Any) -> SerialAudit:
    """``audit_log`` behind a lock (unchanged if it already is)."""
    return audit_log if isinstance(audit_log, SerialAudit) else SerialAudit(audit_log)


class StaffSessions:
    """The one session of a lane's attendant screen (thread-safe)."""

    def __init__(
        self,
        staff_repo: Any,
        audit_log: Any,
        clock: Callable[[], datetime],
        idle_timeout: timedelta = timedelta(minutes=2),
    ) -> None:
        self._repo = staff_repo
        self._audit = serial(audit_log)
        self._repo_lock = threading.Lock()  # one sign-in at a time on the repo's connection
        self.clock = clock
        self.idle_timeout = idle_timeout
        self._lock = threading.RLock()
        self._session: StaffSession | None = None
        # The last touch on the attendant screen: set without the lock (the UI thread
        # must never wait for an audit write), read by expire_idle.
        self._touched_at: datetime | None = None

    def sign_in_badge(self, code: str) -> StaffSession:
        """Sign in with a scanned badge. Raises SignInFailed, StoreError."""
        with self._repo_lock:
            result = self._repo.verify_badge(code, self.clock())
        return self._signed_in(result, "badge", None)

    def sign_in_pin(self, staff_id: str, pin: str) -> StaffSession:
        """Sign in with a staff id and PIN. Raises SignInFailed, StoreError."""
        with self._repo_lock:
            result = self._repo.verify_pin(staff_id, pin, self.clock())
        return self._signed_in(result, "pin", staff_id)

    def _signed_in(self, result: SignInResult, method: str, claimed: str | None) -> StaffSession:
        now = self.clock()
        if not result.ok or result.staff is None:
            left = 0
            if result.locked_until is not None:
                left = max(1, int((result.locked_until - now).total_seconds() + 0.999))
            details = {"method": method, "outcome": result.outcome.value}
            if claimed is not None:
                details["claimed_staff_id"] = claimed[:40]
            self._audit.record("sign_in_failed", staff_id=None, details=details, at=now)
            raise SignInFailed(result.outcome, left)
        with self._lock:
            self._session = StaffSession(result.staff, now, method, now)
        self._audit.record(
            "sign_in",
            staff_id=result.staff.staff_id,
            details={"method": method, "role": result.staff.role.value},
            at=now,
        )
        return self._session

    @property
    def session(self) -> StaffSession | None:
        """The signed-in session, or None (an idle session is ended first)."""
        self.expire_idle()
        return self._session

    @property
    def current(self) -> StaffSession | None:
        """The session as it stands, without ending an idle one (for drawing the screen)."""
        return self._session

    def sign_out(self, reason: str = "") -> None:
        """End the session (no-op when nobody is signed in)."""
        with self._lock:
            session, self._session = self._session, None
        if session is not None:
            self._audit.record(
                "sign_out", staff_id=session.staff.staff_id, reason=reason, at=self.clock()
            )

    def touched(self) -> None:
        """A touch on the attendant screen: it counts as activity (never blocks)."""
        self._touched_at = self.clock()

    def expire_idle(self) -> bool:
        """Sign out if the session has been idle (no action, no touch) for
        ``idle_timeout``; True if it did."""
        with self._lock:
            session = self._session
            if session is None:
                return False
            touched = self._touched_at
            last = max(session.last_action_at, touched) if touched else session.last_action_at
            if self.clock() - last < self.idle_timeout:
                return False
        self.sign_out("inactivity")
        return True

    def require(self, action: Action | None) -> Staff:
        """The signed-in staff member if they may do ``action`` (None: anyone signed in);
        counts as activity.

        Raises:
            NotSignedIn: nobody is signed in (or the session just timed out).
            AttendantError: the role does not grant ``action`` (names role and action).
        """
        with self._lock:
            session = self.session
            if session is None:
                raise NotSignedIn("nobody is signed in at the attendant screen")
            if action is not None:
                try:
                    require(session.staff, action)
                except PermissionRefused as error:
                    raise AttendantError(str(error)) from None
            self._session = replace(session, last_action_at=self.clock())
            return session.staff
