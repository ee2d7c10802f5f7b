"""The store's staff accounts, kept at the station and copied into each lane's store;
what a station sends is checked field by field (fuzzed: garbage gets a clear error,
never a crash, and nothing is copied); and the lane's ledger of applied commands."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from station_fixtures import add_staff

from kiosk.app.station_link import INTERRUPTED, CommandLedger
from kiosk.domain.staff import Role, SignInOutcome
from kiosk.station.accounts import AccountError, check_account, export_accounts, import_accounts
from kiosk.store.db import connect
from kiosk.store.staff import StaffRepository

NOW = "2026-12-05T12:00:00.000000Z"


def test_accounts_travel_with_their_pin_hash_and_disabled_flag(tmp_path: Path) -> None:
    station_db, lane_db = tmp_path / "staff.sqlite3", tmp_path / "lane.sqlite3"
    add_staff(station_db, "ana", "Ana", Role.ATTENDANT, pin="1357")
    add_staff(lane_db, "tech", "Local technician", Role.TECHNICIAN)
    station, lane = connect(station_db), connect(lane_db)
    try:
        accounts = export_accounts(station)
        assert all(a["pin_hash"].startswith("$argon2id$") for a in accounts)
        assert import_accounts(lane, accounts, NOW) == ["ana"]
        assert import_accounts(lane, accounts, NOW) == []  # nothing changed: nothing written
        repo = StaffRepository(lane)
        now = datetime.now(UTC)
        assert repo.verify_pin("ana", "1357", now).ok  # the same PIN works at the lane
        StaffRepository(station).disable("ana")
        assert import_accounts(lane, export_accounts(station), NOW) == ["ana"]
        assert repo.verify_pin("ana", "1357", now).outcome is SignInOutcome.DISABLED
        assert repo.get("tech") is not None  # a lane's own account stays
    finally:
        station.close()
        lane.close()


GOOD = {"staff_id": "ana", "name": "Ana", "role": "attendant", "pin_hash": None, "disabled": False}


@pytest.mark.parametrize(
    ("field", "value", "named"),
    [
        ("staff_id", "", "staff_id"),
        ("staff_id", "a b", "staff_id"),
        ("name", "", "name of ana"),
        ("role", "boss", "role of ana"),
        ("pin_hash", "1234", "pin_hash of ana"),
        ("disabled", "no", "disabled of ana"),
    ],
)
def test_a_bad_account_is_named(field: str, value: Any, named: str) -> None:
    with pytest.raises(AccountError, match=named):
        check_account({**GOOD, field: value})


values = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=90))
accounts = st.dictionaries(
    st.sampled_from(["staff_id", "name", "role", "pin_hash", "disabled", "other"]), values
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(accounts, max_size=4))
def test_garbage_from_the_station_is_refused_whole(tmp_path: Path, sent: list[Any]) -> None:
    conn = connect(tmp_path / "fuzz.sqlite3")
    try:
        before = export_accounts(conn)
        refusal = ""
        try:
            import_accounts(conn, sent, NOW)
        except AccountError as error:
            refusal = str(error)
        if refusal:
            assert refusal.split(":")[0]  # names the field
            assert export_accounts(conn) == before  # nothing copied
    finally:
        conn.close()


def test_the_ledger_never_applies_a_command_that_was_in_flight_at_a_crash(
    tmp_path: Path,
) -> None:
    store = tmp_path / "lane.sqlite3"
    connect(store).close()
    ledger = CommandLedger(store)
    ledger.begin(7)
    ledger.finish(7, {"ok": True, "message": "item added"})
    ledger.begin(8)  # ... and the lane dies while applying 8
    ledger.close()
    again = CommandLedger(store)
    assert again.last == 8
    assert again.result_of(7) == {"ok": True, "message": "item added"}
    assert again.result_of(8) == {"ok": False, "message": INTERRUPTED}
    again.close()
