"""The payment journal: the state rules of the ``payment`` table (migration 0002), whose
SQL lives in :mod:`kiosk.store.payments`.

Theory of operation: :meth:`PaymentJournal.open` commits a row in state SENT
before the request leaves the lane; :meth:`PaymentJournal.settle` moves it to its
outcome inside one ``BEGIN IMMEDIATE`` transaction, together with a
``payment_event`` row and whatever the caller's ``also`` callback writes (the sale).
Legal moves are the table :data:`TRANSITIONS`; any other raises
:class:`~kiosk.payment.errors.JournalError` naming both states. sqlite3 errors stop
here as JournalError.
"""

from __future__ import annotations

import contextlib
import enum
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from kiosk.domain.money import Money
from kiosk.payment.errors import JournalError
from kiosk.payment.nexo.codec import service_id_for
from kiosk.payment.pan import MaskedPan
from kiosk.payment.types import Outcome, PaymentKind, PaymentResult
from kiosk.store import payments as rows
from kiosk.store.db import write_transaction

Clock = Callable[[], datetime]


class PaymentState(enum.Enum):
    """State of a journal row; legal moves are :data:`TRANSITIONS`."""

    SENT = "SENT"
    APPROVED = "APPROVED"
    DECLINED = "DECLINED"
    CANCELLED = "CANCELLED"
    UNKNOWN = "UNKNOWN"
    REVERSED = "REVERSED"


_S = PaymentState
TRANSITIONS: dict[PaymentState, frozenset[PaymentState]] = {
    _S.SENT: frozenset({_S.APPROVED, _S.DECLINED, _S.CANCELLED, _S.UNKNOWN}),
    _S.UNKNOWN: frozenset({_S.APPROVED, _S.DECLINED, _S.CANCELLED}),
    _S.APPROVED: frozenset({_S.REVERSED}),
    _S.DECLINED: frozenset(),
    _S.CANCELLED: frozenset(),
    _S.REVERSED: frozenset(),
}
UNRESOLVED = (_S.SENT, _S.UNKNOWN)
STATE_OF_OUTCOME = {
    Outcome.APPROVED: _S.APPROVED,
    Outcome.DECLINED: _S.DECLINED,
    Outcome.CANCELLED: _S.CANCELLED,
    Outcome.UNKNOWN: _S.UNKNOWN,
}


@dataclass(frozen=True, slots=True)
class PaymentRecord:
    """One journal row."""

    reference: str
    sale_id: str
    kind: PaymentKind
    amount: Money
    state: PaymentState
    created_at: str
    updated_at: str
    original_reference: str | None = None
    approved_amount: Money | None = None
    auth_code: str | None = None
    masked_pan: MaskedPan | None = None
    brand: str | None = None
    terminal_transaction_id: str | None = None
    terminal_timestamp: str | None = None
    receipt_text: str | None = None
    error_condition: str | None = None
    resolved_by: str | None = None

    def as_result(self) -> PaymentResult:
        """The record as the PaymentResult a reversal or completion refers to."""
        outcome = {
            _S.APPROVED: Outcome.APPROVED,
            _S.DECLINED: Outcome.DECLINED,
            _S.CANCELLED: Outcome.CANCELLED,
        }.get(self.state, Outcome.UNKNOWN)
        return PaymentResult(
            self.reference,
            outcome,
            self.approved_amount,
            self.auth_code,
            self.masked_pan,
            self.brand,
            self.terminal_transaction_id,
            self.terminal_timestamp,
            self.receipt_text,
            self.error_condition,
        )


