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
* APPROVED: done. DECLINED: failed (logged for the front desk: the pre-authorisation
  could not be captured or released). CANCELLED (the request certainly did not reach
  the terminal, e.g. connection refused): a fresh reference is committed to the task
  first, then sent on the next round. So a retried capture never captures twice.

The sender never talks to the terminal while a guest's payment is at it: both take
``terminal_lock`` (the sender only when it is free) and the flow itself refuses to
start while any payment is unresolved (:class:`PaymentBlockedError`: tried again
later).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from kiosk import clock as kiosk_clock
from kiosk.domain.hotel import effects as fx
from kiosk.domain.hotel import events as ev
from kiosk.domain.money import Money
from kiosk.payment.errors import JournalError, PaymentBlockedError, PaymentError
from kiosk.payment.flow import PaymentFlow, new_reference
from kiosk.payment.journal import PaymentJournal, PaymentRecord, PaymentState
from kiosk.store import hotel_queues as q
from kiosk.store.errors import StoreError

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
_P = ev.PaymentPurpose


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
    ) -> None:
        self.terminal, self.clock = terminal, clock
        self.front, self.back = connect(), connect()
        self.front_journal = PaymentJournal(self.front, clock)
        self.journal = PaymentJournal(self.back, clock)  # the sender thread's
        self.terminal_lock = terminal_lock or threading.Lock()
        self.wait_s, self.backoff, self.references = wait_s, tuple(backoff), references
        self.wake: Callable[[], None] = lambda: None
        self._front_lock = threading.Lock()
        self._changed = threading.Condition()
        self._pending: dict[str, str] = {}  # pre-authorisation -> action, while queued

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
            return ev.PaymentApproved(purpose, task.reference, amount, self.clock())
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
            why = f"{task.action} declined ({record.error_condition or 'declined'})"
            q.finish_deposit(self.back, task.preauth_ref, "failed", why)
            log.error("deposit %s of stay %s: %s: the front desk must settle it",
                      task.preauth_ref, task.stay_id or "?", why)  # fmt: skip
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
            why = f"the pre-authorisation is not held ({error})"
            q.finish_deposit(self.back, task.preauth_ref, "failed", why)
            log.error("deposit %s: %s", task.preauth_ref, why)
        else:
            q.deposit_attempted(self.back, task.preauth_ref, str(error))

    def _note(self, task: q.DepositTask, why: str) -> None:
        q.deposit_attempted(self.back, task.preauth_ref, why)
