"""``AirportRunner``: the check-in machine on its own thread, performing its effects.

Theory of operation. Everything that happens - a touch on the screen
(:meth:`AirportRunner.send`), a document read, a scale reading, a card payment's
outcome, an agent's verdict (:meth:`AirportRunner.agent_verdict`) - is put on
one queue as a job. One thread (``kiosk-airport``) takes the jobs in order and
hands each event, stamped with the lane clock, to the pure
:class:`~kiosk.domain.airport.machine.CheckinMachine`. The new state is adopted
and broadcast to the ``listeners`` (the screens, the agent desk) *before* its
effects run, so a screen shows "one moment" while the DCS is asked. Then the
effects run in order on this thread: DCS calls (blocking, bounded by the
driver's timeout), printing (blocking until the printer confirms), committing
the record. Each answer is handled at once, before any queued touch, so the
machine's "waiting for the DCS" is never interleaved with the traveller. Card
payments are the exception: a charge waits for the person at the terminal, so
it runs on a payment worker and its outcome comes back through the queue.

Failures never escape: a :class:`DcsError` is the machine's ``DcsFailed``, a
printer's :class:`DeviceError` its ``PrintFailed``, an unknown payment outcome
its ``PaymentUnknown`` (never retried: an intervention, invariant 3), a record
that cannot be stored is retried with a growing delay and logged; one whose card
payments do not add up to the payment journal's is refused (``RecordRefused``). An event
the machine refuses (:class:`IllegalEvent`) is logged and dropped. Nothing
logged holds an MRZ: events with document data keep it out of their ``repr``.
"""

from __future__ import annotations

import logging
import queue
import threading
import uuid
from collections.abc import Callable
from dataclasses import fields, replace
from datetime import UTC, datetime
from typing import Any

from kiosk import clock as kiosk_clock
from kiosk.domain.airport import effects as fx
from kiosk.domain.airport import events as ev
from kiosk.domain.airport.dcs import DcsError, DcsErrorKind, DepartureControl
from kiosk.domain.airport.interventions import VERDICTS, AirportInterventionKind, Verdict
from kiosk.domain.airport.machine import CheckinMachine
from kiosk.domain.airport.record import CheckinRecord
from kiosk.domain.airport.states import CheckinSettings, CheckinState, IllegalEvent, Step
from kiosk.threads import start_repeating, start_thread, start_timer

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
Listener = Callable[[CheckinState, list[Any]], None]
Job = Callable[[], None]
#: ``resolve_payment(reference, paid, staff_id)``: the payment flow's verdict on an
#: unknown payment after asking the terminal again; True when it counts as paid.
ResolvePayment = Callable[[str, bool, str], bool]


class VerdictRefused(IllegalEvent):
    """An agent's verdict that cannot be taken now (the terminal is still working on the
    payment it is about); the message says why."""


def new_checkin_id() -> str:
    """Check-in ids double as transaction ids: unique across lanes and restarts."""
    return str(uuid.uuid4())


