"""Start-up integrity: a cheap check at every start, the whole file only when owed.

``connect(check=True)`` reads the header and the schema and removes the clean-stop
marker; ``PRAGMA quick_check`` (counted here by wrapping it) runs only when the
marker was missing, in the background when the caller takes the verdict by callback.
Damage is still named clearly: by the header check, by the full check, by
``kiosk store check``.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from kiosk.cli import main as kiosk_main
from kiosk.domain.catalog import CatalogItem
from kiosk.store import integrity
from kiosk.store.catalog import CatalogRepository
from kiosk.store.db import connect
from kiosk.store.errors import CorruptDatabaseError, StoreError


@pytest.fixture(autouse=True)
def check_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The owed full check starts without the lane's delay (the tests wait for it)."""
    monkeypatch.setattr(integrity, "CHECK_DELAY_S", 0.0)


@pytest.fixture
def quick_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every run of PRAGMA quick_check, by the thread that ran it."""
    runs: list[str] = []
    real = integrity.quick_check

    def counted(conn: sqlite3.Connection, path: Path | str) -> None:
        runs.append(threading.current_thread().name)
        real(conn, path)

    monkeypatch.setattr(integrity, "quick_check", counted)
    return runs


def filled(db_path: Path, items: list[CatalogItem]) -> None:
    conn = connect(db_path)
    CatalogRepository(conn).upsert(items)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def scribble_over_the_catalog(db_path: Path) -> None:
    probe = sqlite3.connect(db_path)
    page_size = probe.execute("PRAGMA page_size").fetchone()[0]
    pages = [
        row[0]
        for row in probe.execute(
            "SELECT pageno FROM dbstat WHERE name IN ('catalog_item', 'catalog_barcode')"
        )
    ]
    probe.close()
    with db_path.open("r+b") as handle:
        for page in pages:
            handle.seek((page - 1) * page_size + 8)
            handle.write(b"\xde\xad" * 200)


def background_verdict(db_path: Path) -> list[StoreError]:
    """Start as the lane does (verdict by callback) and wait for the check thread."""
    found: list[StoreError] = []
    before = set(threading.enumerate())
    connect(db_path, check=True, on_damage=found.append).close()
    for thread in set(threading.enumerate()) - before:
        thread.join(timeout=60)
    return found


def test_a_clean_stop_then_a_start_does_not_read_the_whole_file(
    db_path: Path, items: list[CatalogItem], quick_checks: list[str]
) -> None:
    filled(db_path, items)
    assert integrity.mark_clean_stop(db_path)
    connect(db_path, check=True).close()
    assert quick_checks == []
    assert not integrity.marker_path(db_path).exists()  # cleared: a crash now owes a check


def test_a_new_database_owes_no_check(db_path: Path, quick_checks: list[str]) -> None:
    connect(db_path, check=True).close()
    assert quick_checks == []


def test_without_the_marker_the_whole_file_is_checked(
    db_path: Path, items: list[CatalogItem], quick_checks: list[str]
) -> None:
    filled(db_path, items)  # written, never marked clean: as after SIGKILL
    connect(db_path, check=True).close()
    assert quick_checks == ["MainThread"]  # no callback: before connect returns
    assert background_verdict(db_path) == []
    assert quick_checks == ["MainThread", "kiosk-store-check"]
    assert integrity.mark_clean_stop(db_path)  # the check ended well: a clean stop counts


def test_damage_found_in_the_background_is_reported_and_owes_the_next_start(
    db_path: Path, items: list[CatalogItem]
) -> None:
    filled(db_path, items)
    scribble_over_the_catalog(db_path)
    found = background_verdict(db_path)
    assert len(found) == 1
    assert isinstance(found[0], CorruptDatabaseError)
    assert str(db_path) in str(found[0])
    assert "damaged" in str(found[0])
    assert not integrity.mark_clean_stop(db_path)  # the next start checks again
    assert not integrity.marker_path(db_path).exists()


def test_a_truncated_file_is_caught_by_the_header_even_after_a_clean_stop(
    db_path: Path, items: list[CatalogItem], quick_checks: list[str]
) -> None:
    filled(db_path, items)
    integrity.mark_clean_stop(db_path)
    size = db_path.stat().st_size
    with db_path.open("r+b") as handle:
        handle.truncate(size // 2)
    with pytest.raises(CorruptDatabaseError, match=r"truncated.*restore it from a backup"):
        connect(db_path, check=True)
    assert quick_checks == []


@pytest.mark.parametrize("suffix", ["-wal", "-journal"])
def test_a_short_file_with_a_log_to_replay_is_left_to_sqlite(
    db_path: Path, items: list[CatalogItem], suffix: str
) -> None:
    """A checkpoint or transaction cut short may leave the header counting pages that
    its WAL or journal will still write: that is not damage."""
    filled(db_path, items)
    size = db_path.stat().st_size
    with db_path.open("r+b") as handle:
        handle.truncate(size // 2)
    db_path.with_name(db_path.name + suffix).write_bytes(b"\x00" * 32)
    assert integrity.check_header(db_path) is True


def test_a_file_that_is_not_sqlite_is_named_even_after_a_clean_stop(db_path: Path) -> None:
    db_path.write_bytes(b"PK\x03\x04" + bytes(4092))
    integrity.mark_clean_stop(db_path)
    with pytest.raises(CorruptDatabaseError, match=r"lane\.sqlite3: is not a usable SQLite"):
        connect(db_path, check=True)


def test_the_damage_report_waits_for_its_listener() -> None:
    report = integrity.DamageReport()
    error = CorruptDatabaseError("lane.sqlite3: database is damaged")
    report.found(error)
    heard: list[StoreError] = []
    report.report_to(heard.append)
    report.found(error)
    assert heard == [error, error]


def test_kiosk_store_check_reads_the_whole_file_on_demand(
    db_path: Path,
    items: list[CatalogItem],
    quick_checks: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    filled(db_path, items)
    integrity.mark_clean_stop(db_path)
    assert kiosk_main(["store", "check", "--db", str(db_path)]) == 0
    assert "ok (quick_check" in capsys.readouterr().out
    assert quick_checks == ["MainThread"]
    assert integrity.marker_path(db_path).exists()  # on demand: the marker is left alone
    scribble_over_the_catalog(db_path)
    assert kiosk_main(["store", "check", "--db", str(db_path)]) == 2
    err = capsys.readouterr().err
    assert f"kiosk store: {db_path}: database is damaged (quick_check:" in err
