"""``kiosk staff ...`` through the real argument parser, and once as a real process."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.domain.staff import SignInOutcome
from kiosk.store.db import connect
from kiosk.store.staff import StaffRepository

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


def verify(db: Path, staff_id: str, pin: str) -> SignInOutcome:
    conn = connect(db)
    try:
        return StaffRepository(conn).verify_pin(staff_id, pin, NOW).outcome
    finally:
        conn.close()


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("KIOSK_CONFIG", raising=False)
    return tmp_path / "lane.sqlite3"


def run(monkeypatch: pytest.MonkeyPatch, stdin: str, *argv: str) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return main(list(argv))


def test_add_list_disable_enable_reset(
    db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    d = ("--db", str(db))
    assert run(monkeypatch, "4321\n", "staff", "add", "s-17", "--name", "Ana Ruiz",
               "--role", "supervisor", "--pin-stdin", "--badge", "BADGE-17", *d) == 0  # fmt: skip
    assert run(monkeypatch, "", "staff", "add", "t-1", "--name", "Tech", "--role", "technician",
               "--no-pin", "--badge", "BADGE-T1", *d) == 0  # fmt: skip
    assert "added s-17 (supervisor): Ana Ruiz" in capsys.readouterr().out
    assert verify(db, "s-17", "4321") is SignInOutcome.OK

    assert main(["staff", "list", *d]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["s-17", "supervisor", "active", "pin+badge", "Ana", "Ruiz"]
    assert lines[1].split() == ["t-1", "technician", "active", "badge", "Tech"]

    assert main(["staff", "disable", "s-17", *d]) == 0
    assert "s-17: disabled" in capsys.readouterr().out
    assert verify(db, "s-17", "4321") is SignInOutcome.DISABLED
    assert main(["staff", "list", "--active", *d]) == 0
    assert "s-17" not in capsys.readouterr().out
    assert main(["staff", "enable", "s-17", *d]) == 0

    assert run(monkeypatch, "98765\n", "staff", "reset-pin", "s-17", "--pin-stdin", *d) == 0
    assert verify(db, "s-17", "4321") is SignInOutcome.WRONG
    assert verify(db, "s-17", "98765") is SignInOutcome.OK
    assert main(["staff", "set-badge", "s-17", "--remove", *d]) == 0
    assert main(["staff", "list", *d]) == 0
    assert capsys.readouterr().out.splitlines()[-2].split()[3] == "pin"


@pytest.mark.parametrize(
    ("stdin", "argv", "message"),
    [
        ("12\n", ["add", "s-1", "--name", "A", "--role", "attendant", "--pin-stdin"],
         "a PIN must be 4 to 12 digits"),
        ("", ["add", "s-1", "--name", "A", "--role", "attendant"], "no terminal"),
        ("", ["add", "s-1", "--name", "A", "--role", "attendant", "--no-pin"], "needs a --badge"),
        ("1234\n", ["add", "s 1", "--name", "A", "--role", "attendant", "--pin-stdin"],
         "bad staff id"),
        ("", ["list"], "no lane database here"),
        ("", ["disable", "s-9"], "no lane database here"),
    ],
)  # fmt: skip
def test_errors_are_one_line_exit_2(  # noqa: PLR0917
    db: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    stdin: str,
    argv: list[str],
    message: str,
) -> None:
    assert run(monkeypatch, stdin, "staff", *argv, "--db", str(db)) == 2
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("flag", ["--pin", "--password"])
def test_a_pin_is_never_an_argument(db: Path, flag: str) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["staff", "add", "s-1", "--name", "A", "--role", "attendant", flag, "1234"])
    assert exit_.value.code == 2


def test_unknown_staff_and_role(
    db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(monkeypatch, "1234\n", "staff", "add", "s-1", "--name", "A", "--role",
               "attendant", "--pin-stdin", "--db", str(db)) == 0  # fmt: skip
    assert main(["staff", "disable", "s-9", "--db", str(db)]) == 2
    assert "no staff member 's-9'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["staff", "add", "s-2", "--name", "B", "--role", "boss", "--db", str(db)])


def test_database_from_the_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "from-config.sqlite3"
    config = tmp_path / "lane.toml"
    config.write_text(
        f'[lane]\nstore_id = "store-001"\nlane_id = "lane-01"\n[store]\npath = "{db}"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("KIOSK_CONFIG", str(config))
    assert run(monkeypatch, "2468\n", "staff", "add", "s-1", "--name", "A", "--role",
               "manager", "--pin-stdin") == 0  # fmt: skip
    assert db.exists()
    assert verify(db, "s-1", "2468") is SignInOutcome.OK


def test_end_to_end_in_a_real_process(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "KIOSK_CONFIG"}
    pin = "91827364"

    def kiosk(*argv: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "kiosk", "staff", *argv],
            input=stdin, capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60,
            check=False,
        )  # fmt: skip

    added = kiosk("add", "s-42", "--name", "Zoe", "--role", "attendant", "--pin-stdin",
                  stdin=pin + "\n")  # fmt: skip
    assert added.returncode == 0, added.stderr
    listed = kiosk("list")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.split() == ["s-42", "attendant", "active", "pin", "Zoe"]
    db = tmp_path / "var" / "lane.sqlite3"  # the default database
    stored = b"".join(path.read_bytes() for path in db.parent.iterdir())
    assert b"$argon2id$" in stored
    assert pin.encode() not in stored
    assert pin not in added.stdout + added.stderr + listed.stdout
