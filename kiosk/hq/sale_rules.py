"""The arithmetic and time order of a sale document: the rules no single field can check.

Theory of operation: a lane builds its document from a basket and its totals
(``kiosk.store.sales.build_sale_document`` over ``kiosk.domain.tax.compute_totals``),
so HQ can recompute what the numbers must be. Only *active* lines count (a voided line
stays in the document with tax 0 and counts for nothing). With A, D and T the sums of
the active lines' amounts, deposits and taxes:

* a line: ``amount == unit_price * quantity``; a weighed line has quantity 1 and
  ``amount == unit_price * weight_g / 1000`` rounded half up (the lane's scale rule);
* ``totals.deposit == D``, ``totals.tax == T``, ``totals.item_count`` == the active
  lines' quantities;
* ``totals.total`` is ``A + D`` (prices include tax) or ``A + D + T`` (prices exclude
  tax); the document does not say which, so either is accepted;
* ``totals.total - totals.net - totals.tax`` is ``D`` (deposits untaxed) or 0
  (deposits taxed, so inside net and tax);
* a tax summary, when sent, has one row per class of the active lines, each with
  ``gross == net + tax`` and the class's line taxes summing to its tax, and the rows
  sum to ``totals.net``;
* a completed sale is paid exactly: payments with outcome ``approved`` or
  ``confirmed`` sum to ``totals.total`` (declined, failed, unknown or reversed
  attempts are listed too and count for nothing); a cancelled sale is not checked;
* ``completed_at`` is not before ``started_at``.

Offers (optional ``discounts`` and ``totals.savings``, since kiosk.domain.offers; a
document without them has S = DT = 0 and the rules above): with S the sum of the
discounts' amounts and DT (per class DT_c) the sum of their class taxes,

* ``totals.savings == S`` and each discount's class amounts sum to its amount; the lines
  it names are active lines of the document;
* ``totals.tax == T - DT``; ``totals.total`` is ``A + D - S`` or ``A + D - S + T - DT``;
* a tax summary row's tax is its class's line taxes minus DT_c.

Each problem names the field, relative to the document (``("totals", "total")``), so
the API can answer 422 with ``sales[3].totals.total``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from kiosk.hq.models import SaleDocument, SaleLine, TaxSummary

PAID_OUTCOMES = frozenset({"approved", "confirmed"})
GRAMS_PER_KG = 1000


@dataclass(frozen=True, slots=True)
class Problem:
    """One broken rule: where (path inside the document) and what."""

    loc: tuple[str | int, ...]
    message: str


def sale_problems(document: SaleDocument) -> list[Problem]:
    """Every rule of the module docstring that ``document`` breaks (empty: it adds up)."""
    active = [(n, line) for n, line in enumerate(document.lines) if not line.voided]
    discount_problems, savings, discount_tax = _discounts(document, active)
    return [
        *_time_problems(document),
        *_line_problems(document.lines),
        *discount_problems,
        *_total_problems(document, [line for _, line in active], savings, discount_tax),
        *_summary_problems(document, active, discount_tax),
        *_payment_problems(document),
    ]


def _discounts(
    document: SaleDocument, active: list[tuple[int, SaleLine]]
) -> tuple[list[Problem], int, Counter[str]]:
    """Problems of the discounts, their sum S and their tax per class DT_c."""
    problems = []
    discount_tax: Counter[str] = Counter()
    savings = 0
    active_nos = {line.line_no for _, line in active}
    for n, discount in enumerate(document.discounts or ()):
        savings += discount.amount
        shares = sum(share.amount for share in discount.classes)
        if shares != discount.amount:
            text = f"{discount.amount} but its classes' amounts sum to {shares}"
            problems.append(Problem(("discounts", n, "amount"), text))
        for share in discount.classes:
            discount_tax[share.tax_class] += share.tax
        for k, line_no in enumerate(discount.lines):
            if line_no not in active_nos:
                text = f"line {line_no} is not an active line of the sale"
                problems.append(Problem(("discounts", n, "lines", k), text))
    stated = document.totals.savings
    if (stated or 0) != savings:
        text = f"{stated} but the discounts sum to {savings}"
        problems.append(Problem(("totals", "savings"), text))
    return problems, savings, discount_tax


def _time_problems(document: SaleDocument) -> list[Problem]:
    started = dt.datetime.fromisoformat(document.started_at)
    completed = dt.datetime.fromisoformat(document.completed_at)
    if completed < started:
        return [Problem(("completed_at",), f"is before started_at {document.started_at}")]
    return []


def expected_amount(line: SaleLine) -> int:
    """What the lane computes for ``line``'s amount (see the module docstring)."""
    if line.weight_g is None:
        return line.unit_price * line.quantity
    return (line.unit_price * line.weight_g + GRAMS_PER_KG // 2) // GRAMS_PER_KG


def _line_problems(lines: list[SaleLine]) -> list[Problem]:
    problems = []
    seen: set[int] = set()
    for n, line in enumerate(lines):
        if line.line_no in seen:
            problems.append(Problem(("lines", n, "line_no"), f"line number {line.line_no} repeats"))
        seen.add(line.line_no)
        if line.weight_g is not None and line.quantity != 1:
            problems.append(Problem(("lines", n, "quantity"), "a weighed line has quantity 1"))
        elif line.amount != expected_amount(line):
            how = "unit_price * weight_g / 1000" if line.weight_g else "unit_price * quantity"
            problems.append(
                Problem(
                    ("lines", n, "amount"),
                    f"{line.amount} is not {how} = {expected_amount(line)}",
                )
            )
        if line.voided and line.tax != 0:
            problems.append(Problem(("lines", n, "tax"), "a voided line carries no tax"))
    return problems


def _total_problems(
    document: SaleDocument, active: list[SaleLine], savings: int, discount_tax: Counter[str]
) -> list[Problem]:
    totals = document.totals
    amounts = sum(line.amount for line in active) - savings
    deposits = sum(line.deposit for line in active)
    taxes = sum(line.tax for line in active) - sum(discount_tax.values())
    units = sum(line.quantity for line in active)
    problems = []
    for field, stated, computed, what in (
        ("item_count", totals.item_count, units, "quantities"),
        ("deposit", totals.deposit, deposits, "deposits"),
        ("tax", totals.tax, taxes, "taxes"),
    ):
        if stated != computed:
            text = f"{stated} but the active lines' {what} sum to {computed}"
            if what == "taxes" and discount_tax:
                text += " (less the discounts' tax)"
            problems.append(Problem(("totals", field), text))
    with_tax, without_tax = amounts + deposits, amounts + deposits + taxes
    if totals.total not in (with_tax, without_tax):
        problems.append(
            Problem(
                ("totals", "total"),
                f"lines do not add up to total {totals.total}: amounts {amounts} (less "
                f"savings {savings}) + deposits "
                f"{deposits} = {with_tax} (prices with tax), + tax {taxes} = {without_tax} "
                "(prices without tax)",
            )
        )
    untaxed = totals.total - totals.net - totals.tax
    if untaxed not in (0, totals.deposit):
        problems.append(
            Problem(
                ("totals", "net"),
                f"totals do not add up: net {totals.net} + tax {totals.tax} (+ deposit "
                f"{totals.deposit} if untaxed) != total {totals.total}",
            )
        )
    return problems


def _summary_problems(
    document: SaleDocument, active: list[tuple[int, SaleLine]], discount_tax: Counter[str]
) -> list[Problem]:
    summary: list[TaxSummary] = document.tax_summary
    if not summary:
        return []  # optional in schema 1
    problems = []
    line_tax: Counter[str] = Counter()
    for _, line in active:
        line_tax[line.tax_class] += line.tax
    line_tax.subtract(discount_tax)
    classes = [row.tax_class for row in summary]
    for n, row in enumerate(summary):
        if classes.index(row.tax_class) != n:
            problems.append(Problem(("tax_summary", n, "tax_class"), "appears twice"))
        if row.gross != row.net + row.tax:
            text = f"{row.gross} != net {row.net} + tax {row.tax}"
            problems.append(Problem(("tax_summary", n, "gross"), text))
        if row.tax != line_tax[row.tax_class]:
            text = f"{row.tax} but the class's active lines carry {line_tax[row.tax_class]}"
            problems.append(Problem(("tax_summary", n, "tax"), text))
    for n, line in active:
        if line.tax_class not in classes:
            problems.append(Problem(("lines", n, "tax_class"), "has no row in tax_summary"))
    net = sum(row.net for row in summary)
    if net != document.totals.net:
        text = f"{document.totals.net} but the tax summary's net sums to {net}"
        problems.append(Problem(("totals", "net"), text))
    return problems


def _payment_problems(document: SaleDocument) -> list[Problem]:
    if document.status != "completed":
        return []
    paid = sum(p.amount for p in document.payments if p.outcome in PAID_OUTCOMES)
    if paid != document.totals.total:
        text = (
            f"approved payments sum to {paid}, the total is {document.totals.total}: "
            "a completed sale is paid exactly"
        )
        return [Problem(("payments",), text)]
    return []


def adds_up(document: Any) -> bool:
    """True if ``document`` breaks none of the rules: the same answer as
    ``not sale_problems(document)`` in one pass over the lines, for the batch upload's fast
    path (:mod:`kiosk.hq.fast_ingest`; a False sends the batch down the model path, which
    names the problems). ``document`` is a SaleDocument or anything with its attributes."""
    if getattr(document, "discounts", None) or getattr(document.totals, "savings", None):
        return not sale_problems(document)
    if dt.datetime.fromisoformat(document.completed_at) < dt.datetime.fromisoformat(
        document.started_at
    ):
        return False
    seen: set[int] = set()
    amounts = deposits = taxes = units = 0
    line_tax: dict[str, int] = {}
    for line in document.lines:
        if line.line_no in seen:
            return False
        seen.add(line.line_no)
        weight = line.weight_g
        if weight is None:
            if line.amount != line.unit_price * line.quantity:
                return False
        elif (
            line.quantity != 1
            or line.amount != (line.unit_price * weight + GRAMS_PER_KG // 2) // GRAMS_PER_KG
        ):
            return False
        if line.voided:
            if line.tax != 0:
                return False
            continue
        amounts += line.amount
        deposits += line.deposit
        taxes += line.tax
        units += line.quantity
        line_tax[line.tax_class] = line_tax.get(line.tax_class, 0) + line.tax
    totals = document.totals
    if (
        totals.item_count != units
        or totals.deposit != deposits
        or totals.tax != taxes
        or totals.total not in (amounts + deposits, amounts + deposits + taxes)
        or totals.total - totals.net - totals.tax not in (0, totals.deposit)
    ):
        return False
    summary = document.tax_summary
    if summary:
        classes = {row.tax_class for row in summary}
        if len(classes) != len(summary) or not classes.issuperset(line_tax):
            return False
        net = 0
        for row in summary:
            if row.gross != row.net + row.tax or row.tax != line_tax.get(row.tax_class, 0):
                return False
            net += row.net
        if net != totals.net:
            return False
    if document.status == "completed":
        paid = sum(p.amount for p in document.payments if p.outcome in PAID_OUTCOMES)
        return bool(paid == totals.total)
    return True
