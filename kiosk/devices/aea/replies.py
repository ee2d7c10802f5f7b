"""Printer -> host answers, sans-IO: :class:`ReplyParser` and :func:`reply_text`.

:meth:`ReplyParser.feed` takes the bytes the printer sent and returns events:
:class:`Ok` (a print or a clear is done), :class:`PectabStored`,
:class:`PectabList`, :class:`StatusReport` and :class:`Refused` (``ERR;code;text``),
plus :class:`Unrecognised` for a frame it cannot read and :class:`Noise` for
bytes outside frames. It never raises; the driver logs the last two and
carries on, so a glitch costs one answer, never the link.
:func:`reply_text` writes an answer (the simulator's half).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from kiosk.devices.aea.framing import Deframer, Frame


class Media(enum.Enum):
    OK = "OK"
    LOW = "LOW"
    OUT = "OUT"


class Fault(enum.Enum):
    """Why the printer refused a command (``ERR;<code>;...``)."""

    PAPER_OUT = "PAPEROUT"
    PAPER_JAM = "PAPERJAM"
    NO_PECTAB = "NOPECTAB"
    DATA = "DATA"
    OFFLINE = "OFFLINE"


@dataclass(frozen=True, slots=True)
class Ok:
    """The last print (or clear) is done: the document was printed and presented."""


@dataclass(frozen=True, slots=True)
class PectabStored:
    key: str  # id + version


@dataclass(frozen=True, slots=True)
class PectabList:
    keys: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StatusReport:
    online: bool
    media: Media
    jammed: bool
    busy: bool


@dataclass(frozen=True, slots=True)
class Refused:
    fault: Fault
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Unrecognised:
    """A frame that is no answer we know; ``reason`` says what is wrong with it."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Noise:
    """Bytes outside any complete frame."""

    data: bytes
    reason: str


Reply = Ok | PectabStored | PectabList | StatusReport | Refused
ReplyEvent = Reply | Unrecognised | Noise


def parse_reply(text: str, key_width: int = 3) -> Reply | Unrecognised:
    """Read one frame's text. ``key_width``: characters per id in a ``PSOK`` list
    (3 on an ATB, 4 on a BTP: id + version)."""
    if text == "OK":
        return Ok()
    if text.startswith("PECTAB OK"):
        key = text[9:].strip()
        return PectabStored(key) if key else Unrecognised(text, "PECTAB OK without an id")
    if text.startswith("PSOK"):
        rest = text[4:]
        if len(rest) % key_width:
            return Unrecognised(text, f"pectab list not in {key_width}-character ids")
        return PectabList(tuple(rest[i : i + key_width] for i in range(0, len(rest), key_width)))
    if text.startswith("QS;"):
        return _status(text)
    if text.startswith("ERR;"):
        code, _, detail = text[4:].partition(";")
        try:
            return Refused(Fault(code), detail)
        except ValueError:
            return Unrecognised(text, f"unknown error code {code!r}")
    return Unrecognised(text, "not an answer this driver knows")


def _status(text: str) -> StatusReport | Unrecognised:
    fields = text.split(";")
    if len(fields) != 5:
        return Unrecognised(text, f"status has {len(fields) - 1} fields, expected 4")
    _, online, media, jam, busy = fields
    flags = (online, jam, busy)
    if any(flag not in ("0", "1") for flag in flags):
        return Unrecognised(text, "status flags must be 0 or 1")
    try:
        paper = Media(media)
    except ValueError:
        return Unrecognised(text, f"paper state {media!r}: expected OK, LOW or OUT")
    return StatusReport(online == "1", paper, jam == "1", busy == "1")


def reply_text(reply: Reply) -> str:
    """The text of an answer (inverse of :func:`parse_reply`)."""
    if isinstance(reply, Ok):
        return "OK"
    if isinstance(reply, PectabStored):
        return f"PECTAB OK {reply.key}"
    if isinstance(reply, PectabList):
        return "PSOK" + "".join(reply.keys)
    if isinstance(reply, StatusReport):
        flags = (reply.online, reply.media.value, reply.jammed, reply.busy)
        return "QS;" + ";".join(f if isinstance(f, str) else str(int(f)) for f in flags)
    return f"ERR;{reply.fault.value};{reply.detail}"


class ReplyParser:
    """Frames in, reply events out; see the module docstring."""

    def __init__(self, key_width: int = 3) -> None:
        self._deframer = Deframer()
        self.key_width = key_width

    def feed(self, data: bytes) -> list[ReplyEvent]:
        events: list[ReplyEvent] = []
        for item in self._deframer.feed(data):
            if isinstance(item, Frame):
                events.append(parse_reply(item.text, self.key_width))
            else:
                events.append(Noise(item.data, item.reason))
        return events
