"""One uploader per lane database; back-off grows with jitter and is capped."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys

import pytest
from lane_helpers import wait_for

from kiosk.sync.backoff import Backoff
from kiosk.sync.errors import LockHeld
from kiosk.sync.lock import UploaderLock, lock_path


def test_a_second_uploader_is_refused_until_the_first_releases(tmp_path):
    db = tmp_path / "lane.sqlite3"
    with UploaderLock(db), pytest.raises(LockHeld, match=f"pid {os.getpid()}"):
        UploaderLock(db).acquire()
    with UploaderLock(db):
        pass


def test_the_lock_of_a_killed_uploader_is_free_again(tmp_path):
    db = tmp_path / "lane.sqlite3"
    code = (
        "import sys, time; from kiosk.sync.lock import UploaderLock; "
        f"lock = UploaderLock({str(db)!r}); lock.acquire(); print('held', flush=True); "
        "time.sleep(60)"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "held"
        with pytest.raises(LockHeld, match=f"pid {child.pid}"):
            UploaderLock(db).acquire()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    with UploaderLock(db):
        assert lock_path(db).exists()


def test_backoff_doubles_with_jitter_up_to_the_cap_and_resets():
    backoff = Backoff(initial=1.0, maximum=30.0, rng=random.Random(7))
    delays = [backoff.next_delay() for _ in range(10)]
    caps = [min(30.0, 2.0**n) for n in range(10)]
    assert all(cap / 2 <= d <= cap for d, cap in zip(delays, caps, strict=True))
    assert len(set(delays)) == len(delays)
    backoff.reset()
    assert 0.5 <= backoff.next_delay() <= 1.0


def test_wait_for_fails_when_the_condition_never_holds():
    with pytest.raises(AssertionError, match="never"):
        wait_for(lambda: False, timeout=0.05, what="never")
