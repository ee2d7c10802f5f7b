"""The lane's sync loop: upload the outbox, pull the catalog, send heartbeats, back off.

One :class:`SyncService` per lane database, guarded by :class:`UploaderLock`. It
uses its own SQLite connection from :func:`kiosk.store.db.connect` (never the UI
thread's). ``run_once`` does one round and raises; ``run`` loops until
``stop`` is called, waiting ``idle_poll_s`` between rounds, or a back-off delay
(exponential with jitter) after a failure; ``wake`` cuts the wait short (call it
after a sale is committed). The lane sells while HQ is away: failures are only
recorded (``kiosk sync status``) and retried.
"""

from __future__ import annotations

import logging
import random
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk import clock as kiosk_clock
from kiosk.config.remote import config_version, copy_path, source_of
from kiosk.config.schema import KioskConfig
from kiosk.config.sync import SyncConfig
from kiosk.logs import redact
from kiosk.logs_recent import RecentErrors, clean
from kiosk.store.db import connect
from kiosk.store.errors import StoreError
from kiosk.store.sync_state import record_error, set_state, utc_now
from kiosk.sync import catalog_pull, uploader
from kiosk.sync.backoff import Backoff
from kiosk.sync.client import HqClient
from kiosk.sync.config_pull import ConfigPuller
from kiosk.sync.errors import SyncError
from kiosk.sync.heartbeat import DevicesProvider, send_heartbeat
from kiosk.sync.lock import UploaderLock
from kiosk.threads import start_thread

log = logging.getLogger(__name__)


def client_from_config(config: SyncConfig) -> HqClient:
    """The HQ client the [sync] section describes.

    Raises:
        SyncError: if ``hq_url`` or ``token`` is empty (the lane is standalone).
    """
    if not config.hq_url or not config.token:
        raise SyncError(
            "sync.hq_url and sync.token must both be set to reach HQ "
            "(the lane runs standalone without them)"
        )
    cert = (
        (config.client_certfile, config.client_keyfile)
        if config.client_certfile and config.client_keyfile
        else None
    )
    return HqClient(
        config.hq_url,
        config.token,
        timeout_s=config.timeout_s,
        ca_file=config.ca_file,
        client_cert=cert,
    )


@dataclass
class RoundReport:
    upload: uploader.DrainReport = field(default_factory=uploader.DrainReport)
    catalog: catalog_pull.PullReport | None = None
    heartbeat: bool = False
    errors: list[str] = field(default_factory=list)


