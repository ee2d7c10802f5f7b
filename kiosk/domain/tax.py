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

Incremental totals: :func:`compute_totals` works from the lines (the reference,
O(lines)); :func:`totals_from_sums` gives exactly the same totals from running
per-class sums (:class:`ClassSums`) and, for per-line rounding, the per-class sum
of the line taxes, in O(tax classes). The per-line :class:`LineTax` list is
computed from the lines only when asked for (:attr:`BasketTotals.lines`: the
sale document), because per-total rounding spreads a class's tax over all its lines.

Discounts (offers, :mod:`kiosk.domain.offers`): tax is computed on the discounted
amounts. A class's discount ``D`` (the offers' savings allocated to the class in
proportion to the shelf amounts they used, a basket-wide threshold in proportion to
the classes' amounts, with :meth:`Money.allocate`) acts as one negative line of the
class: per-line rounding subtracts ``round(D)``'s tax from the sum of the line
taxes; per-total rounding taxes ``base - D`` once. The line taxes stay those of the
shelf prices; the sale document carries each discount's share of the difference.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import TYPE_CHECKING

from kiosk.domain.money import Money, Rounding, divide_rounded

if TYPE_CHECKING:  # basket imports this module; lines are only used through attributes
    from kiosk.domain.basket import BasketLine
    from kiosk.domain.offers.engine import OfferSummary

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
        tax = Money(self.tax_minor(base.minor, tax_class), base.currency)
        if self.prices_include_tax:
            return base - tax, tax, base
        return base, tax, base + tax

    def tax_minor(self, base_minor: int, tax_class: str) -> int:
        """The tax, in minor units, of a base of ``tax_class`` (what :meth:`split` rounds).

        Inclusive: ``round(base * r / (100 + r))``; exclusive: ``round(base * r / 100)``,
        with r = p/q exact; integer arithmetic on the same fraction, so the same result.

        Raises:
            TaxError: if the class is unknown.
        """
        numerator, denominator = self._ratio(tax_class)
        return divide_rounded(base_minor * numerator, denominator, self.mode)

    def _ratio(self, tax_class: str) -> tuple[int, int]:
        # The frozen rules keep a private cache of p / (100q + p) or p / 100q per class.
        cache: dict[str, tuple[int, int]] = self.__dict__.setdefault("_ratios", {})
        ratio = cache.get(tax_class)
        if ratio is None:
            r = Fraction(self.rate(tax_class))
            scale = HUNDRED + r if self.prices_include_tax else HUNDRED
            exact = r / scale
            ratio = cache[tax_class] = (exact.numerator, exact.denominator)
        return ratio


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


class LineTaxes:
    """The :class:`LineTax` of every active line, computed on first use and kept.

    Thread-safe in effect: two first uses at once compute the same tuple twice.
    """

    __slots__ = ("_by_line_no", "_compute", "_value")

    def __init__(self, compute: Callable[[], tuple[LineTax, ...]]) -> None:
        self._compute: Callable[[], tuple[LineTax, ...]] | None = compute
        self._value: tuple[LineTax, ...] | None = None
        self._by_line_no: dict[int, LineTax] | None = None

    @classmethod
    def of(cls, value: tuple[LineTax, ...]) -> LineTaxes:
        """Line taxes already computed."""
        known = cls(lambda: value)
        known._value = value
        return known

    def get(self) -> tuple[LineTax, ...]:
        value = self._value
        if value is None:
            compute = self._compute
            assert compute is not None  # only dropped once the value is set
            value = self._value = compute()
            self._compute = None  # let go of the lines it closed over
        return value

    def by_line_no(self, line_no: int) -> LineTax:
        index = self._by_line_no
        if index is None:
            index = self._by_line_no = {line_tax.line_no: line_tax for line_tax in self.get()}
        return index[line_no]

    def __repr__(self) -> str:
        return repr(self.get())


