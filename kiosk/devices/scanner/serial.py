"""Serial / USB-CDC scanner driver: pyserial moves bytes, :class:`ScannerProtocol` parses."""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.config.devices import DeviceConfig
from kiosk.devices.options import Options
from kiosk.devices.reader import StreamReaderDevice
from kiosk.devices.scanner.protocol import TERMINATORS, ScannerProtocol
from kiosk.devices.transport import ByteStream, open_serial
from kiosk.devices.worker import Backoff


@dataclass(frozen=True, slots=True)
class SerialSettings:
    """Line settings and framing of a serial scanner (from ``options``)."""

    port: str
    baudrate: int = 9600
    bytesize: int = 8
    parity: str = "N"
    stopbits: float = 1
    xonxoff: bool = False
    rtscts: bool = False
    terminator: bytes = b"\r"
    prefix: bytes = b""
    aim: bool = True
    max_length: int = 512
    backoff: Backoff = field(default_factory=Backoff)


class SerialScanner(StreamReaderDevice):
    """A scanner on a serial port; delivers ``Scan`` data events.

    Missing at claim or unplugged later: status offline, reconnect with backoff.
    """

    kind = "scanner"

    def __init__(self, name: str, settings: SerialSettings) -> None:
        self.settings = settings
        super().__init__(name, self._open, self._parser, backoff=settings.backoff)

    def _open(self) -> ByteStream:
        s = self.settings
        return open_serial(
            s.port,
            baudrate=s.baudrate,
            bytesize=s.bytesize,
            parity=s.parity,
            stopbits=s.stopbits,
            xonxoff=s.xonxoff,
            rtscts=s.rtscts,
            name=self.name,
        )

    def _parser(self) -> ScannerProtocol:
        s = self.settings
        return ScannerProtocol(s.terminator, s.prefix, s.aim, s.max_length, source="serial")


def read_backoff(options: Options) -> Backoff:
    """``reconnect_initial_s`` / ``reconnect_max_s`` options as a Backoff."""
    initial = options.float("reconnect_initial_s", 0.2, 0.01, 60.0)
    maximum = options.float("reconnect_max_s", 10.0, initial, 600.0)
    return Backoff(initial, maximum)


def settings_from_config(config: DeviceConfig) -> SerialSettings:
    """Read a serial scanner's options. Raises ConfigError naming the bad option."""
    options = Options(config.name, config.options)
    terminator = options.choice("terminator", "CR", TERMINATORS)
    settings = SerialSettings(
        port=config.port,
        baudrate=options.int("baudrate", 9600, 50, 4_000_000),
        bytesize=options.int("bytesize", 8, 5, 8),
        parity=options.choice("parity", "N", ["N", "E", "O", "M", "S"]),
        stopbits=options.float("stopbits", 1, 1, 2),
        xonxoff=options.bool("xonxoff", False),
        rtscts=options.bool("rtscts", False),
        terminator=TERMINATORS[terminator],
        prefix=options.str("prefix", "").encode("latin-1", "replace"),
        aim=options.bool("aim", True),
        max_length=options.int("max_length", 512, 8, 65536),
        backoff=read_backoff(options),
    )
    options.finish()
    if not config.port:
        from kiosk.config import ConfigError

        raise ConfigError(
            "[[devices]]",
            f"devices.{config.name}.port",
            config.port,
            "a serial port such as /dev/ttyACM0",
        )
    return settings


def build(config: DeviceConfig) -> SerialScanner:
    """Registry builder for ``driver = "serial"``."""
    return SerialScanner(config.name, settings_from_config(config))
