"""``kiosk parse bcbp`` and ``kiosk parse mrz`` in a subprocess: JSON and exit 0, or one
line naming what is wrong and exit 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

TODAY = ["--today", "2026-12-05"]
BCBP = (
    "M1ASKREN/TEST         EA272SL ORDNRTUA 0881 007F002K0303 15C>3180 K6007BUA              "
    "2901624760758980 UA UA EY975897            *30600    09  UAG    "
)
TD3 = [
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
]
TD1 = [
    "I<UTOD231458907<<<<<<<<<<<<<<<",
    "7408122F1204159UTO<<<<<<<<<<<6",
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
]


def kiosk(*argv: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "parse", *argv],
        capture_output=True,
        text=True,
        timeout=60,
        input=stdin,
        check=False,
    )


def test_bcbp_prints_json() -> None:
    done = kiosk("bcbp", BCBP, *TODAY)
    assert (done.returncode, done.stderr) == (0, "")
    parsed = json.loads(done.stdout)
    assert (parsed["surname"], parsed["given_names"]) == ("ASKREN", "TEST")
    leg = parsed["legs"][0]
    assert (leg["origin"], leg["destination"], leg["carrier"], leg["flight_number"]) == (
        "ORD",
        "NRT",
        "UA",
        "0881",
    )
    assert (leg["flight_date"], leg["seat"], leg["frequent_flyer_number"]) == (
        "2027-01-07",
        "002K",
        "EY975897",
    )
    assert parsed["issue_date"] == "2026-01-07"


def test_bcbp_from_stdin_keeps_trailing_blanks() -> None:
    done = kiosk("bcbp", "-", *TODAY, stdin=BCBP + "\n")
    assert done.returncode == 0
    assert json.loads(done.stdout)["legs"][0]["airline_use"] == "*30600    09  UAG    "


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (
            BCBP.replace("M1", "M5", 1),
            "kiosk parse: bcbp: number of legs encoded at position 1: '5' is not 1 to 4",
        ),
        (BCBP[:40], "kiosk parse: bcbp: flight number (leg 1) at position 39: cut short"),
        (
            BCBP.replace("15C>", "1XC>", 1),
            "kiosk parse: bcbp: field size of variable size field (leg 1) at position 58:",
        ),
    ],
)
def test_bad_bcbp_is_one_line_and_exit_2(data: str, says: str) -> None:
    done = kiosk("bcbp", data, *TODAY)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith(says)
    assert done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("lines", [TD3, TD1])
def test_mrz_prints_json(lines: list[str]) -> None:
    done = kiosk("mrz", *lines, *TODAY)
    assert (done.returncode, done.stderr) == (0, "")
    parsed = json.loads(done.stdout)
    assert (parsed["primary_name"], parsed["secondary_name"]) == ("ERIKSSON", "ANNA MARIA")
    assert (parsed["birth_date"], parsed["expiry_date"], parsed["is_specimen"]) == (
        "1974-08-12",
        "2012-04-15",
        True,
    )
    for line in lines:  # invariant 6: the output holds fields, not lines
        assert line not in done.stdout


def test_mrz_from_stdin_reports_corrections() -> None:
    damaged = TD3[1].replace("7408122F", "74O8I22F")
    done = kiosk("mrz", "-", *TODAY, stdin=f"{TD3[0]}\n{damaged}\n")
    assert done.returncode == 0
    corrections = json.loads(done.stdout)["corrections"]
    assert [(c["field"], c["read"], c["corrected"]) for c in corrections] == [
        ("birth date", "O", "0"),
        ("birth date", "I", "1"),
    ]


@pytest.mark.parametrize(
    ("lines", "says"),
    [
        (
            [TD3[0], TD3[1][:9] + "7" + TD3[1][10:]],
            "kiosk parse: mrz: document number check digit (line 2, column 10): is '7'",
        ),
        (
            [TD3[0], TD3[1][:-1] + "9"],
            "kiosk parse: mrz: composite check digit (line 2, column 44): is '9'",
        ),
        (
            [TD1[0], TD1[1][:6] + "0" + TD1[1][7:], TD1[2]],
            "kiosk parse: mrz: birth date check digit (line 2, column 7): is '0'",
        ),
        ([TD3[0]], "kiosk parse: mrz: MRZ: 1 lines of 44 characters is no ICAO 9303 format"),
    ],
)
def test_bad_mrz_is_one_line_naming_the_field_and_exit_2(lines: list[str], says: str) -> None:
    done = kiosk("mrz", *lines, *TODAY)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith(says)
    assert done.stderr.count("\n") == 1
    for line in lines:
        assert line not in done.stderr


def test_bad_today_is_one_line() -> None:
    done = kiosk("mrz", *TD3, "--today", "yesterday")
    assert done.returncode == 2
    assert done.stderr.startswith("kiosk parse: bad option --today:")
