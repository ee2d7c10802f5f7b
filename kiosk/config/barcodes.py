"""The [barcodes] section: how scanned codes are interpreted on this lane.

``country`` picks a built-in variable-measure profile (see
``kiosk.domain.gs1.variable_measure.PROFILES``: common layouts, to be checked
against the store's scale labels). ``[[barcodes.variable_measure]]`` tables add
rules or replace the profile's rule for the same prefix; ``country = "none"``
uses only the explicit rules. Example::

    [barcodes]
    country = "none"

    [[barcodes.variable_measure]]
    prefix = "02"
    measure = "price"
    item_digits = 5
    value_digits = 4
    value_check = true
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiosk.config import checks
from kiosk.config.loader import setting
from kiosk.domain.gs1.scan import ScanRules
from kiosk.domain.gs1.variable_measure import (
    PROFILES,
    Measure,
    VariableMeasureRule,
    rule_problem,
)


@dataclass(frozen=True)
class VariableMeasureRuleConfig:
    prefix: str = setting(
        doc="leading digits of the 13-digit code: '02' or '20'-'29' (or longer)", example="21"
    )
    measure: str = setting(
        doc="what the value digits hold: 'price' (minor units) or 'weight' (grams)",
        check=checks.one_of("price", "weight"),
        example="price",
    )
    item_digits: int = setting(doc="digits of the item reference (PLU) after the prefix", example=5)
    value_digits: int = setting(doc="digits of the embedded price or weight", example=5)
    value_check: bool = setting(
        False,
        doc="a GS1 price check digit sits between item "
        "reference and value (needs 4 or 5 value digits)",
    )
    value_unit: int = setting(
        1,
        doc="minor units (price) or grams (weight) per unit of the "
        "value, e.g. 100 when the price is in whole units",
    )

    def to_rule(self) -> VariableMeasureRule:
        """The domain rule for this table (already checked)."""
        return VariableMeasureRule(
            self.prefix,
            Measure(self.measure),
            self.item_digits,
            self.value_digits,
            self.value_check,
            self.value_unit,
        )


def _rules_fit(value: Any) -> str | None:
    for rule in value:
        problem = rule_problem(
            rule.prefix, rule.item_digits, rule.value_digits, rule.value_check, rule.value_unit
        )
        if problem:
            return f"valid rules (prefix {rule.prefix!r}: {problem})"
    prefixes = [rule.prefix for rule in value]
    repeated = sorted({p for p in prefixes if prefixes.count(p) > 1})
    if repeated:
        return f"one rule per prefix (repeated: {', '.join(repeated)})"
    return None


@dataclass(frozen=True)
class BarcodeConfig:
    country: str = setting(
        "es",
        doc="built-in variable-measure (in-store 02/20-29) profile: " + ", ".join(sorted(PROFILES)),
        check=checks.one_of(*sorted(PROFILES)),
    )
    variable_measure: tuple[VariableMeasureRuleConfig, ...] = setting(
        (),
        doc="explicit in-store code rules; each replaces the profile's rule for its prefix",
        check=_rules_fit,
    )

    def scan_rules(self, currency: str) -> ScanRules:
        """The domain's scan rules: profile rules, overridden by explicit ones, in ``currency``.

        Raises:
            ValueError: for a currency kiosk.domain.money does not know (the lane
                section's own check refuses it first).
        """
        explicit = tuple(rule.to_rule() for rule in self.variable_measure)
        overridden = {rule.prefix for rule in explicit}
        kept = tuple(r for r in PROFILES[self.country] if r.prefix not in overridden)
        return ScanRules(kept + explicit, currency)
