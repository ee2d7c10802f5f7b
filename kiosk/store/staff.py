"""Staff records, their PIN and badge hashes, and sign-in with lockout (DESIGN.md invariant 6).

Theory of operation:

* PINs are stored only as argon2id hashes (:class:`PinHasher`; its cost is
  injectable so tests stay fast). Badge codes are stored only as
  HMAC-SHA256 under the lane's badge key, which makes a scanned badge one index
  lookup; the key is made at random on first use (``staff_secret``) unless one
  is passed in.
* :meth:`StaffRepository.verify_pin` and :meth:`~StaffRepository.verify_badge`
  apply the lockout rule of :mod:`kiosk.domain.staff`: failures are counted per
  subject (``staff:<id>`` for PINs, ``badge`` for unknown badges at this lane);
  during a lock nothing is checked. Unknown staff, unknown badges and wrong PINs
  all answer WRONG; "disabled" is only said to whoever presented the right secret.
* The argon2 check (tens of milliseconds) runs outside the write transaction,
  so sign-in never holds the lock a sale commit waits for. Call these methods
  off the UI thread.

sqlite3 and argon2 errors become :class:`StoreError`; bad input (a malformed
staff id, name, PIN or badge when adding) raises :class:`StaffError`.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import sqlite3
from datetime import datetime

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from kiosk.clock import Clock, utc_now
from kiosk.domain.staff import (
    LockoutPolicy,
    LockoutState,
    Role,
    SignInOutcome,
    SignInResult,
    Staff,
    StaffError,
    check_badge_code,
    check_pin,
    check_staff_id,
)
from kiosk.store.audit import format_utc, parse_utc
from kiosk.store.db import write_transaction
from kiosk.store.errors import StoreError, sqlite_errors

log = logging.getLogger(__name__)
BADGE_SUBJECT = "badge"


class PinHasher:
    """argon2id hashing of PINs. Defaults: OWASP's minimum (19 MiB, 2 passes, 1 lane)."""

    def __init__(self, time_cost: int = 2, memory_cost_kib: int = 19456, parallelism: int = 1):
        try:
            self._hasher = PasswordHasher(
                time_cost=time_cost,
                memory_cost=memory_cost_kib,
                parallelism=parallelism,
                type=Type.ID,
            )
        except Exception as error:
            raise StoreError(f"bad argon2 parameters: {error}") from error
        # libargon2's own limits, checked now: impossible parameters fail here, cheaply.
        if time_cost < 1 or not 1 <= parallelism < 2**24 or memory_cost_kib < 8 * parallelism:
            raise StoreError(
                f"bad argon2 parameters: time_cost {time_cost} (>= 1), parallelism "
                f"{parallelism} (1 to 2^24-1), memory_cost_kib {memory_cost_kib} "
                f"(>= 8 x parallelism)"
            )
        # Hashed on the first check of an unknown member (so unknown staff cost the same),
        # not at start: tens of milliseconds the lane's first screen does not wait for.
        self._dummy: str | None = None

    def _dummy_hash(self) -> str:
        if self._dummy is None:
            self._dummy = self.hash("0000")
        return self._dummy

    def hash(self, pin: str) -> str:
        """The encoded argon2id hash of ``pin``; StoreError if hashing fails."""
        try:
            return self._hasher.hash(pin)
        except Exception as error:
            raise StoreError("cannot hash the PIN (argon2 failed)") from error

    def verify(self, encoded: str | None, pin: str) -> bool:
        """True if ``pin`` matches ``encoded``; with None, spend the same time and say False.

        Raises:
            StoreError: if ``encoded`` is not an argon2 hash (a damaged row).
        """
        try:
            return self._hasher.verify(encoded or self._dummy_hash(), pin) and encoded is not None
        except VerifyMismatchError:
            return False
        except (InvalidHashError, VerificationError) as error:
            raise StoreError("a stored PIN hash is damaged; reset that PIN") from error

    def needs_rehash(self, encoded: str) -> bool:
        """True if ``encoded`` was made with other parameters than this hasher's."""
        try:
            return self._hasher.check_needs_rehash(encoded)
        except Exception:
            return True


