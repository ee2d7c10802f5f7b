"""What HQ stores of a lane's heartbeat, written in groups: the last heartbeat per lane
(``lane_status``) and, through :func:`kiosk.hq.fleet.record_heartbeats`, what it says
beyond that (config version and error, last errors, device changes).

Theory of operation (issue 16). The route runs on the event loop: it hands the
heartbeat to the app's :class:`HeartbeatWriter` and awaits its commit. The writer's
one thread takes every heartbeat waiting (at most :data:`MAX_GROUP`) and stores them in
one transaction (``lane_status`` upserted, the fleet rows read once and written once),
then answers each. Before, each heartbeat crossed the request thread pool three times
(the lane dependency, the route, the answer's validation), each time queueing behind
the sales batches and lane authentications holding its 8 threads, and took its own
write transaction (a turn of SQLite's single writer lock, a commit on PostgreSQL).
Now a burst of N heartbeats is a few transactions, and heartbeats hold none of the
request threads.

What does not change: a heartbeat is answered only once it is committed (a crash loses
only unanswered ones, which the lane sends again), with the time HQ received it; per
lane, heartbeats are stored in the order HQ received them (one writer per process, and
a lane sends its next heartbeat after the answer to the last one); on SQLite they are
committed without an fsync as before (:func:`kiosk.hq.db.write_one`). If a group's
transaction fails, each of its heartbeats is written alone, so one the database refuses
gets its own error answer and the others are stored (DESIGN.md invariant 10).

At most :data:`MAX_WAITING` heartbeats wait for the writer; more wait on the event
loop for a place (back-pressure, no error). The thread ends after
:data:`IDLE_SECONDS` without work and starts again with the next heartbeat.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from kiosk.hq import fleet, metrics
from kiosk.hq.auth import LaneIdentity
from kiosk.hq.db import utc_now, write_transaction
from kiosk.hq.fleet import Beat
from kiosk.hq.models import Heartbeat
from kiosk.hq.tables import lane_status
from kiosk.threads import start_thread

log = logging.getLogger(__name__)

MAX_GROUP = 500
MAX_WAITING = 5_000
IDLE_SECONDS = 10.0


@dataclass(slots=True)
class _Waiting:
    beat: Beat
    loop: asyncio.AbstractEventLoop
    answer: asyncio.Future[None]
    stamps: metrics.Stamps | None


class HeartbeatWriter:
    """Stores heartbeats of one HQ process in groups; see the module docstring."""

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine
        self._lock = threading.Lock()
        self._work = threading.Condition(self._lock)
        self._waiting: list[_Waiting] = []
        self._running = False
        self._places: asyncio.Semaphore | None = None

    async def record(self, who: LaneIdentity, beat: Heartbeat) -> str:
        """Store ``beat`` of lane ``who``; returns the time HQ received it (UTC text).

        Raises:
            sqlalchemy.exc.SQLAlchemyError: if the database did not store it (the API's
                error handlers answer 503, or 422 for a value it refused).
        """
        received_at = utc_now()
        if self._places is None:
            self._places = asyncio.Semaphore(MAX_WAITING)
        async with self._places:
            loop = asyncio.get_running_loop()
            waiting = _Waiting(
                Beat(who.store_id, who.lane_id, beat, received_at),
                loop,
                loop.create_future(),
                metrics.current_stamps(),
            )
            metrics.stamp("queued")
            with self._lock:
                self._waiting.append(waiting)
                if self._running:
                    self._work.notify()
                else:
                    self._running = True
                    start_thread("hq-heartbeats", self._run)
            await waiting.answer
        return received_at

    def _run(self) -> None:
        try:
            while True:
                with self._lock:
                    if not self._waiting:
                        self._work.wait(IDLE_SECONDS)
                    if not self._waiting:
                        self._running = False
                        return
                    group = self._waiting[:MAX_GROUP]
                    del self._waiting[:MAX_GROUP]
                self._write(group)
        except BaseException:
            log.exception("the heartbeat writer stopped; the next heartbeat starts it again")
            with self._lock:
                self._running = False
            raise

    def _write(self, group: list[_Waiting]) -> None:
        """Store ``group`` in one transaction and answer each; alone each if that fails."""
        _stamp(group, "group begun")
        try:
            store_group(self._engine, [w.beat for w in group])
        except Exception as error:
            if len(group) > 1:
                log.warning("a group of %d heartbeats failed; writing each alone", len(group))
                for waiting in group:
                    self._write([waiting])
                return
            _answer(group, error)
            return
        _stamp(group, "group written")
        _answer(group, None)


def store_group(engine: sa.Engine, beats: Sequence[Beat]) -> None:
    """Store ``beats`` (in the order HQ received them) in one write transaction: each
    lane's last one in ``lane_status``, what each says beyond it in the fleet tables."""
    last = {(b.store_id, b.lane_id): b for b in beats}  # a lane's later one replaces it
    rows = [_status_row(last[key]) for key in sorted(last)]  # one lock order for all
    insert = postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert
    upsert = insert(lane_status)
    upsert = upsert.on_conflict_do_update(
        index_elements=["store_id", "lane_id"],
        set_={k: upsert.excluded[k] for k in rows[0] if k not in ("store_id", "lane_id")},
    )
    with write_transaction(engine, durable=False) as conn:
        conn.execute(upsert, rows)
        fleet.record_heartbeats(conn, beats)


def _status_row(b: Beat) -> dict[str, object]:
    return {
        "store_id": b.store_id,
        "lane_id": b.lane_id,
        "state": b.beat.state,
        "app_version": b.beat.app_version,
        "outbox_depth": b.beat.outbox_depth,
        "devices": json.dumps([d.model_dump() for d in b.beat.devices]),
        "sent_at": b.beat.sent_at,
        "received_at": b.received_at,
    }


def _stamp(group: list[_Waiting], name: str) -> None:
    now = time.perf_counter()
    for waiting in group:
        if waiting.stamps is not None:
            waiting.stamps.append((name, now))


def _answer(group: list[_Waiting], error: BaseException | None) -> None:
    for waiting in group:
        with contextlib.suppress(RuntimeError):  # that server's loop closed: nobody to ask
            waiting.loop.call_soon_threadsafe(_settle, waiting.answer, error)


def _settle(answer: asyncio.Future[None], error: BaseException | None) -> None:
    if answer.done():  # the client went away and the request was cancelled
        return
    if error is None:
        answer.set_result(None)
    else:
        answer.set_exception(error)
