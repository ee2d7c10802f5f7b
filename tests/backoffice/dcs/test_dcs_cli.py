"""``kiosk sim dcs`` as a real process: it prints its URL and answers the driver."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from kiosk.backoffice.dcs import HttpDepartureControl


def test_sim_dcs_command_serves_the_demo_booking() -> None:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kiosk",
            "sim",
            "dcs",
            "--port",
            "0",
            "--airport",
            "OPO",
            "--api-key",
            "demo-key",
        ],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path.cwd())},
    )
    try:
        assert process.stdout is not None
        banner = process.stdout.readline()
        url = banner.split(" on ")[1].split(" ")[0]
        driver = HttpDepartureControl(url, "demo-key", timeout_s=10.0)
        booking = driver.find_booking("KX7Q2M", "ERIKSSON")
        driver.close()
        request_line = process.stdout.readline()
        process.send_signal(signal.SIGINT)  # Ctrl+C
        code = process.wait(timeout=30)
        goodbye = process.stdout.read()
    finally:
        process.kill()
        process.wait()
    assert code == 0
    assert "stopped" in goodbye
    assert "OPO" in banner
    assert url.endswith("/dcs/v1")
    assert booking.flights[0].origin == "OPO"
    assert request_line.strip() == "GET /dcs/v1/bookings/KX7Q2M -> 200"


def test_sim_dcs_refuses_a_bad_airport() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "sim", "dcs", "--port", "0", "--airport", "LISBON"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path.cwd())},
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "3-letter" in result.stderr
