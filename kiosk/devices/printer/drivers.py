"""Receipt printer drivers for the registry: ``driver = "usb" | "serial" | "network" | "file"``."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.config.devices import DeviceConfig
from kiosk.devices.base import Device


def build_printer(config: DeviceConfig, transport: str) -> Device:
    """A :class:`ReceiptPrinter` on the link ``transport``. Raises ConfigError for bad options."""
    from kiosk.devices.printer.driver import ReceiptPrinter
    from kiosk.devices.printer.links import FileStream, UsbStream
    from kiosk.devices.printer.settings import settings_from_config
    from kiosk.devices.transport import ByteStream, connect_tcp, open_serial

    s = settings_from_config(config, transport)
    name = config.name

    def open_link() -> ByteStream:
        if transport == "usb":
            vendor, product = s.usb_ids()
            return UsbStream(
                vendor,
                product,
                in_ep=s.usb_in_ep,
                out_ep=s.usb_out_ep,
                write_timeout_ms=int(s.write_timeout * 1000),
                name=name,
            )
        if transport == "serial":
            return open_serial(
                s.port, baudrate=s.baudrate, parity=s.parity, rtscts=s.rtscts, name=name
            )
        if transport == "network":
            return connect_tcp(s.port, default_port=9100, timeout=s.status_timeout * 4, name=name)
        return FileStream(s.port, name=name)

    return ReceiptPrinter(name, s, open_link, readable=transport != "file")


def _driver(transport: str) -> Callable[[DeviceConfig], Device]:
    return lambda config: build_printer(config, transport)


DRIVERS: dict[str, Callable[[DeviceConfig], Device]] = {
    t: _driver(t) for t in ("usb", "serial", "network", "file")
}
