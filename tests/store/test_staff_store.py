"""Staff store: hashed PINs and badges on a real SQLite file, sign-in, lockout, back-off."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.domain.staff import LockoutPolicy, Role, SignInOutcome, Staff, StaffError
from kiosk.store.audit import format_utc
from kiosk.store.db import connect
from kiosk.store.errors import StoreError
from kiosk.store.staff import PinHasher, StaffRepository

T0 = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
CHEAP = PinHasher(time_cost=1, memory_cost_kib=8, parallelism=1)
POLICY = LockoutPolicy(max_failures=3, first_lock=timedelta(seconds=30))
PIN = "73915428"
BADGE = "BADGE-4242-XYZ"
ANA = Staff("s-17", "Ana Ruiz", Role.ATTENDANT)
BO = Staff("s-18", "Bo Chen", Role.MANAGER)


@pytest.fixture
def staff(conn: sqlite3.Connection) -> StaffRepository:
    repository = StaffRepository(conn, hasher=CHEAP, policy=POLICY)
    repository.add(ANA, pin=PIN, badge=BADGE)
    repository.add(BO, pin="1111")
    return repository


def test_add_get_list_disable_enable(staff: StaffRepository) -> None:
    assert staff.get("s-17") == ANA
    assert staff.get("nobody") is None
    assert [s.staff_id for s in staff.list_staff()] == ["s-17", "s-18"]
    staff.disable("s-18")
    assert staff.get("s-18") == Staff("s-18", "Bo Chen", Role.MANAGER, disabled=True)
    assert [s.staff_id for s in staff.list_staff(include_disabled=False)] == ["s-17"]
    staff.enable("s-18")
    assert not staff.get("s-18").disabled  # type: ignore[union-attr]
    assert staff.credentials() == {"s-17": (True, True), "s-18": (True, False)}


def test_unknown_or_duplicate_staff(staff: StaffRepository) -> None:
    with pytest.raises(StoreError, match="no staff member 'ghost'"):
        staff.disable("ghost")
    with pytest.raises(StoreError, match="staff s-17 already exists"):
        staff.add(ANA, pin="2222")
    with pytest.raises(StoreError, match="badge is already assigned"):
        staff.add(Staff("s-19", "Cy", Role.ATTENDANT), badge=BADGE)
    with pytest.raises(StaffError, match="4 to 12 digits"):
        staff.add(Staff("s-20", "Di", Role.ATTENDANT), pin="12")
    assert staff.get("s-19") is None
    assert staff.get("s-20") is None


def test_pin_and_badge_never_stored_in_clear(db_path: Path, conn: sqlite3.Connection) -> None:
    repository = StaffRepository(conn, hasher=CHEAP, policy=POLICY)
    repository.add(ANA, pin=PIN, badge=BADGE)
    repository.reset_pin("s-17", "86420975")
    assert repository.verify_pin("s-17", "86420975", T0).ok
    row = conn.execute("SELECT pin_hash, badge_hash FROM staff").fetchone()
    assert row[0].startswith("$argon2id$v=19$")
    assert len(row[1]) == 64
    files = sorted(db_path.parent.glob(db_path.name + "*"))  # the database, its WAL and SHM
    assert db_path in files
    stored = b"".join(path.read_bytes() for path in files)
    assert b"$argon2id$" in stored  # the scan does see the file's contents
    for secret in (PIN, "86420975", BADGE):
        assert secret.encode() not in stored
        assert secret.encode("utf-16-le") not in stored


def test_pin_sign_in(staff: StaffRepository) -> None:
    result = staff.verify_pin("s-17", PIN, T0)
    assert result.outcome is SignInOutcome.OK
    assert result.staff == ANA
    for staff_id, pin in (("s-17", "73915429"), ("ghost", PIN), ("s-17", ""), ("bad id", PIN)):
        wrong = staff.verify_pin(staff_id, pin, T0)
        assert wrong.outcome is SignInOutcome.WRONG
        assert wrong.staff is None


def test_disabled_staff_refused_and_told_only_with_the_right_pin(staff: StaffRepository) -> None:
    staff.disable("s-17")
    assert staff.verify_pin("s-17", "00000000", T0).outcome is SignInOutcome.WRONG
    assert staff.verify_pin("s-17", PIN, T0).outcome is SignInOutcome.DISABLED
    assert staff.verify_badge(BADGE, T0).outcome is SignInOutcome.DISABLED
    staff.enable("s-17")
    assert staff.verify_pin("s-17", PIN, T0).ok


def test_lockout_with_back_off(staff: StaffRepository) -> None:
    # GIVEN two wrong PINs
    for _ in range(2):
        assert staff.verify_pin("s-17", "0000", T0).outcome is SignInOutcome.WRONG
    # WHEN the third is wrong THEN the staff id is locked for 30 s
    locked = staff.verify_pin("s-17", "0000", T0)
    assert locked.outcome is SignInOutcome.LOCKED
    assert locked.locked_until == T0 + timedelta(seconds=30)
    # even the right PIN is refused during the lock; other staff are not affected
    assert staff.verify_pin("s-17", PIN, T0 + timedelta(seconds=29)).outcome is (
        SignInOutcome.LOCKED
    )
    assert staff.verify_pin("s-18", "1111", T0).ok
    # after the lock one more failure locks twice as long
    t1 = T0 + timedelta(seconds=30)
    again = staff.verify_pin("s-17", "0000", t1)
    assert again.locked_until == t1 + timedelta(seconds=60)
    # a success after the lock resets the count
    t2 = t1 + timedelta(seconds=60)
    assert staff.verify_pin("s-17", PIN, t2).ok
    assert staff.lockout("staff:s-17", t2).failures == 0
    assert staff.verify_pin("s-17", "0000", t2).outcome is SignInOutcome.WRONG


def test_lockout_survives_a_restart(db_path: Path, staff: StaffRepository) -> None:
    for _ in range(3):
        staff.verify_pin("s-17", "0000", T0)
    reopened = connect(db_path)
    try:
        fresh = StaffRepository(reopened, hasher=CHEAP, policy=POLICY)
        result = fresh.verify_pin("s-17", PIN, T0 + timedelta(seconds=5))
        assert result.outcome is SignInOutcome.LOCKED
        assert result.locked_until == T0 + timedelta(seconds=30)
    finally:
        reopened.close()


def test_unknown_staff_ids_lock_too(staff: StaffRepository) -> None:
    outcomes = [staff.verify_pin("ghost", "1234", T0).outcome for _ in range(3)]
    assert outcomes == [SignInOutcome.WRONG, SignInOutcome.WRONG, SignInOutcome.LOCKED]


def test_reset_pin_lifts_the_lock_and_retires_the_old_pin(staff: StaffRepository) -> None:
    for _ in range(3):
        staff.verify_pin("s-17", "0000", T0)
    staff.reset_pin("s-17", "5555")
    assert staff.verify_pin("s-17", PIN, T0).outcome is SignInOutcome.WRONG
    assert staff.verify_pin("s-17", "5555", T0).ok
    with pytest.raises(StoreError, match="no staff member"):
        staff.reset_pin("ghost", "5555")


def test_badge_sign_in(db_path: Path, staff: StaffRepository) -> None:
    assert staff.verify_badge(BADGE, T0).staff == ANA
    assert staff.verify_badge(f" {BADGE}\r\n", T0).ok  # scanner suffixes are stripped
    # the badge key is kept in the database: another connection finds the badge
    reopened = connect(db_path)
    try:
        assert StaffRepository(reopened, hasher=CHEAP).verify_badge(BADGE, T0).ok
        other_key = StaffRepository(reopened, hasher=CHEAP, badge_key=b"k" * 32)
        assert other_key.verify_badge(BADGE, T0).outcome is SignInOutcome.WRONG
    finally:
        reopened.close()
    staff.set_badge("s-17", None)
    assert staff.verify_badge(BADGE, T0).outcome is SignInOutcome.WRONG
    staff.set_badge("s-18", BADGE)
    assert staff.verify_badge(BADGE, T0).staff == BO


def test_unknown_badges_lock_the_reader(staff: StaffRepository) -> None:
    outcomes = [staff.verify_badge(code, T0).outcome for code in ("NOPE-0001", "x", "NOPE-0003")]
    assert outcomes == [SignInOutcome.WRONG, SignInOutcome.WRONG, SignInOutcome.LOCKED]
    assert staff.verify_badge(BADGE, T0 + timedelta(seconds=1)).outcome is SignInOutcome.LOCKED
    result = staff.verify_badge(BADGE, T0 + timedelta(seconds=30))
    assert result.ok
    assert staff.lockout("badge", T0 + timedelta(seconds=30)).failures == 0


def test_a_badge_does_not_bypass_a_pin_lock(staff: StaffRepository) -> None:
    for _ in range(3):
        staff.verify_pin("s-17", "0000", T0)
    assert staff.verify_badge(BADGE, T0).outcome is SignInOutcome.LOCKED


def test_sign_in_rehashes_with_new_parameters(conn: sqlite3.Connection) -> None:
    StaffRepository(conn, hasher=CHEAP).add(ANA, pin=PIN)
    stronger = PinHasher(time_cost=1, memory_cost_kib=16, parallelism=1)
    assert StaffRepository(conn, hasher=stronger).verify_pin("s-17", PIN, T0).ok
    stored = conn.execute("SELECT pin_hash FROM staff").fetchone()[0]
    assert "m=16," in stored
    assert StaffRepository(conn, hasher=CHEAP).verify_pin("s-17", PIN, T0).ok


def test_damaged_hash_is_a_store_error(staff: StaffRepository, conn: sqlite3.Connection) -> None:
    conn.execute("UPDATE staff SET pin_hash = '$argon2id$garbage' WHERE staff_id = 's-17'")
    with pytest.raises(StoreError, match="damaged"):
        staff.verify_pin("s-17", PIN, T0)


def test_the_schema_refuses_a_clear_pin(conn: sqlite3.Connection) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO staff (staff_id, name, role, pin_hash, created_at, updated_at) "
            "VALUES ('x', 'X', 'attendant', '1234', 'now', 'now')"
        )


def test_naive_time_is_a_store_error(staff: StaffRepository) -> None:
    naive = datetime(2026, 11, 22, 10, 0)
    with pytest.raises(StoreError, match="no time zone"):
        staff.verify_pin("s-17", PIN, naive)
    with pytest.raises(StoreError, match="no time zone"):
        staff.verify_badge(BADGE, naive)


def test_impossible_argon2_parameters() -> None:
    with pytest.raises(StoreError, match="argon2"):
        PinHasher(memory_cost_kib=1)


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StaffRepository]:
    conn = connect(tmp_path_factory.mktemp("fuzz") / "lane.sqlite3")
    # never locks, so every example reaches the hash and badge checks
    repository = StaffRepository(conn, hasher=CHEAP, policy=LockoutPolicy(max_failures=10**9))
    repository.add(ANA, pin=PIN, badge=BADGE)
    yield repository
    conn.close()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(staff_id=st.text(max_size=40), pin=st.text(max_size=40), badge=st.text(max_size=200))
def test_garbage_never_crashes(
    shared: StaffRepository, staff_id: str, pin: str, badge: str
) -> None:
    assert shared.verify_pin(staff_id, pin, T0).outcome is not SignInOutcome.OK or pin == PIN
    assert shared.verify_badge(badge, T0).outcome in set(SignInOutcome)


def test_the_lanes_clock_stamps_staff_changes(conn: sqlite3.Connection) -> None:
    lane_time = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
    repository = StaffRepository(conn, hasher=CHEAP, policy=POLICY, clock=lambda: lane_time)
    repository.add(Staff("s-9", "Nine", Role.ATTENDANT), pin="9999")
    repository.disable("s-9")
    stamps = conn.execute("SELECT created_at, updated_at FROM staff WHERE staff_id = 's-9'")
    assert tuple(stamps.fetchone()) == (format_utc(lane_time), format_utc(lane_time))
