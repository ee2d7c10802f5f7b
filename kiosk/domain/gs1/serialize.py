"""Plain JSON-ready dictionaries of scan results, for the CLI, logs of GS1 data and HQ.

Dates are ISO 8601 strings, decimal amounts are strings (never floats), enums
are their values. The raw ``data`` of an OTHER scan is left out unless asked
for, because it may be personal (an ID document, a boarding pass).
"""

from __future__ import annotations

from typing import Any

from kiosk.domain.gs1.element_string import Element, to_hri
from kiosk.domain.gs1.scan import ScanKind, ScanResult


def element_to_dict(element: Element) -> dict[str, Any]:
    """One element as ``{"ai", "title", "value"}`` plus date/amount/currency when set."""
    result: dict[str, Any] = {"ai": element.ai, "title": element.title, "value": element.value}
    if element.date is not None:
        result["date"] = element.date.isoformat()
    if element.amount is not None:
        result["amount"] = str(element.amount)
    if element.currency is not None:
        result["currency"] = element.currency
    return result


def scan_to_dict(result: ScanResult, *, include_other_data: bool = False) -> dict[str, Any]:
    """``result`` as a JSON-ready dictionary; None fields are left out."""
    show_data = result.kind is not ScanKind.OTHER or include_other_data
    fields: dict[str, Any] = {
        "kind": result.kind.value,
        "symbology": result.symbology.value,
        "aim": result.aim or None,
        "data": result.data if show_data else None,
        "gtin14": result.gtin14,
        "addon": result.addon,
        "item_reference": result.item_reference,
        "price_minor": result.price_minor,
        "currency": result.currency,
        "weight_g": result.weight_g,
    }
    out = {key: value for key, value in fields.items() if value is not None}
    if result.elements:
        out["elements"] = [element_to_dict(e) for e in result.elements]
        out["hri"] = to_hri(result.elements)
    return out