@dataclass(frozen=True, slots=True, eq=False)
class BasketTotals:
    """What the basket costs.

    ``total == net + tax + untaxed_deposit``; ``net``/``tax`` are the sums of
    ``tax_summary``; ``deposit`` is every deposit (taxed or not), for display.
    ``lines`` (the tax of each active line) is computed when first read.
    """

    net: Money
    tax: Money
    deposit: Money
    total: Money
    item_count: int
    tax_summary: tuple[TaxSummary, ...]
    line_taxes: LineTaxes
    untaxed_deposit: Money
    #: What the offers save, per tax class (minor units); empty without offers.
    discounts: tuple[tuple[str, int], ...] = ()
    #: The offers' summary (itemised savings on demand), if the basket has offers.
    offers: OfferSummary | None = None

    @property
    def savings(self) -> Money:
        """What the offers save in all (zero without offers)."""
        return Money(sum(amount for _, amount in self.discounts), self.total.currency)

    @property
    def subtotal(self) -> Money:
        """The total before the offers' savings (shelf prices plus deposits, plus tax when
        prices exclude it, as the shopper's screen shows it above the savings)."""
        return self.total + self.savings

    @property
    def lines(self) -> tuple[LineTax, ...]:
        """Tax of each active line, in line order."""
        return self.line_taxes.get()

    def line(self, line_no: int) -> LineTax:
        """Tax of the active line ``line_no``. Raises KeyError if not active."""
        return self.line_taxes.by_line_no(line_no)

    def _amounts(self) -> tuple[object, ...]:
        return (
            self.net,
            self.tax,
            self.deposit,
            self.total,
            self.item_count,
            self.tax_summary,
            self.untaxed_deposit,
            self.discounts,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BasketTotals):
            return NotImplemented
        return self._amounts() == other._amounts() and self.lines == other.lines

    def __hash__(self) -> int:
        return hash(self._amounts())


@dataclass(frozen=True, slots=True)
class ClassSums:
    """Running sums over the active lines of one tax class, before any tax rule.

    ``amount`` and ``deposit`` are minor units; ``lines`` counts the active lines
    (a class with none is not in the basket's summary).
    """

    lines: int = 0
    amount: int = 0
    deposit: int = 0

    def plus(self, amount: int, deposit: int) -> ClassSums:
        return ClassSums(self.lines + 1, self.amount + amount, self.deposit + deposit)

    def minus(self, amount: int, deposit: int) -> ClassSums:
        return ClassSums(self.lines - 1, self.amount - amount, self.deposit - deposit)


def line_tax_minor(line: BasketLine, rules: TaxRules) -> int:
    """The rounded tax of one line on its own (per-line rounding), in minor units.

    Raises:
        TaxError: if the line's class has no rate.
    """
    return rules.tax_minor(_base(line, rules).minor, line.tax_class)


def line_taxes_by_class(lines: Iterable[BasketLine], rules: TaxRules) -> dict[str, int]:
    """Per class, the sum of the per-line rounded taxes of the active ``lines``.

    Raises:
        TaxError: if an active line's class has no rate.
    """
    sums: dict[str, int] = {}
    for line in lines:
        if line.counts:
            sums[line.tax_class] = sums.get(line.tax_class, 0) + line_tax_minor(line, rules)
    return sums


def totals_from_sums(
    sums: Mapping[str, ClassSums],
    line_taxes: Mapping[str, int] | None,
    units: int,
    rules: TaxRules,
    *,
    currency: str,
    lines: Callable[[], Sequence[BasketLine]],
    discounts: Mapping[str, int] | None = None,
    offers: OfferSummary | None = None,
) -> BasketTotals:
    """The totals :func:`compute_totals` gives, from running sums, in O(tax classes).

    Args:
        sums: per tax class with at least one active line, its :class:`ClassSums`.
        line_taxes: per class, the sum of the per-line rounded taxes
            (:func:`line_taxes_by_class`); needed only when ``rules.per_line``.
        units: the item count of the active lines.
        rules: the tax rules.
        currency: the basket's currency.
        lines: returns the basket's lines, called only if :attr:`BasketTotals.lines`
            is read.
        discounts: per class, what offers save (at most the class's amount).
        offers: the offers' summary, kept on the totals for the itemised savings.

    The caller keeps every line weight (line base) non-negative: per-total rounding
    spreads the class tax over the lines in proportion to them.

    Raises:
        TaxError: if a class has no rate (the first in class order, as compute_totals).
    """
    summaries: list[TaxSummary] = []
    net_sum = tax_sum = deposit_sum = 0
    for tax_class in sorted(sums):
        rate = rules.rate(tax_class)
        class_sums = sums[tax_class]
        deposit_sum += class_sums.deposit
        discount = discounts.get(tax_class, 0) if discounts else 0
        base = class_sums.amount + (class_sums.deposit if rules.deposit_taxed else 0) - discount
        if rules.per_line:
            assert line_taxes is not None, "per-line rounding needs the line taxes"
            tax = line_taxes[tax_class] - _discount_tax(discount, rules, tax_class)
        else:
            # compute_totals spreads the class tax over positive weights (else zero)
            tax = rules.tax_minor(base, tax_class) if base > 0 else 0
        net = base - tax if rules.prices_include_tax else base
        net_sum += net
        tax_sum += tax
        summaries.append(
            TaxSummary(
                tax_class,
                rate,
                Money(net, currency),
                Money(tax, currency),
                Money(net + tax, currency),
            )
        )
    untaxed = 0 if rules.deposit_taxed else deposit_sum
    return BasketTotals(
        net=Money(net_sum, currency),
        tax=Money(tax_sum, currency),
        deposit=Money(deposit_sum, currency),
        total=Money(net_sum + tax_sum + untaxed, currency),
        item_count=units,
        tax_summary=tuple(summaries),
        line_taxes=LineTaxes(lambda: line_taxes_of(lines(), rules, currency)),
        untaxed_deposit=Money(untaxed, currency),
        discounts=_discount_items(discounts),
        offers=offers,
    )