class SyncService:
    """Uploads, catalog pulls and heartbeats for the lane database at ``db_path``.

    The app passes ``lane_state`` and ``devices`` (for the heartbeat) and ``basket_open``
    (catalog changes wait while it returns True, unless
    ``sync.apply_catalog_during_basket``); all three are called on the sync thread.
    ``lane_config``: the lane's whole configuration, for the heartbeat's config version
    and, if it was loaded by ``kiosk.config.load_config``, the pull of HQ's configuration
    (:mod:`kiosk.sync.config_pull`, at the catalog's interval). ``recent_errors``: the
    log handler whose records the heartbeat carries (None: :meth:`start` installs one
    on the root logger and :meth:`stop` removes it).
    """

    def __init__(
        self,
        db_path: Path | str,
        config: SyncConfig,
        *,
        client: HqClient | None = None,
        busy_timeout_ms: int = 5000,
        lane_state: Callable[[], str] = lambda: "running",
        devices: DevicesProvider = list,
        basket_open: Callable[[], bool] = lambda: False,
        rng: random.Random | None = None,
        lane_config: KioskConfig | None = None,
        recent_errors: RecentErrors | None = None,
    ) -> None:
        self.db_path = Path(db_path)
        self._config_version = config_version(lane_config) if lane_config else ""
        source = source_of(lane_config) if lane_config else None
        self.config_pull = (
            ConfigPuller(source, copy_path(lane_config.store.path))
            if source is not None and lane_config is not None
            else None
        )
        self._recent = recent_errors
        self._own_recent: RecentErrors | None = None
        self.config = config
        self._client = client
        self._busy_timeout_ms = busy_timeout_ms
        self._lane_state = lane_state
        self._devices = devices
        self._basket_open = basket_open
        self._backoff = Backoff(
            config.backoff_initial_s, config.backoff_max_s, rng or random.Random()
        )
        self._lock = UploaderLock(self.db_path)
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._next_catalog = 0.0
        self._next_heartbeat = 0.0
        #: called after a round stored new offers (the journey re-reads them)
        self.offers_listeners: list[Callable[[], None]] = []

    # ---------------------------------------------------------------- lifecycle
    def start(self) -> None:
        """Take the uploader lock and start the sync thread.

        Raises:
            LockHeld: if another uploader serves this database.
        """
        self._lock.acquire()
        if self._recent is None:
            self._recent = self._own_recent = RecentErrors().install()
        self._stop.clear()
        self._thread = start_thread("sync", self._run_locked)

    def stop(self, timeout: float = 30.0) -> None:
        """Ask the thread to stop after the current call and wait for it."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        if self._own_recent is not None:
            self._own_recent.uninstall()
            self._recent = self._own_recent = None

    def wake(self) -> None:
        """Upload now (e.g. a sale was just committed) instead of after the idle wait."""
        self._wake.set()

    def _run_locked(self) -> None:
        try:
            self.run()
        finally:
            self._lock.release()

    # ---------------------------------------------------------------- work
    def run(self) -> None:
        """Loop until :meth:`stop` (the caller holds the lock)."""
        conn = connect(self.db_path, busy_timeout_ms=self._busy_timeout_ms, migrate=False)
        client = self._client or client_from_config(self.config)
        try:
            while not self._stop.is_set():
                report = self._round(conn, client)
                if report.errors:
                    wait = self._backoff.next_delay()
                    log.warning("sync failed, retrying in %.1f s: %s", wait, report.errors[0])
                else:
                    self._backoff.reset()
                    wait = self.config.idle_poll_s
                self._wake.wait(wait)
                self._wake.clear()
        finally:
            conn.close()
            if self._client is None:
                client.close()

    def run_once(self) -> RoundReport:
        """One round with the lock held: upload all, pull catalog, heartbeat (both due now).

        Raises:
            LockHeld: if another uploader serves this database.
        """
        self._next_catalog = self._next_heartbeat = 0.0
        with UploaderLock(self.db_path):
            conn = connect(self.db_path, busy_timeout_ms=self._busy_timeout_ms, migrate=False)
            client = self._client or client_from_config(self.config)
            try:
                return self._round(conn, client)
            finally:
                conn.close()
                if self._client is None:
                    client.close()

    def _round(self, conn: sqlite3.Connection, client: HqClient) -> RoundReport:
        report = RoundReport()
        self._step(conn, report, lambda: self._upload(conn, client, report))
        now = kiosk_clock.monotonic()
        if now >= self._next_catalog:
            self._step(conn, report, lambda: self._pull(conn, client, report))
            if self.config_pull is not None:
                puller = self.config_pull
                self._step(conn, report, lambda: puller.pull(client))
            self._next_catalog = now + self.config.catalog_interval_s
        if now >= self._next_heartbeat:
            self._step(conn, report, lambda: self._beat(conn, client, report))
            self._next_heartbeat = now + self.config.heartbeat_interval_s
        return report

    def _step(self, conn: sqlite3.Connection, report: RoundReport, work: Callable[[], Any]) -> None:
        try:
            work()
        except Exception as error:  # the sync thread must never die
            if not isinstance(error, SyncError | StoreError | sqlite3.Error):
                log.exception("unexpected sync failure; retrying with back-off")
            report.errors.append(str(error))
            try:
                record_error(conn, str(error))
            except (StoreError, sqlite3.Error):
                log.exception("cannot record the sync error")

    def _upload(self, conn: sqlite3.Connection, client: HqClient, report: RoundReport) -> None:
        # Pipelined only with clients of our own making (an injected one is the caller's).
        in_flight = self.config.in_flight if self._client is None else 1
        part = uploader.drain(
            conn,
            client,
            self.config.batch_size,
            in_flight=in_flight,
            make_client=lambda: client_from_config(self.config),
        )
        report.upload = part

    def _pull(self, conn: sqlite3.Connection, client: HqClient, report: RoundReport) -> None:
        report.catalog = catalog_pull.pull(
            conn, client, self.config.catalog_page_size, self._may_apply_catalog
        )
        set_state(conn, last_catalog_at=utc_now())
        if report.catalog.offers or report.catalog.recalls:  # the journey re-reads both
            for listener in list(self.offers_listeners):
                listener()

    def _may_apply_catalog(self) -> bool:
        """New prices wait while a shopper's basket is open, unless configured otherwise."""
        return self.config.apply_catalog_during_basket or not self._basket_open()

    def _beat(self, conn: sqlite3.Connection, client: HqClient, report: RoundReport) -> None:
        send_heartbeat(conn, client, self._lane_state(), self._devices(), self._fleet())
        set_state(conn, last_heartbeat_at=utc_now())
        report.heartbeat = True

    def _fleet(self) -> dict[str, Any]:
        """The heartbeat's fleet fields: config version, config error, last errors."""
        error = self.config_pull.error if self.config_pull is not None else None
        fleet: dict[str, Any] = {
            "errors": self._recent.snapshot() if self._recent is not None else []
        }
        if self._config_version:
            fleet["config_version"] = self._config_version
        if error:
            fleet["config_error"] = clean(redact(error), 500)  # it may quote a value
        return fleet
