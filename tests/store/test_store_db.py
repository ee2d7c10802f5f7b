"""The connection factory: durability pragmas, migrations, corrupt files (invariant 8)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kiosk.domain.catalog import CatalogItem
from kiosk.store import outbox
from kiosk.store.catalog import CatalogRepository
from kiosk.store.db import apply_migrations, checkpoint, connect, migrations, write_transaction
from kiosk.store.errors import CorruptDatabaseError, StoreError

CORE_TABLES = {
    "catalog_item",
    "catalog_barcode",
    "catalog_search",
    "catalog_meta",
    "open_basket",
    "open_basket_line",
    "sale",
    "sale_line",
    "sale_payment",
    "outbox",
}


def test_connection_pragmas(conn: sqlite3.Connection) -> None:
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    assert conn.isolation_level is None  # autocommit: transactions are explicit


def test_core_schema_and_outbox_contract(conn: sqlite3.Connection) -> None:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables >= CORE_TABLES
    columns = [
        (r["name"], r["type"], r["notnull"], r["dflt_value"], r["pk"])
        for r in conn.execute("PRAGMA table_info(outbox)")
    ]
    assert columns == [
        ("id", "INTEGER", 0, None, 1),
        ("transaction_id", "TEXT", 1, None, 0),
        ("kind", "TEXT", 1, "'sale'", 0),
        ("created_at", "TEXT", 1, None, 0),
        ("attempts", "INTEGER", 1, "0", 0),
        ("last_error", "TEXT", 0, None, 0),
        ("sent_at", "TEXT", 0, None, 0),
    ]
    # the document apart (0017): marking a row sent does not rewrite it
    payload_columns = [
        (r["name"], r["pk"]) for r in conn.execute("PRAGMA table_info(outbox_payload)")
    ]
    assert payload_columns == [("id", 1), ("payload", 0)]
    with write_transaction(conn):
        first = outbox.enqueue(conn, "t", "sale", "{}", "x")
    assert outbox.queued(conn, "t") == (first, "{}")
    with pytest.raises(sqlite3.IntegrityError), write_transaction(conn):
        outbox.enqueue(conn, "t", "sale", "{}", "y")
    with write_transaction(conn):
        assert outbox.enqueue(conn, "t", "event", "{}", "y", if_new=True) is None
    assert outbox.payloads(conn, "sale") == ["{}"]
    assert conn.execute("SELECT count(*) FROM outbox_payload").fetchone()[0] == 1


def test_migrations_are_idempotent(db_path: Path) -> None:
    first = connect(db_path)
    version = first.execute("PRAGMA user_version").fetchone()[0]
    assert version == len(migrations()) >= 1
    schema = first.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    assert apply_migrations(first) == version  # a second run applies nothing
    first.close()
    second = connect(db_path)
    assert second.execute("PRAGMA user_version").fetchone()[0] == version
    assert second.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == schema
    second.close()


def test_a_newer_database_is_refused(db_path: Path) -> None:
    conn = connect(db_path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(StoreError, match="newer than this program"):
        connect(db_path)


def test_write_transaction_rolls_back_on_error(conn: sqlite3.Connection) -> None:
    def failing_write() -> None:
        with write_transaction(conn):
            conn.execute("INSERT INTO catalog_meta (key, value) VALUES ('k', 'v')")
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        failing_write()
    assert conn.execute("SELECT count(*) FROM catalog_meta").fetchone()[0] == 0
    assert not conn.in_transaction


def test_garbage_file_is_reported_and_not_overwritten(db_path: Path) -> None:
    garbage = bytes(range(256)) * 64
    db_path.write_bytes(garbage)
    with pytest.raises(CorruptDatabaseError, match=r"lane\.sqlite3.*not a usable SQLite database"):
        connect(db_path, check=True)
    assert db_path.read_bytes() == garbage
    with pytest.raises(CorruptDatabaseError):
        connect(db_path)  # without the check, too
    assert db_path.read_bytes() == garbage


def _filled_database(db_path: Path, items: list[CatalogItem]) -> int:
    conn = connect(db_path)
    CatalogRepository(conn).upsert(items)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return db_path.stat().st_size


def test_truncated_file_is_reported_and_not_overwritten(
    db_path: Path, items: list[CatalogItem]
) -> None:
    size = _filled_database(db_path, items)
    with db_path.open("r+b") as handle:
        handle.truncate(size // 2)
    damaged = db_path.read_bytes()
    for check in (True, False):
        with pytest.raises(CorruptDatabaseError, match="restore it from a backup") as caught:
            connect(db_path, check=check)
        assert str(db_path) in str(caught.value)
        assert db_path.read_bytes() == damaged


def test_damaged_pages_are_found_by_the_check_and_by_reads(
    db_path: Path, items: list[CatalogItem]
) -> None:
    _filled_database(db_path, items)
    probe = sqlite3.connect(db_path)
    page_size = probe.execute("PRAGMA page_size").fetchone()[0]
    pages = [
        row[0]
        for row in probe.execute(
            "SELECT pageno FROM dbstat WHERE name IN ('catalog_item', 'catalog_barcode')"
        )
    ]
    probe.close()
    with db_path.open("r+b") as handle:  # scribble over the catalog's pages only
        for page in pages:
            handle.seek((page - 1) * page_size + 8)
            handle.write(b"\xde\xad" * 200)
    damaged = db_path.read_bytes()
    with pytest.raises(CorruptDatabaseError, match="damaged"):
        connect(db_path, check=True)
    assert db_path.read_bytes() == damaged
    conn = connect(db_path)  # the schema is intact: opening works, reading does not
    repository = CatalogRepository(conn)
    try:
        with pytest.raises(CorruptDatabaseError, match="damaged"):
            repository.lookup("8410148001135")
        with pytest.raises(CorruptDatabaseError, match="damaged"):
            repository.by_category("produce")
    finally:
        conn.close()
    assert db_path.read_bytes() == damaged


def test_a_locked_database_is_not_called_corrupt(db_path: Path) -> None:
    holder = sqlite3.connect(db_path, isolation_level=None)  # rollback journal: locks readers
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="locked") as caught:
            connect(db_path, busy_timeout_ms=10)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not isinstance(caught.value, CorruptDatabaseError)


def test_unopenable_path_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot open"):
        connect(blocker / "lane.sqlite3")


def test_checkpoints_can_be_left_to_another_connection(db_path: Path) -> None:
    lane = connect(db_path, auto_checkpoint=False)
    assert lane.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
    for n in range(300):
        lane.execute("INSERT INTO catalog_meta (key, value) VALUES (?, ?)", (f"k{n}", "x" * 500))
    wal = db_path.with_name(db_path.name + "-wal")
    grown = wal.stat().st_size
    assert grown > 0
    background = connect(db_path)
    in_wal, copied = checkpoint(background)
    assert in_wal == copied > 0
    assert lane.execute("SELECT count(*) FROM catalog_meta").fetchone()[0] == 300
    lane.close()
    background.close()
