"""kiosk.store.checkins on a real SQLite file: a record and its outbox row commit together
(with whatever ``also`` writes), once per check-in id; a document that breaks the schema
or holds an MRZ is refused with nothing stored."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from kiosk.store.checkins import checkin_ids, commit_checkin, load_checkin
from kiosk.store.db import connect
from kiosk.store.errors import StoreError

MRZ_LINE = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"


def document(**changes: Any) -> dict[str, Any]:
    return {
        "schema": 1,
        "kind": "checkin",
        "transaction_id": "c-1",
        "store_id": "s",
        "lane_id": "l",
        "journey": "airport_checkin",
        "reference": "KX7Q2M",
        "status": "completed",
        "started_at": "2026-12-05T09:00:00.000000Z",
        "completed_at": "2026-12-05T09:04:10.000000Z",
        "currency": "EUR",
        "fees_total": 6000,
        "item_count": 2,
        "bags": [{"traveller_id": "P1", "licence_plate": "0123000001", "weight_g": 18250}],
        **changes,
    }


def counts(conn: sqlite3.Connection) -> tuple[int, int]:
    rows = conn.execute("SELECT COUNT(*) FROM checkin").fetchone()[0]
    outbox = conn.execute("SELECT COUNT(*) FROM outbox WHERE kind = 'checkin'").fetchone()[0]
    return rows, outbox


def test_a_record_and_its_outbox_row_commit_once(tmp_path: Path) -> None:
    conn = connect(tmp_path / "lane.sqlite3")
    also: list[str] = []
    first = commit_checkin(conn, document(), lambda c: also.append("events"))
    again = commit_checkin(conn, document(status="cancelled"), lambda c: also.append("again"))
    assert first.created
    assert not again.created
    assert again.outbox_id == first.outbox_id
    assert also == ["events"]
    assert counts(conn) == (1, 1)
    assert load_checkin(conn, "c-1")["status"] == "completed"
    assert checkin_ids(conn) == ["c-1"]
    row = conn.execute("SELECT fees_total, item_count, bags, reference FROM checkin").fetchone()
    assert tuple(row) == (6000, 2, 1, "KX7Q2M")


@pytest.mark.parametrize(
    ("changes", "named"),
    [
        ({"transaction_id": ""}, "transaction_id"),
        ({"status": "lost"}, "status"),
        ({"details": {"note": MRZ_LINE}}, "MRZ"),
    ],
)
def test_a_bad_document_is_refused_and_nothing_stored(
    tmp_path: Path, changes: dict[str, Any], named: str
) -> None:
    conn = connect(tmp_path / "lane.sqlite3")
    with pytest.raises(StoreError, match=named):
        commit_checkin(conn, document(**changes))
    assert counts(conn) == (0, 0)


def test_a_failing_also_stores_nothing(tmp_path: Path) -> None:
    conn = connect(tmp_path / "lane.sqlite3")

    def boom(c: sqlite3.Connection) -> None:
        raise StoreError("the payment journal refused")

    with pytest.raises(StoreError):
        commit_checkin(conn, document(), boom)
    assert counts(conn) == (0, 0)
