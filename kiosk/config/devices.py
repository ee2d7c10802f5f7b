"""The [[devices]] tables: which scanners, cameras, printers and scales the lane drives.

The fields common to every device live here; driver-specific settings go in
``options`` and are checked by the driver when the device is built (see
``kiosk.devices.options``), so a wrong option still fails at start.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiosk.config import checks
from kiosk.config.loader import setting


@dataclass(frozen=True)
class DeviceConfig:
    name: str = setting(
        doc="a name for this device, unique on the lane", check=checks.identifier, example="scanner"
    )
    type: str = setting(
        doc="what the device is",
        check=checks.one_of(
            "scanner",
            "printer",
            "scale",
            "camera",
            "docreader",
            "atb_printer",
            "btp_printer",
            "keyencoder",
        ),
        example="scanner",
    )
    driver: str = setting(
        doc="which driver talks to it (scanner: serial, hid; camera: "
        "opencv, file; printer/scale: see their drivers)",
        example="serial",
    )
    port: str = setting(
        "", doc="serial port, host:port, /dev/input path, camera index or image/video path"
    )
    enabled: bool = setting(True, doc="false keeps the device in the file but does not start it")
    required: bool = setting(
        True,
        doc="the lane cannot sell while this device is offline (false: it shows a warning only)",
    )
    options: dict[str, Any] = setting(
        default_factory=dict, doc="driver-specific options, checked by the driver"
    )
