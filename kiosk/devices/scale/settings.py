"""A scale's settings from its ``[[devices]]`` entry; ``driver`` names the protocol.

``driver = "toledo"`` (8213/8217 demand mode, 9600 7E1 by default),
``"nci"`` (NCI standard, 9600 7E1) or ``"cas"`` (CAS continuous, 9600 8N1);
``port`` is the serial port. Options are listed in :func:`settings_from_config`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.config import ConfigError
from kiosk.config.devices import DeviceConfig
from kiosk.devices.options import Options
from kiosk.devices.scale.cas import CasProtocol
from kiosk.devices.scale.nci import NciProtocol
from kiosk.devices.scale.toledo import ToledoProtocol
from kiosk.devices.scale.weight import WeightUnit
from kiosk.devices.worker import Backoff

PROTOCOLS = ("toledo", "nci", "cas")
ScaleProtocol = ToledoProtocol | NciProtocol | CasProtocol


@dataclass(frozen=True, slots=True)
class ScaleSettings:
    protocol: str
    port: str
    unit: WeightUnit = WeightUnit.KG
    implied_decimals: int | None = None
    baudrate: int = 9600
    bytesize: int = 7
    parity: str = "E"
    stopbits: float = 1
    poll_interval: float = 0.2
    repeats: int = 3
    missed_replies: int = 5
    backoff: Backoff = field(default_factory=Backoff)

    def make_protocol(self) -> ScaleProtocol:
        """A fresh sans-IO parser for this scale."""
        if self.protocol == "toledo":
            return ToledoProtocol(self.unit, self.implied_decimals)
        if self.protocol == "nci":
            return NciProtocol()
        return CasProtocol()


def settings_from_config(config: DeviceConfig) -> ScaleSettings:
    """Read and check a scale's options.

    Options: ``unit`` ("kg", "g", "lb"; Toledo only, its frames carry no unit),
    ``implied_decimals`` (Toledo weights sent without a decimal point),
    ``baudrate``, ``bytesize``, ``parity``, ``stopbits``, ``poll_interval_s``
    (demand protocols), ``stable_repeats`` (equal readings for a stable weight),
    ``missed_replies`` (unanswered polls before the scale counts as offline),
    ``reconnect_initial_s``, ``reconnect_max_s``.

    Raises:
        ConfigError: naming the bad option, or an unknown protocol.
    """
    if config.driver not in PROTOCOLS:
        raise ConfigError(
            "[[devices]]",
            f"devices.{config.name}.driver",
            config.driver,
            "one of " + ", ".join(repr(p) for p in PROTOCOLS),
        )
    if not config.port:
        raise ConfigError(
            "[[devices]]",
            f"devices.{config.name}.port",
            config.port,
            "a serial port such as '/dev/ttyUSB1'",
        )
    options = Options(config.name, config.options)
    seven_bit = config.driver in ("toledo", "nci")
    implied = options.int("implied_decimals", -1, -1, 4)
    initial = options.float("reconnect_initial_s", 0.2, 0.01, 60.0)
    settings = ScaleSettings(
        protocol=config.driver,
        port=config.port,
        unit=WeightUnit(options.choice("unit", "kg", ["kg", "g", "lb"])),
        implied_decimals=None if implied < 0 else implied,
        baudrate=options.int("baudrate", 9600, 300, 115200),
        bytesize=options.int("bytesize", 7 if seven_bit else 8, 7, 8),
        parity=options.choice("parity", "E" if seven_bit else "N", ["N", "E", "O"]),
        stopbits=options.float("stopbits", 1, 1, 2),
        poll_interval=options.float("poll_interval_s", 0.2, 0.02, 10.0),
        repeats=options.int("stable_repeats", 3, 1, 50),
        missed_replies=options.int("missed_replies", 5, 1, 1000),
        backoff=Backoff(initial, options.float("reconnect_max_s", 10.0, initial, 600.0)),
    )
    options.finish()
    return settings
