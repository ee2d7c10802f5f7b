"""The basket: the lines a shopper has scanned, immutable, with their amounts.

This module owns :class:`BasketLine` and :class:`Basket` (the shared contract in
TEAM.md) and the rules for a line's amount:

* EACH items: ``amount = unit_price * quantity`` (exact).
* WEIGHT items: ``unit_price`` is per kilogram and ``quantity`` is 1;
  ``amount = unit_price * weight_g / 1000`` rounded **half up** to the minor unit
  (:data:`WEIGHT_ROUNDING`), the rule of retail label scales (1.234 kg at 1.99/kg
  = 2.45566 -> 2.46). It is computed once per line from integers, never floats.
* Deposits (bottles, cans): ``item.deposit`` per unit times ``quantity``, kept out
  of ``amount`` and totalled separately; whether a deposit carries tax is a
  :class:`kiosk.domain.tax.TaxRules` setting (default: untaxed).
* A voided line stays in the basket (audit, journal) but counts for nothing.
* ``item.quantity_limit`` caps the units of one SKU over the active lines;
  exceeding it raises :class:`QuantityLimitExceeded`, which the checkout turns
  into an attendant intervention (an approved one passes ``over_limit_ok=True``).

Every mutator returns ``(new_basket, changed_line)`` so the caller can journal
exactly the line that changed. Line numbers are 1-based and never reused.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction

from kiosk.domain.catalog import CatalogItem, SaleUnit
from kiosk.domain.money import Money, Rounding
from kiosk.domain.tax import BasketTotals, TaxRules, compute_totals

WEIGHT_ROUNDING = Rounding.HALF_UP
GRAMS_PER_KG = 1000


class BasketError(ValueError):
    """A basket change that breaks a rule (unknown line, voided line, bad quantity...)."""


class QuantityLimitExceeded(BasketError):
    """More units of an item than its ``quantity_limit`` allows in one basket."""

    def __init__(self, item: CatalogItem, limit: int, requested: int) -> None:
        super().__init__(
            f"item {item.sku}: {requested} units exceed the limit of {limit} per basket"
        )
        self.item = item
        self.limit = limit
        self.requested = requested


@dataclass(frozen=True, slots=True)
class BasketLine:
    """One scanned line; see the module docstring for the amount rules.

    Raises:
        BasketError: on construction, if the fields contradict the item's sale unit.
    """

    line_no: int
    item: CatalogItem
    quantity: int
    weight_g: int | None
    unit_price: Money
    voided: bool = False
    price_override_reason: str | None = None
    scanned_code: str | None = None

    def __post_init__(self) -> None:
        where = f"line {self.line_no} ({self.item.sku})"
        if self.line_no < 1:
            raise BasketError(f"{where}: line numbers start at 1")
        if self.unit_price.minor < 0:
            raise BasketError(f"{where}: negative unit price {self.unit_price}")
        if self.item.sold_by_weight:
            if self.weight_g is None or self.weight_g <= 0:
                raise BasketError(f"{where}: a weighed item needs a positive weight_g")
            if self.quantity != 1:
                raise BasketError(f"{where}: a weighed item has quantity 1")
        else:
            if self.weight_g is not None:
                raise BasketError(f"{where}: weight_g is only for weighed items")
            if self.quantity < 1:
                raise BasketError(f"{where}: quantity must be at least 1")

    @property
    def amount(self) -> Money:
        """Price of the line before deposit and tax rules (voiding is ignored here)."""
        if self.weight_g is not None:
            return self.unit_price.scaled(Fraction(self.weight_g, GRAMS_PER_KG), WEIGHT_ROUNDING)
        return self.unit_price * self.quantity

    @property
    def deposit_unit(self) -> Money:
        """Deposit per unit (zero if the item has none)."""
        return self.item.deposit or Money.zero(self.unit_price.currency)

    @property
    def deposit_amount(self) -> Money:
        """Deposit of the whole line: per-unit deposit times quantity."""
        return self.deposit_unit * self.quantity

    @property
    def tax_class(self) -> str:
        return self.item.tax_class

    @property
    def counts(self) -> bool:
        """True unless voided: only counting lines enter totals and limits."""
        return not self.voided

    @property
    def units(self) -> int:
        """Units for the item count: quantity, or 1 for a weighed line."""
        return self.quantity


@dataclass(frozen=True, slots=True)
class Basket:
    """An immutable basket of lines in one currency.

    Raises:
        BasketError: on construction, if line numbers are not strictly increasing
            or a line's price is in another currency.
    """

    basket_id: str
    currency: str
    lines: tuple[BasketLine, ...] = ()

    def __post_init__(self) -> None:
        previous = 0
        for line in self.lines:
            if line.line_no <= previous:
                raise BasketError(
                    f"basket {self.basket_id}: line numbers must increase, got {line.line_no}"
                )
            previous = line.line_no
            self._check_currency(line.unit_price)

    @classmethod
    def from_lines(cls, basket_id: str, currency: str, lines: tuple[BasketLine, ...]) -> Basket:
        """Rebuild a basket (e.g. from the journal); lines are sorted by line number.

        Quantity limits are not re-checked: the lines were accepted when added.
        """
        return cls(basket_id, currency, tuple(sorted(lines, key=lambda line: line.line_no)))

    @property
    def active_lines(self) -> tuple[BasketLine, ...]:
        return tuple(line for line in self.lines if line.counts)

    @property
    def next_line_no(self) -> int:
        return self.lines[-1].line_no + 1 if self.lines else 1

    @property
    def is_empty(self) -> bool:
        """True if no line counts (voided lines do not)."""
        return not self.active_lines

    def line(self, line_no: int) -> BasketLine:
        """The line numbered ``line_no``. Raises BasketError if there is none."""
        for line in self.lines:
            if line.line_no == line_no:
                return line
        raise BasketError(f"basket {self.basket_id}: no line {line_no}")

    def units_of(self, sku: str) -> int:
        """Units of ``sku`` over the active lines (weighed lines count 1 each)."""
        return sum(line.units for line in self.active_lines if line.item.sku == sku)

    def add_item(
        self,
        item: CatalogItem,
        quantity: int = 1,
        weight_g: int | None = None,
        unit_price: Money | None = None,
        scanned_code: str | None = None,
        *,
        over_limit_ok: bool = False,
    ) -> tuple[Basket, BasketLine]:
        """Append a line for ``item`` (price defaults to the catalog price).

        Raises:
            QuantityLimitExceeded: if the item's limit would be passed (unless
                ``over_limit_ok``, which an attendant's approval sets).
            BasketError: for a bad quantity/weight or a price in another currency.
        """
        price = item.price if unit_price is None else unit_price
        self._check_currency(price)
        if item.unit is SaleUnit.WEIGHT and quantity != 1:
            raise BasketError(f"item {item.sku}: a weighed item has quantity 1")
        line = BasketLine(
            self.next_line_no, item, quantity, weight_g, price, scanned_code=scanned_code
        )
        if not over_limit_ok:
            self._check_limit(item, self.units_of(item.sku) + line.units)
        return self._with(line), line

    def set_quantity(
        self, line_no: int, quantity: int, *, over_limit_ok: bool = False
    ) -> tuple[Basket, BasketLine]:
        """Change the quantity of a counted (EACH) line.

        Raises:
            BasketError: unknown or voided line, weighed line, quantity < 1.
            QuantityLimitExceeded: if the new quantity passes the item's limit.
        """
        old = self._mutable_line(line_no)
        if old.item.sold_by_weight:
            raise BasketError(f"line {line_no}: the quantity of a weighed item cannot change")
        if quantity < 1:
            raise BasketError(f"line {line_no}: quantity must be at least 1 (void the line)")
        if not over_limit_ok:
            self._check_limit(old.item, self.units_of(old.item.sku) - old.quantity + quantity)
        return self._replaced(replace(old, quantity=quantity))

    def void_line(self, line_no: int) -> tuple[Basket, BasketLine]:
        """Mark a line voided; it stays for audit. Raises BasketError if unknown/voided."""
        return self._replaced(replace(self._mutable_line(line_no), voided=True))

    def override_price(self, line_no: int, price: Money, reason: str) -> tuple[Basket, BasketLine]:
        """Replace a line's unit price, recording why.

        Raises:
            BasketError: unknown/voided line, empty reason, negative price or
                another currency.
        """
        old = self._mutable_line(line_no)
        if not reason.strip():
            raise BasketError(f"line {line_no}: a price override needs a reason")
        self._check_currency(price)
        return self._replaced(replace(old, unit_price=price, price_override_reason=reason))

    def totals(self, tax_rules: TaxRules) -> BasketTotals:
        """Net, tax, deposit and total of the active lines under ``tax_rules``."""
        return compute_totals(self.active_lines, tax_rules, self.currency)

    def _mutable_line(self, line_no: int) -> BasketLine:
        line = self.line(line_no)
        if line.voided:
            raise BasketError(f"basket {self.basket_id}: line {line_no} is voided")
        return line

    def _check_currency(self, price: Money) -> None:
        if price.currency != self.currency:
            raise BasketError(
                f"basket {self.basket_id} is in {self.currency}, price {price} is not"
            )

    @staticmethod
    def _check_limit(item: CatalogItem, units: int) -> None:
        if item.quantity_limit is not None and units > item.quantity_limit:
            raise QuantityLimitExceeded(item, item.quantity_limit, units)

    def _with(self, line: BasketLine) -> Basket:
        return replace(self, lines=(*self.lines, line))

    def _replaced(self, new: BasketLine) -> tuple[Basket, BasketLine]:
        lines = tuple(new if line.line_no == new.line_no else line for line in self.lines)
        return replace(self, lines=lines), new


__all__ = [
    "GRAMS_PER_KG",
    "WEIGHT_ROUNDING",
    "Basket",
    "BasketError",
    "BasketLine",
    "QuantityLimitExceeded",
]
