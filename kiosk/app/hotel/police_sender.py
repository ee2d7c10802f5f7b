"""``PoliceSender``: sends the queued traveller reports to SES.HOSPEDAJES in the background.

Theory of operation. One thread (``kiosk-ses-sender``, :func:`kiosk.threads.start_thread`)
on a store connection of its own. Each round: purge the sent and failed reports
older than the retention (``[hotel] ses_keep_days``), then take the reports due
(:func:`kiosk.store.police_reports.due_reports`, oldest first) and send each one:

* accepted: ``sent`` with the lote (batch number) the service gave;
* refused by the service (:attr:`SesErrorKind.REFUSED`) or not valid: ``failed``
  with the service's code and description, logged as an ALERT for staff; the next
  report is sent all the same (one bad report never blocks the others);
* the network or the service down, a wrong password, an answer that is not the
  published shape: tried again after a growing delay (``base_s`` doubled per
  attempt, at most ``max_s``); the round stops there (the next reports would meet
  the same network) and the thread sleeps until the earliest report is due.

:meth:`wake` (after a check-in queued a report) ends the sleep at once. The thread
never dies of an error: a round that fails is logged and the next comes.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, Protocol

from kiosk.backoffice.ses.errors import SesError
from kiosk.store import police_reports as reports
from kiosk.threads import start_thread

log = logging.getLogger(__name__)


class Sender(Protocol):
    def send(self, solicitud_xml: bytes) -> str: ...


class PoliceSender:
    """Sends what :mod:`kiosk.store.police_reports` holds (see the module).

    Args:
        connect: opens the sender's own store connection (called on its thread).
        client: sends one request XML and returns its lote (``SesClient``).
        clock: the lane's clock (aware UTC).
        keep_days: retention of sent and failed reports.
        base_s, max_s: the retry delay's first value and ceiling.
        idle_s: the longest sleep when nothing is queued (purges still happen).
    """

    def __init__(
        self,
        connect: Callable[[], Any],
        client: Sender,
        clock: Callable[[], datetime],
        *,
        keep_days: int = 1095,
        base_s: float = 5.0,
        max_s: float = 600.0,
        idle_s: float = 3600.0,
    ) -> None:
        self.connect = connect
        self.client = client
        self.clock = clock
        self.keep_days = keep_days
        self.base_s, self.max_s, self.idle_s = base_s, max_s, idle_s
        self._wake = threading.Event()
        self._stopped = threading.Event()
        self._thread: threading.Thread | None = None
        self.rounds = 0  # rounds finished (tests wait on it)
        self.round_done = threading.Condition()

    def start(self) -> None:
        self._thread = start_thread("ses-sender", self._run)

    def stop(self) -> None:
        self._stopped.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
        close = getattr(self.client, "close", None)
        if close is not None:
            close()

    def wake(self) -> None:
        """Send now (a report was queued, or the network is back)."""
        self._wake.set()

    def delay(self, attempts: int) -> float:
        """Seconds before trying a report again after ``attempts`` tries (1, 2, ...)."""
        return float(min(self.max_s, self.base_s * 2 ** max(0, attempts - 1)))

    def _run(self) -> None:
        conn = None
        try:
            while not self._stopped.is_set():
                self._wake.clear()
                try:
                    conn = conn or self.connect()
                    wait = self.run_once(conn)
                except Exception:  # the store or a bug: logged, and the next round comes
                    log.exception("traveller reports: a round failed")
                    wait = self.base_s
                with self.round_done:
                    self.rounds += 1
                    self.round_done.notify_all()
                self._wake.wait(wait)
        finally:
            if conn is not None:
                conn.close()

    def run_once(self, conn: Any) -> float:
        """One round on ``conn``; the seconds until the next one is due."""
        now = self.clock()
        gone = reports.purge(conn, now - timedelta(days=self.keep_days))
        if gone:
            log.info("traveller reports: %d older than %d days deleted", gone, self.keep_days)
        for due in reports.due_reports(conn, now):
            if self._stopped.is_set() or not self._send(conn, due):
                break
        return self._until_next(conn)

    def _send(self, conn: Any, due: reports.DueReport) -> bool:
        """Send one report and store the outcome; False when the round should stop."""
        try:
            lote = self.client.send(due.payload)
        except SesError as error:
            now = self.clock()
            if error.retried:
                wait = self.delay(due.attempts + 1)
                log.warning(
                    "traveller report %s not sent (%s); trying again in %.0f s",
                    due.report_id,
                    error,
                    wait,
                )
                reports.mark_retry(
                    conn, due.report_id, str(error), now + timedelta(seconds=wait), now
                )
                return False
            log.error("ALERT traveller report %s refused: %s", due.report_id, error)
            reports.mark_failed(conn, due.report_id, str(error), now)
            return True
        reports.mark_sent(conn, due.report_id, lote, self.clock())
        log.info("traveller report %s sent: lote %s", due.report_id, lote)
        return True

    def _until_next(self, conn: Any) -> float:
        due = reports.next_due(conn)
        if due is None:
            return self.idle_s
        at = datetime.fromisoformat(due.replace("Z", "+00:00"))
        return max(0.05, min(self.idle_s, (at - self.clock()).total_seconds()))


def sender_from_config(config: Any, clock: Callable[[], datetime]) -> PoliceSender | None:
    """The sender a hotel lane's ``[hotel]`` section asks for, or None (no duty, or no
    ``ses_url``: reports then wait queued and a warning says so)."""
    from kiosk.domain.hotel.police import duty_of

    hotel = config.hotel
    if config.lane.mode != "hotel_checkin" or not duty_of(hotel.country):
        return None
    if not hotel.ses_url:
        log.warning("[hotel] ses_url is empty: traveller reports are queued, not sent")
        return None
    from kiosk.backoffice.ses import SesClient
    from kiosk.store.db import connect

    client = SesClient(hotel.ses_url, hotel.ses_user, hotel.ses_password, hotel.ses_landlord)
    path, timeout = config.store.path, config.store.busy_timeout_ms
    return PoliceSender(
        lambda: connect(path, busy_timeout_ms=timeout, migrate=False),
        client,
        clock,
        keep_days=hotel.ses_keep_days,
    )
