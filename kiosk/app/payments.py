"""The lane's payment port: runs the journaled payment flow off the lane thread, and the
check that a sale's card payments in the journal add up to what it is due.

A charge blocks for as long as the shopper takes at the terminal, so each one
runs on its own worker thread; its outcome comes back to the lane as a domain
event (approved, declined, or unknown: an unknown outcome is never retried, it
becomes an attendant intervention - DESIGN.md invariant 3).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any

from kiosk.domain.checkout.events import Event, PaymentApproved, PaymentDeclined, PaymentUnknown
from kiosk.domain.money import Money
from kiosk.payment.errors import PaymentBlockedError, PaymentError
from kiosk.payment.flow import PaymentFlow
from kiosk.payment.journal import PaymentJournal, PaymentRecord, PaymentState
from kiosk.payment.types import PaymentKind
from kiosk.store.sales import complete_sale
from kiosk.threads import start_thread

log = logging.getLogger(__name__)
_MAYBE_PAID = (PaymentState.SENT, PaymentState.UNKNOWN, PaymentState.APPROVED)
PAYING_KINDS = (PaymentKind.PURCHASE, PaymentKind.COMPLETION)  # what pays for a sale


class SaleNotPaid(Exception):
    """The journal's approved payments for a basket do not add up to what its sale is due
    (invariant 9); ``approved`` is what the journal holds: (reference, amount) pairs."""

    def __init__(self, detail: str, approved: tuple[tuple[str, Money], ...]) -> None:
        super().__init__(detail)
        self.approved = approved


def approved_payments(records: Iterable[PaymentRecord]) -> list[PaymentRecord]:
    """The approved purchases and completions among ``records``: what paid for a sale."""
    return [r for r in records if r.state is PaymentState.APPROVED and r.kind in PAYING_KINDS]


def check_sale_paid(document: Mapping[str, Any], records: Iterable[PaymentRecord]) -> None:
    """Raise :class:`SaleNotPaid` unless the journal's approved payments for the sale are
    exactly the sale document's approved payments and add up to exactly its total (a
    completed sale; a negative total is a refund and is paid nothing) or to nothing (a
    cancelled sale). Every approval must be backed by a journal row: a terminal result
    or an attendant's verdict taken after the terminal was asked again."""
    approved = approved_payments(records)
    currency = str(document["currency"])
    journal = {r.reference: (r.approved_amount or r.amount).minor for r in approved}
    shown = {
        str(p["reference"]): int(p["amount"])
        for p in document.get("payments", ())
        if p.get("outcome") == "approved"
    }
    total = int(document["totals"]["total"])
    due = max(total, 0) if document.get("status") == "completed" else 0
    paid = sum(journal.values())
    if journal == shown and paid == due:
        return
    pairs = tuple((ref, Money(minor, currency)) for ref, minor in journal.items())
    raise SaleNotPaid(
        f"card payments {Money(paid, currency)} in the journal "
        f"({', '.join(journal) or 'none'}), the sale shows "
        f"{Money(sum(shown.values()), currency)} ({', '.join(shown) or 'none'}) and is due "
        f"{Money(due, currency)}: the sale was not completed",
        pairs,
    )


def commit_paid_sale(
    conn: Any,
    journal: PaymentJournal,
    document: dict[str, Any],
    basket_id: str,
    also: Callable[[Any], object] | None = None,
) -> Any:
    """Store the sale (and its outbox row) only if the journal's payments pay exactly
    what it is due - checked inside the sale's own transaction - and close them with it.
    ``also`` writes more rows in that transaction (the sale's service events).

    Raises:
        SaleNotPaid: the payments do not add up (nothing is stored).
        StoreError: the store refused the write (nothing is stored).
    """

    def close_payments(c: Any) -> None:
        check_sale_paid(document, journal.for_sale_on(c, basket_id))
        journal.close_sale(c, basket_id)
        if also is not None:
            also(c)

    # Read on the sale's own connection (the lane thread's), not the journal's, which
    # payment workers and attendant threads use.
    document = with_journal_payments(document, journal.for_sale_on(conn, basket_id))
    return complete_sale(conn, document, basket_id=basket_id, also=close_payments)


