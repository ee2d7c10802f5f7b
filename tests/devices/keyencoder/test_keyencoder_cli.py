"""``kiosk sim keyencoder`` as a real process: the device encodes a key on its TCP port."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyencoder_rig import ARRIVAL, DEPARTURE, FAST, wait_until

from kiosk.config.devices import DeviceConfig
from kiosk.devices.keyencoder.driver import KeyEncoder, KeyEncoderError
from kiosk.devices.keyencoder.serve import send_command
from kiosk.devices.registry import build_device
from kiosk.devices.status import Health


@pytest.fixture
def simulator(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], str, Path]]:
    control = tmp_path / "salto.sock"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kiosk",
            "sim",
            "keyencoder",
            "--port",
            "0",
            "--control",
            str(control),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first.startswith("keyencoder tcp: 127.0.0.1:"), first
        assert process.stdout.readline().strip() == f"control socket: {control}"
        yield process, first.split(": ", 1)[1].strip(), control
    finally:
        process.kill()
        process.wait(10)


def _device(address: str) -> KeyEncoder:
    config = DeviceConfig(
        name="keys", type="keyencoder", driver="tcp", port=address, options=dict(FAST)
    )
    device = build_device(config)
    assert isinstance(device, KeyEncoder)
    device.start()
    wait_until(lambda: device.status.health is Health.READY)
    return device


def test_the_simulator_process_encodes_a_key_and_takes_operator_commands(
    simulator: tuple[subprocess.Popen[str], str, Path],
) -> None:
    process, address, control = simulator
    device = _device(address)
    try:
        keys = device.encode_keys("101", 1, ARRIVAL, DEPARTURE, "ERIKSSON/ANNA")
        assert [k.room for k in keys] == ["101"]
        listing = subprocess.run(
            [
                sys.executable,
                "-m",
                "kiosk",
                "sim",
                "keyencoder",
                "--control",
                str(control),
                "--send",
                "keys",
            ],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        )
        assert "1: room 101 new 2026-12-05 15:00 to 2026-12-07 11:00 (works)" in listing.stdout
        assert send_command(control, "nocard") == "no card on the encoder"
        with pytest.raises(KeyEncoderError) as caught:
            device.encode_keys("102", 1, ARRIVAL, DEPARTURE, "ERIKSSON/LARS")
        assert caught.value.code == "ED"
        assert process.stdin is not None
        process.stdin.write("card\n")
        process.stdin.flush()
        assert process.stdout is not None
        assert "a card is on the encoder" in process.stdout.readline() + process.stdout.readline()
        assert len(device.encode_keys("102", 1, ARRIVAL, DEPARTURE, "ERIKSSON/LARS")) == 1
    finally:
        device.shutdown()


def test_send_without_a_simulator_says_so(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kiosk",
            "sim",
            "keyencoder",
            "--control",
            str(tmp_path / "none.sock"),
            "--send",
            "keys",
        ],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode != 0
    assert "no key encoder simulator at" in result.stderr
