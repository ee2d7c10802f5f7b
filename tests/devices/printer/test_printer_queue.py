"""The held-receipt queue: nothing is dropped, the hook sees every change."""

from __future__ import annotations

import pytest

from kiosk.devices.printer.queue import HeldReceipt, JobState, ReceiptQueue


def test_lifecycle_and_hook() -> None:
    seen: list[tuple[HeldReceipt, ...]] = []
    queue = ReceiptQueue(on_change=seen.append)
    queue.add(HeldReceipt("j1", "t1", b"data"))
    assert queue.next_pending(0) == HeldReceipt("j1", "t1", b"data")
    queue.fail("j1", "paper out")
    assert queue.next_pending(0) is None
    failed = queue.get("j1")
    assert failed is not None
    assert (failed.state, failed.attempts, failed.reason) == (JobState.FAILED, 1, "paper out")
    assert queue.reprint() == 1
    assert queue.next_pending(0) is not None
    queue.done("j1")
    assert queue.held() == ()
    assert [len(s) for s in seen] == [1, 1, 1, 0]


def test_hook_failure_keeps_receipts_in_memory() -> None:
    def broken(_: object) -> None:
        raise OSError("disk full")

    queue = ReceiptQueue(on_change=broken)
    queue.add(HeldReceipt("j1", "t1", b"x"))
    assert len(queue.held()) == 1


def test_restore_after_restart_and_duplicates() -> None:
    queue = ReceiptQueue()
    queue.restore([HeldReceipt("j1", "t1", b"x", JobState.FAILED, 2, "paper out")])
    assert queue.next_pending(0) is None  # failed stays failed until someone reprints
    with pytest.raises(ValueError, match="already queued"):
        queue.add(HeldReceipt("j1", "t1", b"x"))
    assert queue.discard("j1") is not None
    assert queue.held() == ()
