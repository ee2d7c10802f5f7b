"""``kiosk sim printer`` as a real process: a driver prints to it over TCP, a PNG appears."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from printer_samples import spanish_receipt, wait_until

from kiosk.devices.printer.driver import ReceiptPrinter
from kiosk.devices.printer.settings import PrinterSettings
from kiosk.devices.transport import connect_tcp
from kiosk.devices.worker import Backoff


def test_sim_printer_command(tmp_path: Path) -> None:
    out = tmp_path / "receipts"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kiosk",
            "sim",
            "printer",
            "--tcp",
            "127.0.0.1:0",
            "--out",
            str(out),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    printer = None
    try:
        assert process.stdout is not None
        assert process.stdin is not None
        first = process.stdout.readline()
        assert first.startswith("printer listening on 127.0.0.1:"), first
        address = first.split()[3]
        settings = PrinterSettings(
            "network", address, status_timeout=0.5, backoff=Backoff(0.05, 0.2)
        )
        printer = ReceiptPrinter("printer", settings, lambda: connect_tcp(address, 9100))
        printer.start()
        assert printer.wait_for(printer.submit(spanish_receipt()), 10) is None
        png = out / "receipt-0001.png"
        wait_until(png.exists)
        assert png.read_bytes().startswith(b"\x89PNG")
        process.stdin.write("paper out\n")
        process.stdin.flush()
        answer = ""
        while "paper out" not in answer:
            answer = process.stdout.readline()
        held = printer.wait_for(printer.submit(spanish_receipt()), 10)
        assert held is not None
        assert held.reason == "paper out"
    finally:
        if printer is not None:
            printer.shutdown()
        process.kill()
        process.wait(10)
