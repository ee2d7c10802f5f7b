"""A lane enrolled again or revoked takes effect on every HQ worker within a second.

Each worker caches verified lane tokens (:class:`kiosk.hq.auth.Authenticator`). On
PostgreSQL the transaction that changes a lane also sends ``NOTIFY kiosk_lane``
with ``STORE/LANE`` (delivered when it commits), and every worker keeps one
connection that ``LISTEN``s and drops that lane from its cache at once. A listener
that loses its connection tries again every second and forgets the whole cache when
it is back (it may have missed a notice); while it is down, a change takes effect
when the cached entry expires (``kiosk.hq.auth.CACHE_SECONDS``).

SQLite has one HQ process (``--workers`` needs PostgreSQL), but ``kiosk hq
revoke-lane`` runs in another process, so on SQLite the cache itself is short
(``SQLITE_CACHE_SECONDS``): a local read per lane per second is cheap.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

import sqlalchemy as sa

from kiosk.hq.db import write_transaction
from kiosk.hq.errors import HqError
from kiosk.hq.tables import lane

if TYPE_CHECKING:
    from kiosk.hq.auth import Authenticator

log = logging.getLogger(__name__)

CHANNEL = "kiosk_lane"
SQLITE_CACHE_SECONDS = 1.0


def announce(conn: sa.Connection, store_id: str, lane_id: str) -> None:
    """Tell every worker (at commit) that this lane's credentials changed (PostgreSQL)."""
    if conn.dialect.name == "postgresql":
        conn.execute(
            sa.text("SELECT pg_notify(:channel, :payload)"),
            {"channel": CHANNEL, "payload": f"{store_id}/{lane_id}"},
        )


def revoke_lane(engine: sa.Engine, store_id: str, lane_id: str) -> bool:
    """Disable a lane's token everywhere; False when no such lane is enrolled.

    Raises:
        HqError: if the database cannot be written.
    """
    try:
        with write_transaction(engine) as conn:
            done = conn.execute(
                sa.update(lane)
                .where(lane.c.store_id == store_id, lane.c.lane_id == lane_id)
                .values(disabled=True)
            ).rowcount
            if done:
                announce(conn, store_id, lane_id)
    except sa.exc.SQLAlchemyError as error:
        raise HqError(f"cannot revoke lane {store_id}/{lane_id}: {error}") from error
    return bool(done)


class LaneChangeListener:
    """One worker's ``LISTEN kiosk_lane`` connection, on a background thread.

    ``on_change(store_id, lane_id)`` is called for each notice; ``on_gap()`` when notices
    may have been missed (at every (re)connection).
    """

    def __init__(
        self,
        database_url: str,
        on_change: Callable[[str, str], object],
        on_gap: Callable[[], object],
    ) -> None:
        self.database_url = database_url
        self.on_change, self.on_gap = on_change, on_gap
        self.listening = threading.Event()
        self._stop = threading.Event()

    def start(self) -> LaneChangeListener:
        from kiosk.threads import start_thread

        start_thread("hq-lane-listener", self._run)
        return self

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._listen()
            except Exception as error:  # a lost connection: forget, wait, try again
                self.listening.clear()
                log.warning("lane change listener: %s; retrying in 1 s", error)
                self._stop.wait(1.0)

    def _listen(self) -> None:
        import psycopg

        with psycopg.connect(_libpq_url(self.database_url), autocommit=True) as conn:
            conn.execute(f"LISTEN {CHANNEL}")
            self.on_gap()
            self.listening.set()
            while not self._stop.is_set():
                for notice in conn.notifies(timeout=0.5):
                    store_id, _, lane_id = notice.payload.partition("/")
                    self.on_change(store_id, lane_id)


def _libpq_url(database_url: str) -> str:
    """A SQLAlchemy URL (``postgresql+psycopg://``) as libpq wants it."""
    url = sa.engine.make_url(database_url)
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def authenticator_for(engine: sa.Engine, *, listen: bool) -> Authenticator:
    """The lane-token checker for one HQ process: on SQLite with a one-second cache; on
    PostgreSQL with the normal cache and, when ``listen``, a started
    :class:`LaneChangeListener` (as ``.listener``) that keeps it current."""
    from kiosk.hq.auth import Authenticator

    if engine.dialect.name != "postgresql":
        return Authenticator(engine, cache_seconds=SQLITE_CACHE_SECONDS)
    authenticator = Authenticator(engine)
    if listen:
        listener = LaneChangeListener(
            engine.url.render_as_string(hide_password=False),
            authenticator.forget,
            authenticator.forget_all,
        ).start()
        authenticator.listener = listener
    return authenticator
