"""``kiosk parse gs1|scan``: JSON on stdout, one clear line and exit 2 for bad data."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.cli.parse_cmd import unescape

TODAY = ["--today", "2026-11-22"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "spelling",
    ["<GS>", "{GS}", "\\x1d", "\\x1D", "\\u001d", "^"],
)
def test_gs_spellings(spelling: str) -> None:
    assert unescape(f"10AB{spelling}21C") == "10AB\x1d21C"


@pytest.mark.parametrize(
    ("data", "hri"),
    [
        ("]C1010950600013435210ABC<GS>17271231", "(01)09506000134352(10)ABC(17)271231"),
        ("010950600013435210ABC^17271231", "(01)09506000134352(10)ABC(17)271231"),
        ("(01)09506000134352(3103)000195", "(01)09506000134352(3103)000195"),
        (
            "https://id.gs1.org/01/09506000134352/10/ABC?17=271231",
            "(01)09506000134352(10)ABC(17)271231",
        ),
    ],
)
def test_parse_gs1_prints_json(capsys: pytest.CaptureFixture[str], data: str, hri: str) -> None:
    code, out, err = run(capsys, "parse", "gs1", data, *TODAY)
    assert (code, err) == (0, "")
    parsed = json.loads(out)
    assert parsed["kind"] == "gs1"
    assert parsed["gtin14"] == "09506000134352"
    assert parsed["hri"] == hri


def test_parse_gs1_resolves_dates_and_weights(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "parse", "gs1", "(01)09506000134352(17)271200(3103)000195", *TODAY)
    parsed = json.loads(out)
    assert code == 0
    assert parsed["weight_g"] == 195
    assert parsed["elements"][1]["date"] == "2027-12-31"


def test_parse_gtin_and_variable_measure(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "parse", "gs1", "]E04006381333931")
    assert (code, json.loads(out)["gtin14"]) == (0, "04006381333931")
    code, out, _ = run(
        capsys, "parse", "gs1", "0212345602997", "--country", "us", "--currency", "USD"
    )
    parsed = json.loads(out)
    assert (
        code,
        parsed["kind"],
        parsed["item_reference"],
        parsed["price_minor"],
        parsed["currency"],
    ) == (0, "variable-measure", "12345", 299, "USD")


def test_parse_uses_the_config_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "lane.toml"
    path.write_text(
        '[lane]\nstore_id = "s1"\nlane_id = "l1"\ncurrency = "USD"\n[barcodes]\ncountry = "us"\n',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "parse", "gs1", "0212345602997", "--config", str(path))
    assert (code, json.loads(out)["currency"]) == (0, "USD")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["parse", "gs1", "4006381333932"], "check digit 2 is wrong, expected 1"),
        (["parse", "gs1", "]C10109506000134353"], "(01) GTIN: check digit 3"),
        (["parse", "gs1", "(17)271332"], "month 13"),
        (["parse", "gs1", "STAFF-0017"], "not GS1 data"),
        (["parse", "gs1", ""], "empty scan"),
        (["parse", "gs1", "(01)09506000134352", "--today", "tomorrow"], "bad option"),
        (["parse", "scan", "https://id.gs1.org/01/09506000134352/21/1/10/A"], "not allowed"),
    ],
)
def test_invalid_data_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("kiosk parse: ")
    assert message in err


def test_parse_scan_accepts_other_codes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "parse", "scan", "]C0STAFF-0017")
    assert code == 0
    assert json.loads(out) == {
        "kind": "other",
        "symbology": "code-128",
        "aim": "]C0",
        "data": "STAFF-0017",
    }


def test_unknown_country_is_refused_by_argparse(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["parse", "gs1", "4006381333931", "--country", "xx"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'xx'" in capsys.readouterr().err


def test_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("]C1010950600013435210A\x1d21B\r\n"))
    code, out, _ = run(capsys, "parse", "gs1", "-")
    assert (code, json.loads(out)["hri"]) == (0, "(01)09506000134352(10)A(21)B")


def test_subprocess_round_trip() -> None:
    ok = subprocess.run(
        [
            sys.executable,
            "-m",
            "kiosk",
            "parse",
            "gs1",
            "]e001095060001343523103000195392200599",
            *TODAY,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert ok.returncode == 0, ok.stderr
    parsed = json.loads(ok.stdout)
    assert (parsed["weight_g"], parsed["price_minor"], parsed["currency"]) == (195, 599, "EUR")
    bad = subprocess.run(
        [sys.executable, "-m", "kiosk", "parse", "gs1", "(01)1234"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert bad.returncode == 2
    assert bad.stdout == ""
    assert bad.stderr.strip() == ("kiosk parse: (01) GTIN: '1234' has 4 characters, expected 14")
