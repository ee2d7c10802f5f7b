"""Configuration: every kind of mistake stops with one message naming file, key, value and
what was expected."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.cli import main
from kiosk.config import ConfigError, KioskConfig, load_config
from kiosk.config.example import render_example
from kiosk.domain.money import Rounding

ROOT = Path(__file__).resolve().parents[2]

MINIMAL = """
[lane]
store_id = "store-9"
lane_id = "lane-3"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "lane.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_minimal_file_loads_with_defaults(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, MINIMAL), environ={})
    assert config.lane.store_id == "store-9"
    assert config.lane.currency == "EUR"
    assert config.tax.rounding_mode is Rounding.HALF_UP
    assert config.devices == ()
    assert config.attendant.session_idle_s == 120


def test_config_objects_are_frozen(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, MINIMAL), environ={})
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.lane.lane_id = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("extra", "key", "value_shown", "expected"),
    [
        (
            '[lane]\nstore_id="s"\nlane_id="l"\ncolour="red"',
            "lane.colour",
            "'red'",
            "one of the known keys",
        ),
        ('[lane]\nstore_id="s"\nlane_id="l"\n[tx]\nx=1', "tx", "{'x': 1}", "one of the known keys"),
        ('[lane]\nstore_id="s"', "lane.lane_id", "(missing)", "it is required"),
        ('[lane]\nstore_id="s"\nlane_id=7', "lane.lane_id", "7", "a string"),
        (
            '[lane]\nstore_id="s"\nlane_id="l"\ncurrency="EURO"',
            "lane.currency",
            "'EURO'",
            "ISO 4217",
        ),
        (
            '[lane]\nstore_id="s"\nlane_id="l"\nlanguages=[]',
            "lane.languages",
            "[]",
            "at least one language",
        ),
        (
            '[lane]\nstore_id="s"\nlane_id="l"\nlanguages=["english"]',
            "lane.languages",
            "['english']",
            "ISO 639-1",
        ),
        (
            '[lane]\nstore_id="s"\nlane_id="l"\n[tax]\nrounding_mode="nearest"',
            "tax.rounding_mode",
            "'nearest'",
            "'half_up'",
        ),
        (
            '[lane]\nstore_id="s"\nlane_id="l"\n[tax]\nprices_include_tax="yes"',
            "tax.prices_include_tax",
            "'yes'",
            "true or false",
        ),
        (
            '[lane]\nstore_id="s"\nlane_id="l"\n[tax]\nrates={standard="x"}',
            "tax.rates",
            "{'standard': 'x'}",
            "percentages",
        ),
        (
            '[lane]\nstore_id="s"\nlane_id="l"\n[tax]\nrates={standard="120"}',
            "tax.rates",
            "{'standard': '120'}",
            'from "0" to "100"',
        ),
        (
            '[lane]\nstore_id="s"\nlane_id="l"\n[store]\nbusy_timeout_ms=-1',
            "store.busy_timeout_ms",
            "-1",
            "from 0 to 600000",
        ),
        (
            '[lane]\nstore_id="s"\nlane_id="l"\n[store]\nbusy_timeout_ms=1.5',
            "store.busy_timeout_ms",
            "1.5",
            "a whole number",
        ),
        (
            '[lane]\nstore_id="s"\nlane_id="l"\n[[devices]]\nname="a"\ntype="toaster"\ndriver="x"',
            "devices[0].type",
            "'toaster'",
            "one of 'scanner'",
        ),
        (
            '[lane]\nstore_id="s"\nlane_id="l"\n[[devices]]\ntype="scanner"\ndriver="x"',
            "devices[0].name",
            "(missing)",
            "required",
        ),
        (
            '[lane]\nstore_id="s"\nlane_id="l"\ndevices="none"',
            "lane.devices",
            "'none'",
            "one of the known keys",
        ),
        ('devices="none"\n[lane]\nstore_id="s"\nlane_id="l"', "devices", "'none'", "a list"),
        (
            '[lane]\nstore_id="s"\nlane_id="l"\n[[devices]]\nname="a"\ntype="scanner"\ndriver="x"'
            '\n[[devices]]\nname="a"\ntype="printer"\ndriver="y"',
            "devices",
            None,
            "unique device names (repeated: a)",
        ),
        ("lane = 5", "lane", "5", "a table of LaneConfig settings"),
        (
            '[lane]\nstore_id="s"\nlane_id="l"\n[attendant]\nsession_idle_s=5',
            "attendant.session_idle_s",
            "5",
            "from 15 to 3600",
        ),
    ],
)
def test_each_mistake_names_file_key_value_and_expectation(
    tmp_path: Path, extra: str, key: str, value_shown: str | None, expected: str
) -> None:
    path = write(tmp_path, extra)
    with pytest.raises(ConfigError) as caught:
        load_config(path, environ={})
    message = str(caught.value)
    assert message.startswith(f"{path}: {key} = ")
    if value_shown is not None:
        assert f"{key} = {value_shown}: expected" in message
    assert expected in message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"nope\.toml: \(file\) = \(missing\): expected a TOML"):
        load_config(tmp_path / "nope.toml", environ={})


