"""The journaled payment flow: no double charge, no lost payment (DESIGN.md invariant 3).

Theory of operation, for every request to the terminal:

1. refuse to start while any earlier payment is SENT or UNKNOWN (:class:`PaymentBlockedError`);
2. commit the journal row (state SENT, unique reference) *before* sending;
3. send; a clear answer settles the row (APPROVED / DECLINED / CANCELLED) in one
   transaction together with the caller's ``also(conn)`` (the sale);
4. a request that certainly was not processed (connection refused, or the terminal
   answered with an EventNotification Reject, e.g. a wrong shared key) is CANCELLED;
5. a timeout, a dropped connection or a garbled answer starts status inquiries by
   reference (:class:`~kiosk.payment.inquiry.OutcomeFinder`); if the terminal cannot
   tell, the row becomes UNKNOWN and the caller is told to call the attendant
   (:attr:`FlowOutcome.needs_attendant`). Nothing here ever re-sends a charge.

:meth:`PaymentFlow.reconcile` aborts every SENT/UNKNOWN request at start-up (it may
still be running at the terminal) and then runs step 5 for it; :meth:`PaymentFlow.resolve`
asks the terminal once more and records the attendant's verdict only if the
terminal cannot tell (a request still running refuses any verdict). Time and sleeping are
injected (the journal's clock, ``sleep``) so tests run without waiting.
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from kiosk.domain.money import Money
from kiosk.payment.errors import (
    ConnectionLostError,
    PaymentBlockedError,
    PaymentError,
    TerminalProtocolError,
    TerminalRejectedError,
    TerminalTimeoutError,
    TerminalUnreachableError,
)
from kiosk.payment.inquiry import Also, FlowOutcome, OutcomeFinder
from kiosk.payment.journal import (
    PaymentJournal,
    PaymentRecord,
    PaymentState,
)
from kiosk.payment.types import (
    InquiryState,
    Outcome,
    PaymentKind,
    PaymentResult,
    PaymentTerminal,
)
from kiosk.store.db import write_transaction

log = logging.getLogger(__name__)
SaleState = Literal["open", "completed", "gone"]


_REFERENCE_LETTERS = "abcdefghjkmnpqrstuvwxyz"


def new_reference() -> str:
    """A fresh random payment reference: 24 letters (about 108 bits).

    Letters only, so that no reference can look like a card number to the Luhn
    scans that check logs and databases for leaked card data.
    """
    return "".join(secrets.choice(_REFERENCE_LETTERS) for _ in range(24))


@dataclass
class OrphanReport:
    """What :meth:`PaymentFlow.reverse_orphans` did: reversals sent, and approvals it could
    not give back (with why) - each of those needs the attendant."""

    reversed: list[FlowOutcome] = field(default_factory=list)
    failed: list[tuple[PaymentRecord, str]] = field(default_factory=list)


class PaymentFlow:
    """Runs payments through ``terminal``, journaling each in ``journal``."""

    def __init__(
        self,
        terminal: PaymentTerminal,
        journal: PaymentJournal,
        *,
        backoff: Sequence[float] = (1.0, 2.0, 4.0, 8.0, 15.0),
        after_abort: Sequence[float] = (0.5, 1.0),
        sleep: Callable[[float], None] = time.sleep,
        references: Callable[[], str] = new_reference,
    ) -> None:
        self.terminal, self.journal, self.references = terminal, journal, references
        self._current: tuple[str, PaymentKind] | None = None  # the request in flight
        self.outcomes = OutcomeFinder(terminal, journal, backoff, after_abort, sleep)

    # -- the shopper's operations -----------------------------------------------------
    def remaining(self, sale_id: str, total: Money) -> Money:
        """What is still to pay on ``sale_id`` (split tender: total minus approved)."""
        return total - self.journal.paid_total(sale_id, total.currency)

    def pay(
        self, sale_id: str, amount: Money, *, total: Money | None = None, also: Also = None
    ) -> FlowOutcome:
        """Charge ``amount`` towards ``sale_id`` (at most the remaining part of ``total``).

        Raises:
            PaymentBlockedError: an earlier payment is unresolved (nothing was sent).
            PaymentError: a non-positive amount or more than remains (nothing was sent);
                JournalError if the journal cannot be written (nothing was sent).
        """
        if amount.minor <= 0:
            raise PaymentError(f"cannot charge {amount}")
        if total is not None and amount > self.remaining(sale_id, total):
            raise PaymentError(
                f"{amount} is more than the {self.remaining(sale_id, total)} "
                f"left to pay on sale {sale_id}"
            )
        return self._start(
            sale_id,
            PaymentKind.PURCHASE,
            amount,
            None,
            lambda ref: self.terminal.purchase(amount, ref),
            also=also,
        )

    def refund(self, sale_id: str, amount: Money, *, also: Also = None) -> FlowOutcome:
        """Pay ``amount`` back to a card (raises like :meth:`pay`)."""
        return self._start(
            sale_id,
            PaymentKind.REFUND,
            amount,
            None,
            lambda ref: self.terminal.refund(amount, ref),
            also=also,
        )

    def preauthorise(self, sale_id: str, amount: Money, *, also: Also = None) -> FlowOutcome:
        """Reserve ``amount`` (hotel deposit) (raises like :meth:`pay`)."""
        return self._start(
            sale_id,
            PaymentKind.PREAUTH,
            amount,
            None,
            lambda ref: self.terminal.preauthorise(amount, ref),
            also=also,
        )

    def complete(self, preauth_reference: str, amount: Money, *, also: Also = None) -> FlowOutcome:
        """Charge ``amount`` against an approved pre-authorisation."""
        original = self._held(preauth_reference)
        return self._start(
            original.sale_id,
            PaymentKind.COMPLETION,
            amount,
            original.reference,
            lambda ref: self.terminal.complete(original.as_result(), amount, ref),
            also=also,
        )

    def adjust(self, preauth_reference: str, amount: Money, *, also: Also = None) -> FlowOutcome:
        """Make the approved pre-authorisation ``preauth_reference`` hold ``amount`` (the
        new total) before a larger completion: journaled and sent like any request
        (kind ``preauth_adjust``), an unknown outcome asked again, never re-sent.

        Exactly once: an adjustment of that pre-authorisation to that amount already
        approved (a visit asked again after a restart) is returned, nothing is sent.
        Raises like :meth:`pay`, and PaymentError if the pre-authorisation is not held.
        """
        original = self._held(preauth_reference)
        if original.kind is not PaymentKind.PREAUTH:
            raise PaymentError(f"payment {preauth_reference} is not a pre-authorisation")
        for done in self.journal.for_sale(original.sale_id):
            if (
                done.kind is PaymentKind.PREAUTH_ADJUST
                and done.original_reference == original.reference
                and done.state is PaymentState.APPROVED
                and done.amount == amount
            ):
                return FlowOutcome(done)
        return self._start(
            original.sale_id,
            PaymentKind.PREAUTH_ADJUST,
            amount,
            original.reference,
            lambda ref: self.terminal.adjust_preauthorisation(original.as_result(), amount, ref),
            also=also,
        )

    def reverse(self, reference: str, *, also: Also = None) -> FlowOutcome:
        """Undo the approved payment ``reference`` (the sale cannot complete).

        On success the original row becomes REVERSED in the same transaction as
        ``also``. Raises like :meth:`pay`, and JournalError if it is not APPROVED.
        """
        original = self._approved(reference)
        if not original.terminal_transaction_id:
            original = self._with_transaction_id(original)
        kind = (
            PaymentKind.PREAUTH_CANCEL
            if original.kind is PaymentKind.PREAUTH
            else PaymentKind.REVERSAL
        )
        done = self._start(
            original.sale_id,
            kind,
            original.approved_amount or original.amount,
            reference,
            lambda ref: self.terminal.reverse(original.as_result(), ref),
            also=None,
        )
        if done.state is PaymentState.APPROVED:
            self.journal.settle(
                reference,
                PaymentState.REVERSED,
                note=f"reversed by {done.record.reference}",
                also=also,
            )
        return done

    def _held(self, preauth_reference: str) -> PaymentRecord:
        """The approved pre-authorisation a completion or an adjustment names, with its
        terminal transaction id (asked for before anything is journaled, as a reversal
        does: an attendant-confirmed approval has none, and the request must name it)."""
        original = self._approved(preauth_reference)
        if not original.terminal_transaction_id:
            original = self._with_transaction_id(original)
        return original

    def _with_transaction_id(self, original: PaymentRecord) -> PaymentRecord:
        """An approval an attendant confirmed has no terminal transaction id, which a
        reversal must name: ask the terminal for it by the payment's reference.

        Raises:
            PaymentError: the terminal cannot be asked or holds no approval for it.
        """
        inquiry = self.terminal.status(original.reference, original.kind)
        result = inquiry.result
        if (
            inquiry.state is not InquiryState.FINISHED
            or result is None
            or result.outcome is not Outcome.APPROVED
            or not result.terminal_transaction_id
        ):
            raise PaymentError(
                f"payment {original.reference} ({original.amount}): the terminal holds no "
                f"approval for it ({inquiry.state.value}); give the money back on the "
                "terminal by hand"
            )
        return self.journal.settle(
            original.reference,
            PaymentState.APPROVED,
            result,
            note="terminal transaction id from a status inquiry",
        )

    def abort_current(self) -> bool:
        """Ask the terminal to stop the request now in flight (the shopper pressed cancel
        on the screen); call it from another thread than the one blocked in :meth:`pay`.

        Returns False if nothing was in flight or the abort could not be sent; the
        blocked call then ends with the terminal's answer as usual (CANCELLED if it obeyed).
        """
        current = self._current
        if current is None:
            return False
        try:
            self.terminal.abort(*current)
        except PaymentError as error:
            log.warning("abort of payment %s failed: %s", current[0], error)
            return False
        return True

    # -- recovery ----------------------------------------------------------------------
    def reconcile(self) -> list[FlowOutcome]:
        """Settle every SENT/UNKNOWN payment from the terminal's answers (run at start-up).

        Returns one outcome per unresolved payment; those with ``needs_attendant``
        must be resolved by the attendant before the lane sells again.
        """
        outcomes = []
        for record in self.journal.unresolved():
            log.warning(
                "reconciling payment %s (%s, %s)",
                record.reference,
                record.kind.value,
                record.state.value,
            )
            # A request may still be running at the terminal (the shopper at the PIN pad
            # when the lane died): stop it first, so it cannot be approved later.
            outcome = self.outcomes.abort_then_inquire(record.reference, record.kind)
            self._after_reversal(outcome.record)
            outcomes.append(outcome)
        # A crash can fall between a reversal's approval and marking its original
        # REVERSED (two transactions in reverse()): finish that step now, so the
        # original is not taken for an orphan and reversed a second time.
        for record in self.journal.unfinished_reversals():
            self._after_reversal(record)
        return outcomes

    def reverse_orphans(self, sale_state: Callable[[str], SaleState]) -> OrphanReport:
        """Reverse approved payments whose sale neither completed nor is still open.

        Run at start-up after :meth:`reconcile`, once the store knows which baskets
        survived: a crash that lost the basket must not keep the shopper's money.
        ``sale_state(sale_id)`` is "completed" (the payment is closed for good, see
        :meth:`PaymentJournal.close_sale`), "open" (the lane still shows the basket:
        left alone) or "gone" (reversed). A reversal that fails or is not approved is
        reported in :attr:`OrphanReport.failed`: the caller must call the attendant.
        """
        report = OrphanReport()
        for record in self.journal.unclosed_approved():
            state = sale_state(record.sale_id)
            if state == "completed":
                with write_transaction(self.journal.conn):
                    self.journal.close_sale(self.journal.conn, record.sale_id)
                continue
            if state == "open":
                continue
            log.warning("reversing payment %s: sale %s is gone", record.reference, record.sale_id)
            try:
                outcome = self.reverse(record.reference)
            except PaymentError as error:
                log.error("cannot reverse payment %s: %s", record.reference, error)
                report.failed.append((record, str(error)))
                continue
            report.reversed.append(outcome)
            if outcome.state is not PaymentState.APPROVED:
                why = f"the reversal {outcome.record.reference} is {outcome.state.value}"
                report.failed.append((record, why))
        return report

    def recheck(self, reference: str) -> PaymentRecord:
        """Ask the terminal again about an unresolved payment before anyone decides it.

        A final answer settles the row (the terminal's word wins over any verdict);
        a terminal that cannot be asked leaves it as it is.

        Raises:
            PaymentInProgressError: the terminal is still working on it (after an abort).
            JournalError: unknown reference, or the journal cannot be written.
        """
        record = self.journal.get(reference)
        if record.state not in (PaymentState.SENT, PaymentState.UNKNOWN):
            return record
        done = self.outcomes.recheck(reference, record.kind)
        if done is not None:
            self._after_reversal(done.record)
            return done.record
        return record

    def resolve(
        self, reference: str, paid: bool, staff_id: str, *, also: Also = None
    ) -> PaymentRecord:
        """Settle an unresolved payment with the attendant's verdict, after asking the
        terminal again (:meth:`recheck`).

        The verdict is recorded only when the terminal cannot tell; when it gives a
        final answer, that answer is recorded instead (check the returned state).

        Raises:
            PaymentInProgressError: the terminal is still working on it.
            PaymentError: the payment was already settled before (not SENT/UNKNOWN).
        """
        record = self.journal.get(reference)
        if record.state not in (PaymentState.SENT, PaymentState.UNKNOWN):
            raise PaymentError(f"payment {reference} is {record.state.value}, not unresolved")
        record = self.recheck(reference)
        if record.state not in (PaymentState.SENT, PaymentState.UNKNOWN):
            return record  # the terminal answered: its word is the outcome
        state = PaymentState.APPROVED if paid else PaymentState.CANCELLED
        result = PaymentResult(reference, Outcome.APPROVED, record.amount) if paid else None
        done = self.journal.settle(
            reference,
            state,
            result,
            resolved_by=staff_id,
            note=f"resolved by attendant {staff_id} (terminal could not be asked)",
            also=also,
        )
        self._after_reversal(done)
        return done

    # -- steps -------------------------------------------------------------------------
    def _approved(self, reference: str) -> PaymentRecord:
        record = self.journal.get(reference)
        if record.state is not PaymentState.APPROVED:
            raise PaymentError(f"payment {reference} is {record.state.value}, not APPROVED")
        return record

    def _start(
        self,
        sale_id: str,
        kind: PaymentKind,
        amount: Money,
        original: str | None,
        send: Callable[[str], PaymentResult],
        *,
        also: Also,
    ) -> FlowOutcome:
        unresolved = self.journal.unresolved()
        if unresolved:
            raise PaymentBlockedError(
                f"payment {unresolved[0].reference} is {unresolved[0].state.value}: "
                "it must be resolved before another request is sent"
            )
        reference = self.references()
        self.journal.open(reference, sale_id, kind, amount, original)
        self._current = (reference, kind)
        try:
            result = send(reference)
        except (TerminalUnreachableError, TerminalRejectedError) as error:
            if isinstance(error, TerminalUnreachableError) and error.sent:
                return self.outcomes.inquire(reference, kind, also, abort=True)
            log.warning("payment %s not processed: %s", reference, error)
            condition = "Rejected" if isinstance(error, TerminalRejectedError) else "Unreachable"
            record = self.journal.settle(
                reference,
                PaymentState.CANCELLED,
                PaymentResult(reference, Outcome.CANCELLED, error_condition=condition),
                note=str(error),
                also=also,
            )
            return FlowOutcome(record)
        except (TerminalTimeoutError, ConnectionLostError, TerminalProtocolError) as error:
            log.warning("payment %s: %s; asking the terminal", reference, error)
            return self.outcomes.inquire(reference, kind, also, abort=True)
        finally:
            self._current = None
        return self.outcomes.settle(reference, result, also, "answered")

    def _after_reversal(self, record: PaymentRecord) -> None:
        """A reversal found approved by reconciliation also marks its original REVERSED."""
        if (
            record.kind in (PaymentKind.REVERSAL, PaymentKind.PREAUTH_CANCEL)
            and record.state is PaymentState.APPROVED
            and record.original_reference
        ):
            original = self.journal.get(record.original_reference)
            if original.state is PaymentState.APPROVED:
                self.journal.settle(
                    original.reference,
                    PaymentState.REVERSED,
                    note=f"reversed by {record.reference}",
                )
