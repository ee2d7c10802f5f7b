"""Key encoder drivers for the registry: ``type = "keyencoder"``, ``driver = "tcp"``/``"serial"``.

``tcp`` (``port`` = host:port of the Salto server's PMS Industry Standard channel;
8090 when the port is left out) and ``serial`` (``port`` = /dev/ttyS0, a pty...) share
these options:
    encoder ("1": the Salto encoder number that writes the kiosk's cards),
    operator ("KIOSK": the operator name Salto logs, at most 24 characters),
    ack_timeout_s (3), encode_timeout_s (30: how long the encoder may wait for a card),
    status_interval_s (5: ENQ probe between jobs), reconnect_initial_s (0.2),
    reconnect_max_s (10);
``tcp`` only: connect_timeout_s (3); ``serial`` only: baudrate (9600), parity ("N").
See :mod:`kiosk.devices.keyencoder.driver` and ``docs/key-encoder.md``.
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.config import ConfigError
from kiosk.config.devices import DeviceConfig
from kiosk.devices.base import Device
from kiosk.devices.keyencoder.driver import KeyEncoder, KeyEncoderSettings
from kiosk.devices.options import Options
from kiosk.devices.transport import ByteStream, connect_tcp, open_serial
from kiosk.devices.worker import Backoff

DEFAULT_TCP_PORT = 8090  # the port Salto integrators' set-up pages use


def _settings(options: Options) -> KeyEncoderSettings:
    initial = options.float("reconnect_initial_s", 0.2, 0.01, 60.0)
    operator = options.str("operator", "KIOSK")
    if len(operator) > 24:
        raise ConfigError(
            "[[devices]]",
            f"devices.{options.device}.options.operator",
            operator,
            "at most 24 characters",
        )
    return KeyEncoderSettings(
        encoder=options.str("encoder", "1"),
        operator=operator,
        ack_timeout=options.float("ack_timeout_s", 3.0, 0.1, 60.0),
        encode_timeout=options.float("encode_timeout_s", 30.0, 1.0, 600.0),
        status_interval=options.float("status_interval_s", 5.0, 0.1, 3600.0),
        backoff=Backoff(initial, options.float("reconnect_max_s", 10.0, initial, 600.0)),
    )


def _need_port(config: DeviceConfig, expected: str) -> None:
    if not config.port:
        raise ConfigError("[[devices]]", f"devices.{config.name}.port", config.port, expected)


def _tcp(config: DeviceConfig) -> Device:
    options = Options(config.name, config.options)
    settings = _settings(options)
    timeout = options.float("connect_timeout_s", 3.0, 0.1, 60.0)
    options.finish()
    _need_port(config, "host:port of the Salto server, such as 10.0.0.5:8090")
    address = config.port

    def open_link() -> ByteStream:
        return connect_tcp(address, DEFAULT_TCP_PORT, timeout, config.name)

    return KeyEncoder(config.name, open_link, settings)


def _serial(config: DeviceConfig) -> Device:
    options = Options(config.name, config.options)
    settings = _settings(options)
    baudrate = options.int("baudrate", 9600, 50, 4_000_000)
    parity = options.choice("parity", "N", ["N", "E", "O"])
    options.finish()
    _need_port(config, "a serial port such as /dev/ttyS0")
    port = config.port

    def open_link() -> ByteStream:
        return open_serial(port, baudrate=baudrate, parity=parity, name=config.name)

    return KeyEncoder(config.name, open_link, settings)


DRIVERS: dict[str, Callable[[DeviceConfig], Device]] = {"tcp": _tcp, "serial": _serial}
