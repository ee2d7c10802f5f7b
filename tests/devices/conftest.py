"""Fixtures shared by the device tests: an event recorder that waits for conditions."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk.devices.base import Device
from kiosk.devices.sim.pty import VirtualPort
from kiosk.devices.status import DataEvent, DeviceEvent, ErrorEvent, Health, StatusEvent


class EventRecorder:
    """Collects a device's events (from its worker threads) and waits for conditions."""

    def __init__(self) -> None:
        self.events: list[DeviceEvent] = []
        self._changed = threading.Condition()

    def __call__(self, event: DeviceEvent) -> None:
        with self._changed:
            self.events.append(event)
            self._changed.notify_all()

    def wait_for(
        self, predicate: Callable[[list[DeviceEvent]], bool], timeout: float = 5.0
    ) -> list[DeviceEvent]:
        with self._changed:
            if not self._changed.wait_for(lambda: predicate(self.events), timeout):
                raise AssertionError(f"condition not met within {timeout} s; events: {self.events}")
            return list(self.events)

    @staticmethod
    def wait_until(predicate: Callable[[], bool], timeout: float = 5.0) -> None:
        """Poll ``predicate`` (for state that has no event to wait on)."""
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise AssertionError(f"condition not met within {timeout} s")
            time.sleep(0.005)

    @property
    def data(self) -> list[object]:
        return [e.data for e in self.events if isinstance(e, DataEvent)]

    @property
    def errors(self) -> list[ErrorEvent]:
        return [e for e in self.events if isinstance(e, ErrorEvent)]

    @property
    def healths(self) -> list[Health]:
        return [e.status.health for e in self.events if isinstance(e, StatusEvent)]

    def wait_data(self, count: int, timeout: float = 5.0) -> list[object]:
        self.wait_for(lambda _: len(self.data) >= count, timeout)
        return self.data

    def wait_health(self, health: Health, after: int = 0, timeout: float = 5.0) -> None:
        """Wait until the status becomes ``health`` at least ``after + 1`` times."""
        self.wait_for(lambda _: self.healths.count(health) > after, timeout)


@pytest.fixture
def recorder() -> EventRecorder:
    return EventRecorder()


@pytest.fixture
def virtual_port(tmp_path: Path) -> Iterator[VirtualPort]:
    port = VirtualPort(tmp_path / "ttyScanner", name="sim")
    port.plug()
    yield port
    port.unplug()


@pytest.fixture
def stopper() -> Iterator[Callable[[Device], Device]]:
    """Register devices to be shut down after the test, whatever happens."""
    devices: list[Device] = []

    def add(device: Device) -> Device:
        devices.append(device)
        return device

    yield add
    for device in devices:
        device.shutdown()
