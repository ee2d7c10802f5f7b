"""The reconnect-with-backoff loop of every device.

:class:`ReconnectingWorker` runs ``connect() -> serve(link, stop)`` on a thread from
:func:`kiosk.threads.start_thread` for as long as the
device is claimed: when ``connect`` fails or ``serve`` loses the link (a
:class:`DeviceError`), the status becomes *offline*, the link is closed and
``connect`` is tried again after an exponentially growing delay (reset after
each successful connection). A refused permission or a bad setting is
*error* instead of *offline*: waiting will not fix it, a technician must.
An unexpected exception (a bug) is logged with its traceback, reported as
*error*, and retried the same way: a device never takes the app down with it
(DESIGN.md invariant 7).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from kiosk.devices.errors import DeviceConfigError, DeviceError, DevicePermissionDenied
from kiosk.devices.status import DeviceStatus, Health
from kiosk.threads import start_thread

log = logging.getLogger(__name__)
L = TypeVar("L")


def _failure_status(error: DeviceError) -> DeviceStatus:
    """Offline when the device is away; error when a person must fix something first."""
    needs_fixing = isinstance(error, DevicePermissionDenied | DeviceConfigError)
    return DeviceStatus(Health.ERROR if needs_fixing else Health.OFFLINE, detail=error.message)


@dataclass(frozen=True, slots=True)
class Backoff:
    """Reconnect delays: ``initial``, then times ``factor`` each failure, capped at ``maximum``."""

    initial: float = 0.2
    maximum: float = 10.0
    factor: float = 2.0

    def delays(self) -> Iterator[float]:
        delay = self.initial
        while True:
            yield delay
            delay = min(delay * self.factor, self.maximum)


class ReconnectingWorker(Generic[L]):
    """Keep a link to a device alive on one thread.

    Args:
        name: thread and log name.
        connect: opens the link; raises DeviceError if the device is not there.
        serve: uses the link until ``stop`` is set (then returns) or the link is lost
            (then raises DeviceError). It must wake up regularly (read timeouts) to
            look at ``stop``.
        disconnect: closes the link; errors are logged and ignored.
        on_status: called with READY after each connect, OFFLINE/ERROR after a failure.
        backoff: the reconnect delays.
    """

    def __init__(
        self,
        name: str,
        connect: Callable[[], L],
        serve: Callable[[L, threading.Event], None],
        disconnect: Callable[[L], None],
        *,
        on_status: Callable[[DeviceStatus], None],
        backoff: Backoff | None = None,
    ) -> None:
        self.name = name
        self._connect = connect
        self._serve = serve
        self._disconnect = disconnect
        self._on_status = on_status
        self._backoff = backoff or Backoff()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.connections = 0  # successful connects so far (for tests and `devices check`)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Start the thread (once)."""
        if self._thread is not None:
            raise RuntimeError(f"worker {self.name} already started")
        self._stop.clear()
        self._thread = start_thread(self.name, self._run)

    def stop(self, timeout: float = 5.0) -> None:
        """Ask the thread to finish and wait up to ``timeout`` seconds for it."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
            if thread.is_alive():
                log.warning("%s: worker did not stop within %.1f s", self.name, timeout)

    def _run(self) -> None:
        delays = self._backoff.delays()
        while not self._stop.is_set():
            connected, status = self._session()
            if self._stop.is_set():
                return
            if connected:
                delays = self._backoff.delays()  # it worked for a while: start over gently
            delay = next(delays)
            log.debug("%s: %s; retrying in %.2f s", self.name, status, delay)
            self._on_status(status)  # same failure again -> same status -> no new event
            self._stop.wait(delay)

    def _session(self) -> tuple[bool, DeviceStatus]:
        """Connect and serve once; return whether it connected and the status it ended in."""
        try:
            link = self._connect()
        except DeviceError as error:
            return False, _failure_status(error)
        except Exception as error:
            log.exception("%s: connect failed unexpectedly", self.name)
            return False, DeviceStatus(Health.ERROR, detail=f"{type(error).__name__}: {error}")
        self.connections += 1
        try:
            self._on_status(DeviceStatus(Health.READY))
            self._serve(link, self._stop)
            return True, DeviceStatus(Health.OFFLINE, detail="stopped")
        except DeviceError as error:
            log.info("%s: link lost: %s", self.name, error)
            return True, _failure_status(error)
        except Exception as error:
            log.exception("%s: worker failed unexpectedly", self.name)
            return True, DeviceStatus(Health.ERROR, detail=f"{type(error).__name__}: {error}")
        finally:
            self._close(link)

    def _close(self, link: L) -> None:
        try:
            self._disconnect(link)
        except Exception as error:  # closing a vanished link often fails; nothing to do
            log.debug("%s: close failed: %s", self.name, error)
