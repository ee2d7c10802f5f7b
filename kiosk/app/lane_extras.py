"""The lane's background helpers the configuration asks for, built by ``build_lane``.

Each has ``start()`` and ``stop()`` and never stops the lane selling when it fails:

- online backups of the store (``[store] backup_dir``, :mod:`kiosk.store.backup`);
- the metrics file (``[logging] metrics_file``, :mod:`kiosk.app.lane_metrics`), fed
  by :class:`PaymentTimer` (a controller listener) and by the window (scan-to-screen);
- the link to the store's attendant station (``[station] url``,
  :mod:`kiosk.app.station_link`): the lane's report through its journey's station view
  (:mod:`kiosk.app.station_views`), reported at once on a change of the journey, of the
  lane's flags or of a device's status; "I'm on my way" handed to
  ``lane.notice_listeners``; remote help (self-checkout only) applied through the
  attendant service (:mod:`kiosk.app.station_actions`); the store's staff accounts
  copied in.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk import clock as kiosk_clock
from kiosk.app.attendant.model import DeviceLine
from kiosk.app.lane_metrics import LaneMetrics
from kiosk.app.station_link import CommandLedger, StationLink
from kiosk.app.station_views import StationView, checkout_view, lane_report, view_for
from kiosk.store.backup import BackupSchedule

log = logging.getLogger(__name__)


class PaymentTimer:
    """Controller listener: how long each card payment took, by how it ended."""

    def __init__(self, metrics: LaneMetrics, monotonic: Callable[[], float] = time.monotonic):
        self.metrics, self.monotonic = metrics, monotonic
        self._started: float | None = None

    def __call__(self, checkout: Any, effects: list[Any]) -> None:
        from kiosk.domain.checkout.effects import StartPayment
        from kiosk.domain.checkout.states import Phase

        if any(isinstance(effect, StartPayment) for effect in effects):
            self._started = self.monotonic()
            return
        if self._started is None or checkout.phase is Phase.PAYING:
            return
        if checkout.payment_failure is not None:
            outcome = checkout.payment_failure.value
        elif checkout.phase in (Phase.COMPLETING, Phase.FINISHED):
            outcome = "approved"
        elif checkout.phase is Phase.INTERVENTION:
            outcome = "unknown"
        else:
            outcome = "partly_paid"
        self.metrics.observe_payment(self.monotonic() - self._started, outcome)
        self._started = None


class StationReporter:
    """What the lane tells the station, read on the link's thread: the journey's part from
    its station view (:mod:`kiosk.app.station_views`, picked by ``lane.mode``), the shell's
    part from the lane (flags, devices, when it was last touched)."""

    def __init__(
        self,
        lane: Any,
        clock: Callable[[], datetime],
        remote: list[str] | None = None,
        *,
        view: StationView = checkout_view,
    ) -> None:
        self.lane, self.clock, self.remote, self.view = lane, clock, list(remote or []), view
        self.fault_since: dict[str, datetime] = {}
        self.last_change = kiosk_clock.monotonic()
        self.printers = [d.name for d in lane.config.devices if "printer" in d.type]

    def touched(self, *_: object) -> None:
        self.last_change = kiosk_clock.monotonic()

    def __call__(self) -> dict[str, Any]:
        attendant = self.lane.attendant
        # the last known status (no probe: a report every few seconds must not talk to
        # the printer)
        devices = [DeviceLine(n, d.status) for n, d in sorted(self.lane.devices.items())]
        now = self.clock()
        for device in devices:
            if device.usable:
                self.fault_since.pop(device.name, None)
            else:
                self.fault_since.setdefault(device.name, now)
        flags = getattr(attendant, "flags", None)
        return lane_report(
            self.view(self.lane.controller),
            journey=self.lane.config.lane.mode,
            closed=bool(flags and flags.closed),
            paused=bool(flags and flags.paused),
            devices=devices,
            fault_since=self.fault_since,
            last_touch_s=kiosk_clock.monotonic() - self.last_change,
            remote=self.remote,
            printers=self.printers,
        )


def build_extras(config: Any, lane: Any, clock: Callable[[], datetime]) -> list[Any]:
    """The helpers ``config`` turns on, ready to start with the lane."""
    extras: list[Any] = []
    store = config.store
    if store.backup_dir is not None:
        extras.append(
            BackupSchedule(
                store.path,
                store.backup_dir,
                every_s=store.backup_every_s,
                keep=store.backup_keep,
                clock=clock,
            )
        )
    if config.logging.metrics_file is not None:
        metrics = LaneMetrics(
            config.logging.metrics_file,
            lane=(config.lane.store_id, config.lane.lane_id),
            outbox_depth=_outbox_depth(store.path),
            every_s=config.logging.metrics_every_s,
        )
        lane.metrics = metrics
        if hasattr(lane.controller, "listeners"):
            lane.controller.listeners.append(PaymentTimer(metrics))
        extras.append(metrics)
    view = view_for(config.lane.mode, lane.controller)
    if config.station.url and config.station.key and view is None:
        log.warning("journey %s does not report to the station", config.lane.mode)
    elif config.station.url and config.station.key:
        link, reporter = _station_link(config, lane, clock, view)

        def changed(*args: object) -> None:
            reporter.touched()
            link.changed()

        lane.controller.listeners.append(changed)
        if lane.attendant is not None:
            lane.attendant.flag_listeners.append(changed)
        for device in lane.devices.values():  # faults and paper reach the station at once
            device.add_listener(lambda event: _device_news(event, link))
        lane.station = link
        extras.append(link)
    return extras


def _device_news(event: object, link: StationLink) -> None:
    """A device's status changed (its health or paper): report now (not a touch)."""
    from kiosk.devices.status import StatusEvent

    if isinstance(event, StatusEvent):
        link.changed()


