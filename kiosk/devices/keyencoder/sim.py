"""A virtual Salto server with one key encoder: the logic behind ``kiosk sim keyencoder``.

:class:`SaltoSimulator` is sans-IO: :meth:`~SaltoSimulator.feed` takes what the
kiosk sent and returns the bytes a Salto server would send back, parsed and
framed by the same :mod:`~kiosk.devices.keyencoder.protocol` the driver uses.
It answers ENQ with ACK, a message with ACK (NAK when its LRC or framing is
wrong) and then its answer: ``CN`` encodes a new guest key for a room and voids
the room's earlier keys, ``CC`` adds a copy (``EA`` when the room is not
checked in), ``CO`` checks the room out and voids its keys, ``LT`` reads the
card on the encoder (the last one encoded, or the one ``present N`` puts
there). A room that is not in :attr:`~SaltoSimulator.rooms` gets ``TD``; a
message it cannot take gets ``ES``. It keeps every key it encoded
(:attr:`~SaltoSimulator.keys`) so a test can read one back.

Operator commands (:meth:`~SaltoSimulator.command`, from stdin or the control
socket of :mod:`kiosk.devices.keyencoder.serve`) make it misbehave:

``nocard`` / ``card``     no card on the encoder (encodes answer ``ED``, reads ``EP``) / back
``remove [after N]``      the card is pulled during the next encode (after N more
                          succeed): that encode answers ``EP``
``error CODE [TEXT]``     answer the next message with error CODE (ES, NC, OV, EG...)
``nak``                   refuse the next message with NAK
``silent`` / ``answer``   stop answering anything (ENQ included) / answer again
``noise``                 put line noise and a frame with a bad LRC before the next reply
``present N`` / ``blank`` put key N (1-based) / a blank card on the encoder
``keys``, ``status``, ``help``
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from kiosk.devices.keyencoder.messages import (
    ERRORS,
    BadCommand,
    CheckedOut,
    Checkout,
    Command,
    EncodeKey,
    EncoderFault,
    KeyEncoded,
    KeyRead,
    ReadKey,
    command_from,
    encode,
)
from kiosk.devices.keyencoder.protocol import ACK, NAK, Ack, Enq, Frame, FrameParser, Nak
from kiosk.devices.protocol import Rejected

HELP = (
    "commands: nocard | card | remove [after N] | error CODE [TEXT] | nak | silent | answer | "
    "noise | present N | blank | keys | status | help"
)


#: Line noise and a CO answer whose LRC is wrong (what a bad line does to a reply).
NOISE = b"\x00\xffJUNK" + encode(CheckedOut("1", "101"))[:-1] + b"\x00"


def default_rooms() -> frozenset[str]:
    """Rooms 101-120, 201-220 ... 501-520."""
    return frozenset(f"{floor}{number:02d}" for floor in range(1, 6) for number in range(1, 21))


@dataclass(frozen=True, slots=True)
class EncodedKey:
    """A key the simulator wrote: ``number`` counts from 1 in the order they were made."""

    number: int
    encoder: str
    room: str
    rooms: tuple[str, ...]
    valid_from: datetime
    valid_to: datetime
    copy: bool
    operator: str


class SaltoSimulator:
    """See the module docstring. Thread-safe: connections and the operator share it."""

    def __init__(self, rooms: Iterable[str] | None = None) -> None:
        self.rooms = frozenset(rooms) if rooms is not None else default_rooms()
        self.keys: list[EncodedKey] = []
        self.voided: set[int] = set()  # key numbers that no longer open their door
        self.occupied: set[str] = set()  # rooms checked in (a CN made their current key)
        self.received: list[Command] = []
        self.card_present = True
        self.pull_after: int | None = None
        self.next_error: tuple[str, str] | None = None
        self.nak_next = False
        self.silent = False
        self.noise_next = False
        self.on_encoder: EncodedKey | None = None  # None: a blank card
        self._lock = threading.RLock()

    # -- the wire ------------------------------------------------------------------------------
    def new_parser(self) -> FrameParser:
        """One parser per connection (a frame cut by a disconnect is not glued to the next)."""
        return FrameParser()

    def feed(self, parser: FrameParser, data: bytes) -> bytes:
        """Take what the kiosk sent on the connection of ``parser``; return the reply bytes."""
        reply = bytearray()
        with self._lock:
            for event in parser.feed(data):
                if self.silent:
                    continue
                answer = self._reply(event)
                if answer and self.noise_next:
                    self.noise_next = False
                    reply += NOISE
                reply += answer
        return bytes(reply)

    def _reply(self, event: object) -> bytes:
        if isinstance(event, Enq):
            return bytes([ACK])
        if isinstance(event, Ack | Nak):
            return b""
        if isinstance(event, Rejected):
            return bytes([NAK]) if event.raw else b""  # a broken frame; stray bytes are ignored
        assert isinstance(event, Frame)
        if self.nak_next:
            self.nak_next = False
            return bytes([NAK])
        answer = self._answer(command_from(event))
        try:
            return bytes([ACK]) + encode(answer)
        except ValueError:  # an echo of a field the kiosk should not have sent
            return bytes([ACK]) + encode(EncoderFault("ES", getattr(answer, "encoder", "")))

    def _answer(
        self, command: Command | BadCommand
    ) -> KeyEncoded | CheckedOut | KeyRead | EncoderFault:
        encoder = getattr(command, "encoder", "")
        if isinstance(command, BadCommand):
            return EncoderFault("ES", encoder, command.reason)
        self.received.append(command)
        if self.next_error is not None:
            code, text = self.next_error
            self.next_error = None
            return EncoderFault(code, encoder, text)
        if isinstance(command, EncodeKey):
            return self._encode(command)
        if isinstance(command, ReadKey):
            return self._read(command)
        assert isinstance(command, Checkout)
        if command.room not in self.rooms:
            return EncoderFault("TD", encoder)
        self.occupied.discard(command.room)
        self.voided.update(k.number for k in self.keys if k.room == command.room)
        return CheckedOut(encoder, command.room)

    def _encode(self, command: EncodeKey) -> KeyEncoded | EncoderFault:
        rooms = (command.room, *command.extra_rooms)
        unknown = [room for room in rooms if room not in self.rooms]
        if unknown:
            return EncoderFault("TD", command.encoder)
        if command.copy and command.room not in self.occupied:
            return EncoderFault("EA", command.encoder)
        if not self.card_present:
            return EncoderFault("ED", command.encoder)
        if self.pull_after is not None:
            if self.pull_after == 0:
                self.pull_after = None
                return EncoderFault("EP", command.encoder)
            self.pull_after -= 1
        if not command.copy:
            self.voided.update(k.number for k in self.keys if k.room == command.room)
            self.occupied.add(command.room)
        key = EncodedKey(
            len(self.keys) + 1,
            command.encoder,
            command.room,
            rooms,
            command.valid_from,
            command.valid_to,
            command.copy,
            command.operator,
        )
        self.keys.append(key)
        self.on_encoder = key
        return KeyEncoded(command.name, command.encoder, command.room)

    def _read(self, command: ReadKey) -> KeyRead | EncoderFault:
        if not self.card_present:
            return EncoderFault("EP", command.encoder)
        key = self.on_encoder
        if key is None:
            return KeyRead(command.encoder, (), None, None)
        return KeyRead(command.encoder, key.rooms, key.valid_from, key.valid_to)

    def works(self, key: EncodedKey) -> bool:
        """Whether ``key`` still opens its door (not voided by a later CN or a CO)."""
        with self._lock:
            return key.number not in self.voided

    # -- the operator ----------------------------------------------------------------------------
    def command(self, line: str) -> str:
        """Do one operator command (see the module docstring); return the reply. Never raises."""
        with self._lock:
            try:
                return self._command(line.strip().split())
            except ValueError as error:
                return f"error: {error}"

    def _command(self, words: list[str]) -> str:
        match words:
            case []:
                return ""
            case ["nocard"]:
                self.card_present = False
                return "no card on the encoder"
            case ["card"]:
                self.card_present = True
                return "a card is on the encoder"
            case ["remove"]:
                self.pull_after = 0
                return "the card will be pulled during the next encode"
            case ["remove", "after", count]:
                self.pull_after = _count(count)
                return f"the card will be pulled after {self.pull_after} more encode(s)"
            case ["error", code, *text]:
                if code not in ERRORS:
                    raise ValueError(f"unknown error code {code!r}; known: {', '.join(ERRORS)}")
                self.next_error = (code, " ".join(text))
                return f"the next message gets {code}"
            case ["nak"]:
                self.nak_next = True
                return "the next message gets NAK"
            case ["noise"]:
                self.noise_next = True
                return "line noise before the next reply"
            case ["silent"]:
                self.silent = True
                return "silent"
            case ["answer"]:
                self.silent = False
                return "answering"
            case ["present", number]:
                index = _count(number)
                if not 1 <= index <= len(self.keys):
                    raise ValueError(f"no key {index}; {len(self.keys)} encoded")
                self.on_encoder = self.keys[index - 1]
                return f"key {index} (room {self.on_encoder.room}) is on the encoder"
            case ["blank"]:
                self.on_encoder = None
                return "a blank card is on the encoder"
            case ["keys"]:
                return "; ".join(self._describe(k) for k in self.keys) or "no keys encoded"
            case ["status"]:
                return (
                    f"{len(self.keys)} key(s); card {'present' if self.card_present else 'absent'}"
                    f"; {'silent' if self.silent else 'answering'}"
                    f"; occupied: {', '.join(sorted(self.occupied)) or 'none'}"
                )
            case _:
                return HELP

    def _describe(self, key: EncodedKey) -> str:
        state = "works" if key.number not in self.voided else "void"
        kind = "copy" if key.copy else "new"
        return (
            f"{key.number}: room {key.room} {kind} {key.valid_from:%Y-%m-%d %H:%M} to "
            f"{key.valid_to:%Y-%m-%d %H:%M} ({state})"
        )


def _count(text: str) -> int:
    if not text.isdigit():
        raise ValueError(f"{text!r} is not a whole number")
    return int(text)
