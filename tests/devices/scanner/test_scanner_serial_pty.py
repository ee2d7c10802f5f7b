"""The serial scanner driver against the simulator over a real pty (pyserial on the slave)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.config import ConfigError
from kiosk.config.devices import DeviceConfig
from kiosk.devices.base import Device
from kiosk.devices.errors import ProtocolError
from kiosk.devices.registry import build_device
from kiosk.devices.scanner.scan import Scan
from kiosk.devices.scanner.serial import SerialScanner
from kiosk.devices.sim.pty import VirtualPort
from kiosk.devices.sim.scanner import ScannerSimulator, load_script
from kiosk.devices.status import Health


def _scanner(path: str, **options: object) -> SerialScanner:
    config = DeviceConfig(
        name="scanner",
        type="scanner",
        driver="serial",
        port=path,
        options={"reconnect_initial_s": 0.02, "reconnect_max_s": 0.2, **options},
    )
    device = build_device(config)
    assert isinstance(device, SerialScanner)
    return device


def test_scans_arrive_with_their_symbology(
    virtual_port: VirtualPort, recorder: Callable, stopper: Callable[[Device], Device]
) -> None:
    device = stopper(_scanner(virtual_port.path, baudrate=115200, terminator="CRLF"))
    device.add_listener(recorder)
    device.start()
    recorder.wait_health(Health.READY)
    sim = ScannerSimulator(virtual_port, terminator=b"\r\n")
    sim.scan("]E04006381333931")
    sim.scan("]C1010950110153000317261231\x1d10ABC")
    virtual_port.write(b"\x00\xff\x11")  # line noise between reads
    sim.scan("96385074")
    scans = recorder.wait_data(3)
    assert [(s.code, s.symbology) for s in scans] == [  # type: ignore[attr-defined]
        ("4006381333931", "]E0"),
        ("010950110153000317261231\x1d10ABC", "]C1"),
        ("96385074", None),
    ]
    assert all(isinstance(s, Scan) and s.source == "serial" for s in scans)


def test_the_demo_script_plays_through(
    virtual_port: VirtualPort, recorder: Callable, stopper: Callable[[Device], Device]
) -> None:
    device = stopper(_scanner(virtual_port.path))
    device.add_listener(recorder)
    device.start()
    recorder.wait_health(Health.READY)
    steps = load_script(None)
    sent = ScannerSimulator(virtual_port).play(steps, sleep=lambda s: None)
    scans = recorder.wait_data(sent)
    assert len(scans) == sent == 7


def test_garbage_is_reported_and_scanning_continues(
    virtual_port: VirtualPort, recorder: Callable, stopper: Callable[[Device], Device]
) -> None:
    device = stopper(_scanner(virtual_port.path, max_length=32))
    device.add_listener(recorder)
    device.start()
    recorder.wait_health(Health.READY)
    virtual_port.write(b"9" * 100)  # a scanner that lost its terminator
    virtual_port.write(b"\r4006381333931\r")
    recorder.wait_data(1)
    assert isinstance(recorder.errors[0].error, ProtocolError)
    assert recorder.data[0].code == "4006381333931"  # type: ignore[attr-defined]


def test_unplug_goes_offline_and_replug_reconnects(
    virtual_port: VirtualPort, recorder: Callable, stopper: Callable[[Device], Device]
) -> None:
    device = stopper(_scanner(virtual_port.path))
    device.add_listener(recorder)
    device.start()
    recorder.wait_health(Health.READY)
    sim = ScannerSimulator(virtual_port)
    sim.scan("]E04006381333931")
    recorder.wait_data(1)

    virtual_port.unplug()
    recorder.wait_health(Health.OFFLINE)
    assert device.status.health is Health.OFFLINE

    virtual_port.plug()
    recorder.wait_health(Health.READY, after=1)
    sim.scan("]E05000112637922")
    scans = recorder.wait_data(2)
    assert scans[1].code == "5000112637922"  # type: ignore[attr-defined]
    assert device.connections == 2


def test_a_scanner_missing_at_start_connects_when_plugged_in(
    tmp_path: Path, recorder: Callable, stopper: Callable[[Device], Device]
) -> None:
    port = VirtualPort(tmp_path / "ttyLater")
    device = stopper(_scanner(port.path))
    device.add_listener(recorder)
    device.start()
    recorder.wait_health(Health.OFFLINE)
    assert "No such file" in device.status.detail
    with port:
        recorder.wait_health(Health.READY)
        ScannerSimulator(port).scan("123456")
        assert recorder.wait_data(1)[0].code == "123456"  # type: ignore[attr-defined]


def test_scans_while_disabled_are_dropped(
    virtual_port: VirtualPort, recorder: Callable, stopper: Callable[[Device], Device]
) -> None:
    device = stopper(_scanner(virtual_port.path))
    device.add_listener(recorder)
    device.open()
    device.claim()
    recorder.wait_health(Health.READY)
    sim = ScannerSimulator(virtual_port)
    sim.scan("111111")
    recorder.wait_until(lambda: device.dropped == 1)
    device.enable()
    sim.scan("222222")
    assert [s.code for s in recorder.wait_data(1)] == ["222222"]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("options", "key"),
    [
        ({"baud_rate": 9600}, "devices.scanner.options.baud_rate"),
        ({"parity": "X"}, "devices.scanner.options.parity"),
        ({"terminator": "NUL"}, "devices.scanner.options.terminator"),
        ({"baudrate": "fast"}, "devices.scanner.options.baudrate"),
    ],
)
def test_bad_options_fail_at_build_naming_the_key(options: dict[str, object], key: str) -> None:
    with pytest.raises(ConfigError, match=key.replace(".", r"\.")):
        build_device(
            DeviceConfig(
                name="scanner",
                type="scanner",
                driver="serial",
                port="/dev/ttyACM0",
                options=options,
            )
        )