class AirportRunner:
    """One kiosk's check-in, run on its own thread (the shell's ``JourneyRunner``).

    Args:
        settings: the check-in's fixed settings.
        dcs: the airline's DCS (a driver, or the simulator's).
        printers: ``boarding_pass(data, checkin_id)`` and ``bag_tag(tag, name)``, each
            blocking until printed or raising ``DeviceError`` (``ports.AirportPrinters``).
        payments: ``start(checkin_id, amount, deliver)`` (``ports.FeePayments``), or None.
        commit: stores a finished check-in's record (``records.CheckinCommitter``).
        clock: the lane's one clock.
        resolve_payment: settles an unknown payment with an agent's verdict (or None).
        abandon_after_s: seconds without a touch that abandon a check-in (0: never here).
        new_id: makes the next check-in's id.
        progress: told ``checked_in(checkin_id, locator, passenger_ids)`` when the DCS
            checked passengers in and ``printed(checkin_id)`` when something first
            printed (``records.OpenCheckins``: a restart then knows what to undo), or None.
    """

    def __init__(
        self,
        *,
        settings: CheckinSettings,
        dcs: DepartureControl,
        printers: Any,
        payments: Any,
        commit: Callable[[CheckinRecord], None],
        clock: Clock = kiosk_clock.utc_now,
        resolve_payment: ResolvePayment | None = None,
        abandon_after_s: float = 0.0,
        new_id: Callable[[], str] = new_checkin_id,
        progress: Any = None,
    ) -> None:
        self.settings = settings
        self.dcs = dcs
        self.printers = printers
        self.payments = payments
        self.commit = commit
        self.clock = clock
        self.resolve_payment = resolve_payment
        self.abandon_after_s = abandon_after_s
        self.new_id = new_id
        self.progress = progress
        self.machine = CheckinMachine()
        self.accepting = True
        self.listeners: list[Listener] = []
        self._state = CheckinState.start(settings, new_id())
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._watchdog: Any = None
        self._last_touch = kiosk_clock.monotonic()
        self._stopping = False

    # -- the shell's JourneyRunner ---------------------------------------------------------

    @property
    def state(self) -> CheckinState:
        """The latest state (read from any thread; replaced, never changed)."""
        return self._state

    def start(self) -> None:
        """Start the runner's thread (idempotent)."""
        self._stopping = False
        if self._thread is None:
            self._thread = start_thread("airport", self._run)
            if self.abandon_after_s > 0:
                self._watchdog = start_repeating("airport-idle", 1.0, self._check_idle)

    def stop(self, timeout: float = 5.0) -> None:
        """Finish queued work and stop the thread (device faults from now on are the
        lane stopping: ignored)."""
        self._stopping = True
        if self._watchdog is not None:
            self._watchdog.cancel()
            self._watchdog = None
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout)
            self._thread = None

    def scan(self, raw: str, aim: str | None = None) -> None:
        """A code from a scanner: a boarding pass on the welcome screen (else ignored)."""
        if self.accepting:
            self.send(ev.BoardingPassScanned(raw, _EPOCH))

    def weight(self, grams: int | None, stable: bool) -> None:
        """A scale reading (the bag scale)."""
        self._queue.put(lambda: self._handle(ev.ScaleRead(int(grams or 0), stable, self.clock())))

    def device_faulted(self, device: str, detail: str) -> None:
        """A required device failed (the shell says so). The machine learns of the devices
        a check-in needs from their own status (``ports.follow_document_readers``:
        ``DeviceChanged``); here it is logged, except while the lane stops (every device
        then reports "not claimed": that is the lane stopping, not a fault)."""
        if self._stopping:
            log.debug("device %s stopped with the lane: %s", device, detail)
            return
        log.warning("device %s faulted: %s", device, detail)

    def state_name(self) -> str:
        return self._state.step.value

    def busy(self) -> bool:
        """True while a traveller is part-way through a check-in."""
        state = self._state
        return state.started_at is not None and state.step is not Step.DONE

    def call(self, job: Job) -> None:
        """Run ``job`` on the runner's thread (the service-event recorder's writes)."""
        self._queue.put(job)

    # -- what the screens and the desk call --------------------------------------------

    def send(self, event: ev.Event) -> None:
        """A traveller's event (or a device's), stamped with the lane clock on the thread."""
        if isinstance(event, ev.DeviceChanged):
            self._queue.put(lambda: self._device(_stamped(event, self.clock())))
            return
        self._last_touch = kiosk_clock.monotonic()
        self._queue.put(lambda: self._handle(_stamped(event, self.clock())))

    def agent_verdict(self, event: ev.AgentVerdict, staff_id: str) -> None:
        """An agent's verdict (the desk audits it).

        Raises:
            IllegalEvent: no intervention of ``event.kind`` is open, or the verdict does
                not apply to it (checked here, on the caller's thread).
            VerdictRefused: a verdict on an unknown payment the terminal, asked again,
                is still working on (the caller's thread waits for that answer).
        """
        state = self._state
        open_ = state.intervention
        if open_ is None or open_.kind is not event.kind:
            raise IllegalEvent(
                state.step, event, f"no open intervention of kind {event.kind.value}"
            )
        if event.verdict not in VERDICTS[open_.kind]:
            why = f"verdict {event.verdict.value} does not apply to {open_.kind.value}"
            raise IllegalEvent(state.step, event, why)
        verdict = self._settle_payment(replace(event, staff_id=staff_id), state)
        self._queue.put(lambda: self._handle(replace(verdict, at=self.clock())))

    def _settle_payment(self, event: ev.AgentVerdict, state: CheckinState) -> ev.AgentVerdict:
        """A verdict on an unknown payment: the terminal is asked again first and its word
        beats the agent's (invariant 9); the verdict becomes what the journal now says.

        Raises:
            VerdictRefused: the terminal is still working on it, or the journal refused.
        """
        unknown = [p for p in state.payments if p.outcome == "unknown"]
        kind = AirportInterventionKind.PAYMENT_FAILED
        if event.kind is not kind or not unknown or self.resolve_payment is None:
            return event
        reference = unknown[-1].reference
        try:
            paid = self.resolve_payment(reference, event.verdict is Verdict.ACCEPT, event.staff_id)
        except Exception as error:  # PaymentInProgressError, PaymentError, JournalError
            raise VerdictRefused(state.step, event, f"payment {reference}: {error}") from None
        return replace(event, verdict=Verdict.ACCEPT if paid else Verdict.REFUSE)

    def reset(self) -> None:
        """The next traveller (after the goodbye screen)."""
        self.send(ev.Reset(self.new_id(), _EPOCH))

    # -- the runner's thread -----------------------------------------------------------

    def _run(self) -> None:
        while (job := self._queue.get()) is not None:
            try:
                job()
            except Exception:  # a bug must not kill the kiosk; the state is unchanged
                log.exception("check-in job failed")

    def _check_idle(self) -> None:
        """Abandon a check-in nobody touched for ``abandon_after_s`` - but never one that
        waits for an agent (the agent decides whether the traveller is gone)."""
        idle = kiosk_clock.monotonic() - self._last_touch
        waiting_for_agent = self._state.step is Step.INTERVENTION
        if idle >= self.abandon_after_s and self.busy() and not waiting_for_agent:
            self._last_touch = kiosk_clock.monotonic()
            self._queue.put(lambda: self._handle(ev.IdleTimedOut(self.clock())))

    def _handle(self, first: ev.Event) -> None:
        """Apply ``first`` and every answer its effects get, in order."""
        pending = [first]
        while pending:
            event = pending.pop(0)
            try:
                state, effects = self.machine.handle(self._state, event, self.clock())
            except IllegalEvent as error:
                log.info("ignored: %s", error)
                continue
            if state is self._state and not effects:
                continue  # nothing changed (a scale reading that weighs nothing): no news
            before, self._state = self._state, state
            self._note_progress(before, state)
            self._broadcast(state, effects)
            for effect in effects:
                answer = self._perform(effect)
                if answer is not None:
                    pending.append(answer)

    def _device(self, event: ev.Event) -> None:
        """A device's health (not a touch: the idle clock runs on); what is wrong is
        logged once per change."""
        assert isinstance(event, ev.DeviceChanged)
        before = self._state
        self._handle(event)
        after = self._state
        if after.devices_down != before.devices_down and not event.ok:
            log.warning("device %s (%s) cannot be used: %s", event.device, event.role, event.detail)
        elif after.devices_down != before.devices_down:
            log.info("device %s (%s) is back", event.device, event.role)
        if event.device in after.devices_low and event.device not in before.devices_low:
            log.warning("device %s (%s): media low", event.device, event.role)

    def _note_progress(self, before: CheckinState, after: CheckinState) -> None:
        """Tell ``progress`` what a restart would have to undo (never stops the kiosk)."""
        if self.progress is None or before.checkin_id != after.checkin_id:
            return
        try:
            if after.checked_in and not before.checked_in and after.booking is not None:
                ids = tuple(p.passenger_id for p in after.travelling())
                self.progress.checked_in(after.checkin_id, after.booking.record_locator, ids)
            if after.anything_printed and not before.anything_printed:
                self.progress.printed(after.checkin_id)
        except Exception:
            log.exception("check-in %s: progress not noted", after.checkin_id)

    def _broadcast(self, state: CheckinState, effects: list[Any]) -> None:
        for listener in list(self.listeners):
            try:
                listener(state, effects)
            except Exception:
                log.exception("check-in listener failed")

    def _perform(self, effect: fx.Effect) -> ev.Event | None:
        if isinstance(effect, fx.PrintBoardingPass | fx.PrintBagTag):
            return self._print(effect)
        if isinstance(effect, fx.StartPayment):
            self._pay(effect)
            return None
        if isinstance(effect, fx.CommitCheckin):
            return self._commit(effect.record)
        if isinstance(effect, fx.CallAgent):
            i = effect.intervention
            log.warning("agent called: %s (passenger %s)", i.kind.value, i.passenger_id or "-")
            return None
        if isinstance(effect, fx.AgentCleared):
            return None
        return self._ask_dcs(effect)

    def _ask_dcs(self, effect: fx.Effect) -> ev.Event | None:
        call = _CALLS.get(type(effect))
        if call is None:
            return None
        try:
            return _DCS[type(effect)](self.dcs, effect, self.clock)
        except DcsError as error:
            log.warning("DCS %s failed: %s %s", call.value, error.kind.value, error.code)
            return ev.DcsFailed(call, error.kind, error.code, error.message, self.clock())
        except Exception as error:  # a driver bug is an unreachable DCS, never a crash
            log.exception("DCS %s failed", call.value)
            kind = DcsErrorKind.UNREACHABLE
            return ev.DcsFailed(call, kind, "", type(error).__name__, self.clock())

    def _print(self, effect: fx.PrintBoardingPass | fx.PrintBagTag) -> ev.Event:
        from kiosk.devices.errors import DeviceError

        try:
            if isinstance(effect, fx.PrintBoardingPass):
                self.printers.boarding_pass(effect.data, self._state.checkin_id)
            else:
                self.printers.bag_tag(effect.tag, effect.passenger_name)
        except DeviceError as error:
            log.warning("printing %s failed: %s", effect.document_id, error)
            return ev.PrintFailed(effect.document_id, str(error), self.clock())
        except Exception as error:
            log.exception("printing %s failed", effect.document_id)
            return ev.PrintFailed(effect.document_id, type(error).__name__, self.clock())
        return ev.DocumentPrinted(effect.document_id, self.clock())

    def _pay(self, effect: fx.StartPayment) -> None:
        def deliver(event: ev.Event) -> None:
            self._queue.put(lambda: self._handle(event))

        if self.payments is None:
            deliver(ev.PaymentDeclined("", "no card terminal", self.clock()))
            return
        try:
            self.payments.start(effect.checkin_id, effect.amount, deliver)
        except Exception as error:
            log.exception("payment could not start")
            deliver(ev.PaymentDeclined("", type(error).__name__, self.clock()))

    def _commit(self, record: CheckinRecord, attempt: int = 0) -> ev.Event | None:
        from kiosk.app.payments import SaleNotPaid

        try:
            self.commit(record)
        except SaleNotPaid as error:
            # The journal disagrees with the record about the money: never store it; the
            # machine takes the journal's word and calls an agent (invariant 9).
            log.error("check-in %s refused: %s", record.checkin_id, error)
            return ev.RecordRefused(str(error), error.approved, self.clock())
        except Exception:
            # Keep CLOSING and try again: the record must reach the store (and HQ).
            log.exception("check-in %s not stored (attempt %d)", record.checkin_id, attempt + 1)
            delay = min(30.0, 0.5 * 2**attempt)

            def again() -> None:
                answer = self._commit(record, attempt + 1)
                if answer is not None:
                    self._handle(answer)

            start_timer("checkin-retry", delay, lambda: self._queue.put(again))
            return None
        return ev.RecordCommitted(self.clock())


