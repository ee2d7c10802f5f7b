"""``TravelRunner``: a check-in machine on its own thread - what the airport and hotel
runners share.

Theory of operation. Everything that happens - a touch (:meth:`TravelRunner.send`),
a device's reading, a card payment's outcome, an agent's verdict
(:meth:`TravelRunner.agent_verdict`) - is put on one queue as a job. One thread
(``kiosk-<thread_name>``) takes the jobs in order and hands each event, stamped with
the lane clock, to the journey's pure machine. The new state is adopted and broadcast
to the ``listeners`` *before* its effects run (a screen shows "one moment" while the
back office is asked); then the effects run in order on this thread through the
journey's :meth:`TravelRunner._perform`, and each answer is handled at once, before
any queued touch.

The journey's subclass sets the class attributes (``thread_name``, ``noun``,
``verdicts``, ``payment_failed`` and ``steps``) and overrides
:meth:`_perform` plus, where it needs to, the small hooks (:meth:`_adopted`,
:meth:`_verdict_paid`). Failures never escape: a job's exception is logged and the
state stays as it was; an event the machine refuses (:class:`IllegalEvent`) is
logged and dropped; a record that cannot be stored is retried with a growing delay.
"""

from __future__ import annotations

import logging
import queue
import threading
import uuid
from collections.abc import Callable, Mapping
from dataclasses import fields, replace
from datetime import UTC, datetime
from typing import Any, ClassVar

from kiosk import clock as kiosk_clock
from kiosk.domain.airport.interventions import Verdict
from kiosk.domain.travel.journey import (
    DocumentPrinted,
    IdleTimedOut,
    IllegalEvent,
    PrintFailed,
    RecordCommitted,
    Reset,
)
from kiosk.threads import start_repeating, start_thread, start_timer

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
Listener = Callable[[Any, list[Any]], None]
Job = Callable[[], None]
#: ``resolve_payment(reference, paid, staff_id)``: the payment flow's verdict on an
#: unknown payment after asking the terminal again; True when it counts as paid.
ResolvePayment = Callable[[str, bool, str], bool]

#: A placeholder time: events are stamped with the lane clock on the runner's thread.
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class VerdictRefused(IllegalEvent):
    """An agent's verdict that cannot be taken now (the terminal is still working on the
    payment it is about); the message says why."""


def new_journey_id() -> str:
    """Check-in and visit ids double as transaction ids: unique across lanes and restarts."""
    return str(uuid.uuid4())


def stamped(event: Any, at: datetime) -> Any:
    """``event`` with ``at`` set to the lane clock's time (an event without ``at`` as is)."""
    if any(f.name == "at" for f in fields(event)):
        return replace(event, at=at)
    return event


