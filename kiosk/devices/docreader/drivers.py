"""Document reader drivers for the registry: ``type = "docreader"``, ``driver = "serial"``.

``serial`` (``port`` = /dev/ttyACM0, /dev/serial/by-id/..., a pty) options:
    baudrate (9600), bytesize (8), parity ("N", "E", "O", "M", "S"), stopbits (1),
    xonxoff (false), rtscts (false),
    framing ("stx": STX, lines each ended by CR, ETX; "lines": bare lines),
    checksum ("none", "lrc": an XOR block check byte after ETX; "stx" framing only),
    max_length (256: longest STX..ETX block in bytes), pause_s (0.5: silence that ends
    an unfinished document), reconnect_initial_s (0.2), reconnect_max_s (10).
See :mod:`kiosk.devices.docreader.protocol` for the framings and their sources.
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.config.devices import DeviceConfig
from kiosk.devices.base import Device


def _serial(config: DeviceConfig) -> Device:
    from kiosk.devices.docreader.driver import build

    return build(config)


DRIVERS: dict[str, Callable[[DeviceConfig], Device]] = {"serial": _serial}
