"""The hotel lane's background sender: queued deposits and e-mails, retried until done.

One daemon thread (``kiosk-hotel-sender``, started through :func:`kiosk.threads.start_thread`
by ``Lane.start`` as one of the lane's extras) runs a round of every queue's
``run_once()`` (:class:`kiosk.app.hotel.deposits.DepositQueue`,
:class:`kiosk.app.hotel.mail.MailQueue`) at start, whenever one is woken
(:meth:`HotelSender.wake`: a check-out queued a deposit, a visit queued an e-mail)
and every ``every_s`` seconds while anything is left. A round that fails is logged
and the next one comes all the same: what is queued stays in the lane store.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence

from kiosk.threads import start_thread

log = logging.getLogger(__name__)
Round = Callable[[], int]  # tries what is queued; returns how many are left


class HotelSender:
    """Runs ``rounds`` on one background thread (see the module docstring)."""

    def __init__(self, rounds: Sequence[Round], every_s: float = 30.0) -> None:
        self.rounds, self.every_s = list(rounds), every_s
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = start_thread("hotel-sender", self._loop)

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout=30)

    def wake(self) -> None:
        """A round now (from any thread)."""
        self._wake.set()

    def run_round(self) -> int:
        """Every queue once (on the caller's thread); how many items are left."""
        left = 0
        for round_ in self.rounds:
            try:
                left += round_()
            except Exception:
                log.exception("hotel sender: a round failed")
                left += 1
        return left

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            left = self.run_round()
            # nothing left: sleep until woken; else try again after every_s
            self._wake.wait(self.every_s if left else None)
