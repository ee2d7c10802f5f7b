"""GS1 barcodes beyond the bare GTIN: AIM identifiers, AIs, element strings,
digital links, in-store variable-measure codes and the one entry point,
:func:`parse_scan`. Pure: no I/O, no clock (today is passed in).

How a lane uses it: build ``rules = config.barcodes.scan_rules(config.lane.currency)``
once; for each scan call ``parse_scan(text, rules, today=...)`` and look at
``result.kind``: GTIN -> find the item by ``gtin14``; VARIABLE_MEASURE -> find it
by ``item_reference`` (PLU) or by ``gtin14`` (the code with its value zeroed)
and use ``price_minor`` (in ``currency``) or ``weight_g``; GS1 -> ``gtin14`` from
(01) plus ``weight_g``/``price_minor`` from 310n/320n/392n/393n and the dates in
``elements``; OTHER -> not a product (staff badge, boarding pass: do not log
``data``). A :class:`BarcodeError` message is meant for the attendant's screen.
"""

from __future__ import annotations

from kiosk.domain.gs1.aim import Symbology, SymbologyId, split_symbology
from kiosk.domain.gs1.digital_link import parse_digital_link, to_digital_link
from kiosk.domain.gs1.element_string import (
    Element,
    parse_element_string,
    parse_gs1,
    parse_hri,
    to_element_string,
    to_hri,
)
from kiosk.domain.gs1.scan import ScanKind, ScanResult, ScanRules, parse_scan
from kiosk.domain.gs1.serialize import scan_to_dict
from kiosk.domain.gs1.variable_measure import (
    PROFILES,
    Measure,
    VariableMeasure,
    VariableMeasureRule,
    price_check_digit,
)
from kiosk.domain.gtin import BarcodeError

__all__ = [
    "PROFILES",
    "BarcodeError",
    "Element",
    "Measure",
    "ScanKind",
    "ScanResult",
    "ScanRules",
    "Symbology",
    "SymbologyId",
    "VariableMeasure",
    "VariableMeasureRule",
    "parse_digital_link",
    "parse_element_string",
    "parse_gs1",
    "parse_hri",
    "parse_scan",
    "price_check_digit",
    "scan_to_dict",
    "split_symbology",
    "to_digital_link",
    "to_element_string",
    "to_hri",
]
