"""The one device lifecycle, modelled on UnifiedPOS.

Theory of operation
-------------------
Every device object walks the same small state machine::

    CLOSED --open--> OPENED --claim--> CLAIMED --enable--> ENABLED
    CLOSED <-close-- OPENED <-release- CLAIMED <-disable-- ENABLED

``open`` checks the driver's settings (no hardware yet); ``claim`` takes the
device for this process and starts its worker, which connects (and keeps
reconnecting) in the background, so a device that is absent at start is
*offline*, not an exception; ``enable`` lets data events through (a scanner
that is disabled still reads, to stay in sync, but drops what it reads).
Any other call is illegal: it raises :class:`DeviceStateError` naming the
state and the call, like h11. ``shutdown()`` walks down from any state.

Status (:class:`DeviceStatus`) is separate from the lifecycle: a claimed
device may be ready, busy, offline or in error, with conditions such as
paper low. Changes are pushed to listeners as events from worker threads;
a listener that raises is logged and never stops the device.

Subclasses override the ``_on_*`` hooks and, for a health probe, ``check``.
"""

from __future__ import annotations

import enum
import logging
import threading
from collections.abc import Callable

from kiosk import clock as kiosk_clock
from kiosk.devices.errors import DeviceError, DeviceStateError
from kiosk.devices.status import (
    DataEvent,
    DeviceEvent,
    DeviceStatus,
    ErrorEvent,
    Health,
    Listener,
    StatusEvent,
)

log = logging.getLogger(__name__)


class DeviceState(enum.Enum):
    """Where a device is in its lifecycle."""

    CLOSED = "closed"
    OPENED = "opened"
    CLAIMED = "claimed"
    ENABLED = "enabled"


_TRANSITIONS: dict[tuple[DeviceState, str], DeviceState] = {
    (DeviceState.CLOSED, "open"): DeviceState.OPENED,
    (DeviceState.OPENED, "claim"): DeviceState.CLAIMED,
    (DeviceState.CLAIMED, "enable"): DeviceState.ENABLED,
    (DeviceState.ENABLED, "disable"): DeviceState.CLAIMED,
    (DeviceState.CLAIMED, "release"): DeviceState.OPENED,
    (DeviceState.OPENED, "close"): DeviceState.CLOSED,
}

NOT_CLAIMED = DeviceStatus(Health.OFFLINE, detail="not claimed")


class Device:
    """Base class of every device: lifecycle, status, listeners.

    Args:
        name: the device's config name; events and errors carry it.
    """

    kind: str = "device"

    def __init__(self, name: str) -> None:
        self.name = name
        self._state = DeviceState.CLOSED
        self._status = NOT_CLAIMED
        self._listeners: list[Listener] = []
        self.dropped = 0  # data read while not enabled (diagnostics)
        self._lock = threading.Lock()  # status and listeners; never held while calling out
        self._life_lock = threading.RLock()  # lifecycle calls (hooks may join worker threads)

    # -- lifecycle -------------------------------------------------------------------------
    @property
    def state(self) -> DeviceState:
        """The lifecycle state."""
        return self._state

    @property
    def status(self) -> DeviceStatus:
        """The last known status (no I/O; see :meth:`check` for a probe)."""
        return self._status

    @property
    def enabled(self) -> bool:
        return self._state is DeviceState.ENABLED

    def open(self) -> None:
        """Validate settings. Raises DeviceStateError if not closed, DeviceError if bad."""
        self._step("open", self._on_open)

    def claim(self) -> None:
        """Take the device and start connecting in the background. Raises DeviceStateError."""
        self._step("claim", self._on_claim)

    def enable(self) -> None:
        """Start delivering data events. Raises DeviceStateError unless claimed."""
        self._step("enable", self._on_enable)

    def disable(self) -> None:
        """Stop delivering data events. Raises DeviceStateError unless enabled."""
        self._step("disable", self._on_disable)

    def release(self) -> None:
        """Stop the worker and let the device go. Raises DeviceStateError unless claimed."""
        self._step("release", self._on_release)
        self._set_status(NOT_CLAIMED)

    def close(self) -> None:
        """Forget the device. Raises DeviceStateError unless opened (released)."""
        self._step("close", self._on_close)

    def start(self) -> None:
        """Convenience: open, claim and enable from CLOSED."""
        self.open()
        self.claim()
        self.enable()

    def shutdown(self) -> None:
        """Walk down to CLOSED from any state; never raises for lifecycle reasons."""
        for action in ("disable", "release", "close"):
            if (self._state, action) in _TRANSITIONS:
                try:
                    getattr(self, action)()
                except DeviceError as error:  # still go down: shutdown must finish
                    log.warning("%s: %s failed during shutdown: %s", self.name, action, error)
                    with self._life_lock:
                        self._state = _TRANSITIONS[(self._state, action)]

    def _step(self, action: str, hook: Callable[[], None]) -> None:
        with self._life_lock:
            target = _TRANSITIONS.get((self._state, action))
            if target is None:
                raise DeviceStateError(f"cannot {action} while {self._state.value}", self.name)
            hook()
            self._state = target

    # -- hooks for subclasses ----------------------------------------------------------------
    def _on_open(self) -> None:
        """Check settings; raise DeviceError (e.g. DeviceConfigError) if they are wrong."""

    def _on_claim(self) -> None:
        """Start the worker (see :class:`kiosk.devices.worker.ReconnectingWorker`)."""

    def _on_enable(self) -> None:
        """Called before the state becomes ENABLED."""

    def _on_disable(self) -> None:
        """Called before the state goes back to CLAIMED."""

    def _on_release(self) -> None:
        """Stop the worker, close the link."""

    def _on_close(self) -> None:
        """Free what open() took."""

    # -- health ------------------------------------------------------------------------------
    def check(self) -> DeviceStatus:
        """Probe the device if the driver can (printer status query...) and return its status.

        The default returns the last known status. Never raises: a failed probe is a status.
        """
        return self._status

    # -- events ------------------------------------------------------------------------------
    def add_listener(self, listener: Listener) -> None:
        """Call ``listener(event)`` for every event, from the device's worker thread."""
        with self._lock:
            self._listeners = [*self._listeners, listener]

    def remove_listener(self, listener: Listener) -> None:
        with self._lock:
            self._listeners = [x for x in self._listeners if x is not listener]

    def _emit(self, event: DeviceEvent) -> None:
        for listener in self._listeners:  # a snapshot: the list is replaced, never mutated
            try:
                listener(event)
            except Exception:  # a broken listener must not stop the device
                log.exception("%s: listener %r failed on %r", self.name, listener, event)

    def _emit_data(self, data: object) -> None:
        """Deliver ``data`` if enabled; data read while disabled is dropped."""
        if self._state is DeviceState.ENABLED:
            self._emit(DataEvent(self.name, data, kiosk_clock.monotonic()))
        else:
            self.dropped += 1
            log.debug("%s: disabled, dropped %r", self.name, data)

    def _emit_error(self, error: DeviceError, raw: bytes = b"") -> None:
        log.warning("%s: %s", self.name, error.message)
        self._emit(ErrorEvent(self.name, error, kiosk_clock.monotonic(), raw))

    def _set_status(self, status: DeviceStatus) -> None:
        """Record ``status``; listeners hear about it only when it changed."""
        with self._lock:
            previous, self._status = self._status, status
        if status != previous:
            log.info("%s: %s -> %s", self.name, previous, status)
            self._emit(StatusEvent(self.name, status, previous, kiosk_clock.monotonic()))

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r} {self._state.value} {self._status}>"
