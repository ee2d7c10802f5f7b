"""What a parsed scan says about the pack in hand, for ``ItemScanned``'s pack fields.

A GS1 element string or Digital Link may carry, besides the GTIN (AI 01), the pack's
expiry date (AI 17), best-before date (AI 15), batch or lot (AI 10) and serial number
(AI 21). :func:`pack_facts` picks them out of a :class:`~kiosk.domain.gs1.scan.ScanResult`
(the first of each AI, as read); an EAN/UPC has none of them. Dates are those the parse
resolved, so the scan must have been parsed with ``today`` for dates to be known.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kiosk.domain.gs1.scan import ScanResult


@dataclass(frozen=True, slots=True)
class PackFacts:
    """The symbology (an ``aim.Symbology`` value), GTIN-14 and the optional GS1 facts."""

    symbology: str
    gtin14: str | None = None
    expiry: date | None = None
    best_before: date | None = None
    batch: str | None = None
    serial: str | None = None


def pack_facts(result: ScanResult) -> PackFacts:
    """The pack facts of ``result`` (never raises)."""
    first: dict[str, object] = {}
    for element in result.elements:
        if element.ai in ("17", "15"):
            first.setdefault(element.ai, element.date)
        elif element.ai in ("10", "21"):
            first.setdefault(element.ai, element.value)
    expiry, best_before = first.get("17"), first.get("15")
    batch, serial = first.get("10"), first.get("21")
    return PackFacts(
        result.symbology.value,
        result.gtin14,
        expiry if isinstance(expiry, date) else None,
        best_before if isinstance(best_before, date) else None,
        batch if isinstance(batch, str) else None,
        serial if isinstance(serial, str) else None,
    )
