"""Building devices from config, driver options, the HID driver without hardware."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kiosk.config import ConfigError
from kiosk.config.devices import DeviceConfig
from kiosk.devices.base import Device, DeviceState
from kiosk.devices.camera.device import CameraScanner
from kiosk.devices.options import Options
from kiosk.devices.registry import build_device, build_devices
from kiosk.devices.scanner.hid import HidScanner
from kiosk.devices.scanner.serial import SerialScanner
from kiosk.devices.status import Health


def test_builds_each_scanner_driver_without_touching_hardware() -> None:
    devices = build_devices(
        [
            DeviceConfig(name="s1", type="scanner", driver="serial", port="/dev/ttyACM0"),
            DeviceConfig(
                name="s2",
                type="scanner",
                driver="hid",
                port="/dev/input/event3",
                options={"layout": "es"},
            ),
            DeviceConfig(name="cam", type="camera", driver="opencv", port="0"),
        ]
    )
    assert isinstance(devices["s1"], SerialScanner)
    assert isinstance(devices["s2"], HidScanner)
    assert devices["s2"].settings.layout == "es"
    assert isinstance(devices["cam"], CameraScanner)
    assert all(d.state is DeviceState.CLOSED for d in devices.values())


def test_unknown_driver_names_the_known_ones() -> None:
    with pytest.raises(ConfigError, match=r"devices\.x\.driver.*'hid', 'serial'"):
        build_device(DeviceConfig(name="x", type="scanner", driver="usb"))


def test_serial_scanner_needs_a_port() -> None:
    with pytest.raises(ConfigError, match=r"devices\.x\.port"):
        build_device(DeviceConfig(name="x", type="scanner", driver="serial"))


def test_options_type_checks_and_typos() -> None:
    options = Options("dev", {"speed": True, "name": "a", "extra": 1})
    with pytest.raises(ConfigError, match=r"devices\.dev\.options\.speed.*whole number"):
        options.int("speed", 1)
    assert options.str("name", "") == "a"
    with pytest.raises(ConfigError, match=r"options\.extra.*known options"):
        options.finish()


def test_hid_scanner_absent_is_offline(
    recorder: Callable, stopper: Callable[[Device], Device]
) -> None:
    device = stopper(
        build_device(
            DeviceConfig(
                name="wedge",
                type="scanner",
                driver="hid",
                options={"match": "no scanner has this name", "reconnect_initial_s": 0.02},
            )
        )
    )
    device.add_listener(recorder)
    device.start()
    recorder.wait_health(Health.OFFLINE)
    assert "no input device named like" in device.status.detail
