"""``kiosk sim aea`` as a real process: a device prints to its pty, a PNG appears,
a line in the control file runs it out of paper."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from aea_rig import printer_config, wait_until
from aea_samples import bag_tag

from kiosk.devices.aea.driver import MEDIA_EMPTY, AeaPrinter, PrintFailed
from kiosk.devices.registry import build_device


def test_sim_aea_command(tmp_path: Path) -> None:
    out, link, control = tmp_path / "tags", tmp_path / "ttyBTP", tmp_path / "control"
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "kiosk", "sim", "aea", "--kind", "btp"),
            *("--link", str(link), "--out", str(out), "--control", str(control)),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    device = None
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first.startswith(f"btp printer port: {link}"), first
        device = build_device(printer_config("btp", str(link)))
        assert isinstance(device, AeaPrinter)
        device.start()
        device.print_bag_tag(bag_tag(), "ERIKSSON/ANNA MARIA")
        png = out / "bag-tag-0001.png"
        wait_until(png.exists)
        assert png.read_bytes().startswith(b"\x89PNG")
        control.write_text("paper out\n")
        wait_until(lambda: MEDIA_EMPTY in device.status.conditions)
        with pytest.raises(PrintFailed, match="paper out"):
            device.print_bag_tag(bag_tag(), "ERIKSSON/ANNA MARIA")
    finally:
        if device is not None:
            device.shutdown()
        process.terminate()
        process.wait(10)
