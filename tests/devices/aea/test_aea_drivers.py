"""The registry builds ATB/BTP printers from [[devices]]; TCP links; the status model."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from aea_rig import printer_config, wait_until
from aea_samples import boarding_pass

from kiosk.config import ConfigError
from kiosk.config.devices import DeviceConfig
from kiosk.devices.aea.driver import (
    MEDIA_EMPTY,
    MEDIA_JAMMED,
    MEDIA_LOW,
    BagTagPrinter,
    BoardingPassPrinter,
    device_status,
)
from kiosk.devices.aea.replies import Media, StatusReport
from kiosk.devices.aea.sim import AeaSimulator
from kiosk.devices.registry import build_device
from kiosk.devices.sim.tcp import serve_tcp
from kiosk.devices.status import Health


def test_the_registry_builds_both_printer_types() -> None:
    atb = build_device(printer_config("atb", "/dev/ttyUSB0"))
    btp = build_device(printer_config("btp", "10.0.0.7:9100", "network"))
    assert isinstance(atb, BoardingPassPrinter)
    assert isinstance(btp, BagTagPrinter)
    assert (atb.kind, btp.kind) == ("atb_printer", "btp_printer")


@pytest.mark.parametrize(
    ("config", "key"),
    [
        (DeviceConfig("atb", "atb_printer", "serial", "/dev/x", options={"baud": 9600}), "baud"),
        (
            DeviceConfig("atb", "atb_printer", "serial", "/dev/x", options={"parity": "Q"}),
            "parity",
        ),
        (DeviceConfig("btp", "btp_printer", "serial", ""), "devices.btp.port"),
        (DeviceConfig("btp", "btp_printer", "usb", "1:2"), "devices.btp.driver"),
    ],
)
def test_bad_printer_config_names_the_key(config: DeviceConfig, key: str) -> None:
    with pytest.raises(ConfigError, match=key):
        build_device(config)


@pytest.fixture
def tcp_sim(tmp_path: Path) -> Iterator[tuple[AeaSimulator, str]]:
    sim = AeaSimulator("atb", tmp_path / "passes")
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()
    thread = threading.Thread(target=serve_tcp, args=(sim, listener, stop), daemon=True)
    thread.start()
    yield sim, f"127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join(5)
    listener.close()


def test_a_boarding_pass_printer_on_tcp(tcp_sim: tuple[AeaSimulator, str]) -> None:
    sim, address = tcp_sim
    device = build_device(printer_config("atb", address, "network"))
    assert isinstance(device, BoardingPassPrinter)
    device.start()
    try:
        wait_until(lambda: device.status.health is Health.READY)
        device.print_boarding_pass(boarding_pass())
        assert len(sim.documents) == 1
        assert device.printed == 1
    finally:
        device.shutdown()


@pytest.mark.parametrize(
    ("report", "health", "conditions", "detail"),
    [
        (StatusReport(True, Media.OK, False, False), Health.READY, set(), ""),
        (StatusReport(True, Media.LOW, False, False), Health.READY, {MEDIA_LOW}, "paper low"),
        (StatusReport(True, Media.OK, False, True), Health.BUSY, set(), "printing"),
        (StatusReport(True, Media.OUT, False, False), Health.ERROR, {MEDIA_EMPTY}, "paper out"),
        (
            StatusReport(True, Media.LOW, True, False),
            Health.ERROR,
            {MEDIA_LOW, MEDIA_JAMMED},
            "paper jammed",
        ),
        (StatusReport(False, Media.OK, False, False), Health.ERROR, set(), "reports offline"),
    ],
)
def test_the_common_use_status_model(
    report: StatusReport, health: Health, conditions: set[str], detail: str
) -> None:
    status = device_status(report)
    assert status.health is health
    assert status.conditions == conditions
    assert detail in status.detail
