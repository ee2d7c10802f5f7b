"""``ShopperPrompts``: the self-checkout's questions beside the cart - "How many?", "Do
you need bags?" and the "Totals and VAT" review.

Theory of operation: the presenter hands over the touches that may need a question
(an item picked on the grid, the checkout shown after each broadcast, "Totals and VAT")
and gets back plain callbacks (add this item N times, open the grid again, pay, back to
the welcome screen), which it turns into checkout events. The overlays are built on
first use, as children of the window. What decides:

* "How many?": an item sold by count picked without a barcode (a grid tile or a typed
  PLU: ``SaleUnit.EACH``; weighed items go to the scale as before). Its count is one
  ``ItemScanned`` with that quantity, so the lane adds one line ("6 x Lemons") and the
  checks (age, limit) see every unit.
* Bags: with ``bag_skus`` configured, once per basket when the shopper touched Start or
  the first line arrived; the bags are read from the catalog off the UI thread, and the
  counts chosen become one ``ItemScanned`` per bag type. The question closes by itself
  when the lane leaves shopping (an alert, staff, paying, the next shopper).
* Totals: ``totals_view`` of the lane's totals with the receipt's VAT letters; it stays
  current while open and closes when the lane leaves shopping.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from kiosk.domain.catalog import CatalogItem
from kiosk.domain.checkout.machine import Checkout
from kiosk.domain.checkout.states import Phase
from kiosk.domain.tax import BasketTotals
from kiosk.domain.tax_letters import TaxLetters
from kiosk.ui.bridge import Bridge
from kiosk.ui.totals_view import totals_view
from kiosk.ui.widgets.bags import BagChoice, BagsOverlay
from kiosk.ui.widgets.how_many import HowManyOverlay
from kiosk.ui.widgets.totals_panel import TotalsOverlay

log = logging.getLogger(__name__)

AddItem = Callable[[CatalogItem, str, int], None]


class ShopperPrompts(QObject):
    """The three questions of one lane window (see the module docstring)."""

    def __init__(self, window: Any, bridge: Bridge, catalog: Any, *, add: AddItem,
                 reopen_grid: Callable[[], None], pay: Callable[[], None],
                 welcome: Callable[[], None], bag_skus: tuple[str, ...] = (),
                 tax_letters: TaxLetters | None = None) -> None:  # fmt: skip
        super().__init__(window)
        self._window, self._bridge, self._catalog = window, bridge, catalog
        self._add, self._reopen_grid, self._pay, self._welcome = add, reopen_grid, pay, welcome
        self._bag_skus = bag_skus
        self._letters = tax_letters
        self._how_many: HowManyOverlay | None = None
        self._bags: BagsOverlay | None = None
        self._totals: TotalsOverlay | None = None
        self._counting: tuple[CatalogItem, str] | None = None
        self._bag_items: dict[str, CatalogItem] = {}
        self._asked_for: str | None = None  # the basket the bag question was asked for
        self._checkout: Checkout | None = None

    # -- overlays, built on first use -------------------------------------------------
    @property
    def how_many(self) -> HowManyOverlay:
        if self._how_many is None:
            overlay = self._how_many = HowManyOverlay(self._window)
            overlay.counted.connect(self._counted)
            overlay.backRequested.connect(self._count_back)
        return self._how_many

    @property
    def bags(self) -> BagsOverlay:
        if self._bags is None:
            overlay = self._bags = BagsOverlay(self._window)
            overlay.chosen.connect(self._bags_chosen)
            overlay.backRequested.connect(self._bags_back)
        return self._bags

    @property
    def totals(self) -> TotalsOverlay:
        if self._totals is None:
            overlay = self._totals = TotalsOverlay(self._window)
            overlay.payRequested.connect(self._pay)
        return self._totals

    # -- what the presenter hands over ---------------------------------------------------
    def picked(self, item: CatalogItem, code: str) -> bool:
        """An item chosen without a barcode: True if "How many?" opened for it."""
        if item.sold_by_weight:
            return False
        self._counting = (item, code)
        self.how_many.ask(item.names)
        self._window.speak(self.how_many.spoken_text())
        return True

    def show_totals(self, checkout: Checkout, totals: BasketTotals) -> None:
        """Open the review of ``totals`` (the lane's, for ``checkout``)."""
        letters = self._letters or TaxLetters.from_table(checkout.settings.tax.rates)
        view = totals_view(totals, letters,
                           prices_include_tax=checkout.settings.tax.prices_include_tax)  # fmt: skip
        self.totals.show_totals(view, can_pay=checkout.phase is Phase.SHOPPING)
        self._window.speak(self.totals.spoken_text())

    def follow(self, checkout: Checkout, totals: BasketTotals, *, blocked: bool) -> None:
        """The checkout as now shown (``blocked``: staff closed or paused the lane)."""
        self._checkout = checkout
        phase = checkout.phase
        idle = phase is Phase.IDLE and not checkout.engaged
        if blocked or idle or phase not in (Phase.IDLE, Phase.SHOPPING):
            self.close_all()
            return
        if self._totals is not None and self._totals.isVisible():
            self.show_totals(checkout, totals)
        basket = checkout.basket
        if self._bag_skus and self._asked_for != basket.basket_id and len(basket.lines) <= 1:
            self._asked_for = basket.basket_id
            self._offer_bags()

    def close_all(self) -> None:
        """Close every question (the lane left shopping, or the next shopper comes)."""
        for overlay in (self._how_many, self._bags, self._totals):
            if overlay is not None and overlay.isVisible():
                overlay.close_overlay()
        self._counting = None

    def reset(self) -> None:
        """The sale ended: the next basket is asked about bags again."""
        self.close_all()
        self._asked_for = None

    # -- answers --------------------------------------------------------------------------
    def _counted(self, count: int) -> None:
        counting, self._counting = self._counting, None
        if counting is not None:
            item, code = counting
            self._add(item, code, count)

    def _count_back(self) -> None:
        self._counting = None
        self._reopen_grid()

    def _offer_bags(self) -> None:
        skus, catalog = self._bag_skus, self._catalog

        def load() -> list[CatalogItem]:
            return [item for sku in skus if (item := catalog.get(sku)) is not None]

        self._bridge.run_in_background(load, self._bags_loaded, self._bags_failed)

    def _bags_loaded(self, items: list[CatalogItem]) -> None:
        checkout = self._checkout
        if not items or checkout is None or checkout.phase not in (Phase.IDLE, Phase.SHOPPING):
            return
        self._bag_items = {item.sku: item for item in items}
        self.bags.offer(tuple(BagChoice(i.sku, i.names, i.price) for i in items))
        self._window.speak(self.bags.spoken_text())

    def _bags_failed(self, error: BaseException) -> None:
        log.error("the bags could not be read from the catalog: %s", error)

    def _bags_chosen(self, chosen: tuple[tuple[str, int], ...]) -> None:
        for sku, count in chosen:
            item = self._bag_items.get(sku)
            if item is not None:
                self._add(item, item.gtins[0] if item.gtins else item.plu or item.sku, count)

    def _bags_back(self) -> None:
        checkout = self._checkout
        if checkout is not None and checkout.phase is Phase.IDLE:
            self._asked_for = None  # Start again asks again
            self._welcome()
