"""The Salto PMS messages the kiosk uses: commands out, answers and error codes back.

Commands (kiosk -> Salto)
-------------------------
Field positions follow the public client ``rohsyl/salto`` (github.com/coucounco/salto),
which writes them for the mobile-key variants of the same commands (CNM/CCM:
1 phone, 2-5 rooms, 6 authorisations granted, 7 denied, 8 start, 9 expiry,
10 operator) and for check-out (CO: 1 encoder number, 2 room). For a card the
target is an encoder instead of a phone, so field 1 is the encoder number, as
in CO:

=====  ==========================================================================
``CN`` check-in, new guest key: ``CN|encoder|room|room2|room3|room4|grant|deny|
       start|expiry|operator``; the Salto server waits for a card on that encoder,
       encodes it and answers; keys made earlier for the room stop working.
``CC`` a copy of the room's current guest key (same fields); earlier keys keep
       working. Refused with ``EA`` once the room is checked out.
``CO`` check-out: ``CO|encoder|room``; the room's guest keys stop working.
``LT`` read the key on the encoder: ``LT|encoder`` (**assumed**: the read-key
       command's name and answer layout are not in any public source found;
       see ``docs/key-encoder.md``).
=====  ==========================================================================

Dates are ``hhmmDDMMYY`` (24-hour hour, minute, day, month, two-digit year) in
the hotel's local time: the wall-clock fields of the ``datetime`` are sent as
they are, with no time-zone conversion.

Answers (Salto -> kiosk)
------------------------
A command that worked is echoed: the same command name with the encoder and
the room (the public client's test server answers ``CNM|phone|room``). A
command that failed is answered with a two-letter error code instead of the
command name, then the encoder number (and, for ``EG``, a text); the codes and
their meanings are those listed in ``SaltoClient.php`` (:data:`ERRORS`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from kiosk.devices.keyencoder.protocol import (
    CONTROL_BYTES,
    Ack,
    Enq,
    Frame,
    FrameParser,
    Nak,
    encode_frame,
)
from kiosk.devices.protocol import Rejected

DATE_FORMAT = "%H%M%d%m%y"  # Salto's hhmmDDMMYY
MAX_EXTRA_ROOMS = 3  # fields 3-5: a key may open up to four rooms

#: Error answers: code -> what it means (after the table in rohsyl/salto's SaltoClient.php).
ERRORS: dict[str, str] = {
    "ES": "syntax error: the Salto interface did not understand the message",
    "NC": "no communication with the encoder (switched off or disconnected)",
    "NF": "the Salto interface's database files are missing or damaged",
    "OV": "the encoder is still busy with a previous task",
    "EP": "card error: no card in the encoder, or it is wrongly inserted",
    "EF": "format error: the card was encoded by another system or is damaged",
    "TD": "unknown room",
    "ED": "timeout: no card was put on the encoder in time",
    "EA": "a copy was asked for a room that is checked out",
    "OS": "the room is out of service",
    "EO": "the guest card is being encoded by another station",
    "EG": "general error",
}


def format_date(moment: datetime) -> str:
    """``moment``'s wall-clock fields as hhmmDDMMYY."""
    return moment.strftime(DATE_FORMAT)


def parse_date(text: str, what: str) -> datetime:
    """A naive datetime from hhmmDDMMYY. Raises ValueError naming ``what``."""
    if len(text) != 10 or not text.isdigit():
        raise ValueError(f"{what} {text!r} is not hhmmDDMMYY")
    try:
        return datetime.strptime(text, DATE_FORMAT)
    except ValueError:
        raise ValueError(f"{what} {text!r} is not a real date and time (hhmmDDMMYY)") from None


# -- commands -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EncodeKey:
    """``CN`` (a new guest key) or, with ``copy``, ``CC`` (one more key for the same stay).

    Raises:
        ValueError: an empty room or encoder, more than three extra rooms, or a validity
            that ends before it starts or falls outside 2000-2099 (two-digit years).
    """

    encoder: str
    room: str
    valid_from: datetime
    valid_to: datetime
    copy: bool = False
    extra_rooms: tuple[str, ...] = ()
    grant: str = ""
    deny: str = ""
    operator: str = ""

    def __post_init__(self) -> None:
        if not self.encoder:
            raise ValueError("encoder is empty")
        if not self.room:
            raise ValueError("room is empty")
        if len(self.extra_rooms) > MAX_EXTRA_ROOMS:
            raise ValueError(f"extra_rooms has {len(self.extra_rooms)} rooms; at most 3")
        if self.valid_to <= self.valid_from:
            raise ValueError(f"valid_to {self.valid_to} is not after valid_from {self.valid_from}")
        for name, moment in (("valid_from", self.valid_from), ("valid_to", self.valid_to)):
            if not 2000 <= moment.year <= 2099:
                raise ValueError(f"{name} {moment} is outside 2000-2099 (two-digit years)")

    @property
    def name(self) -> str:
        return "CC" if self.copy else "CN"

    def fields(self) -> tuple[str, ...]:
        rooms = (self.room, *self.extra_rooms, "", "", "")[:4]
        return (
            self.name,
            self.encoder,
            *rooms,
            self.grant,
            self.deny,
            format_date(self.valid_from),
            format_date(self.valid_to),
            self.operator,
        )


@dataclass(frozen=True, slots=True)
class ReadKey:
    """``LT``: read the card on ``encoder`` (command name assumed; see the module docstring)."""

    encoder: str
    name = "LT"

    def fields(self) -> tuple[str, ...]:
        return (self.name, self.encoder)


@dataclass(frozen=True, slots=True)
class Checkout:
    """``CO``: check ``room`` out; its guest keys stop working."""

    encoder: str
    room: str
    name = "CO"

    def fields(self) -> tuple[str, ...]:
        return (self.name, self.encoder, self.room)


