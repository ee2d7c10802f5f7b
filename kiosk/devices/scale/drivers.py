"""Scale drivers for the registry: ``driver = "toledo" | "nci" | "cas"``."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.config.devices import DeviceConfig
from kiosk.devices.base import Device


def build_scale(config: DeviceConfig) -> Device:
    """A :class:`Scale` for ``config``. Raises ConfigError for bad options."""
    from kiosk.devices.scale.driver import Scale
    from kiosk.devices.scale.settings import settings_from_config

    return Scale(config.name, settings_from_config(config))


DRIVERS: dict[str, Callable[[DeviceConfig], Device]] = {
    "toledo": build_scale,
    "nci": build_scale,
    "cas": build_scale,
}
