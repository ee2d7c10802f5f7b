"""The letter that names a VAT rate on a receipt: the same letter for a rate on every receipt.

Theory of operation
-------------------
A receipt ties each line to a row of its VAT summary with a short code ("A", "B").
Shoppers and auditors read these letters across receipts, so a letter must name the
same rate whatever rates one basket happens to use: lettering the rates of *this*
basket in order (the first rate present is "A") would make "A" mean 21 % on one
receipt and 10 % on the next. The letters therefore come from the store's whole tax
table (``[tax] rates``), never from a basket:

* a class with a configured letter (``[tax] letters``) takes it;
* every other *rate* of the table takes the next letter not configured, rates in
  descending order (21 -> A, 10 -> B, 4 -> C, 0 -> D with the default table), and
  all the classes at one rate share its letter.

:meth:`TaxLetters.letter` answers for a line or a summary row: by its class, else by
its rate (a class missing from the table but at a known rate), else ``"*"``.
Pure: no I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from string import ascii_uppercase

UNKNOWN = "*"


@dataclass(frozen=True, slots=True)
class TaxLetters:
    """Tax class -> letter and rate -> letter, fixed for the store (see the module)."""

    by_class: Mapping[str, str] = field(default_factory=dict)
    by_rate: Mapping[Decimal, str] = field(default_factory=dict)

    @classmethod
    def from_table(
        cls, rates: Mapping[str, str | Decimal], configured: Mapping[str, str] | None = None
    ) -> TaxLetters:
        """The letters of the tax table ``rates`` (class -> percent) with the
        ``configured`` letters (class -> letter) taking precedence.

        Raises:
            ValueError: a rate is not a number, or two rates got one configured letter.
        """
        configured = dict(configured or {})
        exact = {name: _rate(value) for name, value in rates.items()}
        by_rate: dict[Decimal, str] = {}
        for name, letter in configured.items():
            if name in exact:  # two classes at one rate, two letters: the first names the rate
                by_rate.setdefault(exact[name], letter)
        used = set(configured.values())
        spare = (letter for letter in ascii_uppercase if letter not in used)
        for rate in sorted(set(exact.values()) - set(by_rate), reverse=True):
            by_rate[rate] = next(spare, UNKNOWN)
        named = [letter for letter in by_rate.values() if letter != UNKNOWN]
        if len(set(named)) != len(named):
            raise ValueError("two VAT rates have the same letter")
        by_class = {name: configured.get(name) or by_rate[rate] for name, rate in exact.items()}
        by_class.update({n: v for n, v in configured.items() if n not in by_class})
        return cls(by_class, by_rate)

    def letter(self, tax_class: str, rate: str | Decimal | None = None) -> str:
        """The letter of ``tax_class`` (at ``rate``, the sale document's text such as
        "21" or "5.5"): by class, else by rate, else ``"*"``."""
        if tax_class in self.by_class:
            return self.by_class[tax_class]
        if rate is not None:
            try:
                return self.by_rate.get(_rate(rate), UNKNOWN)
            except ValueError:
                return UNKNOWN
        return UNKNOWN


def _rate(value: str | Decimal) -> Decimal:
    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise ValueError(f"tax rate {value!r} is not a number") from None
    if not number.is_finite():
        raise ValueError(f"tax rate {value!r} is not a number")
    return number.normalize()
