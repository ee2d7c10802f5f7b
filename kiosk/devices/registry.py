"""Build device objects from the lane's ``[[devices]]`` config.

Each device type has a package with a ``drivers`` module exposing
``DRIVERS: dict[str, Callable[[DeviceConfig], Device]]`` (driver name ->
builder), e.g. ``kiosk/devices/scanner/drivers.py``. The registry imports that
module only when a device of the type is configured, so a lane without a
camera never imports OpenCV. Builders check ``options`` (with
:class:`kiosk.devices.options.Options`) and raise ``ConfigError``; they do no
I/O: the device connects when it is claimed.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping

from kiosk.config import ConfigError
from kiosk.config.devices import DeviceConfig
from kiosk.devices.base import Device

DRIVER_MODULES: Mapping[str, str] = {
    "scanner": "kiosk.devices.scanner.drivers",
    "camera": "kiosk.devices.camera.drivers",
    "printer": "kiosk.devices.printer.drivers",
    "scale": "kiosk.devices.scale.drivers",
    "docreader": "kiosk.devices.docreader.drivers",
    "atb_printer": "kiosk.devices.aea.drivers",
    "btp_printer": "kiosk.devices.aea.drivers",
    "keyencoder": "kiosk.devices.keyencoder.drivers",
}

Builder = Callable[[DeviceConfig], Device]


def drivers_for(device_type: str) -> Mapping[str, Builder]:
    """The driver builders of ``device_type`` (empty when its package has none yet)."""
    module_name = DRIVER_MODULES.get(device_type)
    if module_name is None:
        return {}
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name and module_name.startswith(error.name):
            return {}
        raise
    drivers: Mapping[str, Builder] = getattr(module, "DRIVERS", {})
    return drivers


def build_device(config: DeviceConfig) -> Device:
    """Build (not open) the device described by ``config``.

    Raises:
        ConfigError: unknown type or driver, or an option the driver refuses.
    """
    drivers = drivers_for(config.type)
    builder = drivers.get(config.driver)
    if builder is None:
        known = ", ".join(repr(d) for d in sorted(drivers)) or "none installed"
        raise ConfigError(
            "[[devices]]",
            f"devices.{config.name}.driver",
            config.driver,
            f"a {config.type} driver: {known}",
        )
    return builder(config)


def build_devices(configs: Iterable[DeviceConfig]) -> dict[str, Device]:
    """Build every configured device, keyed by name. Raises ConfigError on the first bad one."""
    return {config.name: build_device(config) for config in configs}
