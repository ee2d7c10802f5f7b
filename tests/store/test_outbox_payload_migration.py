"""Migration 0017: the outbox's documents move to ``outbox_payload`` with nothing lost."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from kiosk.store import outbox
from kiosk.store.db import apply_migrations, connect, migrations, write_transaction
from kiosk.store.sync_state import pending_count
from kiosk.sync.uploader import pending


def _at_version(path: Path, version: int) -> sqlite3.Connection:
    """A lane database migrated only up to ``version`` (as an older lane left it)."""
    conn = sqlite3.connect(path, isolation_level=None)
    for number, _name, sql in migrations()[:version]:
        conn.executescript(f"BEGIN; {sql}; PRAGMA user_version = {number}; COMMIT;")
    return conn


def test_an_older_lanes_outbox_keeps_every_document_id_and_state(tmp_path: Path) -> None:
    # GIVEN a lane at 0016 with sales sent, pending and dead-lettered, audit and events
    path = tmp_path / "lane.sqlite3"
    old = _at_version(path, 16)
    rows = [
        (f"t{n}", kind, json.dumps({"n": n, "text": "café ☕" * n}), "2026-12-01T10:00:00Z")
        for n, kind in enumerate(["sale", "sale", "audit", "event", "sale", "sale"], start=1)
    ]
    old.executemany(
        "INSERT INTO outbox (transaction_id, kind, payload, created_at) VALUES (?, ?, ?, ?)", rows
    )
    old.execute("UPDATE outbox SET sent_at = '2026-12-01T10:01:00Z', attempts = 1 WHERE id <= 2")
    old.execute(
        "INSERT INTO sync_dead_letter (outbox_id, transaction_id, reason, http_status, dead_at) "
        "VALUES (5, 't5', 'refused', 422, '2026-12-01T10:02:00Z')"
    )
    before = old.execute("SELECT id, transaction_id, kind, payload, sent_at FROM outbox").fetchall()
    old.close()

    # WHEN the lane starts with this version
    conn = connect(path)

    # THEN every row keeps its id, state and document, now in outbox_payload
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(migrations())
    after = conn.execute(
        "SELECT id, transaction_id, kind, payload, sent_at FROM outbox "
        "JOIN outbox_payload USING (id) ORDER BY id"
    ).fetchall()
    assert [tuple(r) for r in after] == [tuple(r) for r in before]
    assert "payload" not in {r["name"] for r in conn.execute("PRAGMA table_info(outbox)")}
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # AND the uploader reads the pending sale (not the sent ones nor the dead letter)
    assert [(p.outbox_id, p.payload) for p in pending(conn, 10)] == [(6, rows[5][2])]
    assert pending_count(conn) == 3  # t3 (audit), t4 (event), t6
    # AND new documents get the next ids
    with write_transaction(conn):
        assert outbox.enqueue(conn, "t7", "sale", "{}", "2026-12-02T00:00:00Z") == 7
    assert apply_migrations(conn) == len(migrations())  # idempotent


def test_marking_sent_leaves_the_documents_pages_alone(tmp_path: Path) -> None:
    """What 0017 is for: the pages holding documents are not rewritten when rows are
    marked sent (the WAL grows by the small rows' pages only)."""
    conn = connect(tmp_path / "lane.sqlite3")
    document = json.dumps({"pad": "x" * 1200})
    with write_transaction(conn):
        for n in range(300):
            outbox.enqueue(conn, f"t{n}", "sale", document, "2026-12-01T10:00:00Z")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with write_transaction(conn):
        outbox.mark_sent(conn, range(1, 301), "2026-12-01T10:01:00Z")
    frames = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()[1]
    # 300 documents of 1.2 kB fill ~100 pages; their 300 small rows fit in a handful
    assert 0 < frames < 20
