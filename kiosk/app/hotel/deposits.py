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
* still SENT / UNKNOWN after asking (the terminal cannot say, or is still working on
  it): *in doubt*. Each such round is counted (:func:`kiosk.store.hotel_queues.doubt_round`);
  the round that reaches ``doubt_rounds`` (``[hotel] deposit_doubt_rounds``) raises it
  for the front desk exactly like a declined one - an alert (kind
  ``deposit_capture_unknown``) and its ``intervention.raised``, committed with that
  round, once (a restart lists it again, never raises it again). The sender keeps
  asking the terminal every round, never sends it again; its later answer closes the
  alert in the transaction that ends (or renews) the task, with ``intervention.resolved``
  naming it (``terminal_approved``; ``terminal_declined``, which is then a declined
  alert of its own; ``not_processed``: the request never ran, so it is sent again with
  a fresh reference - the money is not given up).

The front desk settles an alert through :meth:`DepositQueue.settle_alert` (the hotel
desk's service calls it for a signed-in member of staff, audited there): a declined
one once they charged the guest otherwise; one in doubt with their verdict - ``taken``
(the terminal's own records show the capture) or not (they charge the guest otherwise).
A verdict in doubt is taken only after the terminal was asked once more
(:meth:`PaymentFlow.resolve`, invariant 9, under ``terminal_lock``): an answer from the
terminal then closes the alert instead (staff are told which). Staff's verdict is
committed in the payment journal's transaction together with the task's end and the
``intervention.resolved`` event: a capture staff called not taken is ended, never sent
again (no second capture), and no longer blocks the lane's payments. Staff may be wrong:
the sender still asks the terminal about a request they called not taken
(:meth:`DepositQueue._watch_round`) until it says; taken after all, the guest may have
paid twice - an alert ``deposit_taken_after_desk`` and its ``intervention.raised`` (the
capture stands: the terminal took what the bill was owed; the front desk gives back
what it charged and settles it, ``given_back``); not taken, the asking ends.

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
    DEPOSIT_FAILED,
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
from kiosk.payment.types import InquiryState, Outcome, PaymentKind
from kiosk.store import hotel_queues as q
from kiosk.store.errors import StoreError
from kiosk.store.service_events import insert_events

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
_P = ev.PaymentPurpose
JOURNEY = "hotel_checkin"
#: The alert (and HQ intervention) kind of a deposit whose outcome the terminal cannot
#: say after ``doubt_rounds`` rounds (a declined one is :data:`DEPOSIT_FAILED`).
DEPOSIT_DOUBT = "deposit_capture_unknown"
#: The alert kind of a request the front desk said the terminal did not take and the
#: terminal, still asked, says it did: the guest may have paid twice.
DEPOSIT_TAKEN = "deposit_taken_after_desk"
#: How long staff's verdict waits for a guest's payment (or the sender) at the terminal.
DESK_WAIT_S = 30.0


class DepositDeskError(PaymentError):
    """The front desk's settlement was not taken (the alert is closed already, or the
    terminal is busy); the message says why."""


@dataclass(frozen=True)
class DepositAlert:
    """A deposit the front desk must see to after the guest left: the terminal declined
    its capture (or release) - the front desk charges the guest otherwise (``why``: the
    terminal's reason) - or, ``kind`` :data:`DEPOSIT_DOUBT`, cannot say how its request
    (``reference``) ended."""

    preauth_ref: str
    action: str
    amount: Money
    stay_id: str
    checkin_id: str
    why: str
    at: datetime
    kind: str = DEPOSIT_FAILED
    reference: str = ""

    @property
    def transaction_id(self) -> str:
        """The visit the service events are about (the deposit's own id if unknown)."""
        return self.checkin_id or self.preauth_ref

    @property
    def in_doubt(self) -> bool:
        """The terminal has not said how the request ended (staff give a verdict)."""
        return self.kind == DEPOSIT_DOUBT


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
        doubt_rounds: the rounds a request may stay unknown before it is raised for the
            front desk (``[hotel] deposit_doubt_rounds``).

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
        doubt_rounds: int = 5,
    ) -> None:
        self.terminal, self.clock, self.ids = terminal, clock, ids
        self.doubt_rounds = max(1, doubt_rounds)
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
        for task, doubt in q.raised_doubts(self.front):
            self._alerts[task.preauth_ref] = _doubt_alert(task, doubt)
        for task, doubt in q.watched_doubts(self.front):
            if doubt.after_at:
                self._alerts[task.preauth_ref] = _taken_alert(task, doubt)

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
        """The deposits declined or in doubt that the front desk has not settled yet,
        oldest first (from memory: the station's report asks on its own thread)."""
        return sorted(self._alerts.values(), key=lambda a: (a.at, a.preauth_ref))

    def alert(self, preauth_ref: str) -> DepositAlert | None:
        """The open alert of pre-authorisation ``preauth_ref``, or None (from memory)."""
        return self._alerts.get(preauth_ref)

    def settle_alert(self, preauth_ref: str, staff_id: str, *, taken: bool = False) -> str:
        """The front desk (``staff_id``) settles the open alert of ``preauth_ref``: a
        declined one (they charged the guest otherwise), or one in doubt with their
        verdict (``taken``: the terminal's records show it; else they charge the guest
        otherwise) - taken only after the terminal was asked once more.

        Returns what it came to: ``settled_at_desk`` (declined), ``taken`` /
        ``not_taken`` (staff's verdict), or the terminal's own answer that closed it
        instead: ``terminal_approved``, ``terminal_declined`` (now a declined alert: the
        desk charges the guest), ``not_processed`` (never ran: sent again).

        Raises:
            DepositDeskError: no such alert is open, or the terminal stayed busy.
            PaymentInProgressError: the terminal is still working on the request.
            StoreError, JournalError: the store refused (nothing is taken).
        """
        alert = self._alerts.get(preauth_ref)
        if alert is None:
            raise DepositDeskError(f"deposit {preauth_ref}: no alert is open for it")
        if alert.kind == DEPOSIT_TAKEN:
            return self._given_back(alert, staff_id)
        if not alert.in_doubt:
            if not self.settled_at_desk(preauth_ref, staff_id):
                raise DepositDeskError(f"deposit {preauth_ref}: settled already")
            return "settled_at_desk"
        if not self.terminal_lock.acquire(timeout=DESK_WAIT_S):
            raise DepositDeskError("the card terminal is busy with a payment: try again")
        try:
            with self._front_lock:
                return self._verdict(alert, staff_id, taken)
        finally:
            self.terminal_lock.release()
            with self._changed:
                self._changed.notify_all()

    def _given_back(self, alert: DepositAlert, staff_id: str) -> str:
        """The front desk gave the guest back what it charged for a request the terminal
        took after all: the alert closes, the terminal is no longer asked."""
        resolved = self._resolved(alert, "given_back", staff_id, "remote")
        with self._front_lock:
            if not q.end_watch(self.front, alert.preauth_ref, also=resolved):
                self._alerts.pop(alert.preauth_ref, None)
                raise DepositDeskError(f"deposit {alert.preauth_ref}: settled already")
        self._alerts.pop(alert.preauth_ref, None)
        log.info("deposit %s: given back at the front desk by %s", alert.preauth_ref, staff_id)
        return "given_back"

    def _verdict(self, alert: DepositAlert, staff_id: str, taken: bool) -> str:
        """Staff's verdict on ``alert`` (in doubt), after asking the terminal once more
        (holding the terminal and the front connection)."""
        task = q.deposit_task(self.front, alert.preauth_ref)
        if task is None or task.state != "queued" or task.reference != alert.reference:
            self._alerts.pop(alert.preauth_ref, None)
            raise DepositDeskError(f"deposit {alert.preauth_ref}: no longer in doubt")
        outcome = "taken" if taken else "not_taken"
        resolved = self._resolved(alert, outcome, staff_id, "remote")

        def also(conn: Any) -> None:  # in the journal's transaction: the task ends with it
            if not q.settle_doubt_at_desk(conn, task.preauth_ref, task.reference, taken, staff_id):
                raise DepositDeskError(f"deposit {task.preauth_ref}: no longer in doubt")
            if resolved is not None:
                resolved(conn)

        record = self.front_journal.get(task.reference)
        if record.state not in (PaymentState.SENT, PaymentState.UNKNOWN):
            return self._after(task, record, self.front)  # heard before the task ended
        flow = PaymentFlow(self.terminal, self.front_journal, backoff=self.backoff)
        record = flow.resolve(task.reference, taken, staff_id, also=also)
        if record.resolved_by == staff_id:  # the terminal could not tell: staff's word
            self._alerts.pop(task.preauth_ref, None)
            log.warning("deposit %s: %s in doubt settled by %s as %s",
                        task.preauth_ref, task.action, staff_id, outcome)  # fmt: skip
            return outcome
        return self._after(task, record, self.front)  # the terminal answered first

    def settled_at_desk(self, preauth_ref: str, staff_id: str) -> bool:
        """The front desk (``staff_id``) charged the guest otherwise: the declined alert
        closes, with its ``intervention.resolved`` event. False if no such alert is open.

        Raises:
            StoreError: no staff id, or the store refused.
        """
        alert = self._alerts.get(preauth_ref)
        if alert is None or alert.kind != DEPOSIT_FAILED:
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

    def _raised(self, alert: DepositAlert) -> Callable[[Any], object] | None:
        """Writes the ``intervention.raised`` of ``alert`` (in doubt, or taken after the
        desk's word; None: no ids)."""
        if self.ids is None:
            return None
        iid = self.ids.intervention(alert.transaction_id, alert.kind, alert.at)
        data = {"intervention_id": iid, "kind": alert.kind}
        occurrence = Occurrence("intervention.raised", alert.at, alert.transaction_id, iid, data)
        return self._events(occurrence)

    def _resolved(
        self, alert: DepositAlert | None, outcome: str, staff_id: str | None, how: str
    ) -> Callable[[Any], object] | None:
        """Writes the ``intervention.resolved`` of ``alert`` (in doubt, or taken after the
        desk's word; None: none raised)."""
        if alert is None or alert.kind not in (DEPOSIT_DOUBT, DEPOSIT_TAKEN) or self.ids is None:
            return None
        iid = self.ids.intervention(alert.transaction_id, alert.kind, alert.at)
        data: dict[str, object] = {
            "intervention_id": iid,
            "kind": alert.kind,
            "how": how,
            "outcome": outcome,
        }
        if staff_id:
            data["staff_id"] = staff_id
        occurrence = Occurrence(
            "intervention.resolved", self.clock(), alert.transaction_id, iid, data
        )
        return self._events(occurrence)

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
        return len(q.deposit_tasks(self.back)) + self._watch_round()

    def _watch_round(self) -> int:
        """Ask the terminal about each request the front desk said it did not take (staff
        may be wrong); returns how many are still asked about."""
        watched = [(t, d) for t, d in q.watched_doubts(self.back) if not d.after_at]
        left = len(watched)
        for task, doubt in watched:
            if not self.terminal_lock.acquire(blocking=False):
                break
            try:
                left -= self._watch(task, doubt)
            except Exception:  # one bad task never stops the others
                log.exception("deposit %s: asking the terminal again failed", task.preauth_ref)
            finally:
                self.terminal_lock.release()
        return left

    def _watch(self, task: q.DepositTask, doubt: q.DepositDoubt) -> bool:
        """What the terminal says of ``doubt.reference`` now; True once it said it."""
        kind = PaymentKind.COMPLETION if task.action == "capture" else PaymentKind.PREAUTH_CANCEL
        try:
            inquiry = self.terminal.status(doubt.reference, kind)
        except PaymentError as error:
            log.info("deposit %s: not asked again: %s", task.preauth_ref, error)
            return False
        result = inquiry.result
        if inquiry.state is InquiryState.IN_PROGRESS:
            return False
        if inquiry.state is InquiryState.FINISHED and result and result.outcome is Outcome.APPROVED:
            taken: list[DepositAlert] = []

            def also(conn: Any, marked: q.DepositDoubt) -> None:
                alert = _taken_alert(task, marked)
                taken.append(alert)
                write = self._raised(alert)
                if write is not None:
                    write(conn)

            q.taken_after_desk(self.back, task.preauth_ref, also)
            for alert in taken:
                self._alerts[task.preauth_ref] = alert
                log.error("deposit %s of stay %s: the terminal did take the %s of %s that %s "
                          "said it did not: the front desk gives back what it charged",
                          task.preauth_ref, task.stay_id or "?", task.action, alert.amount,
                          doubt.watch)  # fmt: skip
            return True
        q.end_watch(self.back, task.preauth_ref)  # not taken: staff were right
        log.info("deposit %s: the terminal confirms it did not take it", task.preauth_ref)
        return True

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
                try:
                    record = self._flow(task.reference).recheck(task.reference)
                except PaymentError as error:  # still running at the terminal: in doubt
                    self._in_doubt(task, f"outcome unknown: {error}", self.back)
                    return
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

    def _after(self, task: q.DepositTask, record: PaymentRecord, conn: Any = None) -> str:
        """What the journal row of the task's request says about the task, written on
        ``conn`` (default: the sender's); a doubt raised over it closes in the same
        transaction. Returns the terminal's answer as the desk is told it ("" while
        still unknown)."""
        conn = self.back if conn is None else conn
        state = record.state
        doubt = self._alerts.get(task.preauth_ref)
        doubt = doubt if doubt is not None and doubt.in_doubt else None
        if state in (PaymentState.APPROVED, PaymentState.REVERSED):
            resolved = self._resolved(doubt, "terminal_approved", None, "at_lane")
            q.finish_deposit(conn, task.preauth_ref, "done", also=resolved)
            self._forget_doubt(doubt)
            log.info("deposit %s: %s done (%s)", task.preauth_ref, task.action, task.reference)
            return "terminal_approved"
        if state is PaymentState.DECLINED:
            why = f"{task.action} declined ({record.error_condition or 'declined'})"
            self._fail(task, why, conn, self._resolved(doubt, "terminal_declined", None, "at_lane"))
            return "terminal_declined"
        if state is PaymentState.CANCELLED and record.resolved_by:  # someone's verdict
            # (not the desk's: that ends the task with it) - never sent again
            by = record.resolved_by
            resolved = self._resolved(doubt, "not_taken", by, "at_lane")
            self._fail(task, f"{task.action} not taken, said {by}", conn, resolved)
            return "not_taken"
        if state is PaymentState.CANCELLED:  # never reached the terminal: a new try
            why = record.error_condition or "cancelled"
            resolved = self._resolved(doubt, "not_processed", None, "at_lane")
            q.renew_deposit_reference(conn, task.preauth_ref, self.references(), why, resolved)
            self._forget_doubt(doubt)
            return "not_processed"
        # SENT / UNKNOWN: in doubt, asked again next round
        self._in_doubt(task, f"outcome {state.value}", conn)
        return ""

    def _forget_doubt(self, doubt: DepositAlert | None) -> None:
        if doubt is not None and self._alerts.get(doubt.preauth_ref) is doubt:
            self._alerts.pop(doubt.preauth_ref, None)

    def _in_doubt(self, task: q.DepositTask, why: str, conn: Any) -> None:
        """One more round the terminal could not say how the task's request ended: at
        the ``doubt_rounds``-th, an alert for the front desk and its service event, once."""
        raised: list[DepositAlert] = []

        def also(conn: Any, doubt: q.DepositDoubt) -> None:
            alert = _doubt_alert(dataclasses.replace(task, last_error=why), doubt)
            raised.append(alert)
            write = self._raised(alert)
            if write is not None:
                write(conn)

        q.doubt_round(
            conn, task.preauth_ref, task.reference, why, raise_after=self.doubt_rounds, also=also
        )
        for alert in raised:
            self._alerts[task.preauth_ref] = alert
            log.error("deposit %s of stay %s: %s of %s unknown after %d rounds (%s): the "
                      "front desk is told; the terminal is still asked", task.preauth_ref,
                      task.stay_id or "?", task.action, alert.amount, self.doubt_rounds,
                      why)  # fmt: skip

    def _not_sent(self, task: q.DepositTask, error: PaymentError) -> None:
        """The flow refused before sending (the pre-authorisation is no longer held, ...)."""
        try:
            preauth = self.journal.get(task.preauth_ref)
        except JournalError:
            preauth = None
        if task.action == "release" and preauth and preauth.state is PaymentState.REVERSED:
            q.finish_deposit(self.back, task.preauth_ref, "done", "already released")
        elif preauth is None or preauth.state is not PaymentState.APPROVED:
            self._fail(task, f"the pre-authorisation is not held ({error})", self.back)
        else:
            q.deposit_attempted(self.back, task.preauth_ref, str(error))

    def _fail(
        self,
        task: q.DepositTask,
        why: str,
        conn: Any,
        resolved: Callable[[Any], object] | None = None,
    ) -> None:
        """End ``task`` failed: an alert for the front desk and its service event for HQ,
        committed with the task's end (and ``resolved``: the end of its doubt). Both take
        the time the store wrote (as a restart reads it back: the resolution's event then
        names the same intervention)."""
        failed: list[DepositAlert] = []

        def also(conn: Any) -> None:
            if resolved is not None:
                resolved(conn)
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
                q.finish_deposit(conn, task.preauth_ref, "failed", why)
                q.settle_failed_deposit(conn, task.preauth_ref, "checkout")
                log.warning("deposit %s: %s (the check-out goes on)", task.preauth_ref, why)
                return
            q.finish_deposit(conn, task.preauth_ref, "failed", why, also=also)
        for alert in failed:
            self._alerts[task.preauth_ref] = alert
            log.error("deposit %s of stay %s: %s %s: the front desk must charge the guest",
                      task.preauth_ref, task.stay_id or "?", alert.amount, why)  # fmt: skip

    def _note(self, task: q.DepositTask, why: str) -> None:
        q.deposit_attempted(self.back, task.preauth_ref, why)


def _taken_alert(task: q.DepositTask, doubt: q.DepositDoubt) -> DepositAlert:
    """The front desk's alert for ``task`` taken after the desk's "not taken"."""
    alert = _alert(dataclasses.replace(task, last_error=f"said not taken by {doubt.watch}"),
                   doubt.after_at)  # fmt: skip
    return dataclasses.replace(alert, kind=DEPOSIT_TAKEN, reference=doubt.reference)


def _doubt_alert(task: q.DepositTask, doubt: q.DepositDoubt) -> DepositAlert:
    """The front desk's alert for ``task`` in doubt (raised at ``doubt.raised_at``)."""
    alert = _alert(task, doubt.raised_at)
    return dataclasses.replace(alert, kind=DEPOSIT_DOUBT, reference=doubt.reference)


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
