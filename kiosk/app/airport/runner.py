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
from collections.abc import Callable
from typing import Any

from kiosk import clock as kiosk_clock
from kiosk.app.travel.runner import (
    EPOCH,
    Clock,
    Listener,
    ResolvePayment,
    TravelRunner,
    VerdictRefused,
    stamped,
)
from kiosk.app.travel.runner import new_journey_id as new_checkin_id
from kiosk.domain.airport import effects as fx
from kiosk.domain.airport import events as ev
from kiosk.domain.airport.dcs import DcsError, DcsErrorKind, DepartureControl
from kiosk.domain.airport.interventions import VERDICTS, AirportInterventionKind
from kiosk.domain.airport.machine import CheckinMachine
from kiosk.domain.airport.record import CheckinRecord
from kiosk.domain.airport.states import CheckinSettings, CheckinState, Step

log = logging.getLogger(__name__)
__all__ = [
    "AirportRunner",
    "Clock",
    "Listener",
    "ResolvePayment",
    "VerdictRefused",
    "new_checkin_id",
]


class AirportRunner(TravelRunner):
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

    thread_name = "airport"
    noun = "check-in"
    verdicts = VERDICTS
    payment_failed = AirportInterventionKind.PAYMENT_FAILED
    steps = Step

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
        super().__init__(
            state=CheckinState.start(settings, new_id()),
            machine=CheckinMachine(),
            commit=commit,
            clock=clock,
            resolve_payment=resolve_payment,
            abandon_after_s=abandon_after_s,
            new_id=new_id,
        )
        self.settings = settings
        self.dcs = dcs
        self.printers = printers
        self.payments = payments
        self.progress = progress

    @property
    def state(self) -> CheckinState:
        """The latest state (read from any thread; replaced, never changed)."""
        return self._state  # type: ignore[no-any-return]

    def scan(self, raw: str, aim: str | None = None) -> None:
        """A code from a scanner: a boarding pass on the welcome screen (else ignored)."""
        if self.accepting:
            self.send(ev.BoardingPassScanned(raw, EPOCH))

    def weight(self, grams: int | None, stable: bool) -> None:
        """A scale reading (the bag scale)."""
        self._queue.put(lambda: self._handle(ev.ScaleRead(int(grams or 0), stable, self.clock())))

    def send(self, event: ev.Event) -> None:
        """A traveller's event, or a device's health (``ports.follow_document_readers``:
        ``DeviceChanged``, not a touch: the idle clock runs on), stamped on the thread."""
        if isinstance(event, ev.DeviceChanged):
            self._queue.put(lambda: self._device(stamped(event, self.clock())))
            return
        super().send(event)

    # -- the runner's thread -----------------------------------------------------------

    def _device(self, event: ev.DeviceChanged) -> None:
        """A device's health; what is wrong is logged once per change."""
        before = self._state
        self._handle(event)
        after = self._state
        if after.devices_down != before.devices_down and not event.ok:
            log.warning("device %s (%s) cannot be used: %s", event.device, event.role, event.detail)
        elif after.devices_down != before.devices_down:
            log.info("device %s (%s) is back", event.device, event.role)
        if event.device in after.devices_low and event.device not in before.devices_low:
            log.warning("device %s (%s): media low", event.device, event.role)

    def _adopted(self, before: CheckinState, after: CheckinState) -> None:
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

    def _perform(self, effect: fx.Effect) -> ev.Event | None:
        if isinstance(effect, fx.PrintBoardingPass):
            data, checkin_id = effect.data, self._state.checkin_id
            return self._print(
                effect.document_id, lambda: self.printers.boarding_pass(data, checkin_id)
            )
        if isinstance(effect, fx.PrintBagTag):
            tag, name = effect.tag, effect.passenger_name
            return self._print(effect.document_id, lambda: self.printers.bag_tag(tag, name))
        if isinstance(effect, fx.StartPayment):
            self._pay(effect)
            return None
        if isinstance(effect, fx.CommitCheckin):
            record = effect.record
            return self._commit(record.checkin_id, lambda: self._store(record))
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
        ask = _DCS[type(effect)]
        return self._ask(  # type: ignore[no-any-return]
            "DCS",
            call,
            lambda: ask(self.dcs, effect, self.clock),
            refused=DcsError,
            failed=ev.DcsFailed,
            unreachable=DcsErrorKind.UNREACHABLE,
        )

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

    def _store(self, record: CheckinRecord) -> ev.Event | None:
        """Commit ``record``; None when stored (other failures are retried by ``_commit``)."""
        from kiosk.app.payments import SaleNotPaid

        try:
            self.commit(record)
        except SaleNotPaid as error:
            # The journal disagrees with the record about the money: never store it; the
            # machine takes the journal's word and calls an agent (invariant 9).
            log.error("check-in %s refused: %s", record.checkin_id, error)
            return ev.RecordRefused(str(error), error.approved, self.clock())
        return None


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
