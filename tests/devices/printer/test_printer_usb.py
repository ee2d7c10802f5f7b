"""USB printing through python-escpos Usb and pyusb, on a virtual USB device node."""

from __future__ import annotations

import pytest
from printer_samples import wait_until
from usb_node import PRODUCT, VENDOR, VirtualUsbBackend

from kiosk.devices.errors import DeviceNotFound, DeviceOffline
from kiosk.devices.printer.driver import ReceiptPrinter
from kiosk.devices.printer.links import UsbStream
from kiosk.devices.printer.receipt import Receipt
from kiosk.devices.printer.settings import PrinterSettings
from kiosk.devices.printer.sim import PrinterSimulator
from kiosk.devices.status import Health
from kiosk.devices.worker import Backoff


def test_usb_stream_writes_and_reads_status() -> None:
    sim = PrinterSimulator()
    stream = UsbStream(VENDOR, PRODUCT, backend=VirtualUsbBackend(sim))
    stream.write(b"\x10\x04\x04")
    assert stream.read(16, 0.1) == b"\x12"
    assert stream.read(16, 0.1) == b""  # timeout: nothing more to read
    stream.close()


def test_usb_printer_not_plugged_in() -> None:
    backend = VirtualUsbBackend(PrinterSimulator())
    backend.unplug()
    with pytest.raises(DeviceNotFound):
        UsbStream(VENDOR, PRODUCT, backend=backend)


def test_usb_unplug_during_use_is_offline() -> None:
    backend = VirtualUsbBackend(PrinterSimulator())
    stream = UsbStream(VENDOR, PRODUCT, backend=backend)
    backend.unplug()
    with pytest.raises((DeviceOffline, DeviceNotFound)):  # errno ENODEV -> DeviceNotFound
        stream.write(b"hello\n")


def test_print_receipt_over_usb(receipt: Receipt) -> None:
    sim = PrinterSimulator()
    backend = VirtualUsbBackend(sim)
    settings = PrinterSettings(
        "usb",
        "04b8:0202",
        profile="TM-T88V",
        status_timeout=0.2,
        status_interval=0.2,
        backoff=Backoff(0.05, 0.2),
    )
    printer = ReceiptPrinter(
        "printer", settings, lambda: UsbStream(VENDOR, PRODUCT, backend=backend, name="printer")
    )
    try:
        printer.start()
        assert printer.wait_for(printer.submit(receipt), 5) is None
        assert len(sim.receipts) == 1
        backend.unplug()
        wait_until(lambda: printer.status.health is Health.OFFLINE)
        backend.plugged = True
        wait_until(lambda: printer.status.health is Health.READY)
    finally:
        printer.shutdown()
