"""Staff at the demo console, end to end: ``kiosk demo --script`` sessions in which staff
sign in with ``staff ID PIN`` or ``staff BADGE`` (or the demo attendant is signed in by
``approve``) and answer age checks on the sample beer through the attendant service;
the lane's audit rows and sale documents name who did it. No HQ (``--no-hq``): these
are about the lane."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kiosk.app.demo import DEMO_ATTENDANT, ensure_demo_attendant
from kiosk.domain.staff import Role, SignInOutcome
from kiosk.store.db import connect
from kiosk.store.staff import StaffRepository

BEER = "8410148001135"  # age restricted (18) in the sample catalog
MILK = "8410000000016"
DEMO_LOGIN = f"staff {DEMO_ATTENDANT.staff_id} {DEMO_ATTENDANT.pin}"


def run_demo(workdir: Path, script: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    path = tmp_path / f"script-{len(list(tmp_path.glob('script-*')))}.txt"
    path.write_text(script, encoding="utf-8")
    command = [sys.executable, "-m", "kiosk", "demo", "--no-hq", "--dir", str(workdir)]
    return subprocess.run(
        [*command, "--script", str(path)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def audit_rows(workdir: Path, *actions: str) -> list[tuple[str | None, str, dict[str, Any]]]:
    conn = sqlite3.connect(workdir / "lane.sqlite3")
    try:
        rows = conn.execute("SELECT staff_id, action, details FROM lane_audit ORDER BY id")
        return [(s, a, json.loads(d)) for s, a, d in rows if not actions or a in actions]
    finally:
        conn.close()


def sale_documents(workdir: Path) -> list[dict[str, Any]]:
    conn = sqlite3.connect(workdir / "lane.sqlite3")
    try:
        rows = conn.execute(
            "SELECT payload FROM outbox JOIN outbox_payload USING (id)"
            " WHERE kind = 'sale' ORDER BY id"
        )
        return [json.loads(payload) for (payload,) in rows]
    finally:
        conn.close()


def add_staff(workdir: Path, staff_id: str, pin: str, badge: str) -> None:
    """``kiosk staff add`` as a manager would run it, before the demo starts."""
    workdir.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "kiosk", "staff", "add", staff_id]
    options = ["--name", "Sam Attendant", "--role", "attendant", "--badge", badge]
    subprocess.run(
        [*command, *options, "--pin-stdin", "--db", str(workdir / "lane.sqlite3")],
        input=f"{pin}\n",
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )


# The demo weighs the bagging area (config/demo.toml [bagging]: milk 1040 g, beer 560 g):
# the scripts put what was sold on its simulated scale and wait for the lane to have it;
# the second basket's bag stands on the first one's (1600 + 1600 g, and 1600 + 1040 g once
# the refused beer is taken out). The demo asks "Do you need bags?" (the scripts answer
# `bags none`) and checks ages at Pay: the beer is added with its check pending, and Pay
# calls the attendant for it.
SIGNED_IN_SESSION = f"""
wait idle 10
staff s-17 4321
bags none
{MILK}
{BEER}
items 2 20
bag 1600
wait bagged 20
pay
wait intervention 20
approve
wait shopping 20
pay
wait finished 60
next
wait idle 20
signout
staff STF1717
bags none
{MILK}
{BEER}
items 2 20
bag 3200
wait bagged 20
pay
wait intervention 20
deny
wait shopping 20
bag 2640
wait bagged 20
pay
wait finished 60
next
wait idle 20
quit
"""


@pytest.mark.slow
def test_staff_sign_in_by_pin_and_by_badge_approve_and_deny_age_checks(tmp_path: Path) -> None:
    # GIVEN a staff member added with `kiosk staff add` (PIN and badge)
    workdir = tmp_path / "demo"
    add_staff(workdir, "s-17", "4321", "STF1717")
    # WHEN they sign in by PIN, approve the beer, sign out, sign in by badge and deny it
    result = run_demo(workdir, SIGNED_IN_SESSION, tmp_path)
    # THEN the lane ran both sales and every row names them
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "staff: s-17 (Sam Attendant, attendant) signed in by pin" in result.stdout
    assert "staff: s-17 (Sam Attendant, attendant) signed in by badge" in result.stdout
    assert "staff s-17: age_restricted approved" in result.stdout
    assert "staff s-17: age_restricted denied" in result.stdout
    sign_ins = audit_rows(workdir, "sign_in", "sign_out")
    assert [(s, a, d.get("method")) for s, a, d in sign_ins] == [
        ("s-17", "sign_in", "pin"),
        ("s-17", "sign_out", None),
        ("s-17", "sign_in", "badge"),
    ]
    verdicts = audit_rows(workdir, "approve_age")
    assert [(s, d["approved"], d.get("id_seen")) for s, _, d in verdicts] == [
        ("s-17", True, True),
        ("s-17", False, None),
    ]
    first, second = sale_documents(workdir)
    assert [line["sku"] for line in first["lines"]] == ["S00001", "S00113"]
    # refused at Pay: the beer's line stays on the record, voided
    assert [(line["sku"], line["voided"]) for line in second["lines"]] == [
        ("S00001", False),
        ("S00113", True),
    ]
    resolved = [(d["interventions"][0]["staff_id"], d["interventions"][0]["resolution"])
                for d in (first, second)]  # fmt: skip
    assert resolved == [("s-17", "approved"), ("s-17", "denied")]
    # The demo attendant was added too, but nobody signed it in.
    assert all(s != DEMO_ATTENDANT.staff_id for s, _, _ in audit_rows(workdir))


@pytest.mark.slow
def test_approve_with_nobody_signed_in_signs_the_demo_attendant_in(tmp_path: Path) -> None:
    workdir = tmp_path / "demo"
    script = f"wait idle 10\n{BEER}\nitems 1 20\nbag 560\nwait bagged 20\npay\n"
    script += "wait intervention 20\napprove\nwait shopping 20\nquit\n"  # the check at Pay
    result = run_demo(workdir, script, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "staff: nobody was signed in: demo (Demo Attendant, supervisor)" in result.stdout
    assert "  staff demo: age_restricted approved" in result.stdout
    # Signed in for that one verdict: no session is left open that nobody opened.
    assert [(s, a) for s, a, _ in audit_rows(workdir)] == [
        ("demo", "sign_in"),
        ("demo", "approve_age"),
        ("demo", "sign_out"),
    ]


WRONG_SIGN_INS = f"""
wait idle 10
staff demo 0000
staff demo 12
staff NOSUCHBADGE
staff demo 2468 extra
staff
deny
signout
help
{MILK}
wait shopping 20
call
wait intervention 20
{DEMO_LOGIN}
approve
wait shopping 20
weigh lots
void two
bag 1040
wait bagged 20
pay
wait finished 60
quit
"""


@pytest.mark.slow
def test_a_wrong_pin_prints_one_clear_line_and_the_lane_keeps_running(tmp_path: Path) -> None:
    workdir = tmp_path / "demo"
    result = run_demo(workdir, WRONG_SIGN_INS, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "Traceback" not in out + result.stderr
    assert out.count("  sign-in failed: wrong staff id, badge or PIN") == 3
    for line in (
        "  usage: staff BADGE, or staff ID PIN",
        "  nobody is signed in",
        "  nothing to deny",
        "  usage: weigh GRAMS [moving] ('lots' is not a whole number)",
        "  usage: void LINE ('two' is not a whole number)",
        "  call                       press Help: the shopper calls the attendant",
        "  ATTENDANT: help_requested",
        "  staff demo: help_requested approved",
        "  sale committed: 0.95 EUR (completed)",
    ):
        assert line in out.splitlines(), line
    failed = audit_rows(workdir, "sign_in_failed")
    assert [(s, d["outcome"]) for s, _, d in failed] == [(None, "wrong")] * 3
    assert "0000" not in json.dumps(failed)  # a PIN is never written down


@pytest.mark.slow
def test_the_demo_attendant_is_created_once(tmp_path: Path) -> None:
    workdir = tmp_path / "demo"
    first = run_demo(workdir, "quit\n", tmp_path)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "demo: added the demo attendant; sign in with badge STF0001" in first.stdout
    assert "`staff demo 2468`" in first.stdout
    again = run_demo(workdir, "quit\n", tmp_path)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "demo: the demo attendant; sign in with" in again.stdout
    conn = connect(workdir / "lane.sqlite3")
    staff = StaffRepository(conn).list_staff()
    conn.close()
    assert [(s.staff_id, s.name, s.role) for s in staff] == [
        ("demo", "Demo Attendant", Role.SUPERVISOR)
    ]


@pytest.mark.slow
def test_a_demo_whose_badge_is_taken_starts_without_a_demo_attendant(tmp_path: Path) -> None:
    workdir = tmp_path / "demo"
    add_staff(workdir, "s-17", "4321", DEMO_ATTENDANT.badge)  # the store gave it away
    script = f"wait idle 10\n{BEER}\nitems 1 20\nbag 560\nwait bagged 20\npay\n"
    script += "wait intervention 20\napprove\nstaff s-17 4321\nquit\n"  # the check at Pay
    result = run_demo(workdir, script, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "demo: no demo attendant (that badge is already assigned" in result.stdout
    assert "  nobody is signed in at the attendant screen: sign in with" in result.stdout
    assert "  staff: s-17 (Sam Attendant, attendant) signed in by pin" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_ensure_demo_attendant_adds_once_and_keeps_later_changes(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    path = tmp_path / "lane.sqlite3"
    assert ensure_demo_attendant(path) is True
    assert ensure_demo_attendant(path) is False
    conn = connect(path)
    repository = StaffRepository(conn)
    now = datetime.now(UTC)
    assert repository.verify_pin("demo", DEMO_ATTENDANT.pin, now).ok
    assert repository.verify_badge(DEMO_ATTENDANT.badge, now).ok
    repository.reset_pin("demo", "97531")  # the store changed it with `kiosk staff reset-pin`
    assert ensure_demo_attendant(path) is False
    assert repository.verify_pin("demo", "97531", now).ok
    assert repository.verify_pin("demo", DEMO_ATTENDANT.pin, now).outcome is SignInOutcome.WRONG
    assert len(repository.list_staff()) == 1
    conn.close()