class TravelRunner:
    """The shell's ``JourneyRunner`` for a check-in journey (a base: see the module).

    Args:
        state: the first state (the journey's ``start(settings, id)``).
        machine: the journey's pure machine (``handle(state, event, now)``).
        commit: stores a finished record (the journey's committer).
        clock: the lane's one clock.
        resolve_payment: settles an unknown payment with an agent's verdict (or None).
        abandon_after_s: seconds without a touch that abandon a journey (0: never here).
        new_id: makes the next journey's id.
    """

    thread_name: ClassVar[str]  # "airport": the thread is kiosk-airport
    noun: ClassVar[str]  # "check-in": what the logs call one journey
    verdicts: ClassVar[Mapping[Any, frozenset[Verdict]]]  # verdicts per intervention kind
    payment_failed: ClassVar[Any]  # the intervention kind of an unknown payment
    steps: ClassVar[Any]  # the journey's Step (its DONE and INTERVENTION)

    def __init__(
        self,
        *,
        state: Any,
        machine: Any,
        commit: Callable[..., None],
        clock: Clock,
        resolve_payment: ResolvePayment | None,
        abandon_after_s: float,
        new_id: Callable[[], str],
    ) -> None:
        self.commit = commit
        self.clock = clock
        self.resolve_payment = resolve_payment
        self.abandon_after_s = abandon_after_s
        self.new_id = new_id
        self.machine = machine
        self.accepting = True
        self.listeners: list[Listener] = []
        self._state = state
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._watchdog: Any = None
        self._last_touch = kiosk_clock.monotonic()
        self._stopping = False

    # -- the shell's JourneyRunner ---------------------------------------------------------

    @property
    def state(self) -> Any:
        """The latest state (read from any thread; replaced, never changed)."""
        return self._state

    def start(self) -> None:
        """Start the runner's thread (idempotent)."""
        self._stopping = False
        if self._thread is None:
            self._thread = start_thread(self.thread_name, self._run)
            if self.abandon_after_s > 0:
                name = f"{self.thread_name}-idle"
                self._watchdog = start_repeating(name, 1.0, self._check_idle)

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

    def device_faulted(self, device: str, detail: str) -> None:
        """A device failed: the shell shows it; here it is logged, except while the lane
        stops (every device then reports "not claimed": the lane stopping, not a fault)."""
        if self._stopping:
            log.debug("device %s stopped with the lane: %s", device, detail)
            return
        log.warning("device %s faulted: %s", device, detail)

    def state_name(self) -> str:
        return str(self._state.step.value)

    def busy(self) -> bool:
        """True while someone is part-way through a journey (not yet on its last step)."""
        state = self._state
        return state.started_at is not None and state.step is not self.steps.DONE

    def call(self, job: Job) -> None:
        """Run ``job`` on the runner's thread (the service-event recorder's writes)."""
        self._queue.put(job)

    # -- what the screens and the desk call --------------------------------------------

    def send(self, event: Any) -> None:
        """A touch's event (or a device's), stamped with the lane clock on the thread."""
        self._last_touch = kiosk_clock.monotonic()
        self._queue.put(lambda: self._handle(stamped(event, self.clock())))

    def agent_verdict(self, event: Any, staff_id: str) -> None:
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
        if event.verdict not in self.verdicts[open_.kind]:
            why = f"verdict {event.verdict.value} does not apply to {open_.kind.value}"
            raise IllegalEvent(state.step, event, why)
        verdict = self._settle_payment(replace(event, staff_id=staff_id), state)
        self._queue.put(lambda: self._handle(replace(verdict, at=self.clock())))

    def _settle_payment(self, event: Any, state: Any) -> Any:
        """A verdict on an unknown payment: the terminal is asked again first and its word
        beats the agent's (invariant 9); the verdict becomes what the journal now says.

        Raises:
            VerdictRefused: the terminal is still working on it, or the journal refused.
        """
        unknown = [p for p in state.payments if p.outcome == "unknown"]
        if event.kind is not self.payment_failed or not unknown or self.resolve_payment is None:
            return event
        reference = unknown[-1].reference
        try:
            paid = self.resolve_payment(reference, event.verdict is Verdict.ACCEPT, event.staff_id)
        except Exception as error:  # PaymentInProgressError, PaymentError, JournalError
            raise VerdictRefused(state.step, event, f"payment {reference}: {error}") from None
        if paid:
            self._verdict_paid(unknown[-1], state)
        return replace(event, verdict=Verdict.ACCEPT if paid else Verdict.REFUSE)

    def _verdict_paid(self, payment: Any, state: Any) -> None:
        """A hook: the terminal, asked again, says ``payment`` was taken (caller's thread)."""

    def reset(self) -> None:
        """The next person (after the goodbye screen)."""
        self.send(Reset(self.new_id(), EPOCH))

    # -- the runner's thread -----------------------------------------------------------

    def _run(self) -> None:
        while (job := self._queue.get()) is not None:
            try:
                job()
            except Exception:  # a bug must not kill the kiosk; the state is unchanged
                log.exception("%s job failed", self.noun)

    def _check_idle(self) -> None:
        """Abandon a journey nobody touched for ``abandon_after_s`` - but never one that
        waits for an agent (the agent decides whether the person is gone)."""
        idle = kiosk_clock.monotonic() - self._last_touch
        waiting_for_agent = self._state.step is self.steps.INTERVENTION
        if idle >= self.abandon_after_s and self.busy() and not waiting_for_agent:
            self._last_touch = kiosk_clock.monotonic()
            self._queue.put(lambda: self._handle(IdleTimedOut(self.clock())))

    def _handle(self, first: Any) -> None:
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
                continue  # nothing changed (a reading that means nothing): no news
            before, self._state = self._state, state
            self._adopted(before, state)
            self._broadcast(state, effects)
            for effect in effects:
                answer = self._perform(effect)
                if answer is not None:
                    pending.append(answer)

    def _adopted(self, before: Any, after: Any) -> None:
        """A hook: ``after`` replaced ``before`` (before the listeners hear of it)."""

    def _broadcast(self, state: Any, effects: list[Any]) -> None:
        for listener in list(self.listeners):
            try:
                listener(state, effects)
            except Exception:
                log.exception("%s listener failed", self.noun)

    def _perform(self, effect: Any) -> Any:
        """Perform ``effect`` on this thread; the machine's answer to it, or None."""
        raise NotImplementedError

    def _ask(
        self,
        system: str,
        call: Any,
        ask: Callable[[], Any],
        *,
        refused: type[Exception],
        failed: Callable[..., Any],
        unreachable: Any,
    ) -> Any:
        """Ask the back office (``system``: "DCS", "PMS") ``call``: ``ask()``'s answer, or
        ``failed(call, kind, code, message, at)`` when it raised ``refused`` (its
        ``kind``, ``code``, ``message``) - or anything else: a driver's bug is an
        ``unreachable`` back office, never a crash."""
        try:
            return ask()
        except refused as error:
            kind, code, message = error.kind, error.code, error.message  # type: ignore[attr-defined]
            log.warning("%s %s failed: %s %s", system, call.value, kind.value, code)
            return failed(call, kind, code, message, self.clock())
        except Exception as error:
            log.exception("%s %s failed", system, call.value)
            return failed(call, unreachable, "", type(error).__name__, self.clock())

    def _print(self, document_id: str, print_it: Callable[[], object]) -> Any:
        """Print a document (``print_it`` blocks until printed): ``DocumentPrinted``, or
        ``PrintFailed`` naming the printer's error."""
        from kiosk.devices.errors import DeviceError

        try:
            print_it()
        except DeviceError as error:
            log.warning("printing %s failed: %s", document_id, error)
            return PrintFailed(document_id, str(error), self.clock())
        except Exception as error:
            log.exception("printing %s failed", document_id)
            return PrintFailed(document_id, type(error).__name__, self.clock())
        return DocumentPrinted(document_id, self.clock())

    def _commit(self, journey_id: str, store: Callable[[], Any], attempt: int = 0) -> Any:
        """Store a finished journey's record (``store`` commits it; its answer, if any, is
        the machine's): ``RecordCommitted``; on failure the journey stays closing and the
        store is tried again with a growing delay (the record must reach the store)."""
        try:
            answer = store()
        except Exception:
            log.exception("%s %s not stored (attempt %d)", self.noun, journey_id, attempt + 1)
            delay = min(30.0, 0.5 * 2**attempt)

            def again() -> None:
                answer = self._commit(journey_id, store, attempt + 1)
                if answer is not None:
                    self._handle(answer)

            name = f"{self.thread_name}-record-retry"
            start_timer(name, delay, lambda: self._queue.put(again))
            return None
        return answer if answer is not None else RecordCommitted(self.clock())
