"""The traveller report is written in the check-in record's transaction (issue 13).

Real parts: the hotel runner's record step (``HotelRunner._record``) with the real
``HotelCommitter`` and ``PoliceReports`` on a real SQLite lane store; a second
connection holds the store's write lock, as another thread of the lane can.

GIVEN a check-in in Spain WHEN the store cannot take the record (locked) THEN neither
the record nor the report is stored; WHEN the runner tries again THEN both are, and
the report still carries the document the PMS got (it was kept in memory until the
record was stored). A report that cannot be built is kept ``failed`` with its record.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from police_kill_child import PASSPORT, SETTINGS, T0, finished

from kiosk.app.hotel.police import PoliceReports
from kiosk.app.hotel.records import HotelCommitter
from kiosk.app.hotel.runner import HotelRunner
from kiosk.domain.hotel import effects as fx
from kiosk.domain.hotel.pms import GuestIdentity
from kiosk.domain.hotel.record import build_record
from kiosk.domain.travel.journey import Outcome
from kiosk.store import police_reports
from kiosk.store.checkins import checkin_ids
from kiosk.store.db import connect
from kiosk.store.errors import StoreError

IDENTITY = GuestIdentity("MARTIN", "LUIS", "ES", date(1983, 7, 9), "M", PASSPORT)


def lane(db: Path) -> tuple[HotelRunner, PoliceReports]:
    conn = connect(db, busy_timeout_ms=50)
    committer = HotelCommitter(conn, store_id="S1", lane_id="L1", language="en")
    police = PoliceReports(conn, "ES", "0000000042")
    runner = HotelRunner(
        settings=SETTINGS, pms=None, keys=None, payments=None, printer=None,  # type: ignore[arg-type]
        commit=committer, police=police,
    )  # fmt: skip
    return runner, police


def test_a_record_the_store_refused_is_stored_again_with_its_report(tmp_path: Path) -> None:
    db = tmp_path / "lane.sqlite3"
    runner, police = lane(db)
    state = finished("visit-1")
    assert state.stay is not None
    police.seen(fx.UpdateGuest(state.stay.stay_id, "g9", IDENTITY), state)
    record = build_record(state, Outcome.COMPLETED, T0 + timedelta(minutes=5))
    other = connect(db, migrate=False)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the store
    with pytest.raises(StoreError):
        runner._record(record, "en", state)
    other.execute("ROLLBACK")
    assert checkin_ids(other) == []
    assert police_reports.list_reports(other) == []  # neither
    runner._record(record, "en", state)  # the runner's retry
    (row,) = police_reports.list_reports(other)
    assert checkin_ids(other) == ["visit-1"]
    assert (row.report_id, row.state) == ("visit-1", "queued")
    payload = police_reports.load_payload(other, "visit-1")
    assert payload is not None
    assert b"<numeroDocumento>PXC765432</numeroDocumento>" in payload
    assert b"<codigoMunicipio>28079</codigoMunicipio>" in payload
    other.close()


def test_a_report_that_cannot_be_built_is_kept_failed_with_its_record(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "lane.sqlite3"
    runner, police = lane(db)
    state = finished("visit-2")
    guest = replace(state.guests[0], data=replace(state.guests[0].data, email=""))
    state = replace(state, guests=(guest,))
    assert state.stay is not None
    police.seen(fx.UpdateGuest(state.stay.stay_id, "g9", IDENTITY), state)
    with caplog.at_level(logging.INFO):
        runner._record(build_record(state, Outcome.COMPLETED, T0), "en", state)
    check = connect(db, migrate=False)
    (row,) = police_reports.list_reports(check)
    assert checkin_ids(check) == ["visit-2"]
    assert row.state == "failed"
    assert "contact" in row.error
    check.close()
    assert "ALERT visit visit-2" in caplog.text
    assert "PXC765432" not in caplog.text
