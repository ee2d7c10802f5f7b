"""The scale device: polls (demand protocols) or listens (continuous), tracks stability.

A :class:`Scale` is a :class:`StreamReaderDevice` on a serial port whose
parser is the configured protocol. Demand-mode scales are asked for a weight
every ``poll_interval`` while the line is quiet; ``missed_replies`` unanswered
polls in a row turn the status *offline* (a scale switched off behind a USB
adapter keeps its port open) until it answers again; a continuous scale that
sends nothing for as long is offline too. Readings go through
:class:`StableWeight`; a :class:`ScaleWeight` data event is sent whenever the
weight state changes, and the status carries ``in_motion``, ``overload`` and
``under_zero`` conditions. Only :meth:`Scale.stable_weight` may be sold.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from kiosk import clock as kiosk_clock
from kiosk.devices.errors import DeviceError, DeviceTimeout
from kiosk.devices.protocol import Parser, Rejected
from kiosk.devices.reader import StreamReaderDevice
from kiosk.devices.scale.settings import ScaleProtocol, ScaleSettings
from kiosk.devices.scale.stable import ScaleWeight, StableWeight
from kiosk.devices.scale.weight import ScaleCommand, UnsupportedCommand, WeightReading
from kiosk.devices.status import Condition, DeviceStatus, Health
from kiosk.devices.transport import ByteStream, open_serial


class Scale(StreamReaderDevice):
    """A retail scale; see the module docstring.

    Args:
        name: the device's config name.
        settings: protocol, line settings, stability rule.
        open_stream: opens the link (default: the serial port of ``settings``).
    """

    kind = "scale"

    def __init__(
        self,
        name: str,
        settings: ScaleSettings,
        open_stream: Callable[[], ByteStream] | None = None,
    ) -> None:
        self.settings = settings
        self.weights = StableWeight(settings.repeats)
        self._protocol: ScaleProtocol = settings.make_protocol()
        self._last_request = 0.0
        self._last_reading = 0.0
        self._unanswered = 0
        self._last_emitted: ScaleWeight | None = None
        self._changed = threading.Condition()
        super().__init__(
            name,
            open_stream or self._open_serial,
            self._make_parser,
            backoff=settings.backoff,
            poll_interval=min(0.05, settings.poll_interval),
        )

    # -- application API -----------------------------------------------------------------
    @property
    def weight(self) -> ScaleWeight | None:
        """The last weight state (None before the first reading)."""
        return self.weights.current

    def stable_weight(self) -> int | None:
        """Net grams that may be sold now, or None (not stable, overload, under zero...)."""
        return self.weights.stable_grams

    def wait_until(self, predicate: Callable[[ScaleWeight], bool], timeout: float) -> ScaleWeight:
        """Wait for a weight state that satisfies ``predicate``. Raises DeviceTimeout."""

        def ready() -> bool:
            current = self.weights.current
            return current is not None and predicate(current)

        with self._changed:
            if not self._changed.wait_for(ready, timeout):
                raise DeviceTimeout(
                    f"no such weight within {timeout} s (last: {self.weights.current})", self.name
                )
            current = self.weights.current
            assert current is not None
            return current

    def wait_stable(self, timeout: float) -> int:
        """Wait for a stable weight and return its net grams. Raises DeviceTimeout."""
        state = self.wait_until(lambda w: w.stable, timeout)
        assert state.net_g is not None
        return state.net_g

    def zero(self) -> None:
        """Ask the scale to zero itself.

        Raises:
            DeviceError: the protocol has no zero command, or the scale is not connected.
        """
        try:
            command = self._protocol.encode(ScaleCommand.ZERO)
        except UnsupportedCommand as error:
            raise DeviceError(f"{error}; zero the scale on its keypad", self.name) from None
        self.send(command)
        self.weights.reset()

    def tare(self) -> int:
        """Take the current stable weight as tare; return it. Raises DeviceError if unstable."""
        try:
            tare = self.weights.take_tare()
        except ValueError as error:
            raise DeviceError(str(error), self.name) from None
        self._publish()
        return tare

    def clear_tare(self) -> None:
        self.weights.clear_tare()
        self._publish()

    # -- worker thread -------------------------------------------------------------------
    def _open_serial(self) -> ByteStream:
        s = self.settings
        return open_serial(
            s.port,
            baudrate=s.baudrate,
            bytesize=s.bytesize,
            parity=s.parity,
            stopbits=s.stopbits,
            name=self.name,
        )

    def _make_parser(self) -> Parser:
        self._protocol = self.settings.make_protocol()
        return self._protocol  # type: ignore[return-value]

    def _on_connected(self, stream: ByteStream) -> None:
        self.weights.reset()
        self._unanswered = 0
        self._last_reading = kiosk_clock.monotonic()
        if self._protocol.polled:
            self._request(stream)

    def _on_idle(self, stream: ByteStream) -> None:
        if not self._protocol.polled:
            silent = kiosk_clock.monotonic() - self._last_reading
            if silent > self.settings.missed_replies * self.settings.poll_interval:
                self._set_status(DeviceStatus(Health.OFFLINE, detail="scale sends nothing"))
            return
        if kiosk_clock.monotonic() - self._last_request >= self.settings.poll_interval:
            self._unanswered += 1
            if self._unanswered >= self.settings.missed_replies:
                self._set_status(DeviceStatus(Health.OFFLINE, detail="scale does not answer"))
            self._request(stream)

    def _request(self, stream: ByteStream) -> None:
        stream.write(self._protocol.encode(ScaleCommand.WEIGHT), 1.0)
        self._last_request = kiosk_clock.monotonic()

    def _handle(self, event: object) -> None:
        if isinstance(event, Rejected):
            super()._handle(event)
            return
        if not isinstance(event, WeightReading):
            return
        self._unanswered = 0
        self._last_reading = kiosk_clock.monotonic()
        self.weights.update(event)
        self._publish()

    def _publish(self) -> None:
        current = self.weights.current
        if current is None:
            return
        self._set_status(_status_of(current))
        with self._changed:
            self._changed.notify_all()
        if current != self._last_emitted:
            self._last_emitted = current
            self._emit_data(current)


def _status_of(weight: ScaleWeight) -> DeviceStatus:
    conditions = set()
    if weight.motion:
        conditions.add(str(Condition.IN_MOTION))
    if weight.over_capacity:
        conditions.add(str(Condition.OVERLOAD))
    if weight.under_zero:
        conditions.add(str(Condition.UNDER_ZERO))
    if weight.fault:
        return DeviceStatus(Health.ERROR, frozenset(conditions), weight.fault)
    return DeviceStatus(Health.READY, frozenset(conditions))
