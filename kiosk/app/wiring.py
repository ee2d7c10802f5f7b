"""Build a running lane from its configuration: store, devices, payment, sync, controller.

``build_lane(config)`` opens everything and reconciles unfinished payments
before the lane may sell (DESIGN.md invariant 3); ``Lane.start()`` starts the
device workers, the lane thread and the sync thread; ``Lane.stop()`` stops
them in the reverse order. Nothing here imports Qt: the UI is put on top.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kiosk.app.journeys import ShellServices, journey_spec
from kiosk.app.lane import Clock, LaneController, utc_clock
from kiosk.app.lane_extras import build_extras
from kiosk.app.service_recorder import WatchedAuditLog, follow_devices, recorder_for
from kiosk.config import ConfigError, KioskConfig
from kiosk.devices.base import Device
from kiosk.devices.errors import DeviceError
from kiosk.devices.registry import build_devices
from kiosk.devices.scale.stable import ScaleWeight
from kiosk.devices.scanner.scan import Scan
from kiosk.devices.status import DataEvent, Health, StatusEvent
from kiosk.payment.flow import PaymentFlow
from kiosk.store.audit import AuditLog
from kiosk.store.catalog import CatalogRepository
from kiosk.store.db import connect
from kiosk.store.integrity import DamageReport, mark_clean_stop
from kiosk.store.staff import StaffRepository
from kiosk.sync.errors import SyncError

log = logging.getLogger(__name__)
WeightListener = Callable[[int, bool], None]  # grams (0: nothing on the scale), stable


@dataclass
class Lane:
    """Everything one lane runs, built by :func:`build_lane`."""

    config: KioskConfig
    controller: LaneController
    catalog_view: CatalogRepository  # its own connection, for the screens' queries
    devices: dict[str, Device]
    payment_flow: PaymentFlow
    sync: Any | None = None
    attendant: Any | None = None
    weight_listeners: list[WeightListener] = field(default_factory=list)
    badge_listeners: list[Callable[[str], None]] = field(default_factory=list)
    device_status: dict[str, str] = field(default_factory=dict)
    #: Gives back card approvals whose sale is gone; one line per one it still cannot.
    give_back_orphans: Callable[[], list[str]] = list
    #: The journey ``lane.mode`` picked (a ``JourneySpec``); ``controller`` is its runner.
    journey: Any = None
    #: Records the service events HQ's measures need (kiosk.app.service_recorder).
    service_events: Any = None
    #: Backups, the metrics file, the station link (kiosk.app.lane_extras), started last.
    extras: list[Any] = field(default_factory=list)
    metrics: Any = None  # kiosk.app.lane_metrics.LaneMetrics when [logging] metrics_file
    station: Any = None  # kiosk.app.station_link.StationLink when [station] url
    #: Told (kind, args) of what the station sends, e.g. ("on_my_way", {"staff": "Ana"}).
    notice_listeners: list[Callable[[str, dict[str, Any]], None]] = field(default_factory=list)

    def start(self) -> None:
        """Start devices, the lane thread and sync (in that order)."""
        for name, device in self.devices.items():
            device.add_listener(self._on_device_event)
            try:
                device.start()
            except DeviceError as error:  # a bad device never stops the lane (invariant 7)
                log.error("device %s cannot start: %s", name, error)
                self.device_status[name] = f"error ({error})"
                if self._required(name):
                    self.controller.device_faulted(name, str(error))
        self.controller.start()
        if self.sync is not None:
            try:
                self.sync.start()
            except SyncError as error:  # e.g. another uploader holds this database's lock
                log.error("sync not started: %s", error)
                self.sync = None
        for extra in self.extras:
            extra.start()

    def stop(self) -> None:
        """Stop sync, the lane thread and the devices."""
        for extra in reversed(self.extras):
            extra.stop()
        if self.sync is not None:
            self.sync.stop()
        self.controller.stop()
        for device in self.devices.values():
            device.shutdown()
        mark_clean_stop(self.config.store.path)  # the next start need not read the whole store

    def _on_device_event(self, event: object) -> None:
        """Device worker threads call this; it only queues work for the lane thread."""
        if isinstance(event, DataEvent):
            data = event.data
            if isinstance(data, Scan):
                self._on_scan(data)
            elif isinstance(data, ScaleWeight) and self._bagging_scale(event.device):
                self.controller.bag_weight(data.net_g, data.stable)  # not the produce scale
            elif isinstance(data, ScaleWeight):
                self._on_weight(data.net_g, data.stable)
        elif isinstance(event, StatusEvent):
            self.device_status[event.device] = str(event.status)
            if event.status.health in (Health.OFFLINE, Health.ERROR) and self._required(
                event.device
            ):
                detail = event.status.detail or event.status.health.value
                self.controller.device_faulted(event.device, detail)

    def _on_scan(self, scan: Scan) -> None:
        prefix = self.config.lane.staff_badge_prefix
        if prefix and scan.code.startswith(prefix):
            if not self.badge_listeners:
                log.info("staff badge scanned but no attendant screen is open")
            for badge_listener in list(self.badge_listeners):
                badge_listener(scan.code)
            return
        if self.metrics is not None:
            self.metrics.scan_arrived()
        self.controller.scan(scan.code, scan.symbology)  # the identifier, parsed once

    def _on_weight(self, grams: int | None, stable: bool) -> None:
        # A screen decides when a weight belongs to the item waiting (it refuses the
        # weight still left by the previous item); without one, the controller does.
        if not self.weight_listeners:
            self.controller.weight(grams, stable)
        for listener in list(self.weight_listeners):
            listener(grams or 0, stable)

    def _bagging_scale(self, name: str) -> bool:
        """The scale ``[bagging] scale`` names, when the bagging area is enabled."""
        bagging = getattr(self.config, "bagging", None)
        return bagging is not None and bagging.enabled and name == bagging.scale

    def _required(self, name: str) -> bool:
        return any(d.name == name and d.required for d in self.config.devices)


def build_lane(config: KioskConfig, *, clock: Clock = utc_clock, with_sync: bool = True) -> Lane:
    """Open the shell's parts (store, devices, staff, audit, sync) and build the journey
    ``lane.mode`` picks from the registry (``kiosk.app.journeys``) on top of them.

    Raises:
        ConfigError: ``lane.mode`` names no registered journey (or another setting is wrong).
        StoreError, PaymentError: with a message naming what is wrong.
    """
    spec = journey_spec(config.lane.mode)  # an unknown journey fails before anything opens
    path, timeout = config.store.path, config.store.busy_timeout_ms
    damage = DamageReport()  # an owed full check runs in the background; paged below
    conn = connect(path, busy_timeout_ms=timeout, check=True, on_damage=damage.found)
    devices = build_devices(d for d in config.devices if d.enabled)
    lane_box: list[Lane] = []  # the Lane, once built (the journey stores only after that)

    def wake_sync() -> None:
        if lane_box and lane_box[0].sync is not None:
            lane_box[0].sync.wake()

    def connect_more() -> Any:
        return connect(path, busy_timeout_ms=timeout, migrate=False)

    services = ShellServices(
        config=config,
        conn=conn,
        devices=devices,
        clock=clock,
        connect=connect_more,
        wake_sync=wake_sync,
        service_events=recorder_for(config, connect_more(), clock),  # lane thread only
    )
    parts = spec.build(services)
    runner = parts.runner
    services.service_events.attach(runner)
    follow_devices(services.service_events, devices)
    damage.report_to(lambda error: runner.device_faulted("store", str(error)))
    lane = Lane(config, runner, parts.catalog_view, devices, parts.payment_flow)  # type: ignore[arg-type]
    lane.give_back_orphans = parts.give_back_orphans
    lane.journey = spec
    lane.service_events = services.service_events
    lane_box.append(lane)
    lane.sync = _build_sync(config, lane) if with_sync else None
    if lane.sync is not None and parts.offers_changed is not None:
        lane.sync.offers_listeners.append(parts.offers_changed)
    if spec.attendant is None:
        lane.extras = [*parts.extras, *build_extras(config, lane, clock)]
        return lane
    # Staff sign-in and the audit log are guarded by different locks in the attendant
    # service, so each gets its own connection (never one connection, two writers).
    staff = StaffRepository(services.connect())
    audit = AuditLog(services.connect(), config.lane.store_id, config.lane.lane_id)
    audit = WatchedAuditLog(audit, lane.service_events)  # staff reaching the lane: measured
    lane.attendant = spec.attendant(lane, staff, audit, clock)

    def follow_flags(flags: Any) -> None:  # lane closed or paused by staff: no selling
        runner.accepting = not (flags.closed or flags.paused)

    follow_flags(lane.attendant.flags)
    lane.attendant.flag_listeners.append(follow_flags)
    lane.extras = [*parts.extras, *build_extras(config, lane, clock)]
    return lane


def _build_sync(config: KioskConfig, lane: Lane) -> Any | None:
    """The sync thread's service, or None for a standalone lane (no ``sync.hq_url``)."""
    if not config.sync.hq_url:
        return None
    if not config.sync.token:
        raise ConfigError(
            "configuration",
            "sync.token",
            "",
            "the lane's token from `kiosk hq enrol-lane` when sync.hq_url is set "
            "(or KIOSK__SYNC__TOKEN)",
        )
    from kiosk.sync.service import SyncService

    kinds = {d.name: d.type for d in config.devices}

    def devices() -> list[dict[str, Any]]:
        statuses = dict(lane.device_status)  # a copy: device threads update it
        return [
            {"name": name, "kind": kinds.get(name, ""), "status": status}
            for name, status in sorted(statuses.items())
        ]

    def lane_state() -> str:
        return str(lane.controller.state_name())

    def basket_open() -> bool:
        return bool(lane.controller.busy())

    return SyncService(
        config.store.path,
        config.sync,
        busy_timeout_ms=config.store.busy_timeout_ms,
        lane_state=lane_state,
        devices=devices,
        basket_open=basket_open,
        lane_config=config,  # config version; HQ's configuration pull (kiosk.config.remote)
    )
