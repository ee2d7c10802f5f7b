"""Faults the simulator can inject into its next replies (tests and demos).

Three independent counters: the next N API calls fail with an HTTP status (503
by default) before doing anything; the next N calls wait some seconds before
they are handled; the next N calls are handled (state changes happen, as when
a real reply is lost) but answered with garbage of one kind:

* ``text``: ``200`` with an HTML error page, not JSON;
* ``truncated``: the real JSON cut in half;
* ``wrong_types``: the real JSON with every value's type changed (strings become
  numbers, numbers strings, lists objects...), a hostile reply.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from typing import Any

GARBAGE_KINDS = ("text", "truncated", "wrong_types")


@dataclass(frozen=True)
class Fault:
    """What to do to one call: wait, fail with a status, or garble the reply."""

    delay_s: float = 0.0
    fail_status: int = 0
    garbage: str = ""


class FaultPlan:
    """The counters above; thread-safe. Each ``take`` uses up one of each that is set."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._fail = (0, 503)
        self._delay = (0, 0.0)
        self._garbage = (0, "")

    def fail_next(self, count: int, status: int = 503) -> None:
        """The next ``count`` calls answer ``status`` (an error JSON) and change nothing."""
        if not 400 <= status <= 599:
            raise ValueError(f"status {status}: expected an HTTP error status 400-599")
        with self._lock:
            self._fail = (count, status)

    def delay_next(self, count: int, seconds: float) -> None:
        """The next ``count`` calls wait ``seconds`` first."""
        if seconds < 0:
            raise ValueError(f"delay {seconds}: expected seconds >= 0")
        with self._lock:
            self._delay = (count, seconds)

    def garbage_next(self, count: int, kind: str = "text") -> None:
        """The next ``count`` calls are answered with garbage of ``kind``."""
        if kind not in GARBAGE_KINDS:
            raise ValueError(f"garbage {kind!r}: expected one of {', '.join(GARBAGE_KINDS)}")
        with self._lock:
            self._garbage = (count, kind)

    def clear(self) -> None:
        with self._lock:
            self._fail, self._delay, self._garbage = (0, 503), (0, 0.0), (0, "")

    def take(self) -> Fault:
        with self._lock:
            fault = Fault(
                delay_s=self._delay[1] if self._delay[0] > 0 else 0.0,
                fail_status=self._fail[1] if self._fail[0] > 0 else 0,
                garbage=self._garbage[1] if self._garbage[0] > 0 else "",
            )
            self._delay = (max(0, self._delay[0] - 1), self._delay[1])
            self._fail = (max(0, self._fail[0] - 1), self._fail[1])
            if not fault.fail_status:  # a failed call never got as far as a reply
                self._garbage = (max(0, self._garbage[0] - 1), self._garbage[1])
            else:
                fault = Fault(fault.delay_s, fault.fail_status, "")
            return fault


def garble(kind: str, body: bytes) -> bytes:
    """``body`` (the real JSON reply) spoiled as ``kind`` says."""
    if kind == "text":
        return b"<html><body><h1>502 Bad Gateway</h1></body></html>"
    if kind == "truncated":
        return body[: max(1, len(body) // 2)]
    return json.dumps(_wrong(json.loads(body))).encode()


def _wrong(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _wrong(item) for key, item in value.items()}
    if isinstance(value, list):
        return {"items": [_wrong(item) for item in value]}
    if isinstance(value, bool):
        return "yes" if value else 0
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return len(value)
    return ["null"]
