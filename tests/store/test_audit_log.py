"""Lane audit log: each row and its HQ outbox row are written together or not at all."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.domain.staff import Action
from kiosk.store.audit import AuditLog, format_utc, parse_utc
from kiosk.store.db import connect, write_transaction
from kiosk.store.errors import StoreError

T0 = datetime(2026, 11, 22, 10, 0, 5, 250000, tzinfo=UTC)


@pytest.fixture
def audit(conn: sqlite3.Connection) -> AuditLog:
    return AuditLog(conn, "store-001", "lane-01")


def counts(conn: sqlite3.Connection) -> tuple[int, int]:
    audits = conn.execute("SELECT count(*) FROM lane_audit").fetchone()[0]
    outbox = conn.execute("SELECT count(*) FROM outbox WHERE kind = 'audit'").fetchone()[0]
    return audits, outbox


def test_record_writes_the_row_and_its_outbox_row(
    audit: AuditLog, conn: sqlite3.Connection
) -> None:
    record = audit.record(
        Action.REPRINT_RECEIPT,
        staff_id="s-17",
        reason="customer asked",
        details={"transaction_id": "tx-1", "copies": 1},
        at=T0,
    )
    row = conn.execute("SELECT * FROM lane_audit").fetchone()
    assert (row["audit_id"], row["at"], row["lane_id"], row["staff_id"], row["action"]) == (
        record.audit_id,
        "2026-11-22T10:00:05.250000Z",
        "lane-01",
        "s-17",
        "reprint_receipt",
    )
    assert json.loads(row["details"]) == {"transaction_id": "tx-1", "copies": 1}
    out = conn.execute(
        "SELECT * FROM outbox JOIN outbox_payload USING (id) WHERE transaction_id = ?",
        (record.audit_id,),
    )
    outbox = out.fetchone()
    assert outbox["kind"] == "audit"
    assert outbox["sent_at"] is None  # pending for the uploader
    assert json.loads(outbox["payload"]) == {
        "schema": 1,
        "kind": "audit",
        "transaction_id": record.audit_id,
        "store_id": "store-001",
        "lane_id": "lane-01",
        "at": "2026-11-22T10:00:05.250000Z",
        "staff_id": "s-17",
        "action": "reprint_receipt",
        "reason": "customer asked",
        "details": {"copies": 1, "transaction_id": "tx-1"},
    }


def test_each_record_has_its_own_transaction_id(audit: AuditLog) -> None:
    ids = {audit.record("open_lane", staff_id=None).audit_id for _ in range(5)}
    assert len(ids) == 5


def test_outbox_failure_leaves_no_audit_row(audit: AuditLog, conn: sqlite3.Connection) -> None:
    # GIVEN an outbox that refuses inserts (a temporary trigger on this connection only)
    conn.execute(
        "CREATE TEMP TRIGGER refuse BEFORE INSERT ON outbox "
        "BEGIN SELECT RAISE(ABORT, 'disk says no'); END"
    )
    # WHEN an action is recorded THEN it fails as a StoreError and nothing is half written
    with pytest.raises(StoreError, match="disk says no"):
        audit.record(Action.CLOSE_LANE, staff_id="s-17", reason="end of shift")
    assert counts(conn) == (0, 0)
    assert not conn.in_transaction
    conn.execute("DROP TRIGGER refuse")
    audit.record(Action.CLOSE_LANE, staff_id="s-17", reason="end of shift")
    assert counts(conn) == (1, 1)


def test_insert_joins_the_callers_transaction(audit: AuditLog, conn: sqlite3.Connection) -> None:
    seen: list[tuple[int, int]] = []

    def resume_fails() -> None:
        with write_transaction(conn):
            audit.insert(Action.RESUME_BASKET, staff_id="s-17", details={"basket": "b-1"})
            seen.append(counts(conn))
            raise RuntimeError("the resume itself failed")

    with pytest.raises(RuntimeError):
        resume_fails()
    assert seen == [(1, 1)]
    assert counts(conn) == (0, 0)
    with pytest.raises(StoreError, match="open write transaction"):
        audit.insert(Action.OPEN_LANE, staff_id="s-17")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"action": "Open Lane"}, "bad audit action"),
        ({"action": ""}, "bad audit action"),
        ({"reason": "x" * 501}, "at most 500"),
        ({"details": {"when": datetime(2026, 1, 1, tzinfo=UTC)}}, "not JSON"),
        ({"details": {"blob": "x" * 9000}}, "exceed 8000"),
        ({"at": datetime(2026, 1, 1)}, "no time zone"),
    ],
)
def test_bad_records_are_refused_and_nothing_written(
    audit: AuditLog, conn: sqlite3.Connection, kwargs: dict[str, object], message: str
) -> None:
    arguments: dict[str, object] = {"action": "open_lane", "staff_id": "s-17", **kwargs}
    with pytest.raises(StoreError, match=message):
        audit.record(**arguments)  # type: ignore[arg-type]
    assert counts(conn) == (0, 0)


def test_recent_newest_first_and_by_staff(audit: AuditLog) -> None:
    audit.record(Action.OPEN_LANE, staff_id="s-1", at=T0)
    audit.record(
        Action.CLEAR_DEVICE_FAULT,
        staff_id="s-2",
        at=T0 + timedelta(minutes=1),
        details={"device": "printer"},
    )
    audit.record(Action.CLOSE_LANE, staff_id="s-1", at=T0 + timedelta(minutes=2))
    assert [r.action for r in audit.recent()] == ["close_lane", "clear_device_fault", "open_lane"]
    assert [r.action for r in audit.recent(staff_id="s-1")] == ["close_lane", "open_lane"]
    fault = audit.recent(limit=2)[1]
    assert fault.details == {"device": "printer"}
    assert fault.at == T0 + timedelta(minutes=1)


def test_times_are_utc_with_z() -> None:
    paris = timezone(timedelta(hours=1))
    text = format_utc(datetime(2026, 11, 22, 11, 0, tzinfo=paris))
    assert text == "2026-11-22T10:00:00.000000Z"
    assert parse_utc(text) == datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
    with pytest.raises(StoreError, match="not UTC ISO 8601"):
        parse_utc("yesterday")


def test_rows_survive_reopening(db_path: Path, audit: AuditLog) -> None:
    audit.record(Action.OPEN_LANE, staff_id="s-1", reason="morning")
    reopened = connect(db_path)
    try:
        assert [r.reason for r in AuditLog(reopened, "store-001", "lane-01").recent()] == [
            "morning"
        ]
    finally:
        reopened.close()


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    action=st.text(max_size=50),
    reason=st.text(max_size=600),
    details=st.dictionaries(st.text(max_size=20), st.text(max_size=50) | st.integers(), max_size=5),
)
def test_garbage_is_stored_or_refused_cleanly(
    audit: AuditLog, conn: sqlite3.Connection, action: str, reason: str, details: dict[str, object]
) -> None:
    before = counts(conn)
    try:
        audit.record(action, staff_id="s-1", reason=reason, details=details)
    except StoreError:
        assert counts(conn) == before
    else:
        assert counts(conn) == (before[0] + 1, before[1] + 1)


def test_the_lanes_clock_stamps_the_row_and_its_outbox_row(conn: sqlite3.Connection) -> None:
    lane_time = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
    audit = AuditLog(conn, "store-001", "lane-01", clock=lambda: lane_time)
    record = audit.record(Action.OPEN_LANE, staff_id="s-1")
    assert record.at == lane_time
    created = conn.execute("SELECT created_at FROM outbox WHERE kind = 'audit'").fetchone()[0]
    assert created == format_utc(lane_time)
