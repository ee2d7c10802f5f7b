"""Tax rules and basket totals: net, tax, deposit and total that always add up.

Theory of operation
-------------------
Each item has a tax class ("standard", "reduced"...); :class:`TaxRules` maps a
class to a rate in percent, kept exact (``Decimal`` parsed from a string, used
as a ``Fraction``). Lines are grouped by class; a class's *base* is the sum of
its line amounts (plus the deposits when ``deposit_taxed``).

* Prices include tax (EU VAT): the base is the gross. The tax is *extracted*:
  ``tax = round(gross * r / (100 + r))`` and ``net = gross - tax``.
  (A price of 246 at 10 %: 246 * 10/110 = 22.36 -> tax 22, net 224.)
* Prices exclude tax (US sales tax): the base is the net.
  ``tax = round(net * r / 100)`` and ``gross = net + tax``.

``round`` is one :class:`~kiosk.domain.money.Rounding` mode, applied either per
line (each line's tax rounded, then summed: what the receipt lines show) or per
total (each class's summed base taxed once: what many tax authorities want).
Because exactly one of net/tax/gross is derived by subtraction or addition,
``net + tax == gross`` holds exactly for every line, every class and the basket.
Per-total tax is spread back over the lines with :meth:`Money.allocate` so the
line taxes of a class still sum to the class tax.

Deposits: untaxed by default (``deposit_taxed=False``): they are added to the
total outside the tax summary, so ``total == net + tax + untaxed_deposit``.
With ``deposit_taxed=True`` (e.g. German single-use deposits), a line's deposit
joins its item's tax class base, and ``untaxed_deposit`` is zero.
``deposit`` always shows the sum of deposits for the receipt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import TYPE_CHECKING

from kiosk.domain.money import Money, Rounding

if TYPE_CHECKING:  # basket imports this module; lines are only used through attributes
    from kiosk.domain.basket import BasketLine

HUNDRED = Fraction(100)


class TaxError(ValueError):
    """A tax class without a rate, or a rate that is not a percentage from 0 to 100."""


def parse_rate(text: str) -> Decimal:
    """Parse a percentage string ("21", "5.5", "8.875") exactly.

    Raises:
        TaxError: if it is not a finite number from 0 to 100.
    """
    try:
        rate = Decimal(str(text).strip())
    except InvalidOperation:
        raise TaxError(f"tax rate {text!r} is not a number") from None
    if not rate.is_finite() or not Decimal(0) <= rate <= Decimal(100):
        raise TaxError(f"tax rate {text!r} must be a percentage from 0 to 100")
    return rate


def rate_text(rate: Decimal) -> str:
    """A rate as the sale document writes it: "10", "5.5" (no exponent, no trailing 0)."""
    return format(rate.normalize(), "f")


@dataclass(frozen=True)
class TaxRules:
    """How a basket is taxed. Build with :meth:`from_strings` from configuration.

    Attributes:
        rates: tax class -> rate in percent (exact Decimal).
        prices_include_tax: True for VAT-inclusive shelf prices, False for US style.
        per_line: round tax per line (True) or per class total (False).
        mode: the rounding mode for tax.
        deposit_taxed: deposits are taxed at their item's class rate (else untaxed).
    """

    rates: Mapping[str, Decimal] = field(hash=False)
    prices_include_tax: bool = True
    per_line: bool = True
    mode: Rounding = Rounding.HALF_UP
    deposit_taxed: bool = False

    @classmethod
    def from_strings(
        cls,
        rates: Mapping[str, str],
        *,
        prices_include_tax: bool = True,
        per_line: bool = True,
        mode: Rounding = Rounding.HALF_UP,
        deposit_taxed: bool = False,
    ) -> TaxRules:
        """Rules from ``{"standard": "21", ...}`` and the options of the class.

        Raises:
            TaxError: for a rate that is not a percentage.
        """
        parsed = {tax_class: parse_rate(text) for tax_class, text in rates.items()}
        return cls(parsed, prices_include_tax, per_line, mode, deposit_taxed)

    def rate(self, tax_class: str) -> Decimal:
        """The rate of ``tax_class`` in percent. Raises TaxError if the class is unknown."""
        try:
            return self.rates[tax_class]
        except KeyError:
            known = ", ".join(sorted(self.rates)) or "none"
            raise TaxError(f"no tax rate for class {tax_class!r} (known: {known})") from None

    def split(self, base: Money, tax_class: str) -> tuple[Money, Money, Money]:
        """``(net, tax, gross)`` of a base amount of ``tax_class``; net + tax == gross.

        Raises:
            TaxError: if the class is unknown.
        """
        r = Fraction(self.rate(tax_class))
        if self.prices_include_tax:
            tax = base.scaled(r / (HUNDRED + r), self.mode)
            return base - tax, tax, base
        tax = base.scaled(r / HUNDRED, self.mode)
        return base, tax, base + tax


@dataclass(frozen=True, slots=True)
class TaxSummary:
    """One tax class of a basket: its rate and net + tax == gross."""

    tax_class: str
    rate: Decimal
    net: Money
    tax: Money
    gross: Money

    @property
    def rate_text(self) -> str:
        return rate_text(self.rate)


@dataclass(frozen=True, slots=True)
class LineTax:
    """Tax of one active line; ``gross`` includes the deposit only if it is taxed."""

    line_no: int
    tax_class: str
    rate: Decimal
    net: Money
    tax: Money
    gross: Money
    deposit: Money


@dataclass(frozen=True, slots=True)
class BasketTotals:
    """What the basket costs.

    ``total == net + tax + untaxed_deposit``; ``net``/``tax`` are the sums of
    ``tax_summary``; ``deposit`` is every deposit (taxed or not), for display.
    """

    net: Money
    tax: Money
    deposit: Money
    total: Money
    item_count: int
    tax_summary: tuple[TaxSummary, ...]
    lines: tuple[LineTax, ...]
    untaxed_deposit: Money

    def line(self, line_no: int) -> LineTax:
        """Tax of the active line ``line_no``. Raises KeyError if not active."""
        for line_tax in self.lines:
            if line_tax.line_no == line_no:
                return line_tax
        raise KeyError(line_no)


def _base(line: BasketLine, rules: TaxRules) -> Money:
    return line.amount + line.deposit_amount if rules.deposit_taxed else line.amount


def _line_taxes_per_total(
    lines: list[BasketLine], rules: TaxRules, class_tax: Money
) -> list[Money]:
    weights = [_base(line, rules).minor for line in lines]
    if sum(weights) <= 0:
        return [Money.zero(class_tax.currency) for _ in lines]
    return class_tax.allocate(weights)


def _class_totals(
    lines: list[BasketLine], rules: TaxRules, tax_class: str, currency: str
) -> tuple[TaxSummary, list[LineTax]]:
    rate = rules.rate(tax_class)
    zero = Money.zero(currency)
    if rules.per_line:
        splits = [rules.split(_base(line, rules), tax_class) for line in lines]
    else:
        base = sum((_base(line, rules) for line in lines), zero)
        _, class_tax, _ = rules.split(base, tax_class)
        taxes = _line_taxes_per_total(lines, rules, class_tax)
        splits = []
        for line, tax in zip(lines, taxes, strict=True):
            line_base = _base(line, rules)
            if rules.prices_include_tax:
                splits.append((line_base - tax, tax, line_base))
            else:
                splits.append((line_base, tax, line_base + tax))
    line_taxes = [
        LineTax(line.line_no, tax_class, rate, net, tax, gross, line.deposit_amount)
        for line, (net, tax, gross) in zip(lines, splits, strict=True)
    ]
    net = sum((s[0] for s in splits), zero)
    tax = sum((s[1] for s in splits), zero)
    return TaxSummary(tax_class, rate, net, tax, net + tax), line_taxes


def compute_totals(lines: Iterable[BasketLine], rules: TaxRules, currency: str) -> BasketTotals:
    """Totals of ``lines`` (voided ones are skipped) under ``rules``.

    Raises:
        TaxError: if a line's tax class has no rate.
    """
    active = [line for line in lines if line.counts]
    by_class: dict[str, list[BasketLine]] = {}
    for line in active:
        by_class.setdefault(line.tax_class, []).append(line)
    zero = Money.zero(currency)
    summaries: list[TaxSummary] = []
    line_taxes: list[LineTax] = []
    for tax_class in sorted(by_class):
        summary, class_lines = _class_totals(by_class[tax_class], rules, tax_class, currency)
        summaries.append(summary)
        line_taxes.extend(class_lines)
    deposit = sum((line.deposit_amount for line in active), zero)
    untaxed = zero if rules.deposit_taxed else deposit
    net = sum((s.net for s in summaries), zero)
    tax = sum((s.tax for s in summaries), zero)
    return BasketTotals(
        net=net,
        tax=tax,
        deposit=deposit,
        total=net + tax + untaxed,
        item_count=sum(line.units for line in active),
        tax_summary=tuple(summaries),
        lines=tuple(sorted(line_taxes, key=lambda lt: lt.line_no)),
        untaxed_deposit=untaxed,
    )


__all__ = [
    "BasketTotals",
    "LineTax",
    "TaxError",
    "TaxRules",
    "TaxSummary",
    "compute_totals",
    "parse_rate",
    "rate_text",
]