def _stamped(event: ev.Event, at: datetime) -> ev.Event:
    """``event`` with ``at`` set to the lane clock's time."""
    if any(f.name == "at" for f in fields(event)):
        return replace(event, at=at)
    return event


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)  # a placeholder: events are stamped on the thread

_CALLS: dict[type[Any], ev.DcsCall] = {
    fx.FindBooking: ev.DcsCall.FIND_BOOKING,
    fx.FindByName: ev.DcsCall.FIND_BY_NAME,
    fx.SendDocument: ev.DcsCall.SEND_DOCUMENT,
    fx.FetchSeatMap: ev.DcsCall.SEAT_MAP,
    fx.AssignSeat: ev.DcsCall.ASSIGN_SEAT,
    fx.CheckIn: ev.DcsCall.CHECK_IN,
    fx.AddBag: ev.DcsCall.ADD_BAG,
    fx.FetchBoardingPasses: ev.DcsCall.BOARDING_PASSES,
    fx.CancelCheckIn: ev.DcsCall.CANCEL_CHECK_IN,
}

DcsStep = Callable[[DepartureControl, Any, Clock], ev.Event]


def _cancelled(dcs: DepartureControl, effect: fx.CancelCheckIn, clock: Clock) -> ev.Event:
    dcs.cancel_check_in(effect.record_locator, effect.passenger_ids)
    return ev.CheckInCancelled(clock())


