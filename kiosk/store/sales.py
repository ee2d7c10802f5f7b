"""Completed sales: the sale document, its rows and its outbox row, stored at once.

Theory of operation (DESIGN.md invariant 1): :func:`complete_sale` writes the
``sale``, ``sale_line`` and ``sale_payment`` rows, the ``outbox`` row whose
payload is the sale document (TEAM.md, schema 1) and deletes the open basket,
all in ONE ``BEGIN IMMEDIATE`` transaction committed with ``synchronous=FULL``
before it returns. The screen may say "thank you" only after it returned.
It is idempotent on ``transaction_id``: a second call for a stored sale
writes nothing and reports ``created=False`` (a retry after a crash between
commit and screen is safe). :func:`build_sale_document` turns a basket, its
totals and the payments into the document.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kiosk.domain.basket import Basket, BasketLine
from kiosk.domain.gtin import BarcodeError, to_gtin14
from kiosk.domain.offers.document import discount_entries
from kiosk.domain.tax import BasketTotals, rate_text
from kiosk.store import outbox
from kiosk.store.codec import utc_now
from kiosk.store.db import write_transaction
from kiosk.store.errors import StoreError, sqlite_errors
from kiosk.store.journal import delete_open_basket

log = logging.getLogger(__name__)
SCHEMA = 1
STATUSES = ("completed", "cancelled")

_LINE_FIELDS = (
    "line_no",
    "sku",
    "gtin",
    "plu",
    "name",
    "quantity",
    "weight_g",
    "unit_price",
    "amount",
    "tax_class",
    "tax_rate",
    "tax",
    "deposit",
    "voided",
    "price_override_reason",
)
_PAYMENT_FIELDS = (
    "reference",
    "method",
    "amount",
    "outcome",
    "auth_code",
    "masked_pan",
    "brand",
    "terminal_transaction_id",
)


@dataclass(frozen=True)
class SaleResult:
    """``created`` is False when the sale was already stored (an idempotent retry)."""

    transaction_id: str
    created: bool
    outbox_id: int


def build_sale_document(
    *,
    basket: Basket,
    totals: BasketTotals,
    transaction_id: str,
    store_id: str,
    lane_id: str,
    started_at: str,
    completed_at: str,
    payments: Sequence[Mapping[str, Any]],
    status: str = "completed",
    interventions: Sequence[Mapping[str, Any]] = (),
    audit: Sequence[Mapping[str, Any]] = (),
    language: str = "en",
) -> dict[str, Any]:
    """The sale document (TEAM.md, schema 1) of ``basket`` with ``totals``.

    Every line is listed, voided ones with ``"voided": true`` and tax 0.
    ``payments``, ``interventions`` and ``audit`` are copied as given.
    """
    rates = {summary.tax_class: summary.rate_text for summary in totals.tax_summary}
    return {
        "schema": SCHEMA,
        "store_id": store_id,
        "lane_id": lane_id,
        "transaction_id": transaction_id,
        "started_at": started_at,
        "completed_at": completed_at,
        "currency": basket.currency,
        "status": status,
        "lines": [_document_line(line, totals, rates, language) for line in basket.lines],
        "totals": {
            "net": totals.net.minor,
            "tax": totals.tax.minor,
            "deposit": totals.deposit.minor,
            "total": totals.total.minor,
            "item_count": totals.item_count,
            **({"savings": totals.savings.minor} if totals.discounts else {}),
        },
        "tax_summary": [
            {
                "tax_class": s.tax_class,
                "rate": s.rate_text,
                "net": s.net.minor,
                "tax": s.tax.minor,
                "gross": s.gross.minor,
            }
            for s in totals.tax_summary
        ],
        "payments": [dict(p) for p in payments],
        "interventions": [dict(i) for i in interventions],
        "audit": [dict(a) for a in audit],
        **({"discounts": discount_entries(totals, basket.lines)} if totals.discounts else {}),
    }


def _document_line(
    line: BasketLine, totals: BasketTotals, rates: Mapping[str, str], language: str
) -> dict[str, Any]:
    if line.voided:
        tax, rate = 0, rates.get(line.tax_class, "0")
    else:
        line_tax = totals.line(line.line_no)
        tax, rate = line_tax.tax.minor, rate_text(line_tax.rate)
    return {
        "line_no": line.line_no,
        "sku": line.item.sku,
        "gtin": _gtin_of(line),
        "plu": line.item.plu,
        "name": line.item.name(language),
        "quantity": line.quantity,
        "weight_g": line.weight_g,
        "unit_price": line.unit_price.minor,
        "amount": line.amount.minor,
        "tax_class": line.tax_class,
        "tax_rate": rate,
        "tax": tax,
        "deposit": line.deposit_amount.minor,
        "voided": line.voided,
        "price_override_reason": line.price_override_reason,
    }


def _gtin_of(line: BasketLine) -> str | None:
    if line.scanned_code:
        try:
            return to_gtin14(line.scanned_code)
        except BarcodeError:
            pass
    return line.item.gtins[0] if line.item.gtins else None


def complete_sale(
    conn: sqlite3.Connection,
    document: Mapping[str, Any],
    *,
    basket_id: str | None = None,
    also: Callable[[sqlite3.Connection], object] | None = None,
) -> SaleResult:
    """Store a finished sale and its outbox row and close its open basket, atomically.

    Args:
        conn: a connection from :func:`kiosk.store.db.connect`.
        document: the sale document (see :func:`build_sale_document`).
        basket_id: the journaled basket to close (default: the transaction id).
        also: more writes that must commit with the sale (e.g. closing its payments
            in the payment journal); called inside the same transaction.

    Returns:
        The result; ``created=False`` if this transaction id was already stored
        (then nothing is written and the earlier outbox row is reported).

    Raises:
        StoreError: if the document breaks the schema (naming the field) or the
            write fails; nothing is stored then.
    """
    _check_document(document)
    transaction_id = str(document["transaction_id"])
    payload = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    with sqlite_errors(f"storing sale {transaction_id}"), write_transaction(conn):
        existing = outbox.queued(conn, transaction_id)
        if existing is not None:
            if existing[1] != payload:
                log.warning(
                    "sale %s stored again with a different document; kept the first", transaction_id
                )
            return SaleResult(transaction_id, False, existing[0])
        _insert_sale(conn, document, payload)
        outbox_id = outbox.enqueue(conn, transaction_id, "sale", payload, utc_now())
        delete_open_basket(conn, basket_id or transaction_id)
        if also is not None:
            also(conn)
    return SaleResult(transaction_id, True, int(outbox_id or 0))


def _insert_sale(conn: sqlite3.Connection, doc: Mapping[str, Any], payload: str) -> None:
    totals = doc["totals"]
    txid = doc["transaction_id"]
    conn.execute(
        "INSERT INTO sale (transaction_id, store_id, lane_id, status, currency, started_at, "
        "completed_at, net, tax, deposit, total, item_count, document) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            txid,
            doc["store_id"],
            doc["lane_id"],
            doc["status"],
            doc["currency"],
            doc["started_at"],
            doc["completed_at"],
            totals["net"],
            totals["tax"],
            totals["deposit"],
            totals["total"],
            totals["item_count"],
            payload,
        ),
    )
    conn.executemany(
        f"INSERT INTO sale_line (transaction_id, {', '.join(_LINE_FIELDS)}) "
        f"VALUES (?{', ?' * len(_LINE_FIELDS)})",
        [(txid, *(line.get(f) for f in _LINE_FIELDS)) for line in doc["lines"]],
    )
    conn.executemany(
        f"INSERT INTO sale_payment (transaction_id, seq, {', '.join(_PAYMENT_FIELDS)}) "
        f"VALUES (?, ?{', ?' * len(_PAYMENT_FIELDS)})",
        [
            (txid, seq, *(p.get(f) for f in _PAYMENT_FIELDS))
            for seq, p in enumerate(doc["payments"], start=1)
        ],
    )


def _check_document(doc: Mapping[str, Any]) -> None:
    """Raise StoreError naming the first field that breaks the schema-1 contract."""

    def need(container: Any, key: str, kind: type, where: str) -> None:
        value = container.get(key) if isinstance(container, dict) else None
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise StoreError(
                f"sale document: {where}{key} is {value!r}, expected "
                f"{getattr(kind, '__name__', kind)}"
            )

    if not isinstance(doc, Mapping) or doc.get("schema") != SCHEMA:
        raise StoreError(f"sale document: schema must be {SCHEMA}")
    for key in ("store_id", "lane_id", "transaction_id", "started_at", "completed_at", "currency"):
        need(doc, key, str, "")
    if doc.get("status") not in STATUSES:
        raise StoreError(
            f"sale document: status is {doc.get('status')!r}, expected one of {', '.join(STATUSES)}"
        )
    for key in ("lines", "payments"):
        need(doc, key, list, "")
    need(doc, "totals", dict, "")
    for key in ("net", "tax", "deposit", "total", "item_count"):
        need(doc["totals"], key, int, "totals.")
    for n, line in enumerate(doc["lines"]):
        for key in ("line_no", "quantity", "unit_price", "amount", "tax", "deposit"):
            need(line, key, int, f"lines[{n}].")
        for key in ("sku", "name", "tax_class", "tax_rate"):
            need(line, key, str, f"lines[{n}].")
        need(line, "voided", bool, f"lines[{n}].")
    for n, payment in enumerate(doc["payments"]):
        need(payment, "amount", int, f"payments[{n}].")
        for key in ("reference", "method", "outcome"):
            need(payment, key, str, f"payments[{n}].")


def load_sale_document(conn: sqlite3.Connection, transaction_id: str) -> dict[str, Any] | None:
    """The stored document of a sale, or None if there is no such sale."""
    with sqlite_errors(f"reading sale {transaction_id}"):
        row = conn.execute(
            "SELECT document FROM sale WHERE transaction_id = ?", (transaction_id,)
        ).fetchone()
    return None if row is None else dict(json.loads(row[0]))


__all__ = ["SaleResult", "build_sale_document", "complete_sale", "load_sale_document"]


def sale_totals(conn: sqlite3.Connection) -> dict[str, tuple[str, int]]:
    """Every stored sale's status and total (minor units), by transaction id."""
    with sqlite_errors("reading sale totals"):
        rows = conn.execute("SELECT transaction_id, status, total FROM sale").fetchall()
    return {str(r[0]): (str(r[1]), int(r[2])) for r in rows}
