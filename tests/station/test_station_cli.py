"""``kiosk station serve`` as a real process, its staff added with ``kiosk staff add``."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from kiosk.station.server import free_port

ENV = {**os.environ, "PYTHONPATH": str(Path.cwd()), "KIOSK_CONFIG": ""}


def test_serve_signs_in_a_member_of_staff_added_from_the_shell(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "kiosk",
            "staff",
            "add",
            "ana",
            "--name",
            "Ana",
            "--role",
            "attendant",
            "--db",
            str(tmp_path / "staff.sqlite3"),
            "--pin-stdin",
        ],
        input="2468\n",
        text=True,
        env=ENV,
        check=True,
        capture_output=True,
    )
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kiosk",
            "station",
            "serve",
            "--dir",
            str(tmp_path),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        env={**ENV, "KIOSK_STATION_KEY": "a-station-key-of-enough-length"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                page = httpx.get(url, timeout=2)
                break
            except httpx.HTTPError:
                assert process.poll() is None
                time.sleep(0.1)  # waiting for another process to listen
        assert 'id="signin"' in page.text
        signed = httpx.post(f"{url}/signin", data={"staff_id": "ana", "pin": "2468"})
        assert signed.status_code == 303
        board = httpx.get(f"{url}/api/board", cookies=signed.cookies).json()
        assert board["lanes"] == []
    finally:
        process.terminate()
        process.wait(30)


def test_a_short_key_is_refused_in_one_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "kiosk",
            "station",
            "serve",
            "--dir",
            str(tmp_path),
            "--key",
            "short",
        ],
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "at least 20 characters" in done.stderr
