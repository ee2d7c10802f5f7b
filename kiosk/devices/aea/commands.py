"""Host -> printer commands parsed, sans-IO: what the simulator (a printer) reads.

:meth:`CommandParser.feed` turns bytes into :class:`UploadPectab`,
:class:`PrintDocument`, :class:`QueryStatus`, :class:`QueryPectabs` and
:class:`ClearPectabs`; a frame it cannot read becomes :class:`BadCommand`
(with a reason naming the element or header at fault) and bytes outside
frames :class:`Stray`. It never raises. A print command's fields are only
split here; checking them against the pectab is the printer's job (it knows
which pectabs it holds).
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.devices.aea.framing import Deframer, Frame
from kiosk.devices.aea.pectab import ATB, BTP, Pectab, PectabError, parse_pectab

GRIDS = {ATB: (72, 18), BTP: (24, 26)}


@dataclass(frozen=True, slots=True)
class UploadPectab:
    pectab: Pectab


@dataclass(frozen=True, slots=True)
class PrintDocument:
    key: str  # the pectab named (id + version)
    copies: int
    fields: tuple[tuple[str, str], ...]  # (element number, value) in the order sent


@dataclass(frozen=True, slots=True)
class QueryStatus:
    pass


@dataclass(frozen=True, slots=True)
class QueryPectabs:
    pass


@dataclass(frozen=True, slots=True)
class ClearPectabs:
    key: str = ""  # "" = all


@dataclass(frozen=True, slots=True)
class BadCommand:
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Stray:
    data: bytes


Command = UploadPectab | PrintDocument | QueryStatus | QueryPectabs | ClearPectabs
CommandEvent = Command | BadCommand | Stray


def parse_command(text: str, kind: str) -> Command | BadCommand:
    """Read one frame's text as a ``kind`` (ATB or BTP) printer would."""
    try:
        return _parse(text, kind)
    except PectabError as error:
        return BadCommand(text[:80], error.message)


def _parse(text: str, kind: str) -> Command | BadCommand:
    if text == "QS":
        return QueryStatus()
    if text == "PS":
        return QueryPectabs()
    if text.startswith("PC") and len(text) <= 6:
        return ClearPectabs(text[2:])
    if text.startswith("PT##?") or (text.startswith("BTT") and kind == BTP):
        if (kind == ATB) != text.startswith("PT"):
            return BadCommand(text[:80], f"a {kind.upper()} printer takes no such pectab")
        columns, rows = GRIDS[kind]
        return UploadPectab(parse_pectab(text, kind, columns, rows))
    if text.startswith("CP#") and kind == ATB:
        parts = text.split("#")
        header = parts[1]
        if len(header) != 4 or not header[0].isdigit() or header[1:] != "C01":
            return BadCommand(text[:80], f"CP header {header!r}: expected <copies>C01")
        fields = _fields(parts[2:])
        if not fields or fields[0][0] != "01":
            return BadCommand(text[:80], "CP: element 01 (the pectab) must come first")
        return PrintDocument(fields[0][1], int(header[0]), fields[1:])
    if text.startswith("BTP") and kind == BTP:
        head, _, rest = text.partition("#")
        if len(head) != 9 or not head[7:].isdigit():
            return BadCommand(text[:80], f"BTP header {head!r}: expected BTP<id><ver><copies>")
        return PrintDocument(head[3:7], int(head[7:]), _fields(rest.split("#")))
    return BadCommand(text[:80], f"unknown command for a {kind.upper()} printer")


def _fields(parts: list[str]) -> tuple[tuple[str, str], ...]:
    if parts and parts[-1] == "":
        parts = parts[:-1]
    out: list[tuple[str, str]] = []
    for index, part in enumerate(parts):
        number = part[:2]
        if len(number) != 2 or any(c not in "0123456789ABCDEF" for c in number):
            raise PectabError(f"field {index} ({part[:20]!r}): no element number")
        out.append((number, part[2:]))
    return tuple(out)


class CommandParser:
    """Frames in, command events out; see the module docstring."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._deframer = Deframer()

    def feed(self, data: bytes) -> list[CommandEvent]:
        events: list[CommandEvent] = []
        for item in self._deframer.feed(data):
            if isinstance(item, Frame):
                events.append(parse_command(item.text, self.kind))
            else:
                events.append(Stray(item.data))
        return events
