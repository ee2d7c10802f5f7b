"""``ServiceEventRecorder``: records the lane's service events in its outbox.

It listens to the lane controller (:meth:`on_change`, on the lane thread), gives the
sale commit the events that must be stored in the sale's own transaction
(:meth:`sale_events`), and takes what happens outside the checkout from any thread
(the rating, the NPS answer, a staff sign-in, the lane closed, a language or an
accessibility option chosen, a device's status): those are handed to the lane thread
(``controller.call``), which is the only thread that writes events, on the recorder's
own connection. What an event means is decided by the pure functions of
:mod:`kiosk.app.service_events`; this class only keeps the little state they need
across steps (the last checkout, which interventions staff reached, which baskets
were put on hold, which devices are faulted, the last completed sale for its rating).

A failed write is logged and dropped: service measures never stop a sale.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from kiosk.app.service_events import (
    JOURNEY,
    FeedbackRefused,
    Ids,
    Occurrence,
    change_occurrences,
    envelope,
    intervention_kind,
    language_tag,
    name_of,
    nps_occurrence,
    rating_occurrence,
    safe_detail,
    sale_occurrences,
)
from kiosk.devices.status import Health, StatusEvent
from kiosk.store.service_events import insert_events, record_events

log = logging.getLogger(__name__)
Job = Callable[[], None]


class ServiceEventRecorder:
    """One lane's service events (see the module docstring).

    Args:
        conn: a store connection used only on the lane thread.
        store_id, lane_id: the lane's ids.
        language: the lane's default language (the shopper's until they choose another).
        clock: the lane's one clock.
        journey: the journey's name in the contract (``lane.mode``).
    """

    def __init__(
        self,
        conn: Any,
        *,
        store_id: str,
        lane_id: str,
        language: str,
        clock: Callable[[], datetime],
        journey: str = JOURNEY,
    ) -> None:
        self._conn = conn
        self.journey = journey
        self.ids = Ids(store_id, lane_id)
        self.default_language = language
        self.language = language
        self.clock = clock
        self._run: Callable[[Job], None] = lambda job: job()
        self._checkout: Callable[[], Any] = lambda: None
        self._before: Any = None
        self._arrived: set[str] = set()
        self._suspended: set[str] = set()
        #: Faulted devices: "status" (the device said so; its return restores it) or
        #: "checkout" (a fault page; staff clearing the fault restores it).
        self._faulted: dict[str, str] = {}
        self._accessibility: set[str] = set()
        #: Staff acting from the station right now (:meth:`remote`).
        self._remote_staff: set[str] = set()
        #: The last completed sale (the thank-you screen's rating is about it).
        self.last_transaction: str | None = None
        #: Coupon refusals, withdrawals and reinstatements seen: each one's event is its
        #: own, even two at one reading of a coarse (or a test's frozen) clock.
        self._coupon_refusals = 0

    def attach(self, controller: Any) -> ServiceEventRecorder:
        """Follow ``controller``: its steps, its thread and its checkout (a journey
        without a checkout gets only the events from outside it, run on its thread)."""
        self._run = getattr(controller, "call", self._run)
        if hasattr(controller, "checkout"):
            self._checkout = lambda: controller.checkout
            self._before = controller.checkout
            controller.listeners.append(self.on_change)
        return self

    # -- the lane thread --------------------------------------------------------------

    def on_change(self, checkout: Any, effects: list[Any]) -> None:
        """Controller listener: record what the step from the last checkout meant."""
        before, self._before = self._before, checkout
        sale = getattr(checkout, "sale", None)
        if checkout.phase.value == "finished" and sale is not None and sale.status == "completed":
            self.last_transaction = str(checkout.basket.basket_id)
        found = change_occurrences(self.ids, before, checkout, effects, self.clock())
        out: list[Occurrence] = []
        for occurrence in found:
            out.extend(self._with_state(occurrence))
        if out:
            # Written after this step's other listeners (the screen) have heard of it:
            # the lane thread's next job, not an fsync in front of the first scan's beep.
            self._run(lambda: self._write(out))

    def _with_state(self, occurrence: Occurrence) -> list[Occurrence]:
        data, tx = occurrence.data, occurrence.transaction_id
        if occurrence.type == "transaction.suspended" and tx is not None:
            if tx in self._suspended:
                return []
            self._suspended.add(tx)
        elif occurrence.type in ("coupon.refused", "coupon.withdrawn", "coupon.reinstated"):
            self._coupon_refusals += 1
            return [replace(occurrence, key=f"{occurrence.key}/{self._coupon_refusals}")]
        elif occurrence.type == "device.fault":
            if data["device"] in self._faulted:
                return []
            self._faulted[str(data["device"])] = "checkout"
        elif occurrence.type == "lane.available" and data.get("reason") == "fault_cleared":
            cleared = sorted(d for d, source in self._faulted.items() if source == "checkout")
            for device in cleared:
                del self._faulted[device]
            restored = [
                Occurrence(
                    "device.restored", occurrence.at, None, f"{occurrence.key}/{d}", {"device": d}
                )
                for d in cleared
            ]
            return [*restored, occurrence]
        elif occurrence.type == "intervention.resolved" and data.get("staff_id"):
            if data["staff_id"] in self._remote_staff:  # resolved from the store's station
                data = {**data, "how": "remote"}
                occurrence = replace(occurrence, data=data)
            iid = str(data["intervention_id"])
            if iid not in self._arrived:  # staff were already signed in when it was raised
                self._arrived.add(iid)
                arrived = {k: data[k] for k in ("intervention_id", "kind", "staff_id", "how")}
                return [
                    Occurrence("intervention.staff_arrived", occurrence.at, tx, iid, arrived),
                    occurrence,
                ]
        return [occurrence]

    @contextlib.contextmanager
    def remote(self, staff_id: str) -> Iterator[None]:
        """While this runs, what ``staff_id`` resolves is resolved from the store's
        station (``how: "remote"``), not at the lane (kiosk.app.station_actions)."""
        self._remote_staff.add(staff_id[:64])
        try:
            yield
        finally:
            self._remote_staff.discard(staff_id[:64])

    def sale_events(self, document: Mapping[str, Any]) -> list[dict[str, Any]]:
        """The events a sale commit stores with the sale (completed or abandoned)."""
        tx = str(document["transaction_id"])
        found = sale_occurrences(document, self.language, tx in self._suspended)
        return [self._envelope(o) for o in found]

    def store_with_sale(self, document: Mapping[str, Any]) -> Callable[[Any], None]:
        """A writer for ``complete_sale(also=...)``: the sale's events in its transaction."""
        events = self.sale_events(document)

        def write(conn: Any) -> None:
            insert_events(conn, events)

        return write

    def _envelope(self, occurrence: Occurrence) -> dict[str, Any]:
        return envelope(
            occurrence,
            store_id=self.ids.store_id,
            lane_id=self.ids.lane_id,
            language=self.language,
            journey=self.journey,
        )

    def _write(self, occurrences: Iterable[Occurrence]) -> None:
        events = [self._envelope(o) for o in occurrences]
        if not events:
            return
        try:
            record_events(self._conn, events)
        except Exception:  # a measure is never worth a stopped lane
            log.exception("service events not recorded: %s", [e["type"] for e in events])

    # -- any thread (handed to the lane thread) --------------------------------------------

    def rating(self, face: int) -> None:
        """The thank-you face (1-3) of the sale just completed (once per sale)."""
        at = self.clock()
        self._run(lambda: self._rating(face, at))

    def _rating(self, face: int, at: datetime) -> None:
        if self.last_transaction is None:
            log.info("a rating with no completed sale to go with it: ignored")
            return
        try:
            self._write([rating_occurrence(self.last_transaction, face, at)])
        except FeedbackRefused as error:
            log.info("rating refused: %s", error)

    def nps(self, score: int, reasons: Iterable[str] = (), comment: str = "") -> None:
        """The "would you recommend us" answer about the sale just completed.

        Raises:
            FeedbackRefused: a score outside 0-10, an unknown reason or a refused comment
                (checked here, on the caller's thread, so the screen can say so).
        """
        at = self.clock()
        occurrence = nps_occurrence("-", score, list(reasons), comment, at)

        def job() -> None:
            if self.last_transaction is None:
                log.info("an NPS answer with no completed sale to go with it: ignored")
                return
            tx = self.last_transaction
            self._write([Occurrence(occurrence.type, at, tx, tx, occurrence.data)])

        self._run(job)

    def audit_recorded(self, record: Any) -> None:
        """An attendant audit row was written: staff signed in (they reached the lane),
        the lane closed or opened, a basket suspended."""
        action, staff_id, at = str(record.action), record.staff_id, record.at
        details = dict(getattr(record, "details", {}) or {})
        self._run(lambda: self._audit(action, staff_id, details, at))

    def _audit(
        self, action: str, staff_id: str | None, details: dict[str, Any], at: datetime
    ) -> None:
        if action == "sign_in" and staff_id:
            self._staff_arrived(staff_id, at)
        elif action == "close_lane":
            self._write(
                [
                    Occurrence(
                        "lane.unavailable",
                        at,
                        None,
                        f"close/{at.isoformat()}",
                        {"reason": "closed"},
                    )
                ]
            )
        elif action == "open_lane":
            self._write(
                [
                    Occurrence(
                        "lane.available", at, None, f"open/{at.isoformat()}", {"reason": "opened"}
                    )
                ]
            )
        elif action == "suspend_basket":
            tx = str(details.get("basket_id") or "")
            if tx and tx not in self._suspended:
                self._suspended.add(tx)
                self._write([Occurrence("transaction.suspended", at, tx, f"{tx}/staff")])

    def _staff_arrived(self, staff_id: str, at: datetime) -> None:
        checkout = self._checkout()
        pending = getattr(checkout, "pending", None)
        if pending is None:
            return
        tx = checkout.basket.basket_id
        kind = intervention_kind(pending)
        iid = self.ids.intervention(tx, kind, pending.raised_at)
        if iid in self._arrived:
            return
        self._arrived.add(iid)
        data = {"intervention_id": iid, "kind": kind, "staff_id": staff_id[:64], "how": "at_lane"}
        self._write([Occurrence("intervention.staff_arrived", at, tx, iid, data)])

    def language_changed(self, code: str) -> None:
        """The screen's language is now ``code``; a shopper's choice of another language
        than the lane's default is ``language.chosen`` (going back to the default for
        the next customer is not)."""
        at = self.clock()

        def job() -> None:
            self.language = code
            tag = language_tag(code)
            if code == self.default_language or tag is None:
                return
            tx = self._transaction()
            key = f"{tx}/{at.isoformat()}/{tag}"
            self._write([Occurrence("language.chosen", at, tx, key, {"language": tag})])

        self._run(job)

    def accessibility_changed(self, large_text: bool, high_contrast: bool) -> None:
        """The shopper's accessibility options now: each one turned on is recorded."""
        at = self.clock()
        now = {
            name
            for name, on in (("large_text", large_text), ("high_contrast", high_contrast))
            if on
        }

        def job() -> None:
            added, self._accessibility = now - self._accessibility, now
            tx = self._transaction()
            self._write(
                Occurrence(
                    "accessibility.used", at, tx, f"{tx}/{at.isoformat()}/{o}", {"option": o}
                )
                for o in sorted(added)
            )

        self._run(job)

    def device_status(self, device: str, healthy: bool, detail: str = "") -> None:
        """A device's status: a fault (once until it is back), or back after a fault."""
        at = self.clock()
        name = name_of(device)

        def job() -> None:
            key = f"{name}/{at.isoformat()}"
            if not healthy and name not in self._faulted:
                self._faulted[name] = "status"
                data = {"device": name, "detail": safe_detail(detail)}
                self._write([Occurrence("device.fault", at, None, key, data)])
            elif healthy and name in self._faulted:
                del self._faulted[name]
                self._write([Occurrence("device.restored", at, None, key, {"device": name})])

        self._run(job)

    def _transaction(self) -> str | None:
        checkout = self._checkout()
        if checkout is None or checkout.phase.value == "idle":
            return None
        return str(checkout.basket.basket_id)


