"""The savings as the sale document carries them (schema 1, optional ``discounts``).

Each offer that saved becomes one entry::

    {"offer_id": "o1", "name": "3 for 2", "amount": 150, "lines": [2, 4, 5],
     "classes": [{"tax_class": "reduced", "amount": 150, "tax": 14}]}

and ``totals.savings`` is the sum of the amounts. The line taxes of the document stay
those of the shelf prices; a class's discount tax is the difference between the sum
of its line taxes and its (discounted) tax in the summary, spread over the entries'
shares of the class in proportion to their amounts (:meth:`Money.allocate`). So HQ
can check: per class, line taxes minus discount taxes is the summary's tax, and
``total`` is ``amounts + deposits - savings`` (+ tax when prices exclude it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from kiosk.domain.money import Money
from kiosk.domain.offers.engine import lines_used

if TYPE_CHECKING:
    from kiosk.domain.basket import BasketLine
    from kiosk.domain.tax import BasketTotals


def discount_entries(totals: BasketTotals, lines: Sequence[BasketLine]) -> list[dict[str, Any]]:
    """The ``discounts`` of the sale document (empty without savings), O(lines)."""
    if totals.offers is None or not totals.discounts:
        return []
    savings = totals.offers.savings()
    currency = totals.total.currency
    line_tax: dict[str, int] = {}
    for line_taxes in totals.lines:
        line_tax[line_taxes.tax_class] = line_taxes.tax.minor + line_tax.get(
            line_taxes.tax_class, 0
        )
    class_tax = {row.tax_class: row.tax.minor for row in totals.tax_summary}
    shares: dict[str, list[tuple[int, int]]] = {}  # class -> (entry index, amount)
    for n, saving in enumerate(savings):
        for tax_class, amount in saving.by_class:
            shares.setdefault(tax_class, []).append((n, amount))
    taxes: dict[tuple[int, str], int] = {}
    for tax_class, parts in shares.items():
        difference = line_tax.get(tax_class, 0) - class_tax.get(tax_class, 0)
        weights = [amount for _, amount in parts]
        if difference > 0 and sum(weights) > 0:
            split = Money(difference, currency).allocate(weights)
        else:
            split = [Money(0, currency)] * len(parts)
        for (n, _), tax in zip(parts, split, strict=True):
            taxes[(n, tax_class)] = tax.minor
    tupled = tuple(lines)
    return [
        {
            "offer_id": saving.offer_id,
            "name": saving.name,
            "amount": saving.amount,
            "lines": list(lines_used(saving, tupled)),
            "classes": [
                {"tax_class": c, "amount": a, "tax": taxes[(n, c)]} for c, a in saving.by_class
            ],
        }
        for n, saving in enumerate(savings)
    ]


__all__ = ["discount_entries"]
