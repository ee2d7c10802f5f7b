"""The ``payment`` and ``payment_event`` tables (migration 0002): the SQL of the card
payment journal, and nothing else.

The journal's rules (which state may follow which, what a row means) live in
:mod:`kiosk.payment.journal`, which calls these functions inside its own
transactions; this module only reads and writes rows. Values are plain: states and
kinds as their stored text, amounts in minor units, times as ISO 8601 text.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

_COLUMNS = (
    "state",
    "approved_amount",
    "auth_code",
    "masked_pan",
    "brand",
    "terminal_txn_id",
    "terminal_timestamp",
    "receipt_text",
    "error_condition",
    "resolved_by",
)


def insert_payment(
    conn: sqlite3.Connection,
    *,
    reference: str,
    sale_id: str,
    service_id: str,
    kind: str,
    amount: int,
    currency: str,
    original_reference: str | None,
    at: str,
) -> None:
    """A new row in state SENT (raises sqlite3.IntegrityError for a used reference)."""
    conn.execute(
        "INSERT INTO payment (reference, sale_id, service_id, kind, amount, currency,"
        " state, original_reference, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, 'SENT', ?, ?, ?)",
        (reference, sale_id, service_id, kind, amount, currency, original_reference, at, at),
    )


def update_payment(
    conn: sqlite3.Connection, reference: str, at: str, values: Mapping[str, object]
) -> None:
    """Set ``state`` and, where given (not None), the terminal's answer fields; a field
    already set keeps its value when None is given."""
    unknown = set(values) - set(_COLUMNS)
    if unknown:
        raise ValueError(f"not payment columns: {sorted(unknown)}")
    conn.execute(
        "UPDATE payment SET state = ?, updated_at = ?,"
        + ",".join(f" {c} = COALESCE(?, {c})" for c in _COLUMNS[1:])
        + " WHERE reference = ?",
        (values["state"], at, *(values.get(c) for c in _COLUMNS[1:]), reference),
    )


def insert_event(
    conn: sqlite3.Connection,
    reference: str,
    *,
    at: str,
    from_state: str | None,
    to_state: str,
    note: str,
) -> None:
    """One line of a payment's history."""
    conn.execute(
        "INSERT INTO payment_event (reference, at, from_state, to_state, note)"
        " VALUES (?, ?, ?, ?, ?)",
        (reference, at, from_state, to_state, note),
    )


def payment_state(conn: sqlite3.Connection, reference: str) -> str | None:
    """The stored state of ``reference``, or None if there is no such payment."""
    row = conn.execute("SELECT state FROM payment WHERE reference = ?", (reference,)).fetchone()
    return None if row is None else str(row[0])


def payment_row(conn: sqlite3.Connection, reference: str) -> sqlite3.Row | None:
    """The row of ``reference``, or None."""
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM payment WHERE reference = ?", (reference,)
    ).fetchone()
    return row


_WHERE = {
    "all": ("1", 0),
    "sale": ("sale_id = ?", 1),
    "unresolved": ("state IN ('SENT', 'UNKNOWN')", 0),
    "unclosed_approved": (
        "state = 'APPROVED' AND closed_at IS NULL AND kind IN ('purchase', 'completion')",
        0,
    ),
    "unfinished_reversals": (
        "kind IN ('reversal', 'preauth_cancel') AND state = 'APPROVED' AND "
        "original_reference IN (SELECT reference FROM payment WHERE state = 'APPROVED')",
        0,
    ),
}


def payment_rows(conn: sqlite3.Connection, which: str, *args: object) -> list[sqlite3.Row]:
    """Rows oldest first: ``all``, ``sale`` (args: sale id), ``unresolved`` (SENT or
    UNKNOWN), ``unclosed_approved`` (purchases and completions not used by a finished
    sale), ``unfinished_reversals`` (approved reversals whose original is still APPROVED).
    """
    where, arity = _WHERE[which]
    if len(args) != arity:
        raise ValueError(f"payment_rows({which!r}) takes {arity} argument(s)")
    return list(conn.execute(f"SELECT * FROM payment WHERE {where} ORDER BY id", args))


def close_sale_payments(conn: sqlite3.Connection, sale_id: str, at: str) -> int:
    """Mark the payments of ``sale_id`` as used by its finished sale; returns how many."""
    cursor = conn.execute(
        "UPDATE payment SET closed_at = ? WHERE sale_id = ? AND closed_at IS NULL",
        (at, sale_id),
    )
    return cursor.rowcount
