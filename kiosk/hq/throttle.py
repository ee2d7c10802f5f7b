"""Throttle failed admin logins per client address (the staff pages' admin token).

Theory of operation: each address gets ``FREE_FAILURES`` wrong tokens (typos, a stale
cookie) without delay. Every failure after that locks the address for
``BASE_SECONDS * 2**(failures - FREE_FAILURES - 1)``, capped at ``MAX_SECONDS``. While
locked, *every* admin login from that address is answered 429 with ``Retry-After``
and is not even checked, a right token included: otherwise a guesser would keep
guessing through the lock and simply look for the answer that is not 401. A success
forgets the address. At most ``MAX_ADDRESSES`` addresses are remembered (least
recently failed forgotten first), so a flood of addresses cannot grow memory.

The cost of the lock: everybody behind one address (a shop's NAT, a proxy that is not
trusted for X-Forwarded-For) shares it. 300 guesses in 0.4 s before this module.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

FREE_FAILURES = 10
BASE_SECONDS = 1.0
MAX_SECONDS = 900.0
MAX_ADDRESSES = 10_000


@dataclass(slots=True)
class _Record:
    failures: int = 0
    locked_until: float = 0.0


class LoginThrottle:
    """Failed-login counts and locks per client address; thread-safe."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._records: OrderedDict[str, _Record] = OrderedDict()
        self._lock = threading.Lock()

    def retry_after(self, address: str) -> int:
        """Whole seconds ``address`` must wait before its next login (0: go ahead)."""
        with self._lock:
            record = self._records.get(address)
            left = 0.0 if record is None else record.locked_until - self._clock()
        return math.ceil(left) if left > 0 else 0

    def failed(self, address: str) -> int:
        """Count a wrong token from ``address``; return the lock it now has in seconds."""
        with self._lock:
            record = self._records.pop(address, None) or _Record()
            self._records[address] = record  # most recent last
            record.failures += 1
            over = record.failures - FREE_FAILURES - 1
            lock = 0.0 if over < 0 else min(MAX_SECONDS, BASE_SECONDS * 2.0 ** min(over, 30))
            record.locked_until = self._clock() + lock
            while len(self._records) > MAX_ADDRESSES:
                self._records.popitem(last=False)
        return math.ceil(lock)

    def succeeded(self, address: str) -> None:
        """Forget ``address``'s failures (the right token was given while not locked)."""
        with self._lock:
            self._records.pop(address, None)