def _discount_tax(discount: int, rules: TaxRules, tax_class: str) -> int:
    """Per-line rounding: the tax of a class's discount taken as one negative line."""
    return rules.tax_minor(discount, tax_class) if discount else 0


def _discount_items(discounts: Mapping[str, int] | None) -> tuple[tuple[str, int], ...]:
    return tuple(sorted((c, a) for c, a in discounts.items() if a)) if discounts else ()


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


def _by_class(lines: Iterable[BasketLine]) -> dict[str, list[BasketLine]]:
    by_class: dict[str, list[BasketLine]] = {}
    for line in lines:
        if line.counts:
            by_class.setdefault(line.tax_class, []).append(line)
    return by_class


def line_taxes_of(
    lines: Iterable[BasketLine], rules: TaxRules, currency: str
) -> tuple[LineTax, ...]:
    """The :class:`LineTax` of each active line (voided ones are skipped), in line order.

    Raises:
        TaxError: if a line's tax class has no rate.
    """
    by_class = _by_class(lines)
    line_taxes: list[LineTax] = []
    for tax_class in sorted(by_class):
        line_taxes.extend(_class_totals(by_class[tax_class], rules, tax_class, currency)[1])
    return tuple(sorted(line_taxes, key=lambda lt: lt.line_no))


def compute_totals(
    lines: Iterable[BasketLine],
    rules: TaxRules,
    currency: str,
    discounts: Mapping[str, int] | None = None,
    offers: OfferSummary | None = None,
) -> BasketTotals:
    """Totals of ``lines`` (voided ones are skipped) under ``rules``, from scratch, less
    the per-class ``discounts`` of the offers (see the module docstring).

    Raises:
        TaxError: if a line's tax class has no rate.
    """
    by_class = _by_class(lines)
    active = [line for class_lines in by_class.values() for line in class_lines]
    zero = Money.zero(currency)
    summaries: list[TaxSummary] = []
    line_taxes: list[LineTax] = []
    for tax_class in sorted(by_class):
        summary, class_lines = _class_totals(by_class[tax_class], rules, tax_class, currency)
        discount = discounts.get(tax_class, 0) if discounts else 0
        if discount:
            summary = _discounted(summary, discount, rules, class_lines)
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
        line_taxes=LineTaxes.of(tuple(sorted(line_taxes, key=lambda lt: lt.line_no))),
        untaxed_deposit=untaxed,
        discounts=_discount_items(discounts),
        offers=offers,
    )


def _discounted(
    summary: TaxSummary, discount: int, rules: TaxRules, class_lines: list[LineTax]
) -> TaxSummary:
    """A class's summary less its ``discount`` (same rule as :func:`totals_from_sums`)."""
    currency = summary.gross.currency
    base = sum(lt.gross.minor if rules.prices_include_tax else lt.net.minor for lt in class_lines)
    base -= discount
    if rules.per_line:
        tax = summary.tax.minor - _discount_tax(discount, rules, summary.tax_class)
    else:
        tax = rules.tax_minor(base, summary.tax_class) if base > 0 else 0
    net = base - tax if rules.prices_include_tax else base
    return TaxSummary(
        summary.tax_class, summary.rate, Money(net, currency), Money(tax, currency),
        Money(net + tax, currency),
    )  # fmt: skip


__all__ = [
    "BasketTotals",
    "ClassSums",
    "LineTax",
    "LineTaxes",
    "TaxError",
    "TaxRules",
    "TaxSummary",
    "compute_totals",
    "line_tax_minor",
    "line_taxes_by_class",
    "line_taxes_of",
    "parse_rate",
    "rate_text",
    "totals_from_sums",
]