def with_journal_payments(
    document: dict[str, Any], records: Iterable[PaymentRecord]
) -> dict[str, Any]:
    """``document`` with each approved payment's details (auth code, masked card, terminal
    transaction id) taken from its journal row, which is what the terminal said."""
    rows = {r.reference: r for r in approved_payments(records)}
    payments = []
    for entry in document.get("payments", ()):
        row = rows.get(str(entry.get("reference")))
        if entry.get("outcome") != "approved" or row is None:
            payments.append(entry)
            continue
        payments.append(
            {
                **entry,
                "auth_code": row.auth_code or entry.get("auth_code"),
                "masked_pan": str(row.masked_pan) if row.masked_pan else entry.get("masked_pan"),
                "brand": row.brand or entry.get("brand"),
                "terminal_transaction_id": row.terminal_transaction_id
                or entry.get("terminal_transaction_id"),
            }
        )
    return {**document, "payments": payments}


class FlowPayments:
    """Adapts :class:`PaymentFlow` to the lane controller's ``PaymentPort``."""

    def __init__(self, flow: PaymentFlow, clock: Callable[[], datetime]) -> None:
        self.flow = flow
        self.clock = clock

    def start(self, basket_id: str, amount: Money, deliver: Callable[[Event], None]) -> None:
        """Charge ``amount`` for ``basket_id`` on a worker; ``deliver`` gets the outcome."""
        start_thread("payment", lambda: self._charge(basket_id, amount, deliver))

    def abort(self, basket_id: str) -> None:
        """Ask the terminal to stop; the blocked charge still reports how it ended."""
        start_thread("payment-abort", self.flow.abort_current)

    def _charge(self, basket_id: str, amount: Money, deliver: Callable[[Event], None]) -> None:
        try:
            outcome = self.flow.pay(basket_id, amount)
        except PaymentBlockedError as error:
            # An earlier payment is unresolved: nothing was sent. The attendant decides
            # about *that* payment (its own reference and amount), which may count
            # towards this basket once the terminal (or the attendant) confirms it.
            log.warning("payment refused: %s", error)
            unresolved = self.flow.journal.unresolved()
            if unresolved:
                first = unresolved[0]
                deliver(PaymentUnknown(first.reference, first.amount, self.clock()))
            else:  # resolved meanwhile: nothing was sent, the shopper may pay again
                deliver(PaymentDeclined("", "try again", self.clock()))
            return
        except PaymentError as error:
            # If a request for this basket reached the terminal (a row is SENT, UNKNOWN
            # or even APPROVED), the card may be charged: never call that "declined".
            pending = [r for r in self.flow.journal.for_sale(basket_id) if r.state in _MAYBE_PAID]
            if pending:
                log.error(
                    "payment %s ended in an error after sending: %s", pending[-1].reference, error
                )
                deliver(PaymentUnknown(pending[-1].reference, amount, self.clock()))
            else:
                log.error("payment for %s failed before sending: %s", basket_id, error)
                deliver(PaymentDeclined("", str(error), self.clock()))
            return
        record, now = outcome.record, self.clock()
        if outcome.needs_attendant or record.state in (PaymentState.UNKNOWN, PaymentState.SENT):
            deliver(PaymentUnknown(record.reference, amount, now))
        elif record.state is PaymentState.APPROVED:
            deliver(
                PaymentApproved(
                    record.reference,
                    record.approved_amount or amount,
                    now,
                    auth_code=record.auth_code,
                    masked_pan=str(record.masked_pan) if record.masked_pan else None,
                    brand=record.brand,
                    terminal_transaction_id=record.terminal_transaction_id,
                )
            )
        else:
            reason = record.error_condition or record.state.value.lower()
            deliver(PaymentDeclined(record.reference, reason, now))
