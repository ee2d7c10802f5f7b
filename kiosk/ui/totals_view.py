"""What the shopper's "Totals and VAT" review shows, from the basket totals (no Qt).

The VAT rows carry the letter the receipt prints for each rate
(:class:`~kiosk.domain.tax_letters.TaxLetters`, the store's table), so the screen and
the receipt name a rate alike: "A 21 %" on the screen is "A" on the paper.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.domain.money import Money
from kiosk.domain.tax import BasketTotals
from kiosk.domain.tax_letters import TaxLetters


@dataclass(frozen=True, slots=True)
class VatRow:
    """One rate of the basket: its receipt letter, rate text ("21", "5.5") and the VAT."""

    letter: str
    rate: str
    tax: Money
    gross: Money


@dataclass(frozen=True, slots=True)
class TotalsView:
    """Subtotal (before savings), savings, deposit, the VAT per rate and the total."""

    subtotal: Money
    total: Money
    item_count: int
    savings: Money | None = None
    deposit: Money | None = None
    vat: tuple[VatRow, ...] = ()
    prices_include_tax: bool = True


def totals_view(
    totals: BasketTotals, letters: TaxLetters, *, prices_include_tax: bool = True
) -> TotalsView:
    """The review of ``totals``: one VAT row per row of the receipt's VAT summary, in the
    order of their letters."""
    rows = sorted(
        (
            VatRow(letters.letter(row.tax_class, row.rate), row.rate_text, row.tax, row.gross)
            for row in totals.tax_summary
        ),
        key=lambda row: row.letter,
    )
    savings = totals.savings
    return TotalsView(
        subtotal=totals.subtotal,
        total=totals.total,
        item_count=totals.item_count,
        savings=savings if savings.minor else None,
        deposit=totals.deposit if totals.deposit.minor else None,
        vat=tuple(rows),
        prices_include_tax=prices_include_tax,
    )
