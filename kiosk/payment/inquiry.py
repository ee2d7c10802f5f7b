"""Finding out how a request ended: settle a clear answer, or ask the terminal.

:class:`OutcomeFinder` is the part of the payment flow that runs after a request
was sent: it settles the journal row from an answer, or, when there was none,
asks the terminal by reference with back-off while it says "in progress", sends
an abort if it still cannot tell, asks once more, and finally records UNKNOWN
(the attendant decides). It never re-sends the request. Before an attendant's
verdict is taken, :meth:`OutcomeFinder.recheck` asks again: a final answer from
the terminal wins over any verdict, and a request still running refuses both.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kiosk.payment.errors import PaymentError, PaymentInProgressError
from kiosk.payment.journal import STATE_OF_OUTCOME, PaymentJournal, PaymentRecord, PaymentState
from kiosk.payment.types import (
    InquiryState,
    Outcome,
    PaymentKind,
    PaymentResult,
    PaymentTerminal,
    StatusInquiry,
)

log = logging.getLogger(__name__)
Also = Callable[..., None] | None


@dataclass(frozen=True, slots=True)
class FlowOutcome:
    """What became of one request; ``needs_attendant`` when its outcome is unknown."""

    record: PaymentRecord
    needs_attendant: bool = False

    @property
    def state(self) -> PaymentState:
        """The journal state the request ended in."""
        return self.record.state


class OutcomeFinder:
    """Settles requests of ``journal`` from ``terminal``'s answers; sleeps are injected."""

    def __init__(
        self,
        terminal: PaymentTerminal,
        journal: PaymentJournal,
        backoff: Sequence[float],
        after_abort: Sequence[float],
        sleep: Callable[[float], None],
    ) -> None:
        self.terminal, self.journal = terminal, journal
        self.backoff, self.after_abort, self.sleep = tuple(backoff), tuple(after_abort), sleep

    def settle(self, reference: str, result: PaymentResult, also: Also, how: str) -> FlowOutcome:
        """Settle ``reference`` from the terminal's ``result`` (with ``also``) in one transaction.

        Raises:
            JournalError: if the journal refuses the change.
        """
        state = STATE_OF_OUTCOME[result.outcome]
        record = self.journal.settle(
            reference, state, result, note=f"{how}: {result.error_condition or 'ok'}", also=also
        )
        log.info(
            "payment %s: %s %s %s",
            reference,
            state.value,
            result.brand or "",
            result.masked_pan or "",
        )
        return FlowOutcome(record, needs_attendant=state is PaymentState.UNKNOWN)

    def inquire(self, reference: str, kind: PaymentKind, also: Also, *, abort: bool) -> FlowOutcome:
        """Find out how ``reference`` ended by status inquiries (see the module docstring).

        With ``abort``, an abort is sent before the last round. Settles the row and
        returns the outcome; UNKNOWN (``needs_attendant``) if the terminal cannot tell.
        """
        done = self._ask(reference, kind, (0.0, *self.backoff), also)
        if done is None and abort:
            self._abort(reference, kind)
            done = self._ask(reference, kind, self.after_abort, also)
        if done is not None:
            return done
        log.error("payment %s: outcome unknown; the attendant must check the terminal", reference)
        record = self.journal.settle(
            reference, PaymentState.UNKNOWN, note="terminal cannot tell", also=also
        )
        return FlowOutcome(record, needs_attendant=True)

    def recheck(self, reference: str, kind: PaymentKind) -> FlowOutcome | None:
        """Ask once more before a person decides; abort and ask again if still running.

        Returns the settled outcome if the terminal gave a final answer, None if it
        cannot be asked (then the attendant's own check of the terminal decides).

        Raises:
            PaymentInProgressError: the terminal is still working on it after the abort.
        """
        for attempt, delay in enumerate((0.0, *self.after_abort)):
            if delay:
                self.sleep(delay)
            inquiry = self._status(reference, kind)
            if inquiry is None:
                return None
            done = self._settle_inquiry(reference, inquiry, None)
            if done is not None:
                return done
            if attempt == 0:
                self._abort(reference, kind)
        raise PaymentInProgressError(
            f"payment {reference}: the terminal is still working on it; wait for it to "
            "finish (or cancel it on the terminal), then decide"
        )

    def abort_then_inquire(self, reference: str, kind: PaymentKind) -> FlowOutcome:
        """Start-up: stop a request that may still be running, then find out how it ended."""
        if kind not in (PaymentKind.REVERSAL, PaymentKind.PREAUTH_CANCEL):
            self._abort(reference, kind)  # a reversal is left to finish: it gives money back
        return self.inquire(reference, kind, None, abort=False)

    def _abort(self, reference: str, kind: PaymentKind) -> None:
        try:
            self.terminal.abort(reference, kind)
        except PaymentError as error:
            log.warning("abort of payment %s failed: %s", reference, error)

    def _status(self, reference: str, kind: PaymentKind) -> StatusInquiry | None:
        """The terminal's answer about ``reference``, or None if it cannot be asked."""
        try:
            return self.terminal.status(reference, kind)
        except PaymentError as error:
            log.warning("status of payment %s: %s", reference, error)
            return None

    def _settle_inquiry(
        self, reference: str, inquiry: StatusInquiry, also: Also
    ) -> FlowOutcome | None:
        if inquiry.state is InquiryState.FINISHED and inquiry.result is not None:
            return self.settle(reference, inquiry.result, also, "status inquiry")
        if inquiry.state is InquiryState.NOT_FOUND:
            result = PaymentResult(reference, Outcome.CANCELLED, error_condition="NotFound")
            return self.settle(reference, result, also, "terminal has no record")
        return None

    def _ask(
        self, reference: str, kind: PaymentKind, delays: Sequence[float], also: Also
    ) -> FlowOutcome | None:
        for delay in delays:
            if delay:
                self.sleep(delay)
            inquiry = self._status(reference, kind)
            if inquiry is None:
                continue
            done = self._settle_inquiry(reference, inquiry, also)
            if done is not None:
                return done
        return None