@contextlib.contextmanager
def _db_errors(what: str) -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as error:
        raise JournalError(f"payment journal: cannot {what}: {error}") from error


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class PaymentJournal:
    """Repository of the ``payment`` table on a connection from ``kiosk.store.db.connect``."""

    def __init__(self, conn: sqlite3.Connection, clock: Clock) -> None:
        self.conn, self.clock = conn, clock

    def open(
        self,
        reference: str,
        sale_id: str,
        kind: PaymentKind,
        amount: Money,
        original_reference: str | None = None,
    ) -> PaymentRecord:
        """Commit a SENT row for a request about to be sent.

        Raises:
            JournalError: if ``reference`` was used before, or the database fails.
        """
        now = _iso(self.clock())
        with _db_errors(f"journal payment {reference}"), write_transaction(self.conn):
            rows.insert_payment(
                self.conn,
                reference=reference,
                sale_id=sale_id,
                service_id=service_id_for(reference),
                kind=kind.value,
                amount=amount.minor,
                currency=amount.currency,
                original_reference=original_reference,
                at=now,
            )
            self._event(reference, None, _S.SENT, f"{kind.value} {amount}", now)
        return self.get(reference)

    def settle(
        self,
        reference: str,
        state: PaymentState,
        result: PaymentResult | None = None,
        *,
        note: str = "",
        resolved_by: str | None = None,
        also: Callable[[sqlite3.Connection], None] | None = None,
    ) -> PaymentRecord:
        """Move ``reference`` to ``state`` (with the terminal's ``result``) in one transaction.

        ``also(conn)`` runs inside the same transaction (e.g. to change the sale).

        Raises:
            JournalError: unknown reference, illegal state change, or database failure.
        """
        now = _iso(self.clock())
        with _db_errors(f"settle payment {reference}"), write_transaction(self.conn):
            current = self._state(reference)
            if state is not current and state not in TRANSITIONS[current]:
                raise JournalError(
                    f"payment {reference}: cannot go from {current.value} to {state.value}"
                )
            r = result
            rows.update_payment(
                self.conn,
                reference,
                now,
                {
                    "state": state.value,
                    "approved_amount": r.amount.minor
                    if r and r.amount and state is _S.APPROVED
                    else None,
                    "auth_code": r and r.auth_code,
                    "masked_pan": str(r.masked_pan) if r and r.masked_pan else None,
                    "brand": r and r.brand,
                    "terminal_txn_id": r and r.terminal_transaction_id,
                    "terminal_timestamp": r and r.terminal_timestamp,
                    "receipt_text": r and r.receipt_text,
                    "error_condition": r and r.error_condition,
                    "resolved_by": resolved_by,
                },
            )
            self._event(reference, current, state, note, now)
            if also is not None:
                also(self.conn)
        return self.get(reference)

    def _state(self, reference: str) -> PaymentState:
        state = rows.payment_state(self.conn, reference)
        if state is None:
            raise JournalError(f"no payment with reference {reference!r}")
        return PaymentState(state)

    def _event(
        self, reference: str, old: PaymentState | None, new: PaymentState, note: str, now: str
    ) -> None:
        rows.insert_event(
            self.conn,
            reference,
            at=now,
            from_state=old.value if old else None,
            to_state=new.value,
            note=note,
        )

    def get(self, reference: str) -> PaymentRecord:
        """The row for ``reference``.

        Raises:
            JournalError: if there is none.
        """
        with _db_errors("read the payment journal"):
            row = rows.payment_row(self.conn, reference)
        if row is None:
            raise JournalError(f"no payment with reference {reference!r}")
        return _record(row)

    def _select(self, which: str, *args: object) -> list[PaymentRecord]:
        with _db_errors("read the payment journal"):
            return [_record(row) for row in rows.payment_rows(self.conn, which, *args)]

    def close_sale(self, conn: sqlite3.Connection, sale_id: str) -> int:
        """Mark the payments of ``sale_id`` as used by a finished sale; returns how many.

        Runs on ``conn`` *without* opening a transaction: call it inside the store's
        transaction that completes the sale, so both commit together.
        """
        with _db_errors(f"close the payments of sale {sale_id}"):
            return rows.close_sale_payments(conn, sale_id, _iso(self.clock()))

    def for_sale_on(self, conn: sqlite3.Connection, sale_id: str) -> list[PaymentRecord]:
        """Every payment row of ``sale_id`` read on ``conn`` (inside the caller's
        transaction, so the answer cannot change before it commits)."""
        with _db_errors("read the payment journal"):
            return [_record(row) for row in rows.payment_rows(conn, "sale", sale_id)]

    def unclosed_approved(self) -> list[PaymentRecord]:
        """APPROVED purchases and completions not (yet) used by a finished sale."""
        return self._select("unclosed_approved")

    def unfinished_reversals(self) -> list[PaymentRecord]:
        """APPROVED reversals (and pre-auth cancels) whose original is still APPROVED."""
        return self._select("unfinished_reversals")

    def unresolved(self) -> list[PaymentRecord]:
        """Every SENT or UNKNOWN payment, oldest first."""
        return self._select("unresolved")

    def for_sale(self, sale_id: str) -> list[PaymentRecord]:
        """Every payment row of ``sale_id``, oldest first."""
        return self._select("sale", sale_id)

    def all(self) -> list[PaymentRecord]:
        """Every payment row, oldest first."""
        return self._select("all")

    def paid_total(self, sale_id: str, currency: str) -> Money:
        """What approved purchases (not reversed) have paid towards ``sale_id``."""
        total = Money.zero(currency)
        for record in self.for_sale(sale_id):
            if record.state is _S.APPROVED and record.kind in (
                PaymentKind.PURCHASE,
                PaymentKind.COMPLETION,
            ):
                total += record.approved_amount or record.amount
        return total


def _record(row: sqlite3.Row) -> PaymentRecord:
    currency = row["currency"]
    approved = row["approved_amount"]
    return PaymentRecord(
        reference=row["reference"],
        sale_id=row["sale_id"],
        kind=PaymentKind(row["kind"]),
        amount=Money(row["amount"], currency),
        state=PaymentState(row["state"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        original_reference=row["original_reference"],
        approved_amount=Money(approved, currency) if approved is not None else None,
        auth_code=row["auth_code"],
        masked_pan=MaskedPan(row["masked_pan"]) if row["masked_pan"] else None,
        brand=row["brand"],
        terminal_transaction_id=row["terminal_txn_id"],
        terminal_timestamp=row["terminal_timestamp"],
        receipt_text=row["receipt_text"],
        error_condition=row["error_condition"],
        resolved_by=row["resolved_by"],
    )