class WatchedAuditLog:
    """An audit log that also tells the recorder what was recorded (staff sign-ins...)."""

    def __init__(self, audit_log: Any, recorder: ServiceEventRecorder) -> None:
        self._audit = audit_log
        self._recorder = recorder

    def record(self, *args: Any, **kwargs: Any) -> Any:
        record = self._audit.record(*args, **kwargs)
        try:
            self._recorder.audit_recorded(record)
        except Exception:
            log.exception("service event for audit action not recorded")
        return record

    def __getattr__(self, name: str) -> Any:
        return getattr(self._audit, name)


def follow_devices(recorder: ServiceEventRecorder, devices: Mapping[str, Any]) -> None:
    """Tell ``recorder`` each device's faults and returns (device worker threads)."""

    def listener(event: object) -> None:
        if isinstance(event, StatusEvent):
            health = event.status.health
            if health in (Health.OFFLINE, Health.ERROR):
                recorder.device_status(event.device, False, event.status.detail or health.value)
            else:
                recorder.device_status(event.device, True)

    for device in devices.values():
        device.add_listener(listener)


def recorder_for(config: Any, conn: Any, clock: Callable[[], datetime]) -> ServiceEventRecorder:
    """The recorder of the lane ``config`` describes, writing on ``conn`` (lane thread)."""
    lane = config.lane
    return ServiceEventRecorder(
        conn,
        store_id=lane.store_id,
        lane_id=lane.lane_id,
        language=lane.languages[0],
        clock=clock,
        journey=getattr(lane, "mode", JOURNEY),
    )
