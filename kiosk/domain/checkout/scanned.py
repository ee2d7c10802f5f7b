"""The ``ItemScanned`` of a GS1 scan (element string or Digital Link, 1D or 2D).

A GS1 code is priced like the EAN of its GTIN: the event's ``code`` is the GTIN-14 (so
the line, its document's ``gtin`` and the unknown-barcode page name the item, not the
whole element string with its GS separators), the catalog's price applies, and the
pack's facts (expiry, best-before, batch, serial: :mod:`kiosk.domain.gs1.pack_facts`)
ride along for :mod:`kiosk.domain.checkout.sale_rules`. A net weight (AI 310n) is kept
only for an item sold by weight, whose line needs one; an embedded price (AI 392n) is
not used: the catalog prices the GTIN, as for its EAN.
"""

from __future__ import annotations

from datetime import datetime

from kiosk.domain.catalog import CatalogItem
from kiosk.domain.checkout.events import ItemScanned
from kiosk.domain.gs1.pack_facts import pack_facts
from kiosk.domain.gs1.scan import ScanResult


def gs1_item_scanned(item: CatalogItem | None, result: ScanResult, at: datetime) -> ItemScanned:
    """The event for ``item`` (None: not in the catalog) found by GS1 scan ``result``."""
    facts = pack_facts(result)
    weighed = item is not None and item.sold_by_weight
    return ItemScanned(
        item,
        facts.gtin14 or result.data,
        at,
        weight_g=result.weight_g if weighed else None,
        symbology=facts.symbology,
        gtin14=facts.gtin14,
        expiry=facts.expiry,
        best_before=facts.best_before,
        batch=facts.batch,
        serial=facts.serial,
    )
