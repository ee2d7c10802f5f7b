"""Builders for the offer tests: items, offers and baskets in EUR."""

from __future__ import annotations

from fractions import Fraction

from kiosk.domain.basket import Basket, BasketLine
from kiosk.domain.catalog import CatalogItem, SaleUnit
from kiosk.domain.money import Money
from kiosk.domain.offers import Offer, OfferBook, OfferKind, OfferState
from kiosk.domain.offers.model import Bundle
from kiosk.domain.offers.rules import best_use


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def item(sku: str, price: int, tax_class: str = "reduced", **kw: object) -> CatalogItem:
    return CatalogItem(sku, (("en", sku.title()),), eur(price), tax_class, **kw)  # type: ignore[arg-type]


def weighed(sku: str, per_kg: int, tax_class: str = "reduced") -> CatalogItem:
    return item(sku, per_kg, tax_class, unit=SaleUnit.WEIGHT)


def multi_buy(offer_id: str, skus: set[str], quantity: int, **kw: object) -> Offer:
    return Offer(offer_id, offer_id, OfferKind.MULTI_BUY, frozenset(skus), quantity, **kw)  # type: ignore[arg-type]


def percent_off(offer_id: str, skus: set[str], percent: int, **kw: object) -> Offer:
    return Offer(
        offer_id, offer_id, OfferKind.PERCENT_OFF, frozenset(skus), percent=Fraction(percent), **kw
    )  # type: ignore[arg-type]


def amount_off(offer_id: str, skus: set[str], amount: int, **kw: object) -> Offer:
    return Offer(offer_id, offer_id, OfferKind.AMOUNT_OFF, frozenset(skus), amount=amount, **kw)  # type: ignore[arg-type]


def unit_price(offer_id: str, skus: set[str], price: int, **kw: object) -> Offer:
    return Offer(offer_id, offer_id, OfferKind.UNIT_PRICE, frozenset(skus), price=price, **kw)  # type: ignore[arg-type]


def set_price(offer_id: str, components: list[set[str]], price: int) -> Offer:
    comps = tuple(frozenset(c) for c in components)
    return Offer(offer_id, offer_id, OfferKind.SET_PRICE, components=comps, price=price)


def threshold(offer_id: str, spend: int, amount: int, skus: set[str] = frozenset()) -> Offer:  # type: ignore[assignment]
    return Offer(
        offer_id, offer_id, OfferKind.THRESHOLD, frozenset(skus), spend=spend, amount=amount
    )


def basket_of(*entries: tuple[CatalogItem, int]) -> Basket:
    basket = Basket("b1", "EUR")
    for catalog_item, amount in entries:
        if catalog_item.sold_by_weight:
            basket, _ = basket.add_item(catalog_item, weight_g=amount)
        else:
            basket, _ = basket.add_item(catalog_item, quantity=amount)
    return basket


def state_of(offers: list[Offer], lines: tuple[BasketLine, ...]) -> OfferState:
    return OfferState.of(OfferBook.of(offers), "EUR", lines)


def saved(offers: list[Offer], lines: tuple[BasketLine, ...]) -> int:
    return state_of(offers, lines).summary().total


def brute_force(offers: list[Offer], units: list[Bundle]) -> int:
    """Best total of item offers over every assignment of every single unit."""
    singles = [key for key, count in units for _ in range(count)]
    best = 0

    def walk(index: int, shares: list[list[Bundle]]) -> None:
        nonlocal best
        if index == len(singles):
            total = 0
            for offer, share in zip(offers, shares, strict=True):
                merged: dict = {}
                for key, count in share:
                    merged[key] = merged.get(key, 0) + count
                total += best_use(offer, sorted(merged.items()))[0]
            best = max(best, total)
            return
        key = singles[index]
        walk(index + 1, shares)  # no offer
        for n, offer in enumerate(offers):
            if key.sku in offer.group:
                shares[n].append((key, 1))
                walk(index + 1, shares)
                shares[n].pop()

    walk(0, [[] for _ in offers])
    return best
