"""Receipts and a running printer simulator for the printer tests."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from printer_samples import spanish_receipt

from kiosk.config.devices import DeviceConfig
from kiosk.devices.printer.receipt import Receipt
from kiosk.devices.printer.sim import PrinterSimulator, serve_pty
from kiosk.devices.sim.pty import VirtualPort
from kiosk.devices.sim.tcp import serve_tcp


@pytest.fixture
def receipt() -> Receipt:
    return spanish_receipt()


@pytest.fixture
def tcp_printer(tmp_path: Path) -> Iterator[tuple[PrinterSimulator, str]]:
    """A simulator listening on 127.0.0.1:<free port>; yields (sim, "host:port")."""
    sim = PrinterSimulator(out_dir=tmp_path / "receipts")
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()
    thread = threading.Thread(target=serve_tcp, args=(sim, listener, stop), daemon=True)
    thread.start()
    yield sim, f"127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join(5)
    listener.close()


@pytest.fixture
def pty_printer(
    tmp_path: Path,
) -> Iterator[tuple[PrinterSimulator, VirtualPort, Callable[[], None]]]:
    """A simulator on a pty with a stable link; yields (sim, port, restart_server)."""
    sim = PrinterSimulator(out_dir=tmp_path / "receipts")
    port = VirtualPort(tmp_path / "ttyPrinter", name="sim-printer")
    port.plug()
    stops: list[threading.Event] = []

    def start() -> None:
        stop = threading.Event()
        stops.append(stop)
        threading.Thread(target=serve_pty, args=(sim, port, stop), daemon=True).start()

    start()
    yield sim, port, start
    for stop in stops:
        stop.set()
    port.unplug()


def printer_config(driver: str, port: str, **options: object) -> DeviceConfig:
    base: dict[str, object] = {
        "status_timeout_s": 0.3,
        "status_interval_s": 0.2,
        "reconnect_initial_s": 0.05,
        "reconnect_max_s": 0.2,
    }
    base.update(options)
    return DeviceConfig(name="printer", type="printer", driver=driver, port=port, options=base)
