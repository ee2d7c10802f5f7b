"""``[[sale_hours]]`` and the ``[lane]`` pack keys load into the domain's SaleRules; a bad
value names the key and what was expected."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.config import ConfigError, load_config
from kiosk.config.remote import build_with
from kiosk.config.sale_rules import sale_rules

BASE = """
[lane]
store_id = "store-9"
lane_id = "lane-3"
timezone = "Europe/Madrid"
"""
HOURS = """
[[sale_hours]]
category = "beer_wine"
days = "mon-sat"
hours = "08:00-22:00"

[[sale_hours]]
category = "spirits"
days = "fri"
hours = "20:00-02:00"
"""


def load(tmp_path: Path, text: str):
    path = tmp_path / "lane.toml"
    path.write_text(text, encoding="utf-8")
    return load_config(path, environ={})


def test_defaults(tmp_path: Path) -> None:
    config = load(tmp_path, BASE)
    rules = sale_rules(config.lane, config.sale_hours)
    assert rules.dual_scan_window_s == 2.0
    assert rules.block_expired
    assert rules.markdown_days == 0
    assert rules.sale_hours == ()
    assert rules.zone == ZoneInfo("Europe/Madrid")


def test_sale_hours_and_markdown_load(tmp_path: Path) -> None:
    text = BASE + "markdown_days = 1\nmarkdown_percent = 30\ndual_scan_window_s = 1.5\n" + HOURS
    config = load(tmp_path, text)
    rules = sale_rules(config.lane, config.sale_hours, frozenset({("04000000000013", "L1")}))
    assert (rules.markdown_days, rules.markdown_percent, rules.dual_scan_window_s) == (1, 30, 1.5)
    beer, spirits = rules.sale_hours
    assert (beer.category, beer.opens, beer.closes, beer.label) == (
        "beer_wine", time(8), time(22), "mon-sat"
    )  # fmt: skip
    assert beer.days == frozenset(range(6))
    assert spirits.allows(datetime(2026, 12, 5, 1, 0))  # Saturday 01:00: Friday's night
    assert rules.recalls == {("04000000000013", "L1")}


@pytest.mark.parametrize(
    ("table", "key", "expected"),
    [
        ('category = "x"\ndays = "monday"\nhours = "08:00-22:00"', "days", "days like"),
        ('category = "x"\ndays = "mon"\nhours = "8-22"', "hours", "HH:MM-HH:MM"),
        ('category = "x"\ndays = "mon"\nhours = "08:00-24:30"', "hours", "HH:MM-HH:MM"),
        ('days = "mon"\nhours = "08:00-22:00"', "category", ""),
    ],
)
def test_a_bad_table_names_the_key(tmp_path: Path, table: str, key: str, expected: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load(tmp_path, BASE + "[[sale_hours]]\n" + table + "\n")
    assert key in caught.value.key
    assert expected in str(caught.value)


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("markdown_percent = 120", "lane.markdown_percent"),
        ("dual_scan_window_s = -1", "lane.dual_scan_window_s"),
    ],
)
def test_bad_lane_keys_are_refused(tmp_path: Path, line: str, key: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load(tmp_path, BASE + line + "\n")
    assert caught.value.key == key


def test_hq_may_set_a_stores_sale_hours(tmp_path: Path) -> None:
    """Sale hours by region: HQ's per-store override (``kiosk hq config set --store``)."""
    path = tmp_path / "lane.toml"
    path.write_text(BASE, encoding="utf-8")
    hours = [{"category": "beer_wine", "days": "mon-sat", "hours": "08:00-22:00"}]
    config = build_with(path, {"sale_hours": hours, "lane.markdown_days": 2}, "v1", environ={})
    rules = sale_rules(config.lane, config.sale_hours)
    assert [rule.category for rule in rules.sale_hours] == ["beer_wine"]
    assert rules.markdown_days == 2
    with pytest.raises(ConfigError) as caught:
        build_with(path, {"sale_hours": [{**hours[0], "hours": "late"}]}, "v2", environ={})
    assert "HQ configuration v2" in str(caught.value)
