"""Lane enrolment and request authentication.

A lane presents ``Authorization: Bearer STORE:LANE:SECRET`` on every call. The
secret is 32 random bytes (``secrets.token_urlsafe``) shown once at enrolment;
HQ keeps only its SHA-256. A slow password hash (argon2, scrypt) protects
*guessable* secrets; these are 256-bit random tokens, so one SHA-256 is already
beyond brute force and costs microseconds per request instead of ~50 ms of
argon2 on a 2-core HQ serving 200 lanes. Verified hashes are cached for
``CACHE_SECONDS`` so most requests do not read the ``lane`` table; re-enrolling
or revoking a lane reaches every worker within a second through
:mod:`kiosk.hq.lane_changes` (PostgreSQL ``LISTEN/NOTIFY``; on SQLite the cache is
one second long). An unknown (or disabled) lane
id is remembered for ``UNKNOWN_SECONDS`` too, for at most ``UNKNOWN_MAX`` ids
(oldest forgotten first), so a stranger repeating a made-up id costs one database
read, not one per request; a lane enrolled meanwhile is let in after that time.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa

from kiosk.hq.db import utc_now, write_transaction
from kiosk.hq.errors import HqError
from kiosk.hq.lane_changes import announce
from kiosk.hq.tables import lane

CACHE_SECONDS = 30.0
UNKNOWN_SECONDS = 5.0
UNKNOWN_MAX = 10_000
_IDENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


@dataclass(frozen=True, slots=True)
class LaneIdentity:
    store_id: str
    lane_id: str


class AuthError(HqError):
    """The credentials are missing, malformed or wrong (HTTP 401)."""


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def enrol_lane(engine: sa.Engine, store_id: str, lane_id: str) -> str:
    """Create (or re-key) the lane and return its bearer token ``STORE:LANE:SECRET``.

    Raises:
        HqError: if an id is not 1-64 letters, digits, '_', '.' or '-'.
    """
    for name, value in (("store", store_id), ("lane", lane_id)):
        if not _IDENT.match(value):
            raise HqError(f"{name} id {value!r}: expected 1-64 letters, digits, '_', '.' or '-'")
    secret = secrets.token_urlsafe(32)
    row = {
        "store_id": store_id,
        "lane_id": lane_id,
        "secret_sha256": hash_secret(secret),
        "enrolled_at": utc_now(),
        "disabled": False,
    }
    with write_transaction(engine) as conn:
        conn.execute(lane.delete().where(lane.c.store_id == store_id, lane.c.lane_id == lane_id))
        conn.execute(lane.insert().values(**row))
        announce(conn, store_id, lane_id)  # every worker forgets the old token
    return f"{store_id}:{lane_id}:{secret}"


class Authenticator:
    """Checks bearer tokens against the ``lane`` table, with a short cache of known and of
    unknown lanes (``clock`` is injectable for tests)."""

    def __init__(
        self,
        engine: sa.Engine,
        clock: Callable[[], float] = time.monotonic,
        cache_seconds: float = CACHE_SECONDS,
    ) -> None:
        self._engine = engine
        self._clock = clock
        self.cache_seconds = cache_seconds
        self.listener: object | None = None  # kiosk.hq.lane_changes keeps the cache current
        self._cache: dict[tuple[str, str], tuple[str, float]] = {}
        self._unknown: OrderedDict[tuple[str, str], float] = OrderedDict()
        self._lock = threading.Lock()

    def authenticate(self, header: str | None) -> LaneIdentity:
        """The lane named by a valid ``Authorization`` header (may read the database).

        Raises:
            AuthError: if the header is missing, malformed, or the secret is wrong.
            HqError: if the database cannot be read.
        """
        store_id, lane_id, secret = _parse(header)
        return _check(store_id, lane_id, secret, self._stored_hash(store_id, lane_id))

    def authenticate_cached(self, header: str | None) -> LaneIdentity | None:
        """Like :meth:`authenticate` from the cache only (no I/O, so the event loop may call
        it); None means "not cached: call :meth:`authenticate` on a thread".

        Raises:
            AuthError: if the header is malformed or the secret is wrong.
        """
        store_id, lane_id, secret = _parse(header)
        now = self._clock()
        if self._known_unknown((store_id, lane_id), now):
            return _check(store_id, lane_id, secret, None)
        with self._lock:
            cached = self._cache.get((store_id, lane_id))
        if cached is None or cached[1] <= now:
            return None
        return _check(store_id, lane_id, secret, cached[0])

    def forget(self, store_id: str, lane_id: str) -> None:
        """Drop what is cached about one lane (its token changed or was revoked)."""
        with self._lock:
            self._cache.pop((store_id, lane_id), None)
            self._unknown.pop((store_id, lane_id), None)

    def forget_all(self) -> None:
        """Drop the whole cache (changes may have been missed)."""
        with self._lock:
            self._cache.clear()
            self._unknown.clear()

    def _known_unknown(self, key: tuple[str, str], now: float) -> bool:
        """True if ``key`` was found unknown less than ``UNKNOWN_SECONDS`` ago."""
        with self._lock:
            until = self._unknown.get(key)
            if until is not None and until <= now:
                del self._unknown[key]
                until = None
        return until is not None

    def _remember_unknown(self, key: tuple[str, str], now: float) -> None:
        with self._lock:
            self._unknown.pop(key, None)
            self._unknown[key] = now + UNKNOWN_SECONDS
            while len(self._unknown) > UNKNOWN_MAX:
                self._unknown.popitem(last=False)

    def _stored_hash(self, store_id: str, lane_id: str) -> str | None:
        key = (store_id, lane_id)
        now = self._clock()
        if self._known_unknown(key, now):
            return None
        with self._lock:
            cached = self._cache.get(key)
        if cached is not None and cached[1] > now:
            return cached[0]
        try:
            with self._engine.connect() as conn:
                row = conn.execute(
                    sa.select(lane.c.secret_sha256).where(
                        lane.c.store_id == store_id,
                        lane.c.lane_id == lane_id,
                        lane.c.disabled.is_(False),
                    )
                ).first()
        except sa.exc.SQLAlchemyError as error:
            raise HqError(f"cannot read lanes: {error}") from error
        if row is None:
            self._remember_unknown(key, now)
            return None
        with self._lock:
            self._cache[key] = (row[0], now + self.cache_seconds)
        return str(row[0])


def _parse(header: str | None) -> tuple[str, str, str]:
    if not header or not header.startswith("Bearer "):
        raise AuthError("send 'Authorization: Bearer STORE:LANE:SECRET'")
    parts = header[len("Bearer ") :].strip().split(":")
    if len(parts) != 3 or not all(parts):
        raise AuthError("the bearer token must be STORE:LANE:SECRET")
    if not (_IDENT.match(parts[0]) and _IDENT.match(parts[1])):
        # enrol_lane never makes such an id: no need to ask the database (or to cache it)
        raise AuthError("unknown lane or wrong secret")
    return parts[0], parts[1], parts[2]


def _check(store_id: str, lane_id: str, secret: str, stored: str | None) -> LaneIdentity:
    if stored is None or not hmac.compare_digest(stored, hash_secret(secret)):
        raise AuthError("unknown lane or wrong secret")
    return LaneIdentity(store_id, lane_id)