_DCS: dict[type[Any], DcsStep] = {
    fx.FindBooking: lambda d, e, c: ev.BookingFound(
        d.find_booking(e.record_locator, e.surname), c()
    ),
    fx.FindByName: lambda d, e, c: ev.BookingsFound(
        d.find_by_name(e.surname, e.given_names, e.on), c()
    ),
    fx.SendDocument: lambda d, e, c: ev.DocumentVerdictReceived(
        e.document.passenger_id, d.send_document(e.record_locator, e.document), c()
    ),
    fx.FetchSeatMap: lambda d, e, c: ev.SeatMapReceived(
        d.seat_map(e.record_locator, e.segment_id), c()
    ),
    fx.AssignSeat: lambda d, e, c: ev.SeatAssigned(
        d.assign_seat(e.record_locator, e.segment_id, e.passenger_id, e.seat), e.segment_id, c()
    ),
    fx.CheckIn: lambda d, e, c: ev.CheckedIn(
        d.check_in(e.record_locator, e.passenger_ids, dict(e.answers)), c()
    ),
    fx.AddBag: lambda d, e, c: ev.BagTagIssued(
        e.bag_no, d.add_bag(e.record_locator, e.passenger_id, e.weight_g, e.paid), c()
    ),
    fx.FetchBoardingPasses: lambda d, e, c: ev.BoardingPassesReceived(
        d.boarding_passes(e.record_locator, e.passenger_ids), c()
    ),
    fx.CancelCheckIn: _cancelled,
}
