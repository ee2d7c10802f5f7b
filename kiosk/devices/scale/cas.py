"""CAS continuous output, sans-IO.

The scale sends one line per reading without being asked, ending in CR LF:
``ST,GS,+  1.234kg``: a state (``ST`` stable, ``US`` unstable, ``OL``
overload), a weight type (``GS`` gross, ``NT`` net), a sign, the displayed
weight and its unit. Variants with a device id or lamp byte after the second
comma, or without the sign, are accepted. There are no host commands:
:meth:`CasProtocol.encode` raises :class:`UnsupportedCommand` (zero the scale
on its keypad; tare is done by the driver).
"""

from __future__ import annotations

import re

from kiosk.devices.protocol import Rejected
from kiosk.devices.scale.weight import (
    ScaleCommand,
    UnsupportedCommand,
    WeightReading,
    parse_number,
    parse_unit,
    to_grams,
)

MAX_LINE = 64
_LINE = re.compile(r"^(ST|US),(GS|NT|TR)?,?[^+\-0-9]*([+-]?)\s*([0-9.]*)\s*([A-Za-z]{0,3})\s*$")


class CasProtocol:
    """Parser for CAS continuous output lines."""

    name = "cas"
    polled = False

    def __init__(self) -> None:
        self._buffer = bytearray()

    def encode(self, command: ScaleCommand) -> bytes:
        raise UnsupportedCommand(f"CAS continuous output has no {command.value} command")

    def feed(self, data: bytes) -> list[WeightReading | Rejected]:
        events: list[WeightReading | Rejected] = []
        for byte in data:
            if byte in (0x0D, 0x0A):
                if self._buffer:
                    events.append(self._line(bytes(self._buffer)))
                self._buffer = bytearray()
                continue
            self._buffer.append(byte)
            if len(self._buffer) > MAX_LINE:
                events.append(Rejected("over-long CAS line", bytes(self._buffer)))
                self._buffer = bytearray()
        return events

    def _line(self, line: bytes) -> WeightReading | Rejected:
        text = line.decode("ascii", errors="replace")
        if text.startswith("OL,"):
            return WeightReading(None, over_capacity=True, net=text[3:5] == "NT", raw=line)
        match = _LINE.match(text)
        if match is None:
            return Rejected(f"not a CAS line: {text[:24]!r}", line)
        state, kind, sign, number, unit_text = match.groups()
        unit = parse_unit(unit_text or "kg")
        value = parse_number(number)
        if unit is None or value is None:
            return Rejected(f"not a CAS weight: {text[:24]!r}", line)
        grams = to_grams(value, unit)
        grams = -grams if sign == "-" else grams
        return WeightReading(
            grams,
            motion=state == "US",
            under_zero=grams < 0,
            at_zero=grams == 0,
            net=kind == "NT",
            raw=line,
        )
