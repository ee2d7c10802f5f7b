"""The [bagging] section: off by default, every key read into the domain's policy, and
bad values named."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.config import ConfigError, load_config

MINIMAL = '[lane]\nstore_id = "store-9"\nlane_id = "lane-3"\n'


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "lane.toml"
    path.write_text(MINIMAL + text, encoding="utf-8")
    return path


def test_off_by_default(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, ""), environ={})
    assert config.bagging.enabled is False
    assert config.bagging.policy().enabled is False


def test_every_key_reaches_the_policy(tmp_path: Path) -> None:
    text = """
[bagging]
enabled = true
scale = "bag_scale"
tolerance_g = 15
tolerance_pct = 3.5
settle_timeout_s = 8
heavy_item_g = 6000
trust_after_items = 5
trust_check_every = 3
trust_widen_pct = 2
learn_min_samples = 4
no_bag_skus = ["rug"]
record_sessions = "bagging.jsonl"

[bagging.item_weights]
milk = 1040
"""
    config = load_config(write(tmp_path, text), environ={})
    policy = config.bagging.policy()
    assert config.bagging.scale == "bag_scale"
    assert config.bagging.record_sessions == "bagging.jsonl"
    assert policy.enabled
    assert policy.tolerance_g == 15
    assert policy.tolerance_pct == 3.5
    assert policy.settle_timeout == timedelta(seconds=8)
    assert (policy.heavy_item_g, policy.trust_after_items, policy.trust_check_every) == (6000, 5, 3)
    assert policy.trust_widen_pct == 2.0
    assert policy.learn_min_samples == 4
    assert policy.item_weights == {"milk": 1040}
    assert policy.no_bag_skus == frozenset({"rug"})


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("tolerance_g = -1", "bagging.tolerance_g"),
        ("tolerance_pct = 101", "bagging.tolerance_pct"),
        ("trust_check_every = 0", "bagging.trust_check_every"),
        ('enabled = "yes"', "bagging.enabled"),
        ("item_weights = { milk = -3 }", "bagging.item_weights"),
    ],
)
def test_bad_values_are_named(tmp_path: Path, text: str, key: str) -> None:
    with pytest.raises(ConfigError) as raised:
        load_config(write(tmp_path, f"[bagging]\n{text}\n"), environ={})
    assert key in str(raised.value)
