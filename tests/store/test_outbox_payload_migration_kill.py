"""Migration 0017 killed part way (the lane's power cut or systemd's start timeout while it
copies a large outbox): the lane database is left as it was before, and the next start
migrates it with every document kept (the runner applies a migration in one transaction;
SQLite's ALTER TABLE ... DROP COLUMN is part of it)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from kiosk.store.db import connect, migrations

ROWS = 60_000  # ~80 MB of documents: the copy takes long enough to be caught in it


def _at_0016(path: Path) -> list[tuple[int, str, str]]:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    for number, _name, sql in migrations()[:16]:
        conn.executescript(f"BEGIN; {sql}; PRAGMA user_version = {number}; COMMIT;")
    rows = [(f"t{n:06d}", json.dumps({"n": n, "pad": "é" * 600})) for n in range(ROWS)]
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO outbox (transaction_id, kind, payload, created_at) "
        "VALUES (?, 'sale', ?, '2026-12-01T10:00:00Z')",
        rows,
    )
    conn.execute("UPDATE outbox SET sent_at = '2026-12-01T10:01:00Z' WHERE id % 3 = 0")
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = conn.execute("SELECT id, transaction_id, payload FROM outbox ORDER BY id").fetchall()
    conn.close()
    return before


def test_a_migration_killed_midway_leaves_the_old_outbox_then_completes(tmp_path: Path) -> None:
    # GIVEN a lane at 0016 with a large outbox
    path = tmp_path / "lane.sqlite3"
    before = _at_0016(path)
    wal = Path(f"{path}-wal")
    # WHEN a lane starts migrating it and is killed once the migration has written
    code = f"from kiosk.store.db import connect; connect({str(path)!r})"
    process = subprocess.Popen(
        [sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": str(Path.cwd())}
    )
    while process.poll() is None and (not wal.exists() or wal.stat().st_size < 8_000_000):
        time.sleep(0.005)  # polling the other process's migration, not a timing check
    os.kill(process.pid, signal.SIGKILL)
    process.wait(30)
    # THEN the file is the old lane's (or the migrated one, had it finished)
    old = sqlite3.connect(path, isolation_level=None)
    version = old.execute("PRAGMA user_version").fetchone()[0]
    assert version in (16, len(migrations()))
    if version == 16:
        kept = old.execute("SELECT id, transaction_id, payload FROM outbox ORDER BY id")
        assert kept.fetchall() == before
        assert "outbox_payload" not in {
            r[0] for r in old.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")
        }
    old.close()
    # AND the next start migrates it with every row, state and document
    conn = connect(path)
    after = conn.execute(
        "SELECT id, transaction_id, payload FROM outbox JOIN outbox_payload USING (id) ORDER BY id"
    ).fetchall()
    assert [tuple(r) for r in after] == before
    sent = conn.execute("SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL").fetchone()[0]
    assert sent == ROWS // 3
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()