def _station_link(
    config: Any, lane: Any, clock: Callable[[], datetime], view: StationView = checkout_view
) -> tuple[StationLink, StationReporter]:
    """The link to the store's station: reports through the journey's station ``view``,
    remote help through the self-checkout's attendant service
    (:mod:`kiosk.app.station_actions`), the store's staff accounts copied in. Other
    journeys take "I'm on my way" only (their alerts are answered at the lane)."""
    from kiosk.app.station_actions import RemoteActions, StaffCopy, refuse_remote

    def notify(kind: str, args: dict[str, Any]) -> None:
        _notify(lane, kind, args)

    actions = None
    if lane.attendant is not None and view is checkout_view:
        actions = RemoteActions(
            lane.attendant,
            clock,
            allow_age=config.station.remote_age_check,
            recorder=lane.service_events,
            on_notice=notify,
        )
    remote = actions.remote_kinds() if actions else []
    reporter = StationReporter(lane, clock, remote=remote, view=view)

    def on_command(command: dict[str, Any]) -> dict[str, Any] | None:
        if actions is not None:
            return actions(command)
        if command.get("kind") != "on_my_way":
            return refuse_remote(config.lane.mode, command)
        notify(str(command.get("kind")), dict(command.get("args") or {}))
        return None

    link = StationLink(
        config.station.url,
        config.station.key,
        config.lane.lane_id,
        report=reporter,
        on_command=on_command,
        ledger=CommandLedger(config.store.path),
        on_accounts=StaffCopy(config.store.path, lane.attendant, clock),
        every_s=config.station.report_every_s,
        accounts_every_s=config.station.staff_every_s,
    )
    return link, reporter


def _notify(lane: Any, kind: str, args: dict[str, Any]) -> None:
    for listener in list(lane.notice_listeners):
        listener(kind, args)


def _outbox_depth(path: Path | str) -> Callable[[], int]:
    """Reads the outbox depth on a connection of the metrics thread's own."""
    from kiosk.store.sync_state import pending_count

    box: list[sqlite3.Connection] = []

    def depth() -> int:
        if not box:
            from kiosk.store.db import connect

            box.append(connect(path, migrate=False))
        return pending_count(box[0])

    return depth
