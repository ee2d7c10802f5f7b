"""``kiosk ses-status`` lists the lane's traveller reports for staff."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.store import police_reports as reports
from kiosk.store.db import connect

T0 = datetime(2026, 12, 5, 15, 0, tzinfo=UTC)


def test_it_lists_each_report_with_its_lote_or_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lane.sqlite3"
    conn = connect(db)
    ids = {"service": "ses_hospedajes", "stay_id": "s1"}
    reports.queue_report(conn, report_id="v1", reference="4701", payload=b"<x/>", at=T0, **ids)
    reports.queue_report(conn, report_id="v2", reference="4702", payload=b"<x/>", at=T0, **ids)
    reports.note_refused(
        conn, report_id="v3", reference="4703", error="not built: guest g1: contact is missing",
        at=T0, **ids,
    )  # fmt: skip
    reports.mark_sent(conn, "v1", "11111111-2222-3333-4444-555555555555", T0)
    conn.close()
    assert main(["ses-status", "--db", str(db)]) == 1  # one failed: monitoring notices
    out = capsys.readouterr().out
    assert "lote 11111111-2222-3333-4444-555555555555" in out
    assert "contact is missing" in out
    assert "1 queued, 1 sent, 1 failed" in out
    assert main(["ses-status", "--db", str(db), "--state", "queued"]) == 0
    out = capsys.readouterr().out
    assert "4702" in out
    assert "4701" not in out


def test_a_missing_database_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ses-status", "--db", str(tmp_path / "none.sqlite3")]) == 2
    assert "no such lane database" in capsys.readouterr().err
