"""The [barcodes] config section turned into the domain's scan rules.

(Kept with the GS1 tests because the GS1 engineer owns kiosk/config/barcodes.py.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import ConfigError, load_config
from kiosk.config.barcodes import BarcodeConfig
from kiosk.config.loader import build
from kiosk.domain.gs1 import PROFILES, Measure, ScanKind, parse_scan


def test_default_is_the_spanish_profile_in_euros() -> None:
    rules = BarcodeConfig().scan_rules("EUR")
    assert rules.variable_measure == PROFILES["es"]
    assert rules.currency == "EUR"


def test_explicit_rules_replace_the_profile_rule_for_their_prefix() -> None:
    config = build(
        BarcodeConfig,
        {
            "country": "es",
            "variable_measure": [
                {"prefix": "20", "measure": "weight", "item_digits": 5, "value_digits": 5},
                {
                    "prefix": "02",
                    "measure": "price",
                    "item_digits": 5,
                    "value_digits": 4,
                    "value_check": True,
                },
            ],
        },
        "lane.toml",
        "barcodes",
    )
    rules = config.scan_rules("USD")
    by_prefix = {rule.prefix: rule for rule in rules.variable_measure}
    assert by_prefix["20"].measure is Measure.WEIGHT
    assert by_prefix["21"].measure is Measure.PRICE  # untouched profile rule
    assert by_prefix["02"].value_check
    result = parse_scan("0212345602997", rules)
    assert (result.kind, result.price_minor, result.currency) == (
        ScanKind.VARIABLE_MEASURE,
        299,
        "USD",
    )


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"country": "xx"}, "barcodes.country = 'xx': expected one of 'ca', 'de'"),
        (
            {
                "variable_measure": [
                    {"prefix": "21", "measure": "price", "item_digits": 5, "value_digits": 6}
                ]
            },
            "prefix '21': prefix 2 \\+ item 5 \\+ check 0 \\+ value 6 digits = 13, must be 12",
        ),
        (
            {
                "variable_measure": [
                    {"prefix": "21", "measure": "volume", "item_digits": 5, "value_digits": 5}
                ]
            },
            "one of 'price', 'weight'",
        ),
        (
            {
                "variable_measure": [
                    {"prefix": "21", "measure": "price", "item_digits": 5, "value_digits": 5}
                ]
                * 2
            },
            "one rule per prefix \\(repeated: 21\\)",
        ),
        (
            {
                "variable_measure": [
                    {"prefix": "31", "measure": "price", "item_digits": 5, "value_digits": 5}
                ]
            },
            "not an in-store prefix",
        ),
        ({"variable_measure": [{"prefix": "21", "measure": "price"}]}, "item_digits.*required"),
    ],
)
def test_bad_sections_name_the_key(table: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        build(BarcodeConfig, table, "lane.toml", "barcodes")


def test_load_config_file(tmp_path: Path) -> None:
    path = tmp_path / "lane.toml"
    path.write_text(
        '[lane]\nstore_id = "s1"\nlane_id = "l1"\ncurrency = "GBP"\n[barcodes]\ncountry = "gb"\n',
        encoding="utf-8",
    )
    config = load_config(path, environ={})
    rules = config.barcodes.scan_rules(config.lane.currency)
    assert rules.variable_measure == PROFILES["gb"]
    assert rules.currency == "GBP"
