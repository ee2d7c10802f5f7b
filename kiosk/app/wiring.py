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
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from kiosk.app.attendant import AttendantService
from kiosk.app.held_receipts import HeldReceiptFile
from kiosk.app.lane import Clock, LaneController, LaneIdentity, RecoveredPayments, utc_clock
from kiosk.app.payments import FlowPayments, approved_payments, commit_paid_sale
from kiosk.app.receipts import PrinterReceipts
from kiosk.config import ConfigError, KioskConfig
from kiosk.devices.base import Device
from kiosk.devices.errors import DeviceError
from kiosk.devices.registry import build_devices
from kiosk.devices.scale.stable import ScaleWeight
from kiosk.devices.scanner.scan import Scan
from kiosk.devices.status import DataEvent, Health, StatusEvent
from kiosk.domain.checkout.events import DeviceFaulted
from kiosk.domain.checkout.states import CheckoutSettings
from kiosk.domain.checkout.states import PaymentRecord as DomainPayment
from kiosk.payment.factory import terminal_from_config
from kiosk.payment.flow import PaymentFlow
from kiosk.payment.journal import PaymentJournal, PaymentState
from kiosk.store.audit import AuditLog
from kiosk.store.catalog import CatalogRepository
from kiosk.store.db import connect
from kiosk.store.integrity import DamageReport, mark_clean_stop
from kiosk.store.journal import BasketJournal
from kiosk.store.sales import load_sale_document
from kiosk.store.staff import StaffRepository
from kiosk.sync.errors import SyncError

log = logging.getLogger(__name__)
WeightListener = Callable[[int | None, bool], None]


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
                    self.controller.submit(lambda at, n=name, d=str(error): DeviceFaulted(n, d, at))
        self.controller.start()
        if self.sync is not None:
            try:
                self.sync.start()
            except SyncError as error:  # e.g. another uploader holds this database's lock
                log.error("sync not started: %s", error)
                self.sync = None

    def stop(self) -> None:
        """Stop sync, the lane thread and the devices."""
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
            elif isinstance(data, ScaleWeight):
                self._on_weight(data.net_g, data.stable)
        elif isinstance(event, StatusEvent):
            self.device_status[event.device] = str(event.status)
            if event.status.health in (Health.OFFLINE, Health.ERROR) and self._required(
                event.device
            ):
                detail = event.status.detail or event.status.health.value
                self.controller.submit(lambda at: DeviceFaulted(event.device, detail, at))

    def _on_scan(self, scan: Scan) -> None:
        prefix = self.config.lane.staff_badge_prefix
        if prefix and scan.code.startswith(prefix):
            if not self.badge_listeners:
                log.info("staff badge scanned but no attendant screen is open")
            for badge_listener in list(self.badge_listeners):
                badge_listener(scan.code)
            return
        self.controller.scan(scan.code, scan.symbology)  # the identifier, parsed once

    def _on_weight(self, grams: int | None, stable: bool) -> None:
        # A screen decides when a weight belongs to the item waiting (it refuses the
        # weight still left by the previous item); without one, the controller does.
        if not self.weight_listeners:
            self.controller.weight(grams, stable)
        for listener in list(self.weight_listeners):
            listener(grams or 0, stable)

    def _required(self, name: str) -> bool:
        return any(d.name == name and d.required for d in self.config.devices)


