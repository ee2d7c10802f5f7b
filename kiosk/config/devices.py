"""The [[devices]] tables: which scanners, printers, scales the lane drives."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiosk.config import checks
from kiosk.config.loader import setting


@dataclass(frozen=True)
class DeviceConfig:
    name: str = setting(doc="a name for this device, unique on the lane",
                        check=checks.identifier, example="scanner")
    type: str = setting(doc="what the device is",
                        check=checks.one_of("scanner", "printer", "scale", "camera"),
                        example="scanner")
    driver: str = setting(doc="which driver talks to it", example="serial")
    port: str = setting("", doc="serial port, host:port, /dev/input path or camera index")
    options: dict[str, Any] = setting(default_factory=dict,
                                      doc="driver-specific options, checked by the driver")
