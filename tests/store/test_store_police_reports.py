"""kiosk.store.police_reports: the traveller reports' queue on a real SQLite store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.store import police_reports as reports
from kiosk.store.db import connect
from kiosk.store.errors import StoreError

T0 = datetime(2026, 12, 5, 15, 0, tzinfo=UTC)
IDS = {"service": "ses_hospedajes", "stay_id": "s1"}


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[object]:
    db = connect(tmp_path / "lane.sqlite3")
    yield db
    db.close()


def test_a_report_is_queued_once_and_due_in_order(conn) -> None:  # type: ignore[no-untyped-def]
    assert reports.queue_report(conn, report_id="v2", reference="B", payload=b"<b/>",
                                at=T0 + timedelta(seconds=1), **IDS)  # fmt: skip
    assert reports.queue_report(conn, report_id="v1", reference="A", payload=b"<a/>", at=T0, **IDS)
    assert not reports.queue_report(conn, report_id="v1", reference="A", payload=b"<x/>",
                                    at=T0, **IDS)  # fmt: skip
    due = reports.due_reports(conn, T0 + timedelta(seconds=1))
    assert [(d.report_id, d.payload) for d in due] == [("v1", b"<a/>"), ("v2", b"<b/>")]
    assert reports.due_reports(conn, T0 - timedelta(seconds=1)) == []
    assert reports.next_due(conn) == "2026-12-05T15:00:00.000000Z"


def test_outcomes_apply_to_queued_reports_only(conn) -> None:  # type: ignore[no-untyped-def]
    reports.queue_report(conn, report_id="v1", reference="A", payload=b"<a/>", at=T0, **IDS)
    later = T0 + timedelta(minutes=1)
    assert reports.mark_retry(conn, "v1", "down", later, T0)
    assert reports.due_reports(conn, T0) == []
    assert reports.mark_sent(conn, "v1", "lote-1", later)
    assert not reports.mark_sent(conn, "v1", "lote-2", later)  # never twice
    assert not reports.mark_failed(conn, "v1", "late refusal", later)
    (row,) = reports.list_reports(conn)
    assert (row.state, row.lote, row.attempts, row.error) == ("sent", "lote-1", 2, "")
    assert reports.next_due(conn) is None


def test_bad_input_is_a_store_error_naming_it(conn) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(StoreError, match="payload"):
        reports.queue_report(conn, report_id="v1", reference="A", payload=b"", at=T0, **IDS)
    with pytest.raises(StoreError, match="state 'lost'"):
        reports.list_reports(conn, "lost")
    with pytest.raises(StoreError, match="id"):
        reports.note_refused(conn, report_id="", reference="A", error="x", at=T0, **IDS)
