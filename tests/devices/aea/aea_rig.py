"""An AEA printer simulator on a real pty with the device that prints on it (test helpers)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from kiosk import clock
from kiosk.config.devices import DeviceConfig
from kiosk.devices.aea.driver import AeaPrinter
from kiosk.devices.aea.sim import AeaSimulator, serve_pty
from kiosk.devices.registry import build_device
from kiosk.devices.sim.pty import VirtualPort
from kiosk.devices.status import DeviceStatus, Health


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Poll ``condition`` until true; fail the test after ``timeout`` seconds."""
    deadline = clock.monotonic() + timeout
    while not condition():
        if clock.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        threading.Event().wait(0.02)


def printer_config(kind: str, port: str, driver: str = "serial", **options: object) -> DeviceConfig:
    base: dict[str, object] = {
        "status_timeout_s": 0.5,
        "status_interval_s": 0.2,
        "print_timeout_s": 5.0,
        "reconnect_initial_s": 0.05,
        "reconnect_max_s": 0.2,
    }
    base.update(options)
    device_type = "atb_printer" if kind == "atb" else "btp_printer"
    return DeviceConfig(name=kind, type=device_type, driver=driver, port=port, options=base)


class Rig:
    """A simulator on a pty and the device (started) that prints on it."""

    def __init__(self, kind: str, tmp_path: Path) -> None:
        self.out = tmp_path / kind
        self.sim = AeaSimulator(kind, self.out)
        self.port = VirtualPort(tmp_path / f"tty{kind}", name=f"sim-{kind}")
        self.port.plug()
        self.stop = threading.Event()
        self.threads: list[threading.Thread] = []
        self.serve()
        device = build_device(printer_config(kind, self.port.path))
        assert isinstance(device, AeaPrinter)
        self.device = device
        self.statuses: list[DeviceStatus] = []
        device.add_listener(
            lambda e: self.statuses.append(e.status) if hasattr(e, "status") else None
        )
        device.start()
        wait_until(lambda: device.status.health is Health.READY)

    def serve(self) -> None:
        thread = threading.Thread(
            target=serve_pty, args=(self.sim, self.port, self.stop), daemon=True
        )
        thread.start()
        self.threads.append(thread)

    def replug(self) -> None:
        """Plug the pty back in (same link path) and answer on it again."""
        self.port.plug()
        self.serve()

    def close(self) -> None:
        self.device.shutdown()
        self.stop.set()
        for thread in self.threads:
            thread.join(5)
        self.port.unplug()
