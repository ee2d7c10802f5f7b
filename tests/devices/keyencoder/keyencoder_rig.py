"""A Salto simulator on a real TCP port (or pty) and the KeyEncoder device that talks to it."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from kiosk import clock
from kiosk.config.devices import DeviceConfig
from kiosk.devices.keyencoder.driver import KeyEncoder
from kiosk.devices.keyencoder.serve import TcpServer, serve_pty
from kiosk.devices.keyencoder.sim import SaltoSimulator
from kiosk.devices.registry import build_device
from kiosk.devices.sim.pty import VirtualPort
from kiosk.devices.status import DeviceEvent, ErrorEvent, Health, StatusEvent
from kiosk.threads import start_thread

ARRIVAL = datetime(2026, 12, 5, 15, 0)
DEPARTURE = datetime(2026, 12, 7, 11, 0)
FAST = {
    "ack_timeout_s": 0.5,
    "encode_timeout_s": 2.0,
    "status_interval_s": 0.1,
    "reconnect_initial_s": 0.05,
    "reconnect_max_s": 0.2,
}


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Poll ``condition`` until true; fail the test after ``timeout`` seconds."""
    deadline = clock.monotonic() + timeout
    while not condition():
        if clock.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        threading.Event().wait(0.01)


class Rig:
    """``sim`` served on ``transport`` ("tcp" or "serial") and a started ``device``."""

    def __init__(self, tmp_path: Path, transport: str = "tcp") -> None:
        self.sim = SaltoSimulator()
        self.events: list[DeviceEvent] = []
        self.server: TcpServer | None = None
        self.port: VirtualPort | None = None
        self.stop = threading.Event()
        if transport == "tcp":
            self.server = TcpServer(self.sim)
            self.server.start()
            address = self.server.address
        else:
            self.port = VirtualPort(tmp_path / "ttySalto", name="sim-salto")
            self.port.plug()
            port = self.port
            start_thread("test-salto-pty", lambda: serve_pty(self.sim, port, self.stop))
            address = port.path
        config = DeviceConfig(
            name="keys", type="keyencoder", driver=transport, port=address, options=dict(FAST)
        )
        device = build_device(config)
        assert isinstance(device, KeyEncoder)
        self.device = device
        device.add_listener(self.events.append)
        device.start()
        wait_until(lambda: device.status.health is Health.READY)

    @property
    def healths(self) -> list[Health]:
        return [e.status.health for e in self.events if isinstance(e, StatusEvent)]

    @property
    def errors(self) -> list[ErrorEvent]:
        return [e for e in self.events if isinstance(e, ErrorEvent)]

    def close(self) -> None:
        self.device.shutdown()
        self.stop.set()
        if self.server is not None:
            self.server.stop()
        if self.port is not None:
            self.port.unplug()
