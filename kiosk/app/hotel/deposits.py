"""Deposits captured or released at check-out, queued so that a terminal or a network
that is down never keeps the guest waiting, and done exactly once.

Theory of operation. At check-out the machine asks to capture the deposit
(``CaptureDeposit``) or release it (``ReleaseDeposit``). :meth:`DepositQueue.settle`
(on the payment worker) first commits a ``deposit_task`` in the lane store
(:mod:`kiosk.store.hotel_queues`) naming the pre-authorisation, what to do and the
payment journal reference the request will carry, and marks the stay's deposit
settled in the same transaction (no other visit finds it held again). It then wakes
the background sender and waits at most ``wait_s`` for it:

* done in time: the machine hears the terminal's own answer (approved / declined);
* asked again (a check-out retried after a crash finds the stay's capture queued or
  done, :meth:`kiosk.app.hotel.runner.HotelStays.held_deposit`): the same task, heard
  with the amount it captures, so that this visit posts it to the bill;
* tried in vain (the terminal cannot be reached: at once, not after ``wait_s``) or not
  yet answered (a slow terminal or network): the machine hears it approved
  as *queued* - the pre-authorisation holds the money - and the check-out goes on;
  :meth:`DepositQueue.queued` tells the screens, which say "deposit release queued".

:meth:`DepositQueue.run_once` (the sender's round, on the lane's background thread)
takes each queued task through the journaled payment flow
(:class:`kiosk.payment.flow.PaymentFlow`, invariant 3) with the task's reference:

* no journal row with that reference yet: send it (``complete`` for a capture,
  ``reverse`` - a pre-authorisation cancel - for a release); the row is committed
  SENT before the request leaves;
* a row SENT or UNKNOWN (a crash, a timeout): ask the terminal about that reference
  (:meth:`PaymentFlow.recheck`), never send again; start-up's reconciliation has
  usually settled it already;
* APPROVED: done. DECLINED: failed - an alert for the front desk, who charge the guest
  otherwise: :meth:`DepositQueue.alerts` (the station's hotel view shows each, with the
  stay and the amount) and an ``intervention.raised`` service event for HQ (kind
  ``deposit_capture_declined``, the visit that held the deposit), committed with the
  task's end; :meth:`DepositQueue.settled_at_desk` closes it (``intervention.resolved``).
  CANCELLED (the request certainly did not reach
  the terminal, e.g. connection refused): a fresh reference is committed to the task
  first, then sent on the next round. So a retried capture never captures twice.

The sender never talks to the terminal while a guest's payment is at it: both take
``terminal_lock`` (the sender only when it is free) and the flow itself refuses to
start while any payment is unresolved (:class:`PaymentBlockedError`: tried again
later).
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kiosk import clock as kiosk_clock
from kiosk.app.service_events import (
    Ids,
    Occurrence,
    deposit_failed_occurrence,
    deposit_settled_occurrence,
    envelope,
)
from kiosk.domain.hotel import effects as fx
from kiosk.domain.hotel import events as ev
from kiosk.domain.money import Money
from kiosk.payment.errors import JournalError, PaymentBlockedError, PaymentError
from kiosk.payment.flow import PaymentFlow, new_reference
from kiosk.payment.journal import PaymentJournal, PaymentRecord, PaymentState
from kiosk.store import hotel_queues as q
from kiosk.store.errors import StoreError
from kiosk.store.service_events import insert_events

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
_P = ev.PaymentPurpose
JOURNEY = "hotel_checkin"


@dataclass(frozen=True)
class DepositAlert:
    """A deposit the terminal would not capture (or release) after the guest left: the
    front desk must charge the guest otherwise (``why``: the terminal's reason)."""

    preauth_ref: str
    action: str
    amount: Money
    stay_id: str
    checkin_id: str
    why: str
    at: datetime

    @property
    def transaction_id(self) -> str:
        """The visit the service events are about (the deposit's own id if unknown)."""
        return self.checkin_id or self.preauth_ref


class DepositQueue:
    """Queued deposit captures and releases (see the module docstring).

    Args:
        connect: opens a store connection; the queue takes two (the check-out's and the
            sender thread's), so that a slow terminal never holds up a check-out.
        terminal: the lane's card terminal (``PaymentTerminal``).
        clock: the lane's clock (journal times, event times).
        terminal_lock: held by whoever talks to the terminal (shared with the guest's
            payments, :class:`kiosk.app.hotel.ports.HotelPayments`).
        wait_s: how long the check-out waits for the sender before going on as queued.
        backoff: the flow's status-inquiry backoff (``[payment] status_backoff_s``).
        references: makes a request's journal reference.
        ids: the lane's ids for the front desk's service events (None: none recorded).

    ``wake`` asks the background sender for a round now (set by the sender).
    """

    def __init__(
        self,
        connect: Callable[[], Any],
        terminal: Any,
        clock: Clock,
        *,
        terminal_lock: threading.Lock | None = None,
        wait_s: float = 5.0,
        backoff: Sequence[float] = (1.0, 2.0, 4.0, 8.0, 15.0),
        references: Callable[[], str] = new_reference,
        ids: Ids | None = None,
    ) -> None:
        self.terminal, self.clock, self.ids = terminal, clock, ids
        self.front, self.back = connect(), connect()
        self.front_journal = PaymentJournal(self.front, clock)
        self.journal = PaymentJournal(self.back, clock)  # the sender thread's
        self.terminal_lock = terminal_lock or threading.Lock()
        self.wait_s, self.backoff, self.references = wait_s, tuple(backoff), references
        self.wake: Callable[[], None] = lambda: None
        self._front_lock = threading.Lock()
        self._changed = threading.Condition()
        self._pending: dict[str, str] = {}  # pre-authorisation -> action, while queued
        self._waiting: set[str] = set()  # pre-authorisations whose check-out waits (_wait)
        self._alerts: dict[str, DepositAlert] = {
            task.preauth_ref: _alert(task, at) for task, at in q.failed_deposits(self.front)
        }

    # -- the check-out's side ------------------------------------------------------------
    def settle(self, effect: fx.CaptureDeposit | fx.ReleaseDeposit, held: Money | None) -> ev.Event:
        """Queue ``effect``, wake the sender, wait at most ``wait_s``: the machine's event.

        ``held``: what the pre-authorisation holds (the amount a release is about).
        """
        purpose = _P.CAPTURE if isinstance(effect, fx.CaptureDeposit) else _P.RELEASE
        amount = effect.amount if isinstance(effect, fx.CaptureDeposit) else held
        amount = amount if amount is not None else Money(-1, "EUR")
        try:
            task = self._queue(effect, amount)
        except (StoreError, JournalError) as error:
            log.error("deposit %s: %s not queued: %s", effect.reference, purpose.value, error)
            return ev.PaymentDeclined(purpose, "", str(error), self.clock())
        if task.action == "capture":  # asked again after a crash: what the task captures
            amount = Money(task.amount_minor, task.currency)
        with self._changed:  # a failure while the check-out waits is the visit's to handle
            self._waiting.add(task.preauth_ref)
        self.wake()
        task = self._wait(task.preauth_ref)
        if task.state == "failed":
            return ev.PaymentDeclined(purpose, task.reference, task.last_error, self.clock())
        record = self._record(task.reference) if task.state == "done" else None
        if record is None or record.state is not PaymentState.APPROVED:
            log.warning(
                "deposit %s: %s queued as %s (%s)",
                task.preauth_ref,
                purpose.value,
                task.reference,
                task.last_error or "not answered yet",
            )
            # the card that holds the deposit, for the PMS's bill (Mews takes card
            # payments with their masked number only)
            holder = self._record(task.preauth_ref)
            return ev.PaymentApproved(
                purpose,
                task.reference,
                amount,
                self.clock(),
                masked_pan=str(holder.masked_pan) if holder and holder.masked_pan else None,
                brand=holder.brand if holder else None,
            )
        return ev.PaymentApproved(
            purpose,
            record.reference,
            record.approved_amount or amount,
            self.clock(),
            masked_pan=str(record.masked_pan) if record.masked_pan else None,
            brand=record.brand,
            auth_code=record.auth_code,
        )

    def queued(self, preauth_ref: str) -> str:
        """``capture`` / ``release`` while that deposit's task waits for the terminal, else
        "" (from memory: the screens may ask on the UI thread)."""
        return self._pending.get(preauth_ref, "")

    def alerts(self) -> list[DepositAlert]:
        """The failed deposits the front desk has not settled yet, oldest first (from
        memory: the station's report asks on its own thread)."""
        return sorted(self._alerts.values(), key=lambda a: (a.at, a.preauth_ref))

    def settled_at_desk(self, preauth_ref: str, staff_id: str) -> bool:
        """The front desk (``staff_id``) charged the guest otherwise: the alert closes,
        with its ``intervention.resolved`` event. False if no such alert is open.

        Raises:
            StoreError: no staff id, or the store refused.
        """
        alert = self._alerts.get(preauth_ref)
        if alert is None:
            return False
        resolved = None
        if self.ids is not None:
            resolved = deposit_settled_occurrence(
                self.ids, alert.transaction_id, alert.at, staff_id, self.clock()
            )
        with self._front_lock:
            done = q.settle_failed_deposit(
                self.front, preauth_ref, staff_id, also=self._events(resolved)
            )
        self._alerts.pop(preauth_ref, None)
        log.info("deposit %s: settled at the front desk by %s", preauth_ref, staff_id)
        return done

    def _events(self, occurrence: Occurrence | None) -> Callable[[Any], object] | None:
        if occurrence is None:
            return None
        event = envelope(
            occurrence,
            store_id=self.ids.store_id if self.ids else "",
            lane_id=self.ids.lane_id if self.ids else "",
            language=None,
            journey=JOURNEY,
        )
        return lambda conn: insert_events(conn, [event])

    def task(self, preauth_ref: str) -> q.DepositTask | None:
        """The task of pre-authorisation ``preauth_ref`` in any state, or None."""
        with self._front_lock:
            return q.deposit_task(self.front, preauth_ref)

    def tasks(self, state: str | None = "queued") -> list[q.DepositTask]:
        """The deposit tasks in ``state`` (None: all)."""
        with self._front_lock:
            return q.deposit_tasks(self.front, state)

    def _queue(self, effect: fx.CaptureDeposit | fx.ReleaseDeposit, amount: Money) -> q.DepositTask:
        capture = isinstance(effect, fx.CaptureDeposit)
        with self._front_lock:
            found = q.deposit_task(self.front, effect.reference)
            if found is not None:  # asked again (a retry of the visit): the same task
                return found
            preauth = self.front_journal.get(effect.reference)
            task = q.queue_deposit(
                self.front,
                preauth_ref=effect.reference,
                action="capture" if capture else "release",
                amount_minor=max(amount.minor, 0) if capture else 0,
                currency=preauth.amount.currency,
                reference=self.references(),
            )
        self._pending[task.preauth_ref] = task.action
        return task

    def _wait(self, preauth_ref: str) -> q.DepositTask:
        """The task once the sender ended it or tried it in vain (the terminal cannot be
        reached: no point waiting longer), or as it is after ``wait_s``."""
        end = kiosk_clock.monotonic() + self.wait_s
        with self._changed:
            while True:
                with self._front_lock:
                    task = q.deposit_task(self.front, preauth_ref)
                assert task is not None
                left = end - kiosk_clock.monotonic()
                if task.state != "queued" or task.attempts > 0 or left <= 0:
                    self._waiting.discard(preauth_ref)  # from now on, a failure is an alert
                    return task
                self._changed.wait(left)

    def _record(self, reference: str) -> PaymentRecord | None:
        with self._front_lock:
            try:
                return self.front_journal.get(reference)
            except JournalError:
                return None

    # -- the sender's side ---------------------------------------------------------------
    def run_once(self) -> int:
        """Try every queued task once (the sender's round); returns how many are left.

        A guest's payment at the terminal (``terminal_lock`` taken) ends the round early.
        """
        for task in q.deposit_tasks(self.back):
            self._pending.setdefault(task.preauth_ref, task.action)
            if not self.terminal_lock.acquire(blocking=False):
                break
            try:
                self._attempt(task)
            except Exception:  # one bad task never stops the others
                log.exception("deposit %s: %s failed", task.preauth_ref, task.action)
            finally:
                self.terminal_lock.release()
                self._forget_ended()
                with self._changed:
                    self._changed.notify_all()
        return len(q.deposit_tasks(self.back))

    def _forget_ended(self) -> None:
        queued = {t.preauth_ref for t in q.deposit_tasks(self.back)}
        for ref in [r for r in self._pending if r not in queued]:
            self._pending.pop(ref, None)

    def _attempt(self, task: q.DepositTask) -> None:
        try:
            record: PaymentRecord | None = self.journal.get(task.reference)
        except JournalError:
            record = None
        try:
            if record is None:
                record = self._send(task)
            elif record.state in (PaymentState.SENT, PaymentState.UNKNOWN):
                record = self._flow(task.reference).recheck(task.reference)
        except PaymentBlockedError as error:
            self._note(task, f"waiting: {error}")
            return
        except PaymentError as error:
            self._not_sent(task, error)
            return
        self._after(task, record)

    def _send(self, task: q.DepositTask) -> PaymentRecord:
        flow = self._flow(task.reference)
        if task.action == "capture":
            done = flow.complete(task.preauth_ref, Money(task.amount_minor, task.currency))
        else:
            done = flow.reverse(task.preauth_ref)
        return done.record

    def _flow(self, reference: str) -> PaymentFlow:
        """A flow whose next request carries ``reference`` (the task's, chosen before)."""
        return PaymentFlow(
            self.terminal, self.journal, backoff=self.backoff, references=lambda: reference
        )

    def _after(self, task: q.DepositTask, record: PaymentRecord) -> None:
        """What the journal row of the task's request says about the task."""
        state = record.state
        if state in (PaymentState.APPROVED, PaymentState.REVERSED):
            q.finish_deposit(self.back, task.preauth_ref, "done")
            log.info("deposit %s: %s done (%s)", task.preauth_ref, task.action, task.reference)
        elif state is PaymentState.DECLINED:
            self._fail(task, f"{task.action} declined ({record.error_condition or 'declined'})")
        elif state is PaymentState.CANCELLED:  # never reached the terminal: a new try
            why = record.error_condition or "cancelled"
            q.renew_deposit_reference(self.back, task.preauth_ref, self.references(), why)
        else:  # SENT / UNKNOWN: asked again next round (staff may resolve it first)
            q.deposit_attempted(self.back, task.preauth_ref, f"outcome {state.value}")

    def _not_sent(self, task: q.DepositTask, error: PaymentError) -> None:
        """The flow refused before sending (the pre-authorisation is no longer held, ...)."""
        try:
            preauth = self.journal.get(task.preauth_ref)
        except JournalError:
            preauth = None
        if task.action == "release" and preauth and preauth.state is PaymentState.REVERSED:
            q.finish_deposit(self.back, task.preauth_ref, "done", "already released")
        elif preauth is None or preauth.state is not PaymentState.APPROVED:
            self._fail(task, f"the pre-authorisation is not held ({error})")
        else:
            q.deposit_attempted(self.back, task.preauth_ref, str(error))

    def _fail(self, task: q.DepositTask, why: str) -> None:
        """End ``task`` failed: an alert for the front desk and its service event for HQ,
        committed with the task's end. Both take the time the store wrote (as a restart
        reads it back: the resolution's event then names the same intervention)."""
        failed: list[DepositAlert] = []

        def also(conn: Any) -> None:
            found = [a for t, a in q.failed_deposits(conn) if t.preauth_ref == task.preauth_ref]
            alert = _alert(dataclasses.replace(task, last_error=why), found[0])
            failed.append(alert)
            if self.ids is not None:
                raised = deposit_failed_occurrence(self.ids, alert.transaction_id, alert.at)
                write = self._events(raised)
                assert write is not None
                write(conn)

        with self._changed:  # the check-out still waiting hears it declined: no alert
            if task.preauth_ref in self._waiting:
                q.finish_deposit(self.back, task.preauth_ref, "failed", why)
                q.settle_failed_deposit(self.back, task.preauth_ref, "checkout")
                log.warning("deposit %s: %s (the check-out goes on)", task.preauth_ref, why)
                return
            q.finish_deposit(self.back, task.preauth_ref, "failed", why, also=also)
        for alert in failed:
            self._alerts[task.preauth_ref] = alert
            log.error("deposit %s of stay %s: %s %s: the front desk must charge the guest",
                      task.preauth_ref, task.stay_id or "?", alert.amount, why)  # fmt: skip

    def _note(self, task: q.DepositTask, why: str) -> None:
        q.deposit_attempted(self.back, task.preauth_ref, why)


def _alert(task: q.DepositTask, at: datetime | str) -> DepositAlert:
    """The front desk's alert for failed ``task`` (``at``: when it failed)."""
    when = at if isinstance(at, datetime) else datetime.fromisoformat(at.replace("Z", "+00:00"))
    return DepositAlert(
        task.preauth_ref,
        task.action,
        Money(task.amount_minor, task.currency),
        task.stay_id,
        task.checkin_id,
        task.last_error,
        when,
    )
