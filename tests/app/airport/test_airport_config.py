"""The [airport] section: an airport lane passes ``kiosk config check``; a bad value is a
ConfigError naming the key; an airport lane without the DCS is refused at build."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.app.wiring import build_lane
from kiosk.cli import main
from kiosk.config import ConfigError, load_config

LANE = '[lane]\nstore_id = "s"\nlane_id = "l"\nmode = "airport_checkin"\n'
AIRPORT = '[airport]\nairport = "LIS"\ndcs_url = "http://127.0.0.1:8790/dcs/v1"\n'


def test_an_airport_lane_passes_config_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "lane.toml"
    path.write_text(LANE + AIRPORT + 'dcs_key = "k"\nmax_bags_per_passenger = 2\n', "utf-8")
    assert main(["config", "check", str(path)]) == 0
    assert "OK" in capsys.readouterr().out
    config = load_config(path, environ={})
    assert config.airport.airport == "LIS"
    assert config.airport.max_bags_per_passenger == 2
    assert config.airport.dcs_timeout_s == 10.0


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ('airport = "lisbon"', "airport.airport"),
        ('dcs_url = "ftp://dcs"', "airport.dcs_url"),
        ("dcs_timeout_s = 0", "airport.dcs_timeout_s"),
        ("max_bags_per_passenger = 12", "airport.max_bags_per_passenger"),
        ('document_retries = "two"', "airport.document_retries"),
        ("abandon_after_s = -1", "airport.abandon_after_s"),
        ("no_such_key = 1", "airport.no_such_key"),
    ],
)
def test_a_bad_value_names_the_key(tmp_path: Path, line: str, key: str) -> None:
    path = tmp_path / "lane.toml"
    path.write_text(LANE + "[airport]\n" + line + "\n", "utf-8")
    with pytest.raises(ConfigError) as refused:
        load_config(path, environ={})
    assert refused.value.key == key


def test_an_environment_override_names_the_variable(tmp_path: Path) -> None:
    path = tmp_path / "lane.toml"
    path.write_text(LANE + AIRPORT, "utf-8")
    with pytest.raises(ConfigError, match="KIOSK__AIRPORT__DCS_TIMEOUT_S"):
        load_config(path, environ={"KIOSK__AIRPORT__DCS_TIMEOUT_S": "1000"})


@pytest.mark.parametrize(
    ("section", "key"),
    [("", "airport.airport"), ('[airport]\nairport = "LIS"\n', "airport.dcs_url")],
)
def test_an_airport_lane_needs_its_airport_and_dcs(tmp_path: Path, section: str, key: str) -> None:
    path = tmp_path / "lane.toml"
    path.write_text(LANE + f'[store]\npath = "{tmp_path / "lane.sqlite3"}"\n' + section, "utf-8")
    config = load_config(path, environ={})
    with pytest.raises(ConfigError) as refused:
        build_lane(config, with_sync=False)
    assert refused.value.key == key