def build_lane(config: KioskConfig, *, clock: Clock = utc_clock, with_sync: bool = True) -> Lane:
    """Open the store, build the devices, reconcile payments and wire the controller.

    Raises:
        StoreError, ConfigError, PaymentError: with a message naming what is wrong.
    """
    path, timeout = config.store.path, config.store.busy_timeout_ms
    damage = DamageReport()  # an owed full check runs in the background; paged below
    conn = connect(path, busy_timeout_ms=timeout, check=True, on_damage=damage.found)
    payment_journal = PaymentJournal(connect(path, busy_timeout_ms=timeout, migrate=False), clock)
    flow = PaymentFlow(
        terminal_from_config(config.payment, config.lane.lane_id),
        payment_journal,
        backoff=config.payment.status_backoff_s,
    )
    journal = BasketJournal(conn)
    journal.discard_empty()  # baskets a crash left without a line would pile up for ever
    settings = CheckoutSettings(config.lane.currency, config.tax.to_rules())
    unreturned = _reconcile_payments(flow, conn, journal)

    devices = build_devices(d for d in config.devices if d.enabled)
    lane_box: list[Lane] = []  # the Lane, once built (commit_sale runs only after that)

    def commit_sale(document: dict[str, Any], basket_id: str) -> None:
        """Store the sale only if the journal's payments pay exactly what it is due
        (checked inside the sale's transaction). Raises SaleNotPaid, StoreError."""
        commit_paid_sale(conn, payment_journal, document, basket_id)
        if lane_box and lane_box[0].sync is not None:
            lane_box[0].sync.wake()  # upload now rather than at the next idle poll

    identity = LaneIdentity(config.lane.store_id, config.lane.lane_id, config.lane.languages[0])
    printer = next((d for name, d in devices.items() if _type_of(config, name) == "printer"), None)
    if printer is not None:
        held = HeldReceiptFile(Path(path).with_name(Path(path).name + ".held-receipts.json"))
        printer.receipts.restore(held.load())  # type: ignore[attr-defined]
        printer.on_queue_change(held.save)  # type: ignore[attr-defined]
    receipts = PrinterReceipts(
        printer,
        header=(config.lane.store_name, *config.lane.receipt_header),
        footer=config.lane.receipt_footer,
        language=identity.language,
        ereceipt_base_url=config.lane.ereceipt_base_url or None,
    )
    controller = LaneController(
        identity=identity,
        settings=settings,
        scan_rules=config.barcodes.scan_rules(config.lane.currency),
        catalog=CatalogRepository(conn),
        journal=journal,
        commit_sale=commit_sale,
        payments=FlowPayments(flow, clock),
        receipts=receipts,
        clock=clock,
        recovered_payments=_recovered_payments(flow),
    )
    for detail in unreturned:  # a failed reversal is an intervention, never only a log line
        controller.submit(lambda at, detail=detail: DeviceFaulted("payment", detail, at))
    damage.report_to(
        lambda error: controller.submit(lambda at: DeviceFaulted("store", str(error), at))
    )
    view = CatalogRepository(connect(path, busy_timeout_ms=timeout, migrate=False))
    lane = Lane(config, controller, view, devices, flow)
    lane.give_back_orphans = lambda: _give_back_orphans(flow, path, timeout)
    lane_box.append(lane)
    lane.sync = _build_sync(config, lane) if with_sync else None
    # Staff sign-in and the audit log are guarded by different locks in the attendant
    # service, so each gets its own connection (never one connection, two writers).
    staff = StaffRepository(connect(path, busy_timeout_ms=timeout, migrate=False))
    audit_conn = connect(path, busy_timeout_ms=timeout, migrate=False)
    audit = AuditLog(audit_conn, config.lane.store_id, config.lane.lane_id)
    lane.attendant = AttendantService(lane, staff, audit, clock)

    def follow_flags(flags: Any) -> None:  # lane closed or paused by staff: no selling
        controller.accepting = not (flags.closed or flags.paused)

    follow_flags(lane.attendant.flags)
    lane.attendant.flag_listeners.append(follow_flags)
    return lane


def _type_of(config: KioskConfig, name: str) -> str:
    return next((d.type for d in config.devices if d.name == name), "")


def _reconcile_payments(flow: PaymentFlow, conn: Any, journal: BasketJournal) -> list[str]:
    """Settle SENT/UNKNOWN payments, then give back approvals whose sale is gone.

    An approval whose basket is still open is kept: it counts towards that basket's
    total when the lane shows it again (split tender). Any other approval whose sale
    was not stored is reversed, so the shopper is never charged for nothing. Returns
    one line per approval that could not be given back: each calls the attendant.
    """
    for outcome in flow.reconcile():
        log.warning("payment %s reconciled as %s", outcome.record.reference, outcome.state.value)
    shown = {info.basket.basket_id for info in journal.open_baskets() if info.basket.lines}

    def sale_state(sale_id: str) -> Literal["open", "completed", "gone"]:
        if load_sale_document(conn, sale_id) is not None:
            return "completed"
        return "open" if sale_id in shown else "gone"

    report = flow.reverse_orphans(sale_state)
    return [
        f"payment {record.reference} of {record.approved_amount or record.amount} for a sale "
        f"that was not completed could not be given back: {why}"
        for record, why in report.failed
    ]


def _give_back_orphans(flow: PaymentFlow, path: Any, timeout: int) -> list[str]:
    """Try again to give back approvals whose sale is gone (the attendant fixed the
    terminal); reads the store on a connection of its own (an attendant thread)."""
    conn = connect(path, busy_timeout_ms=timeout, migrate=False)
    try:
        return _reconcile_payments(flow, conn, BasketJournal(conn))
    finally:
        conn.close()


def _recovered_payments(flow: PaymentFlow) -> Callable[[str], RecoveredPayments]:
    """What the payment journal holds for a basket the lane restores after a restart."""

    def recovered(basket_id: str) -> RecoveredPayments:
        records = flow.journal.for_sale(basket_id)
        approved = tuple(
            DomainPayment(
                r.reference,
                r.approved_amount or r.amount,
                "approved",
                _parse_iso(r.updated_at),
                auth_code=r.auth_code,
                masked_pan=str(r.masked_pan) if r.masked_pan else None,
                brand=r.brand,
                terminal_transaction_id=r.terminal_transaction_id,
            )
            for r in approved_payments(records)
        )
        unresolved = tuple(
            (r.reference, r.amount)
            for r in records
            if r.state in (PaymentState.SENT, PaymentState.UNKNOWN)
        )
        return RecoveredPayments(approved, unresolved)

    return recovered


def _parse_iso(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


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
        return lane.controller.checkout.phase.value

    def basket_open() -> bool:
        return bool(lane.controller.checkout.basket.lines)

    return SyncService(
        config.store.path,
        config.sync,
        busy_timeout_ms=config.store.busy_timeout_ms,
        lane_state=lane_state,
        devices=devices,
        basket_open=basket_open,
    )
