"""Staff sign-in on the station: the lanes' accounts, PIN hashes (argon2id) and lockout.

The station keeps its staff in a lane-format store file (``kiosk staff add --db
STATION_DB`` manages it) and signs people in through the same
:class:`kiosk.store.staff.StaffRepository` a lane uses, so roles, PIN rules and the
lockout after wrong PINs are the same everywhere. A signed-in browser holds a random
session token in an HttpOnly cookie; the session ends on sign-out or after
``idle_s`` without a request, and a disabled account's sessions end at its next
request.

This file is the store's one place for accounts: lanes copy it (name, role, disabled,
PIN hash) every ``[station] staff_every_s`` (:mod:`kiosk.station.accounts`).
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from kiosk.domain.staff import SignInOutcome, Staff


@dataclass
class Session:
    staff: Staff
    last_seen: datetime


class SignInRefused(Exception):
    """Wrong PIN, locked or disabled: the message is what the person is told (in
    English; ``key`` and ``params`` name it in :data:`kiosk.station.texts.TEXTS`)."""

    def __init__(self, message: str, key: str = "wrong_pin", **params: str) -> None:
        super().__init__(message)
        self.key, self.params = key, params


class StaffSessions:
    """Signs staff in against a staff store and keeps their sessions."""

    def __init__(
        self, staff_db: Path | str, *, clock: Callable[[], datetime], idle_s: float = 4 * 3600
    ) -> None:
        from kiosk.store.db import connect
        from kiosk.store.staff import StaffRepository

        self.clock = clock
        self.idle = timedelta(seconds=idle_s)
        self._conn = connect(staff_db)
        self._repository = StaffRepository(self._conn)
        self._sessions: dict[str, Session] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        self._conn.close()

    def sign_in(self, staff_id: str, pin: str) -> str:
        """A new session token for ``staff_id`` with ``pin``.

        Raises:
            SignInRefused: wrong PIN or unknown id, locked out, or disabled.
        """
        now = self.clock()
        with self._lock:
            result = self._repository.verify_pin(staff_id, pin, now)
        if result.outcome is SignInOutcome.LOCKED:
            until = result.locked_until
            when = until.strftime("%H:%M:%S UTC") if until else "later"
            raise SignInRefused(f"Too many wrong PINs: try again at {when}.", "locked", when=when)
        if result.outcome is SignInOutcome.DISABLED:
            raise SignInRefused("This account is disabled.", "disabled")
        if not result.ok or result.staff is None:
            raise SignInRefused("Wrong staff ID or PIN.", "wrong_pin")
        token = secrets.token_urlsafe(32)
        with self._lock:
            self._sessions[token] = Session(result.staff, now)
        return token

    def staff_for(self, token: str | None) -> Staff | None:
        """The signed-in staff member of ``token``, or None (unknown, idle too long, disabled)."""
        if not token:
            return None
        now = self.clock()
        with self._lock:
            session = self._sessions.get(token)
            if session is None:
                return None
            if now - session.last_seen > self.idle:
                del self._sessions[token]
                return None
            current = self._repository.get(session.staff.staff_id)
            if current is None or current.disabled:
                del self._sessions[token]
                return None
            session.last_seen = now
            return current

    def accounts(self) -> list[dict[str, object]]:
        """The store's accounts for the lanes to copy (:mod:`kiosk.station.accounts`)."""
        from kiosk.station.accounts import export_accounts

        with self._lock:
            return export_accounts(self._conn)

    def sign_out(self, token: str | None) -> None:
        with self._lock:
            self._sessions.pop(token or "", None)