@dataclass(frozen=True, slots=True)
class Enquiry:
    """ENQ: is the Salto interface ready for a message? (answered by ACK or NAK)."""


Command = EncodeKey | ReadKey | Checkout | Enquiry


# -- answers --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class KeyEncoded:
    """A ``CN``/``CC`` done: the encoder wrote a key for ``room``."""

    command: str
    encoder: str
    room: str

    def fields(self) -> tuple[str, ...]:
        return (self.command, self.encoder, self.room)


@dataclass(frozen=True, slots=True)
class CheckedOut:
    """A ``CO`` done."""

    encoder: str
    room: str

    def fields(self) -> tuple[str, ...]:
        return ("CO", self.encoder, self.room)


@dataclass(frozen=True, slots=True)
class KeyRead:
    """An ``LT`` answer: what the card on the encoder opens, and when. A blank card has
    no rooms and no dates."""

    encoder: str
    rooms: tuple[str, ...]
    valid_from: datetime | None
    valid_to: datetime | None

    @property
    def room(self) -> str:
        return self.rooms[0] if self.rooms else ""

    def fields(self) -> tuple[str, ...]:
        rooms = (*self.rooms, "", "", "", "")[:4]
        start = format_date(self.valid_from) if self.valid_from else ""
        end = format_date(self.valid_to) if self.valid_to else ""
        return ("LT", self.encoder, *rooms, "", "", start, end)


@dataclass(frozen=True, slots=True)
class EncoderFault:
    """An error answer: ``code`` (a key of :data:`ERRORS`), the encoder, any text after it."""

    code: str
    encoder: str = ""
    text: str = ""

    @property
    def description(self) -> str:
        return ERRORS.get(self.code, f"error {self.code}")

    def fields(self) -> tuple[str, ...]:
        return (self.code, self.encoder, self.text) if self.text else (self.code, self.encoder)


Answer = KeyEncoded | CheckedOut | KeyRead | EncoderFault
Message = Command | Answer | Ack | Nak


def encode(message: Message) -> bytes:
    """The bytes of a command or an answer (ENQ/ACK/NAK are single bytes).

    Raises:
        ValueError: a field holds something the protocol cannot carry (names the field).
    """
    if isinstance(message, Enquiry):
        return CONTROL_BYTES[Enq]
    if isinstance(message, Ack | Nak):
        return CONTROL_BYTES[type(message)]
    return encode_frame(message.fields())


def _field(fields: tuple[str, ...], index: int) -> str:
    return fields[index] if index < len(fields) else ""


def answer_from(frame: Frame) -> Answer | Rejected:
    """What a frame from the Salto interface means, or a Rejected naming the field."""
    fields = frame.fields
    code = frame.command
    if code in ERRORS:
        return EncoderFault(code, _field(fields, 1), " ".join(f for f in fields[2:] if f))
    if code in ("CN", "CC"):
        return KeyEncoded(code, _field(fields, 1), _field(fields, 2))
    if code == "CO":
        return CheckedOut(_field(fields, 1), _field(fields, 2))
    if code == "LT":
        return _key_read(fields)
    return Rejected(f"unknown answer {code!r} ({len(fields)} fields)")


def _key_read(fields: tuple[str, ...]) -> KeyRead | Rejected:
    rooms = tuple(r for r in (_field(fields, i) for i in range(2, 6)) if r)
    dates: list[datetime | None] = []
    for index, what in ((8, "LT field 8 (start)"), (9, "LT field 9 (expiry)")):
        text = _field(fields, index)
        try:
            dates.append(parse_date(text, what) if text else None)
        except ValueError as error:
            return Rejected(str(error))
    if rooms and None in dates:
        return Rejected("LT answer names a room but not both dates (fields 8 and 9)")
    return KeyRead(_field(fields, 1), rooms, dates[0], dates[1])


@dataclass(frozen=True, slots=True)
class BadCommand:
    """A frame the Salto side cannot take (the simulator answers ``ES``)."""

    reason: str
    encoder: str = ""


def command_from(frame: Frame) -> Command | BadCommand:
    """The command a frame from the kiosk carries (the simulator's side)."""
    fields = frame.fields
    encoder = _field(fields, 1)
    try:
        if frame.command in ("CN", "CC"):
            extra = tuple(r for r in (_field(fields, i) for i in (3, 4, 5)) if r)
            return EncodeKey(
                encoder,
                _field(fields, 2),
                parse_date(_field(fields, 8), "field 8 (start)"),
                parse_date(_field(fields, 9), "field 9 (expiry)"),
                copy=frame.command == "CC",
                extra_rooms=extra,
                grant=_field(fields, 6),
                deny=_field(fields, 7),
                operator=_field(fields, 10),
            )
        if frame.command == "LT":
            return ReadKey(encoder)
        if frame.command == "CO":
            if not _field(fields, 2):
                return BadCommand("CO without a room (field 2)", encoder)
            return Checkout(encoder, fields[2])
    except ValueError as error:
        return BadCommand(f"{frame.command}: {error}", encoder)
    return BadCommand(f"unknown command {frame.command!r}", encoder)


HostEvent = Ack | Nak | Enq | Answer | Rejected


@dataclass
class HostProtocol:
    """The kiosk's side: bytes from the Salto interface -> ACK/NAK, answers, Rejected.

    ``feed`` never raises; a frame that is well formed but means nothing known is a
    Rejected too, so the driver reports it and carries on.
    """

    parser: FrameParser = field(default_factory=FrameParser)

    def feed(self, data: bytes) -> list[HostEvent]:
        events: list[HostEvent] = []
        for event in self.parser.feed(data):
            events.append(answer_from(event) if isinstance(event, Frame) else event)
        return events
