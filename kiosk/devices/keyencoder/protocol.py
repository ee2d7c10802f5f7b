"""Sans-IO framing of the Salto "PMS Industry Standard" protocol: bytes in, events out.

What is on the wire
-------------------
Salto's hotel lock server (ProAccess SPACE, earlier HAMS/RW) takes orders from
a property management system - or a kiosk - on a TCP port (often 8090) or a
serial line, in what Salto calls the PMS Industry Standard protocol
("PMS_SALTO_IS_V1"). The specification itself is handed to Salto partners and
is not public; what this module keeps to is what public sources show (see
``docs/key-encoder.md`` for the list and what is assumed):

* A message is ``STX <sep> field0 <sep> field1 <sep> ... fieldN <sep> ETX LRC``
  with STX = 0x02, ETX = 0x03 and the field separator 0xB3 (a ``│`` in the DOS
  code page 437, ``³`` in Latin-1). Field 0 is the command (``CN``, ``CC``,
  ``CO``...), the rest are positional; empty trailing fields may be left out.
* LRC is the XOR of every byte after STX up to and including ETX. The byte
  0x0D in the LRC position means "no LRC, do not check" (both public clients
  read below accept it; this module never sends it).
* Control bytes: ENQ (0x05) asks whether the Salto interface is ready for a
  new message; ACK (0x06) is a positive acknowledgement of an ENQ or of a
  message; NAK (0x15) a negative one (not ready, or a message it could not
  take, e.g. a bad LRC).
* There is no escaping: a field may not contain STX, ETX, the separator or
  another control byte, so :func:`encode_frame` refuses them, naming the field.

Sources: the MIT-licensed PHP client ``rohsyl/salto`` (github.com/coucounco/salto:
``SaltoClient.php`` for the control bytes, separator, LRC and its skip value,
the date format and the error table; ``Messages/*.php`` for field positions of
CNM/CCM/MC/CO), and integrators' public set-up pages (Booking Experts "Salto
Access System link": *General options -> PMS -> Industry Standard, channel
TCP/IP, port 8090*; NEC UIP "Adapter - Salto Hospitality": check-in, copies
and check-out through the Industry Standard PMS protocol for kiosks).

Theory of operation
-------------------
:class:`FrameParser` is a byte-level state machine (IDLE -> BODY -> CHECK)
that keeps everything across ``feed`` calls, so reads cut anywhere give the
same frames. ENQ/ACK/NAK outside a frame are events of their own. A frame
whose LRC is wrong, that is cut by a new STX or a control byte, that is longer
than ``max_length`` or that does not start with the separator becomes one
:class:`~kiosk.devices.protocol.Rejected` naming what and where, and the parser
resynchronises on the next STX; bytes outside any frame are reported once per
run as stray bytes. It never raises for what it is fed.

:class:`HostProtocol` (the kiosk's side) turns frames into answers
(:mod:`kiosk.devices.keyencoder.messages`); the simulator uses
:class:`FrameParser` and :func:`~kiosk.devices.keyencoder.messages.command_from`
for the other direction.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from kiosk.devices.protocol import Rejected

STX, ETX, ENQ, ACK, NAK = 0x02, 0x03, 0x05, 0x06, 0x15
SEP = 0xB3
LRC_SKIP = 0x0D
CONTROL = frozenset({STX, ETX, ENQ, ACK, NAK})
MAX_LENGTH = 1024  # bytes between STX and ETX; Salto's longest fields are a few hundred
TEXT_ENCODING = "latin-1"  # one byte per character; the separator is 0xB3 in any case


@dataclass(frozen=True, slots=True)
class Enq:
    """ENQ: "are you ready for a message?" (the kiosk sends it; the simulator receives it)."""


@dataclass(frozen=True, slots=True)
class Ack:
    """ACK: the last ENQ or message was accepted."""


@dataclass(frozen=True, slots=True)
class Nak:
    """NAK: not ready, or the last message was refused (e.g. its LRC was wrong)."""


@dataclass(frozen=True, slots=True)
class Frame:
    """One well-formed message: its fields, the command first."""

    fields: tuple[str, ...]

    @property
    def command(self) -> str:
        return self.fields[0]


WireEvent = Enq | Ack | Nak | Frame | Rejected


def lrc(data: bytes) -> int:
    """XOR of ``data`` (the LRC covers the bytes after STX up to and including ETX)."""
    value = 0
    for byte in data:
        value ^= byte
    return value


def encode_frame(fields: tuple[str, ...] | list[str]) -> bytes:
    """The bytes of a message with ``fields`` (the command first), LRC included.

    Raises:
        ValueError: no fields, an empty command, a character outside Latin-1, or a field
            holding a control byte or the separator (names the field's position).
    """
    if not fields or not fields[0]:
        raise ValueError("a message needs a command in field 0")
    parts: list[bytes] = []
    for index, text in enumerate(fields):
        try:
            raw = text.encode(TEXT_ENCODING)
        except UnicodeEncodeError as error:
            raise ValueError(
                f"field {index} has {text[error.start]!r} at position {error.start}, "
                "which the Salto interface cannot carry (Latin-1 only)"
            ) from None
        for position, byte in enumerate(raw):
            if byte == SEP or byte < 0x20 or byte in CONTROL:
                raise ValueError(
                    f"field {index} has byte 0x{byte:02x} at position {position}; "
                    "control bytes and the separator 0xB3 are not allowed in a field"
                )
        parts.append(raw)
    sep = bytes([SEP])
    body = sep + sep.join(parts) + sep + bytes([ETX])
    return bytes([STX]) + body + bytes([lrc(body)])


class _State(enum.Enum):
    IDLE = "idle"
    BODY = "body"
    CHECK = "check"


_SINGLE: dict[int, Enq | Ack | Nak] = {ENQ: Enq(), ACK: Ack(), NAK: Nak()}


class FrameParser:
    """Bytes -> :data:`WireEvent` for either end of the link (see the module docstring).

    Args:
        max_length: the longest body (STX..ETX exclusive) kept; longer ones are rejected.
        accept_lrc_skip: take 0x0D in the LRC position as "not checked".
    """

    def __init__(self, max_length: int = MAX_LENGTH, accept_lrc_skip: bool = True) -> None:
        self.max_length = max_length
        self.accept_lrc_skip = accept_lrc_skip
        self._state = _State.IDLE
        self._body = bytearray()
        self._stray = 0
        self._offset = 0  # bytes fed so far, for positions in reasons

    @property
    def busy(self) -> bool:
        """True while a frame is half received."""
        return self._state is not _State.IDLE

    def feed(self, data: bytes) -> list[WireEvent]:
        """Consume ``data``; return the events it completes. Never raises."""
        events: list[WireEvent] = []
        for byte in data:
            self._offset += 1
            self._step(byte, events)
        self._report_stray(events)
        return events

    def _step(self, byte: int, events: list[WireEvent]) -> None:
        if self._state is _State.IDLE:
            self._idle(byte, events)
        elif self._state is _State.BODY:
            self._in_body(byte, events)
        else:
            self._check(byte, events)

    def _idle(self, byte: int, events: list[WireEvent]) -> None:
        if byte == STX:
            self._report_stray(events)
            self._state, self._body = _State.BODY, bytearray()
        elif byte in _SINGLE:
            self._report_stray(events)
            events.append(_SINGLE[byte])
        else:
            self._stray += 1

    def _in_body(self, byte: int, events: list[WireEvent]) -> None:
        if byte == ETX:
            self._state = _State.CHECK
        elif byte in CONTROL:
            name = {STX: "STX", ENQ: "ENQ", ACK: "ACK", NAK: "NAK"}[byte]
            events.append(
                Rejected(
                    f"frame cut short by {name} at byte {self._offset} after "
                    f"{len(self._body)} bytes",
                    bytes(self._body),
                )
            )
            self._state = _State.IDLE
            self._idle(byte, events)
        elif len(self._body) >= self.max_length:
            events.append(
                Rejected(f"frame longer than {self.max_length} bytes; dropped", bytes(self._body))
            )
            self._state = _State.IDLE
            self._stray += 1
        else:
            self._body.append(byte)

    def _check(self, byte: int, events: list[WireEvent]) -> None:
        self._state = _State.IDLE
        body = bytes(self._body)
        expected = lrc(body + bytes([ETX]))
        if byte != expected and not (self.accept_lrc_skip and byte == LRC_SKIP):
            events.append(
                Rejected(
                    f"bad LRC at byte {self._offset}: got 0x{byte:02x}, expected 0x{expected:02x}",
                    body,
                )
            )
            return
        events.append(split_body(body))

    def _report_stray(self, events: list[WireEvent]) -> None:
        if self._stray:
            events.append(
                Rejected(f"{self._stray} stray byte(s) outside a frame before byte {self._offset}")
            )
            self._stray = 0


def split_body(body: bytes) -> Frame | Rejected:
    """The fields of a frame body (between STX and ETX), or why it is not a message."""
    if not body or body[0] != SEP:
        first = f"0x{body[0]:02x}" if body else "nothing"
        return Rejected(f"frame starts with {first}, not the separator 0xB3", body)
    parts = body[1:].split(bytes([SEP]))
    if len(parts) > 1 and parts[-1] == b"":
        parts.pop()  # the separator that closes the last field
    fields = tuple(part.decode(TEXT_ENCODING) for part in parts)
    if not fields or not fields[0]:
        return Rejected("frame has an empty command field", body)
    if not (fields[0].isascii() and fields[0].isalnum()):
        return Rejected(f"frame's command field {fields[0]!r} is not a command name", body)
    return Frame(fields)


CONTROL_BYTES: dict[type, bytes] = {Enq: bytes([ENQ]), Ack: bytes([ACK]), Nak: bytes([NAK])}
