"""Boarding pass / bag tag printer drivers for the registry: ``driver = "serial" | "network"``.

One module serves both device types: ``type = "atb_printer"`` builds a
:class:`~kiosk.devices.aea.driver.BoardingPassPrinter`, ``type = "btp_printer"``
a :class:`~kiosk.devices.aea.driver.BagTagPrinter`. ``port`` is a serial port
(``/dev/ttyUSB0``, a simulator's pty link) or ``host:port`` (default port 9100).

Options: ``baudrate`` (9600), ``parity`` (N/E/O), ``rtscts`` (false),
``status_interval_s`` (2), ``status_timeout_s`` (1), ``print_timeout_s`` (15),
``reconnect_initial_s`` (0.5), ``reconnect_max_s`` (10). A wrong one raises
ConfigError naming ``devices.<name>.options.<key>``; nothing is opened until
the device is claimed.
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.config import ConfigError
from kiosk.config.devices import DeviceConfig
from kiosk.devices.base import Device
from kiosk.devices.options import Options


def build_aea_printer(config: DeviceConfig, transport: str) -> Device:
    """The printer ``config`` describes on ``transport``. Raises ConfigError."""
    from kiosk.devices.aea.driver import AeaSettings, BagTagPrinter, BoardingPassPrinter
    from kiosk.devices.transport import ByteStream, connect_tcp, open_serial
    from kiosk.devices.worker import Backoff

    options = Options(config.name, config.options)
    baudrate = options.int("baudrate", 9600, 1200, 921600)
    parity = options.choice("parity", "N", ["N", "E", "O"])
    rtscts = options.bool("rtscts", False)
    initial = options.float("reconnect_initial_s", 0.5, 0.01, 60.0)
    settings = AeaSettings(
        status_interval=options.float("status_interval_s", 2.0, 0.1, 3600.0),
        status_timeout=options.float("status_timeout_s", 1.0, 0.05, 30.0),
        print_timeout=options.float("print_timeout_s", 15.0, 0.5, 300.0),
        backoff=Backoff(initial, options.float("reconnect_max_s", 10.0, initial, 600.0)),
    )
    options.finish()
    if not config.port:
        help_text = "a serial port such as '/dev/ttyUSB0'" if transport == "serial" else "host:port"
        raise ConfigError("[[devices]]", f"devices.{config.name}.port", config.port, help_text)
    name, port = config.name, config.port

    def open_link() -> ByteStream:
        if transport == "serial":
            return open_serial(port, baudrate=baudrate, parity=parity, rtscts=rtscts, name=name)
        return connect_tcp(port, default_port=9100, timeout=settings.status_timeout * 3, name=name)

    cls = BagTagPrinter if config.type == "btp_printer" else BoardingPassPrinter
    return cls(name, open_link, settings)


def _driver(transport: str) -> Callable[[DeviceConfig], Device]:
    return lambda config: build_aea_printer(config, transport)


DRIVERS: dict[str, Callable[[DeviceConfig], Device]] = {
    t: _driver(t) for t in ("serial", "network")
}
