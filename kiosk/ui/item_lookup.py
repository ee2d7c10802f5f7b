"""``ItemLookup``: the "Look up item" grid of the self-checkout journey.

Loads the produce and bakery items off the UI thread (``run_in_background``),
turns a touched tile or a typed PLU into the catalog item to add, and says so
with ``chosen``; the presenter turns that into the checkout's ``ItemScanned``.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal

from kiosk.domain.catalog import CatalogItem
from kiosk.ui import lane_views as views
from kiosk.ui.bridge import Bridge
from kiosk.ui.screens.produce import ProduceScreen

log = logging.getLogger(__name__)


class ItemLookup(QObject):
    """Drives a ``ProduceScreen`` over the lane's catalog.

    Signals:
        chosen(object, str): (CatalogItem, code typed or its PLU): add this item.
        closed(): the grid is done (an item chosen, Back, or the catalog failed).
        unknownCode(str): no item has this PLU (the grid stays open).
    """

    chosen = Signal(object, str)
    closed = Signal()
    unknownCode = Signal(str)

    def __init__(self, screen: ProduceScreen, catalog: Any, bridge: Bridge,
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._screen, self._catalog, self._bridge = screen, catalog, bridge
        self._items: dict[str, CatalogItem] = {}
        self._open = False
        screen.itemChosen.connect(self._tile)
        screen.pluEntered.connect(self._plu)
        screen.backRequested.connect(self.close)

    def open(self) -> None:
        """Start (re)loading the grid; the screen shows the tiles when they arrive."""
        self._open = True
        catalog = self._catalog

        def load() -> list[CatalogItem]:
            return [i for cat in views.GRID_CATEGORIES for i in catalog.by_category(cat)]

        self._bridge.run_in_background(load, self._loaded, self._failed)

    def is_open(self) -> bool:
        """Whether the shopper is on the grid."""
        return self._open

    def close(self) -> None:
        """Leave the grid."""
        self._open = False
        self.closed.emit()

    def _loaded(self, items: list[CatalogItem]) -> None:
        self._items = {item.sku: item for item in items}
        self._screen.set_model(views.produce_view(items))

    def _failed(self, error: BaseException) -> None:
        log.error("item lookup failed: %s", error)
        self.close()

    def _tile(self, sku: str) -> None:
        item = self._items.get(sku)
        if item is not None:
            self._add(item, item.plu or item.sku)

    def _plu(self, code: str) -> None:
        catalog = self._catalog
        self._bridge.run_in_background(
            lambda: catalog.by_plu(code), lambda item: self._typed(code, item), self._failed
        )

    def _typed(self, code: str, item: CatalogItem | None) -> None:
        if item is None:
            self.unknownCode.emit(code)
        else:
            self._add(item, code)

    def _add(self, item: CatalogItem, code: str) -> None:
        self.close()
        self.chosen.emit(item, code)