def test_invalid_toml_names_line(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"lane\.toml: \(file\) = .*line 2.*expected valid TOML"):
        load_config(write(tmp_path, "[lane]\nstore_id = \n"), environ={})


def test_unreadable_path_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="expected a readable file"):
        load_config(tmp_path, environ={})


def test_environment_overrides_a_key(tmp_path: Path) -> None:
    environ = {
        "KIOSK__LANE__LANE_ID": "lane-07",
        "KIOSK__STORE__BUSY_TIMEOUT_MS": "250",
        "KIOSK__TAX__PRICES_INCLUDE_TAX": "false",
        "OTHER": "x",
    }
    config = load_config(write(tmp_path, MINIMAL), environ=environ)
    assert config.lane.lane_id == "lane-07"
    assert config.store.busy_timeout_ms == 250
    assert config.tax.prices_include_tax is False


def test_bad_environment_value_names_the_variable(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, MINIMAL), environ={"KIOSK__LANE__CURRENCY": "XYZ"})
    assert str(caught.value).startswith(
        "environment variable KIOSK__LANE__CURRENCY: lane.currency = 'XYZ': expected an ISO 4217"
    )


def test_unknown_environment_key_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"KIOSK__LANE__LANE_NUMBER: lane\.lane_number"):
        load_config(write(tmp_path, MINIMAL), environ={"KIOSK__LANE__LANE_NUMBER": "3"})


def test_kiosk_config_variable_chooses_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIOSK_CONFIG", str(write(tmp_path, MINIMAL)))
    assert load_config().lane.store_id == "store-9"


def test_committed_example_is_current_and_loads() -> None:
    example = ROOT / "config" / "example.toml"
    assert example.read_text(encoding="utf-8") == render_example(), (
        "config/example.toml is stale: run `kiosk config example > config/example.toml`"
    )
    config = load_config(example, environ={})
    assert isinstance(config, KioskConfig)


def test_example_documents_every_key() -> None:
    text = render_example()
    config = load_config(ROOT / "config" / "example.toml", environ={})
    for section in dataclasses.fields(config):
        value = getattr(config, section.name)
        for item in value if isinstance(value, tuple) else (value,):
            for key in dataclasses.fields(item):
                assert f"{key.name}" in text, f"{section.name}.{key.name} is not documented"
        assert f"[{section.name}]" in text


@pytest.mark.parametrize("path", sorted((ROOT / "config").glob("*.toml")))
def test_every_shipped_config_loads(path: Path) -> None:
    load_config(path, environ={})


def test_cli_config_check_reports_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, '[lane]\nstore_id="s"\nlane_id="l"\ncurrency="EURO"')
    assert main(["config", "check", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert "lane.currency = 'EURO'" in err


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_garbage_files_give_config_error_only(tmp_path: Path, text: str) -> None:
    path = tmp_path / "garbage.toml"
    path.write_text(text, encoding="utf-8")
    try:
        load_config(path, environ={})
    except ConfigError as error:
        message = str(error)
    else:
        return
    assert message.startswith(str(path))


@settings(max_examples=200)
@given(
    st.dictionaries(
        st.sampled_from(["lane_id", "currency", "languages", "mode", "x"]),
        st.one_of(
            st.text(max_size=8),
            st.integers(),
            st.booleans(),
            st.lists(st.text(max_size=3), max_size=3),
        ),
    )
)
def test_garbage_values_give_config_error_only(values: dict[str, object]) -> None:
    from kiosk.config.loader import build

    table = {"lane": {"store_id": "s", "lane_id": "l", **values}}
    try:
        build(KioskConfig, table, "mem.toml")
    except ConfigError as error:
        message = str(error)
    else:
        return
    assert message.startswith("mem.toml: lane.")
