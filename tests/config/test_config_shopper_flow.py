"""[lane] unknown_barcode and age_check: today's behaviour by default, read into the
domain's flow, bad values named."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import ConfigError, load_config
from kiosk.config.lane import shopper_flow
from kiosk.domain.checkout.flow import AgeCheck, ShopperFlow, UnknownBarcode

MINIMAL = '[lane]\nstore_id = "store-9"\nlane_id = "lane-3"\n'


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "lane.toml"
    path.write_text(MINIMAL + text, encoding="utf-8")
    return path


def test_the_defaults_pause_and_check_at_once(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, ""), environ={})
    assert shopper_flow(config.lane) == ShopperFlow(UnknownBarcode.PAUSE, AgeCheck.AT_ONCE)


def test_a_store_keeps_the_shopper_scanning(tmp_path: Path) -> None:
    text = 'unknown_barcode = "put_aside"\nage_check = "before_payment"\n'
    flow = shopper_flow(load_config(write(tmp_path, text), environ={}).lane)
    assert flow.puts_aside
    assert flow.defers_age


@pytest.mark.parametrize(
    ("line", "key"),
    [('unknown_barcode = "ignore"', "unknown_barcode"), ('age_check = "never"', "age_check")],
)
def test_a_bad_value_is_named(tmp_path: Path, line: str, key: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, line + "\n"), environ={})
    assert key in str(caught.value)
