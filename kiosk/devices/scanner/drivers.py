"""Scanner drivers for the registry: ``driver = "serial" | "hid"``.

``serial`` (``port`` = /dev/ttyACM0, /dev/serial/by-id/...) options:
    baudrate (9600), bytesize (8), parity ("N", "E", "O", "M", "S"), stopbits (1),
    xonxoff (false), rtscts (false), terminator ("CR", "LF", "CRLF", "TAB", "ETX"),
    prefix (""), aim (true: split AIM identifiers), max_length (512),
    reconnect_initial_s (0.2), reconnect_max_s (10).
``hid`` (``port`` = /dev/input/by-id/...-event-kbd) options:
    match (part of the input device's name, instead of port), layout ("us", "es"),
    terminator ("ENTER", "TAB"), aim (true), grab (true), max_length (512),
    reconnect_initial_s, reconnect_max_s.
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.config.devices import DeviceConfig
from kiosk.devices.base import Device


def _serial(config: DeviceConfig) -> Device:
    from kiosk.devices.scanner.serial import build

    return build(config)


def _hid(config: DeviceConfig) -> Device:
    from kiosk.devices.scanner.hid import build

    return build(config)


DRIVERS: dict[str, Callable[[DeviceConfig], Device]] = {"serial": _serial, "hid": _hid}