def _is_pin(pin: object) -> bool:
    try:
        check_pin(pin)  # type: ignore[arg-type]  # anything may come from the keypad glue
    except StaffError:
        return False
    return True


def _staff(row: sqlite3.Row) -> Staff:
    try:
        return Staff(row["staff_id"], row["name"], Role(row["role"]), bool(row["disabled"]))
    except (StaffError, ValueError) as error:
        raise StoreError(f"staff row {row['staff_id']!r} is damaged: {error}") from error


class StaffRepository:
    """The lane's staff: add, list, disable/enable, reset a PIN, sign in."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        hasher: PinHasher | None = None,
        policy: LockoutPolicy | None = None,
        badge_key: bytes | None = None,
        clock: Clock = utc_now,
    ) -> None:
        self._conn = conn
        self._hasher = hasher or PinHasher()
        self.policy = policy or LockoutPolicy()
        self._badge_key = badge_key
        self.clock = clock  # the lane's clock, for created_at / updated_at

    # ------------------------------------------------------------ records

    def add(self, staff: Staff, pin: str | None = None, badge: str | None = None) -> Staff:
        """Store a new staff member with an optional PIN and badge.

        Raises:
            StaffError: a malformed PIN or badge code.
            StoreError: the staff id or the badge is already taken, or the database refused.
        """
        pin_hash = self._hasher.hash(check_pin(pin)) if pin is not None else None
        badge_hash = self._badge_hash(check_badge_code(badge)) if badge is not None else None
        now = format_utc(self.clock())
        try:
            with sqlite_errors(f"adding staff {staff.staff_id}"), write_transaction(self._conn):
                self._conn.execute(
                    "INSERT INTO staff (staff_id, name, role, pin_hash, badge_hash, disabled, "
                    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        staff.staff_id,
                        staff.name,
                        staff.role.value,
                        pin_hash,
                        badge_hash,
                        int(staff.disabled),
                        now,
                        now,
                    ),
                )
        except StoreError as error:
            raise StoreError(self._why_taken(staff.staff_id, badge_hash) or str(error)) from error
        return staff

    def _why_taken(self, staff_id: str, badge_hash: str | None) -> str:
        if self.get(staff_id) is not None:
            return f"staff {staff_id} already exists"
        if badge_hash is not None and self._by_badge(badge_hash) is not None:
            return "that badge is already assigned to another staff member"
        return ""

    def get(self, staff_id: str) -> Staff | None:
        """The staff member ``staff_id``, or None."""
        with sqlite_errors(f"reading staff {staff_id!r}"):
            row = self._conn.execute("SELECT * FROM staff WHERE staff_id = ?", (staff_id,))
            found = row.fetchone()
        return None if found is None else _staff(found)

    def list_staff(self, include_disabled: bool = True) -> list[Staff]:
        """Every staff member, by staff id."""
        where = "" if include_disabled else "WHERE disabled = 0"
        with sqlite_errors("listing staff"):
            rows = self._conn.execute(f"SELECT * FROM staff {where} ORDER BY staff_id").fetchall()
        return [_staff(row) for row in rows]

    def credentials(self) -> dict[str, tuple[bool, bool]]:
        """staff_id -> (has a PIN, has a badge), for listings (never the hashes)."""
        with sqlite_errors("listing staff credentials"):
            rows = self._conn.execute(
                "SELECT staff_id, pin_hash IS NOT NULL, badge_hash IS NOT NULL FROM staff"
            ).fetchall()
        return {row[0]: (bool(row[1]), bool(row[2])) for row in rows}

    def disable(self, staff_id: str) -> None:
        """Refuse every sign-in of ``staff_id`` from now on; StoreError if unknown."""
        self._update(staff_id, "disabled = 1")

    def enable(self, staff_id: str) -> None:
        """Allow ``staff_id`` to sign in again; StoreError if unknown."""
        self._update(staff_id, "disabled = 0")

    def reset_pin(self, staff_id: str, pin: str) -> None:
        """Give ``staff_id`` a new PIN and lift any PIN lockout.

        Raises:
            StaffError: a malformed PIN. StoreError: unknown staff id.
        """
        pin_hash = self._hasher.hash(check_pin(pin))
        self._update(staff_id, "pin_hash = ?", pin_hash, clear_lockout=True)

    def set_badge(self, staff_id: str, badge: str | None) -> None:
        """Assign a badge code to ``staff_id`` (None removes it); StoreError if taken/unknown."""
        badge_hash = None if badge is None else self._badge_hash(check_badge_code(badge))
        self._update(staff_id, "badge_hash = ?", badge_hash)

    def _update(
        self, staff_id: str, assignment: str, *values: object, clear_lockout: bool = False
    ) -> None:
        with sqlite_errors(f"updating staff {staff_id!r}"), write_transaction(self._conn):
            changed = self._conn.execute(
                f"UPDATE staff SET {assignment}, updated_at = ? WHERE staff_id = ?",
                (*values, format_utc(self.clock()), staff_id),
            ).rowcount
            if not changed:
                raise StoreError(f"no staff member {staff_id!r}")
            if clear_lockout:
                self._save(f"staff:{staff_id}", LockoutState())

    # ------------------------------------------------------------ sign-in

    def lockout(self, subject: str, now: datetime) -> LockoutState:
        """The lockout state of ``subject`` ("staff:<id>" or "badge") at ``now``."""
        with sqlite_errors(f"reading the lockout of {subject!r}"):
            row = self._conn.execute(
                "SELECT failures, last_failure_at, locked_until FROM staff_signin_lockout "
                "WHERE subject = ?",
                (subject,),
            ).fetchone()
        if row is None:
            return LockoutState()
        last = parse_utc(row[1]) if row[1] else None
        until = parse_utc(row[2]) if row[2] else None
        return LockoutState(int(row[0]), last, until).current(now, self.policy)

    def verify_pin(self, staff_id: str, pin: str, now: datetime) -> SignInResult:
        """Sign ``staff_id`` in with ``pin`` at ``now`` (aware UTC).

        Returns OK (with the staff), WRONG, LOCKED (with ``locked_until``; also for
        the failure that starts a lock) or DISABLED (right PIN, disabled staff).

        Raises:
            StoreError: the database refused, or the stored hash is damaged.
        """
        format_utc(now)  # a naive time is a StoreError before anything is counted
        try:
            check_staff_id(staff_id)
        except StaffError:
            return SignInResult(SignInOutcome.WRONG)  # no such id can exist: nothing to lock
        subject = f"staff:{staff_id}"
        state = self.lockout(subject, now)
        if state.is_locked(now):
            return SignInResult(SignInOutcome.LOCKED, locked_until=state.locked_until)
        with sqlite_errors(f"reading staff {staff_id!r}"):
            row = self._conn.execute(
                "SELECT * FROM staff WHERE staff_id = ?", (staff_id,)
            ).fetchone()
        encoded = row["pin_hash"] if row is not None else None
        well_formed = _is_pin(pin)
        matched = self._hasher.verify(encoded, pin if well_formed else "0000")
        if row is None or not matched or not well_formed:
            return self._failed(subject, now)
        staff = _staff(row)
        if staff.disabled:
            return SignInResult(SignInOutcome.DISABLED)
        self._succeeded(subject, staff, pin, encoded)
        return SignInResult(SignInOutcome.OK, staff)

    def verify_badge(self, code: str, now: datetime) -> SignInResult:
        """Sign in with a scanned badge ``code`` at ``now``; outcomes as :meth:`verify_pin`.

        Unknown badges count against this lane's badge reader (subject "badge");
        a known badge of a staff member locked for wrong PINs is refused too.
        """
        format_utc(now)
        state = self.lockout(BADGE_SUBJECT, now)
        if state.is_locked(now):
            return SignInResult(SignInOutcome.LOCKED, locked_until=state.locked_until)
        try:
            badge_hash = self._badge_hash(check_badge_code(code))
        except StaffError:
            return self._failed(BADGE_SUBJECT, now)
        row = self._by_badge(badge_hash)
        if row is None:
            return self._failed(BADGE_SUBJECT, now)
        staff = _staff(row)
        subject = f"staff:{staff.staff_id}"
        own = self.lockout(subject, now)
        if own.is_locked(now):
            return SignInResult(SignInOutcome.LOCKED, locked_until=own.locked_until)
        if staff.disabled:
            return SignInResult(SignInOutcome.DISABLED)
        with sqlite_errors("recording a badge sign-in"), write_transaction(self._conn):
            self._save(BADGE_SUBJECT, LockoutState())
            self._save(subject, LockoutState())
        return SignInResult(SignInOutcome.OK, staff)

    def _failed(self, subject: str, now: datetime) -> SignInResult:
        what = f"recording a failed sign-in of {subject!r}"
        with sqlite_errors(what), write_transaction(self._conn):
            state = self.lockout(subject, now).failed(now, self.policy)
            self._save(subject, state)
        if state.is_locked(now):
            log.warning(
                "sign-in of %s locked until %s (%d failures)",
                subject,
                format_utc(state.locked_until or now),
                state.failures,
            )
            return SignInResult(SignInOutcome.LOCKED, locked_until=state.locked_until)
        return SignInResult(SignInOutcome.WRONG)

    def _succeeded(self, subject: str, staff: Staff, pin: str, encoded: str | None) -> None:
        rehash = encoded is not None and self._hasher.needs_rehash(encoded)
        new_hash = self._hasher.hash(pin) if rehash else None
        what = f"recording the sign-in of {staff.staff_id}"
        with sqlite_errors(what), write_transaction(self._conn):
            self._save(subject, LockoutState())
            if new_hash is not None:
                self._conn.execute(
                    "UPDATE staff SET pin_hash = ? WHERE staff_id = ?", (new_hash, staff.staff_id)
                )

    def _save(self, subject: str, state: LockoutState) -> None:
        if state.failures == 0:
            self._conn.execute("DELETE FROM staff_signin_lockout WHERE subject = ?", (subject,))
            return
        self._conn.execute(
            "INSERT OR REPLACE INTO staff_signin_lockout "
            "(subject, failures, last_failure_at, locked_until) VALUES (?, ?, ?, ?)",
            (
                subject,
                state.failures,
                format_utc(state.last_failure_at) if state.last_failure_at else None,
                format_utc(state.locked_until) if state.locked_until else None,
            ),
        )

    # ------------------------------------------------------------ badges

    def _by_badge(self, badge_hash: str) -> sqlite3.Row | None:
        with sqlite_errors("looking up a badge"):
            row: sqlite3.Row | None = self._conn.execute(
                "SELECT * FROM staff WHERE badge_hash = ?", (badge_hash,)
            ).fetchone()
        return row

    def _badge_hash(self, code: str) -> str:
        return hmac.new(self._key(), code.encode("ascii"), hashlib.sha256).hexdigest()

    def _key(self) -> bytes:
        if self._badge_key is None:
            with sqlite_errors("reading the badge key"):
                self._conn.execute(
                    "INSERT OR IGNORE INTO staff_secret (name, value) VALUES ('badge_key', ?)",
                    (os.urandom(32),),
                )
                row = self._conn.execute(
                    "SELECT value FROM staff_secret WHERE name = 'badge_key'"
                ).fetchone()
            self._badge_key = bytes(row[0])
        return self._badge_key
