"""Receipts the printer still owes survive a restart; a damaged file is kept aside."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.app.held_receipts import HeldReceiptFile
from kiosk.devices.printer.queue import HeldReceipt, JobState, ReceiptQueue


def test_queue_changes_are_saved_and_restored(tmp_path: Path) -> None:
    store = HeldReceiptFile(tmp_path / "lane.held-receipts.json")
    queue = ReceiptQueue(on_change=store.save)
    queue.add(HeldReceipt("j1", "tx-1", b"\x1b@receipt one\x1dV\x00"))
    queue.add(HeldReceipt("j2", "tx-2", b"two"))
    restored = ReceiptQueue()
    restored.restore(store.load())
    assert restored.next_pending(0) == HeldReceipt("j1", "tx-1", b"\x1b@receipt one\x1dV\x00")


def test_failed_state_and_reason_survive(tmp_path: Path) -> None:
    store = HeldReceiptFile(tmp_path / "held.json")
    job = HeldReceipt("j1", "tx-1", b"data", JobState.FAILED, 2, "paper out")
    store.save([job])
    assert store.load() == [job]
    store.save([])
    assert not store.path.exists()


@settings(max_examples=50, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=200))
def test_a_damaged_file_is_moved_aside_not_lost(tmp_path: Path, garbage: bytes) -> None:
    path = tmp_path / "held.json"
    path.write_bytes(garbage)
    store = HeldReceiptFile(path)
    try:
        jobs = store.load()
    except Exception as error:  # pragma: no cover - the assertion below explains
        pytest.fail(f"load raised {error!r}")
    if not path.exists():  # it was damaged: the bytes are kept next to it
        assert (tmp_path / "held.json.damaged").read_bytes() == garbage
        assert jobs == []
