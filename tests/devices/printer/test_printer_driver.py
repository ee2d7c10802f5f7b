"""The printer driver against the simulator over a real TCP socket and a real pty."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import printer_config
from printer_samples import wait_until

from kiosk.config import ConfigError
from kiosk.devices.base import Device
from kiosk.devices.printer.driver import PrintOutcome, ReceiptPrinter
from kiosk.devices.printer.drivers import build_printer
from kiosk.devices.printer.queue import JobState
from kiosk.devices.printer.receipt import Receipt
from kiosk.devices.printer.sim import PrinterSimulator
from kiosk.devices.printer.status import PaperState
from kiosk.devices.sim.pty import VirtualPort
from kiosk.devices.status import Condition, Health

Stopper = Callable[[Device], Device]


def started(config_driver: str, port: str, stopper: Stopper, **options: object) -> ReceiptPrinter:
    printer = build_printer(printer_config(config_driver, port, **options), config_driver)
    assert isinstance(printer, ReceiptPrinter)
    stopper(printer)
    printer.start()
    return printer


def test_print_over_tcp(
    tcp_printer: tuple[PrinterSimulator, str],
    receipt: Receipt,
    stopper: Stopper,
    recorder: object,
    tmp_path: Path,
) -> None:
    sim, address = tcp_printer
    printer = started("network", address, stopper, profile="TM-T88V")
    printer.add_listener(recorder)  # type: ignore[arg-type]
    job = printer.submit(receipt)
    assert printer.wait_for(job, 5) is None
    assert printer.receipts.held() == ()
    assert len(sim.receipts) == 1
    assert (tmp_path / "receipts" / "receipt-0001.png").read_bytes() == sim.receipts[0]
    outcome = recorder.wait_data(1)[0]  # type: ignore[attr-defined]
    assert outcome == PrintOutcome(job, "7f3c2a10-0042", True)


def test_print_over_pty(
    pty_printer: tuple[PrinterSimulator, VirtualPort, Callable[[], None]],
    receipt: Receipt,
    stopper: Stopper,
) -> None:
    sim, port, _ = pty_printer
    printer = started("serial", port.path, stopper, rtscts=False)
    assert printer.wait_for(printer.submit(receipt), 5) is None
    assert len(sim.receipts) == 1
    assert printer.status.health is Health.READY


def test_paper_out_keeps_receipt_and_reprints_after_paper_back(
    tcp_printer: tuple[PrinterSimulator, str], receipt: Receipt, stopper: Stopper
) -> None:
    # GIVEN a printer that ran out of paper
    sim, address = tcp_printer
    persisted: list[tuple[object, ...]] = []
    printer = started("network", address, stopper)
    printer.on_queue_change(persisted.append)
    sim.command("paper out")
    # WHEN a receipt is printed
    job = printer.submit(receipt)
    held = printer.wait_for(job, 5)
    # THEN it is kept, marked failed with the reason, the status says paper out
    assert held is not None
    assert held.state is JobState.FAILED
    assert held.reason == "paper out"
    assert printer.status.health is Health.ERROR
    assert str(Condition.PAPER_OUT) in printer.status.conditions
    assert sim.receipts == []
    assert persisted[-1] == (held,)  # the app's hook saw it, so it can persist it
    # WHEN paper is back and the attendant reprints
    sim.command("paper ok")
    printer.check()
    assert printer.reprint() == 1
    # THEN it prints and leaves the queue
    assert printer.wait_for(job, 5) is None
    assert len(sim.receipts) == 1
    assert persisted[-1] == ()


def test_paper_low_still_prints(
    tcp_printer: tuple[PrinterSimulator, str], receipt: Receipt, stopper: Stopper
) -> None:
    sim, address = tcp_printer
    sim.command("paper low")
    printer = started("network", address, stopper)
    assert printer.wait_for(printer.submit(receipt), 5) is None
    assert str(Condition.PAPER_LOW) in printer.status.conditions
    assert printer.printer_status.paper is PaperState.LOW


def test_cover_open_fails_the_job(
    tcp_printer: tuple[PrinterSimulator, str], receipt: Receipt, stopper: Stopper
) -> None:
    sim, address = tcp_printer
    sim.command("cover open")
    printer = started("network", address, stopper)
    held = printer.wait_for(printer.submit(receipt), 5)
    assert held is not None
    assert held.reason == "cover open"


def test_silent_printer_is_offline_and_keeps_the_job(receipt: Receipt, stopper: Stopper) -> None:
    # A TCP peer that accepts bytes but never answers DLE EOT (python-escpos would read 0
    # and call that "no paper" or "plenty": we call it unknown and do not print blind).
    listener = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except TimeoutError:
                continue
            except OSError:
                return

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        printer = started(
            "network", f"127.0.0.1:{listener.getsockname()[1]}", stopper, status_timeout_s=0.1
        )
        held = printer.wait_for(printer.submit(receipt), 5)
        assert held is not None
        assert held.state is JobState.FAILED
        assert printer.status.health is Health.OFFLINE
    finally:
        stop.set()
        thread.join(5)
        listener.close()
        for conn in accepted:
            conn.close()


def test_drawer_kick(tcp_printer: tuple[PrinterSimulator, str], stopper: Stopper) -> None:
    sim, address = tcp_printer
    printer = started("network", address, stopper, drawer_pin=5, drawer_pulse_ms=120)
    wait_until(lambda: printer.status.health is Health.READY)
    printer.kick_drawer()
    wait_until(lambda: sim.drawer_kicks == 1)


def test_unplug_and_replug_pty(
    pty_printer: tuple[PrinterSimulator, VirtualPort, Callable[[], None]],
    receipt: Receipt,
    stopper: Stopper,
    recorder: object,
) -> None:
    sim, port, restart = pty_printer
    printer = started("serial", port.path, stopper, rtscts=False)
    printer.add_listener(recorder)  # type: ignore[arg-type]
    assert printer.wait_for(printer.submit(receipt), 5) is None
    port.unplug()
    wait_until(lambda: printer.status.health is Health.OFFLINE)
    job = printer.submit(receipt)  # printed when the printer comes back
    port.plug()
    restart()
    held = printer.wait_for(job, 10)
    if held is not None:  # it may have failed while the link was down: reprint
        printer.reprint()
        held = printer.wait_for(job, 10)
    assert held is None
    assert len(sim.receipts) == 2
    assert printer.status.health is Health.READY


def test_file_printer_writes_bytes(tmp_path: Path, receipt: Receipt, stopper: Stopper) -> None:
    target = tmp_path / "lp0"
    printer = started("file", str(target), stopper)
    assert printer.wait_for(printer.submit(receipt), 5) is None
    data = target.read_bytes()
    assert data.startswith(b"\x1b@\x1bt\x13")
    assert "write-only" in printer.status.detail


@pytest.mark.parametrize(
    ("driver", "port", "options", "key"),
    [
        ("usb", "epson", {}, "devices.printer.port"),
        ("network", "", {}, "devices.printer.port"),
        ("network", "h:9100", {"code_page": "CP999"}, "devices.printer.options"),
        ("network", "h:9100", {"drawer_pin": 3}, "devices.printer.options.drawer_pin"),
        ("network", "h:9100", {"colums": 42}, "devices.printer.options.colums"),
    ],
)
def test_config_errors(driver: str, port: str, options: dict[str, object], key: str) -> None:
    with pytest.raises(ConfigError) as error:
        build_printer(printer_config(driver, port, **options), driver)
    assert error.value.key == key
