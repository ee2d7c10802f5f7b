"""The document reader driver against the simulator over a real pty (pyserial on the slave)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiosk.config import ConfigError
from kiosk.config.devices import DeviceConfig
from kiosk.devices.base import Device
from kiosk.devices.docreader.driver import DocumentReader
from kiosk.devices.docreader.events import DocumentRead
from kiosk.devices.docreader.samples import SAMPLE_DOCUMENTS
from kiosk.devices.docreader.sim import DocReaderSimulator
from kiosk.devices.errors import ProtocolError
from kiosk.devices.registry import build_device
from kiosk.devices.sim.pty import VirtualPort
from kiosk.devices.status import Health

Recorder = Any  # tests/devices/conftest.py's EventRecorder fixture

ANNA = SAMPLE_DOCUMENTS["anna"]
LARS = SAMPLE_DOCUMENTS["lars"]


def _reader(path: str, **options: object) -> DocumentReader:
    config = DeviceConfig(
        name="passport",
        type="docreader",
        driver="serial",
        port=path,
        options={"reconnect_initial_s": 0.02, "reconnect_max_s": 0.2, **options},
    )
    device = build_device(config)
    assert isinstance(device, DocumentReader)
    return device


def _started(
    path: str, recorder: Recorder, stopper: Callable[[Device], Device], **options: object
) -> DocumentReader:
    device = _reader(path, **options)
    stopper(device)
    device.add_listener(recorder)
    device.start()
    recorder.wait_health(Health.READY)
    return device


@pytest.mark.parametrize(
    ("options", "sim_options"),
    [
        ({}, {}),
        ({"framing": "stx", "checksum": "lrc"}, {"framing": "stx", "checksum": "lrc"}),
        ({"framing": "lines"}, {"framing": "lines", "line_end": b"\r\n"}),
    ],
    ids=["stx", "stx-lrc", "lines"],
)
def test_a_presented_document_arrives_as_document_read(
    virtual_port: VirtualPort,
    recorder: Recorder,
    stopper: Callable[[Device], Device],
    options: dict[str, object],
    sim_options: dict[str, object],
) -> None:
    device = _started(virtual_port.path, recorder, stopper, baudrate=115200, **options)
    sim = DocReaderSimulator(virtual_port, **sim_options)  # type: ignore[arg-type]
    sim.present("anna")
    sim.present("td1_card")
    reads = recorder.wait_data(2)
    assert reads == [
        DocumentRead(ANNA, device="passport"),
        DocumentRead(SAMPLE_DOCUMENTS["td1_card"], device="passport"),
    ]
    assert device.documents == 2
    assert recorder.errors == []


def test_garbage_is_reported_and_the_next_document_still_read(
    virtual_port: VirtualPort, recorder: Recorder, stopper: Callable[[Device], Device]
) -> None:
    _started(virtual_port.path, recorder, stopper)
    sim = DocReaderSimulator(virtual_port)
    sim.present_lines((ANNA[0], ANNA[1][:40]))  # a line cut short by the OCR
    sim.command("raw " + "41" * 40)  # noise on the line
    sim.present("lars")
    assert recorder.wait_data(1) == [DocumentRead(LARS, device="passport")]
    errors = [e.error for e in recorder.errors]
    assert all(isinstance(e, ProtocolError) for e in errors)
    assert [e.message for e in errors] == [
        "line 2 is 40 characters wide but line 1 is 44",
        "32 bytes outside a document block; expected STX (0x02) to start one "
        "(is the reader set to another framing?)",
    ]


def test_half_a_document_then_a_pause_is_reported_not_glued_to_the_next(
    virtual_port: VirtualPort, recorder: Recorder, stopper: Callable[[Device], Device]
) -> None:
    _started(virtual_port.path, recorder, stopper, framing="lines", pause_s=0.1)
    virtual_port.write(ANNA[0].encode() + b"\r")  # line 2 never comes
    recorder.wait_for(lambda _: len(recorder.errors) == 1)
    assert "cut short by the pause: 1 of 2 lines" in recorder.errors[0].error.message
    DocReaderSimulator(virtual_port, framing="lines").present("lars")
    assert recorder.wait_data(1) == [DocumentRead(LARS, device="passport")]


def test_unplug_goes_offline_and_replug_reconnects(
    virtual_port: VirtualPort, recorder: Recorder, stopper: Callable[[Device], Device]
) -> None:
    device = _started(virtual_port.path, recorder, stopper)
    sim = DocReaderSimulator(virtual_port)
    sim.present("anna")
    recorder.wait_data(1)

    assert sim.command("unplug") == "unplugged"
    recorder.wait_health(Health.OFFLINE)
    assert device.status.health is Health.OFFLINE
    assert sim.command("lars").startswith("error: ")  # nobody to send to

    assert sim.command("replug").startswith("plugged in at ")
    recorder.wait_health(Health.READY, after=1)
    sim.present("lars")
    assert recorder.wait_data(2)[1] == DocumentRead(LARS, device="passport")
    assert device.connections == 2


def test_a_reader_missing_at_start_connects_when_plugged_in(
    tmp_path: Path, recorder: Recorder, stopper: Callable[[Device], Device]
) -> None:
    port = VirtualPort(tmp_path / "ttyMRZ")
    device = stopper(_reader(port.path))
    device.add_listener(recorder)
    device.start()
    recorder.wait_health(Health.OFFLINE)
    with port:
        recorder.wait_health(Health.READY)
        DocReaderSimulator(port).present("kenji")
        assert recorder.wait_data(1) == [DocumentRead(SAMPLE_DOCUMENTS["kenji"], device="passport")]


def test_documents_while_disabled_are_dropped(
    virtual_port: VirtualPort, recorder: Recorder, stopper: Callable[[Device], Device]
) -> None:
    device = stopper(_reader(virtual_port.path))
    device.add_listener(recorder)
    device.open()
    device.claim()
    recorder.wait_health(Health.READY)
    sim = DocReaderSimulator(virtual_port)
    sim.present("anna")
    recorder.wait_until(lambda: device.dropped == 1)
    device.enable()
    sim.present("lars")
    assert recorder.wait_data(1) == [DocumentRead(LARS, device="passport")]


def test_no_mrz_line_reaches_the_log_or_a_repr(
    virtual_port: VirtualPort,
    recorder: Recorder,
    stopper: Callable[[Device], Device],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="kiosk")
    device = stopper(_reader(virtual_port.path))
    device.add_listener(recorder)
    device.open()
    device.claim()
    recorder.wait_health(Health.READY)
    sim = DocReaderSimulator(virtual_port)
    sim.present("anna")  # dropped while disabled: logged at debug
    recorder.wait_until(lambda: device.dropped == 1)
    device.enable()
    replies = [sim.command("td1_card"), sim.command("list"), sim.command("remove")]
    sim.present_lines((ANNA[0], ANNA[1][:43]))  # refused: an error is logged
    sim.present("anna")
    recorder.wait_data(2)
    recorder.wait_for(lambda _: len(recorder.errors) == 1)

    assert "passport: document read, 2 lines of [44]" in caplog.text
    seen = caplog.text + repr(recorder.events) + "".join(replies) + repr(device)
    for lines in (ANNA, SAMPLE_DOCUMENTS["td1_card"]):
        for line in lines:
            assert line not in seen
            for piece in (line[:20], line[-20:]):
                assert piece.strip("<") == "" or piece not in seen
    assert "ERIKSSON" not in caplog.text + repr(recorder.events)  # not even the name
    assert "lines=<2 hidden>" in repr(recorder.events)


@pytest.mark.parametrize(
    ("options", "key"),
    [
        ({"baud_rate": 9600}, "devices.passport.options.baud_rate"),
        ({"framing": "xml"}, "devices.passport.options.framing"),
        ({"checksum": "crc16"}, "devices.passport.options.checksum"),
        ({"framing": "lines", "checksum": "lrc"}, "devices.passport.options.checksum"),
        ({"pause_s": 0}, "devices.passport.options.pause_s"),
    ],
)
def test_bad_options_fail_at_build_naming_the_key(options: dict[str, object], key: str) -> None:
    with pytest.raises(ConfigError, match=key.replace(".", r"\.")):
        _reader("/dev/ttyACM0", **options)


def test_a_missing_port_fails_at_build() -> None:
    with pytest.raises(ConfigError, match=r"devices\.passport\.port"):
        _reader("")
