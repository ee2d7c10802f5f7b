"""``kiosk sim docreader`` as a real process: the driver reads what stdin or the socket presents."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.devices.base import Device
from kiosk.devices.docreader.driver import DocReaderSettings, DocumentReader
from kiosk.devices.docreader.events import DocumentRead
from kiosk.devices.docreader.samples import SAMPLE_DOCUMENTS
from kiosk.devices.docreader.sim import send_command
from kiosk.devices.status import Health
from kiosk.devices.worker import Backoff

Recorder = Any  # tests/devices/conftest.py's EventRecorder fixture


@pytest.fixture
def simulator(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], Path, Path]]:
    link, control = tmp_path / "ttyMRZ", tmp_path / "docreader.sock"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kiosk",
            "sim",
            "docreader",
            "--link",
            str(link),
            "--control",
            str(control),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        yield process, link, control
    finally:
        process.kill()
        process.wait(10)


def _reader(port: str, recorder: Recorder, stopper: Callable[[Device], Device]) -> DocumentReader:
    device = DocumentReader("passport", DocReaderSettings(port, backoff=Backoff(0.02, 0.2)))
    stopper(device)
    device.add_listener(recorder)
    device.start()
    recorder.wait_health(Health.READY)
    return device


def test_documents_typed_on_stdin_and_sent_to_the_socket_arrive(
    simulator: tuple[subprocess.Popen[str], Path, Path],
    recorder: Recorder,
    stopper: Callable[[Device], Device],
) -> None:
    process, link, control = simulator
    assert process.stdout is not None
    assert process.stdin is not None
    assert process.stdout.readline().strip() == f"docreader port: {link}"
    assert process.stdout.readline().strip() == f"control socket: {control}"
    process.stdout.readline()  # the list of commands
    _reader(str(link), recorder, stopper)

    process.stdin.write("anna\n")
    process.stdin.flush()
    assert process.stdout.readline().startswith("presented anna: passport of ERIKSSON/ANNA")
    assert recorder.wait_data(1) == [DocumentRead(SAMPLE_DOCUMENTS["anna"], device="passport")]

    assert send_command(control, "td1_card").startswith("presented td1_card: ")
    assert recorder.wait_data(2)[1] == DocumentRead(SAMPLE_DOCUMENTS["td1_card"], device="passport")

    # the CLI client, as a demo script would use it
    sent = subprocess.run(
        [
            sys.executable,
            "-m",
            "kiosk",
            "sim",
            "docreader",
            "--control",
            str(control),
            "--send",
            "garbled",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (sent.returncode, sent.stdout.strip()) == (
        0,
        "presented garbled: Anna's passport with a wrong check digit",
    )
    assert recorder.wait_data(3)[2] == DocumentRead(SAMPLE_DOCUMENTS["garbled"], device="passport")
    assert send_command(control, "remove") == "removed garbled"
    assert send_command(control, "passport_of_nobody").startswith("commands: anna | lars")

    process.stdin.write("quit\n")
    process.stdin.flush()
    assert process.wait(10) == 0
    assert not link.exists()
    assert not control.exists()


def test_send_without_a_simulator_fails_with_one_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kiosk",
            "sim",
            "docreader",
            "--control",
            str(tmp_path / "none.sock"),
            "--send",
            "anna",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert f"no document reader simulator at {tmp_path / 'none.sock'}" in result.stderr
