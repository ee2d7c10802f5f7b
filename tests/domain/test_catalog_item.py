"""Catalog items: the rules an item's fields must follow, and name lookup."""

from __future__ import annotations

import pytest

from kiosk.domain.catalog import CatalogError, CatalogItem, SaleUnit
from kiosk.domain.money import Money

EUR1 = Money(100, "EUR")
NAMES = (("en", "Bananas"), ("es", "Plátanos"))


def make(**kw: object) -> CatalogItem:
    fields: dict[str, object] = {"sku": "ban", "names": NAMES, "price": EUR1,
                                 "tax_class": "reduced"}  # fmt: skip
    fields.update(kw)
    return CatalogItem(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"sku": ""}, "empty sku"),
        ({"names": ()}, "has no name"),
        ({"price": Money(-1, "EUR")}, "negative price"),
        ({"deposit": Money(25, "USD")}, "different currencies"),
        ({"age_limit": 0}, "out of range"),
        ({"age_limit": 100}, "out of range"),
        ({"quantity_limit": 0}, "at least 1"),
        ({"plu": "123"}, "4 or 5 digits"),
        ({"plu": "123456"}, "4 or 5 digits"),
        ({"plu": "40a1"}, "4 or 5 digits"),
    ],
)
def test_invalid_items_are_refused(change: dict[str, object], message: str) -> None:
    with pytest.raises(CatalogError, match=message):
        make(**change)


@pytest.mark.parametrize(
    "change",
    [{}, {"plu": "4011"}, {"plu": "94011"}, {"age_limit": 18}, {"quantity_limit": 1},
     {"deposit": Money(25, "EUR")}, {"price": Money(0, "EUR")}],
)  # fmt: skip
def test_valid_items(change: dict[str, object]) -> None:
    assert make(**change).sku == "ban"


@pytest.mark.parametrize(
    ("language", "fallback", "name"),
    [("es", "en", "Plátanos"), ("fr", "en", "Bananas"), ("fr", "de", "Bananas"),
     ("en", "es", "Bananas"), ("fr", "es", "Plátanos")],
)  # fmt: skip
def test_name_falls_back(language: str, fallback: str, name: str) -> None:
    assert make().name(language, fallback) == name


def test_first_name_when_no_language_matches() -> None:
    item = make(names=(("de", "Banane"),))
    assert item.name("fr") == "Banane"


def test_sold_by_weight_and_image_not_in_equality() -> None:
    assert make(unit=SaleUnit.WEIGHT).sold_by_weight
    assert not make().sold_by_weight
    assert make(image="a.png") == make(image="b.png")
