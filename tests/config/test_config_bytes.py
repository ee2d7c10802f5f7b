"""A configuration file that is not UTF-8 text (or not text at all) gives one line naming
the file and where the bad byte is, through the real command line; never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.cli import main
from kiosk.config import ConfigError, load_config

GOOD = '[lane]\nstore_id = "store-9"\nlane_id = "lane-3"\n'
# Latin-1 "é" where UTF-8 was expected: the usual way a file saved by an old editor breaks.
LATIN1 = '[lane]\nstore_id = "café"\nlane_id = "lane-3"\n'.encode("latin-1")
OFFSET = LATIN1.index(b"\xe9")


def kiosk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"},
    )


@pytest.mark.parametrize("command", [("config", "check"), ("run", "--console", "--config")])
def test_a_file_that_is_not_utf8_names_the_file_and_the_byte(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    path = tmp_path / "lane.toml"
    path.write_bytes(LATIN1)
    result = kiosk(*command, str(path))
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0]
    assert f"byte {OFFSET}" in lines[0]
    assert "line 2" in lines[0]
    assert "UTF-8" in lines[0]


def test_the_error_says_which_byte(tmp_path: Path) -> None:
    path = tmp_path / "lane.toml"
    path.write_bytes(GOOD.encode() + b"# \xff\xfe comment\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path, environ={})
    assert caught.value.source == str(path)
    assert "0xff" in str(caught.value)
    assert f"byte {len(GOOD) + 2}" in str(caught.value)


def test_deeply_nested_arrays_are_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "lane.toml"
    path.write_text(GOOD + "x = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="nested"):
        load_config(path, environ={})


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.one_of(
        st.binary(max_size=300),
        st.binary(max_size=40).map(lambda junk: GOOD.encode() + junk),
        st.text(max_size=100).map(lambda t: (GOOD + t).encode("utf-16")),
    )
)
def test_random_bytes_never_give_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes
) -> None:
    path = tmp_path / "random.toml"
    path.write_bytes(data)
    status = main(["config", "check", str(path)])  # raises if the error is not a known one
    captured = capsys.readouterr()
    if status == 0:
        assert "OK" in captured.out
    else:
        assert status == 2
        assert captured.err.startswith(f"kiosk config: {path}")
        assert captured.err.count("\n") == 1


def test_an_environment_integer_too_long_for_python_is_one_config_error(tmp_path, monkeypatch):
    """An environment value of 5,000 digits is text to the loader (Python refuses to
    parse such an int): the setting's check names it, no traceback."""
    from kiosk.config import ConfigError, load_config

    config = tmp_path / "lane.toml"
    config.write_text('[lane]\nstore_id = "s1"\nlane_id = "l1"\n')
    monkeypatch.setenv("KIOSK__UI__IDLE_TIMEOUT_S", "9" * 5000)
    with pytest.raises(ConfigError):
        load_config(config)
