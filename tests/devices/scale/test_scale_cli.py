"""``kiosk sim scale`` as a real process: a scale driver reads the weight typed into it."""

from __future__ import annotations

import subprocess
import sys

from kiosk.devices.scale.driver import Scale
from kiosk.devices.scale.settings import ScaleSettings
from kiosk.devices.worker import Backoff


def test_sim_scale_command() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "sim", "scale", "--protocol", "nci"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    scale = None
    try:
        assert process.stdout is not None
        assert process.stdin is not None
        first = process.stdout.readline()
        assert first.startswith("scale port: /dev/"), first
        port = first.split()[2]
        scale = Scale(
            "scale",
            ScaleSettings(
                "nci", port, bytesize=8, parity="N", poll_interval=0.05, backoff=Backoff(0.05, 0.2)
            ),
        )
        scale.start()
        process.stdin.write("weight 2500\n")
        process.stdin.flush()
        assert scale.wait_until(lambda w: w.stable and w.net_g == 2500, 10).net_g == 2500
    finally:
        if scale is not None:
            scale.shutdown()
        process.kill()
        process.wait(10)
