"""Serial / USB-CDC document reader: pyserial moves bytes, :class:`DocReaderProtocol` parses.

Listeners get ``DataEvent(data=DocumentRead(lines, device=<name>))`` for each
document read (when enabled), ``ErrorEvent(ProtocolError)`` for a read the
protocol refused (wrong width, cut short, garbage), and the status of the
link: ready when the port is open, offline while it is missing (the worker
reconnects with backoff when it comes back, DESIGN.md invariant 7).

After ``pause_s`` seconds of silence in the middle of a document the parser is
flushed, so half a document is reported and never glued to the next one.

Invariant 6: the MRZ lines are handed to listeners in memory only; the log gets
how many lines of what width, never their text.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace

from kiosk import clock as kiosk_clock
from kiosk.config import ConfigError
from kiosk.config.devices import DeviceConfig
from kiosk.devices.docreader.events import DocumentRead
from kiosk.devices.docreader.protocol import CHECKSUMS, FRAMINGS, DocReaderProtocol
from kiosk.devices.options import Options
from kiosk.devices.reader import StreamReaderDevice
from kiosk.devices.transport import ByteStream, open_serial
from kiosk.devices.worker import Backoff

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DocReaderSettings:
    """Line settings and framing of a serial document reader (from ``options``)."""

    port: str
    baudrate: int = 9600
    bytesize: int = 8
    parity: str = "N"
    stopbits: float = 1
    xonxoff: bool = False
    rtscts: bool = False
    framing: str = "stx"
    checksum: str = "none"
    max_length: int = 256
    pause_s: float = 0.5
    backoff: Backoff = field(default_factory=Backoff)


class _Pacing:
    """The parser of one connection and when it was last fed (for the pause flush)."""

    def __init__(self, protocol: DocReaderProtocol) -> None:
        self.protocol = protocol
        self.last_data = kiosk_clock.monotonic()

    def feed(self, data: bytes) -> list[object]:
        self.last_data = kiosk_clock.monotonic()
        return self.protocol.feed(data)


class DocumentReader(StreamReaderDevice):
    """An MRZ document reader on a serial port; delivers ``DocumentRead`` data events."""

    kind = "docreader"

    def __init__(self, name: str, settings: DocReaderSettings) -> None:
        self.settings = settings
        self._pacing: _Pacing | None = None
        self.documents = 0  # documents read since claim (diagnostics)
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

    def _parser(self) -> _Pacing:
        s = self.settings
        self._pacing = _Pacing(DocReaderProtocol(s.framing, s.checksum, s.max_length))
        return self._pacing

    def _handle(self, event: object) -> None:
        if isinstance(event, DocumentRead):
            self.documents += 1
            widths = sorted({len(line) for line in event.lines})
            log.info("%s: document read, %d lines of %s", self.name, len(event.lines), widths)
            self._emit_data(replace(event, device=self.name))
        else:
            super()._handle(event)

    def _on_idle(self, stream: ByteStream) -> None:
        pacing = self._pacing
        if pacing is None or not pacing.protocol.busy:
            return
        if kiosk_clock.monotonic() - pacing.last_data >= self.settings.pause_s:
            for event in pacing.protocol.flush():
                self._handle(event)


def read_backoff(options: Options) -> Backoff:
    """``reconnect_initial_s`` / ``reconnect_max_s`` options as a Backoff."""
    initial = options.float("reconnect_initial_s", 0.2, 0.01, 60.0)
    maximum = options.float("reconnect_max_s", 10.0, initial, 600.0)
    return Backoff(initial, maximum)


def settings_from_config(config: DeviceConfig) -> DocReaderSettings:
    """Read a document reader's options. Raises ConfigError naming the bad option."""
    options = Options(config.name, config.options)
    framing = options.choice("framing", "stx", FRAMINGS)
    checksum = options.choice("checksum", "none", CHECKSUMS)
    settings = DocReaderSettings(
        port=config.port,
        baudrate=options.int("baudrate", 9600, 50, 4_000_000),
        bytesize=options.int("bytesize", 8, 5, 8),
        parity=options.choice("parity", "N", ["N", "E", "O", "M", "S"]),
        stopbits=options.float("stopbits", 1, 1, 2),
        xonxoff=options.bool("xonxoff", False),
        rtscts=options.bool("rtscts", False),
        framing=framing,
        checksum=checksum,
        max_length=options.int("max_length", 256, 64, 65536),
        pause_s=options.float("pause_s", 0.5, 0.05, 30.0),
        backoff=read_backoff(options),
    )
    options.finish()
    if checksum != "none" and framing != "stx":
        raise ConfigError(
            "[[devices]]",
            f"devices.{config.name}.options.checksum",
            checksum,
            '"none" with framing = "lines" (a block check needs framing = "stx")',
        )
    if not config.port:
        raise ConfigError(
            "[[devices]]",
            f"devices.{config.name}.port",
            config.port,
            "a serial port such as /dev/ttyACM0",
        )
    return settings


def build(config: DeviceConfig) -> DocumentReader:
    """Registry builder for ``driver = "serial"``."""
    return DocumentReader(config.name, settings_from_config(config))
