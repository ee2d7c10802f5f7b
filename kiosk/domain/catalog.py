"""Catalog items: what the lane can sell and the facts selling needs.

An item is identified by its ``sku`` (the store's own id). It is found by one
or more GTINs (normalised to GTIN-14 by ``kiosk.domain.gtin``) or by a PLU
(the 4-5 digit produce code a shopper types or picks from a picture grid).
Prices are per unit, or per kilogram for items sold by weight.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from kiosk.domain.money import Money


class SaleUnit(enum.Enum):
    """How a quantity of the item is measured."""

    EACH = "each"  # counted: quantity is a whole number of units
    WEIGHT = "weight"  # weighed: quantity is grams, price is per kilogram


class CatalogError(ValueError):
    """A catalog item whose fields break a rule (no name, negative price, ...)."""


@dataclass(frozen=True, slots=True)
class CatalogItem:
    """One sellable item.

    Attributes:
        sku: the store's item id, unique in the catalog.
        names: (language, name) pairs, e.g. (("en", "Bananas"), ("es", "Plátanos")).
        price: unit price, or price per kilogram when ``unit`` is WEIGHT.
        tax_class: key into the lane's tax table (e.g. "standard", "reduced").
        gtins: GTIN-14 strings that identify this item.
        plu: price look-up code for produce and bakery, if any.
        unit: sold by the unit or by weight.
        age_limit: minimum age of the buyer in years, if restricted.
        quantity_limit: most units one basket may hold, if limited.
        deposit: container deposit charged per unit (bottles, cans), if any.
        category: grouping for the picture grid ("produce", "bakery", ...).
        image: asset file name of the item's picture, if any.
    """

    sku: str
    names: tuple[tuple[str, str], ...]
    price: Money
    tax_class: str
    gtins: tuple[str, ...] = ()
    plu: str | None = None
    unit: SaleUnit = SaleUnit.EACH
    age_limit: int | None = None
    quantity_limit: int | None = None
    deposit: Money | None = None
    category: str = ""
    image: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if not self.sku:
            raise CatalogError("item has an empty sku")
        if not self.names:
            raise CatalogError(f"item {self.sku}: has no name")
        if self.price.minor < 0:
            raise CatalogError(f"item {self.sku}: negative price {self.price}")
        if self.deposit is not None and self.deposit.currency != self.price.currency:
            raise CatalogError(f"item {self.sku}: deposit and price in different currencies")
        if self.age_limit is not None and not 0 < self.age_limit < 100:
            raise CatalogError(f"item {self.sku}: age limit {self.age_limit} out of range 1-99")
        if self.quantity_limit is not None and self.quantity_limit < 1:
            raise CatalogError(f"item {self.sku}: quantity limit must be at least 1")
        if self.plu is not None and not (self.plu.isdigit() and 4 <= len(self.plu) <= 5):
            raise CatalogError(f"item {self.sku}: PLU {self.plu!r} must be 4 or 5 digits")

    def name(self, language: str, fallback: str = "en") -> str:
        """The item's name in ``language``, else in ``fallback``, else the first one."""
        by_language = dict(self.names)
        return by_language.get(language) or by_language.get(fallback) or self.names[0][1]

    @property
    def sold_by_weight(self) -> bool:
        return self.unit is SaleUnit.WEIGHT
