"""kiosk.threads.start_repeating: rounds keep coming after one fails, none after cancel."""

from __future__ import annotations

import threading

from kiosk.threads import start_repeating


def test_rounds_repeat_survive_a_failure_and_stop_when_cancelled() -> None:
    calls: list[int] = []
    third = threading.Event()

    def round_() -> None:
        calls.append(len(calls))
        if len(calls) == 3:
            third.set()
        if len(calls) == 1:
            raise RuntimeError("the first round fails")

    repeating = start_repeating("test-repeating", 0.01, round_)
    assert third.wait(10)
    repeating.cancel()
    seen = len(calls)
    assert not threading.Event().wait(0.1)  # a window for a round that should not come
    assert len(calls) <= seen + 1  # at most the round already running when cancelled
