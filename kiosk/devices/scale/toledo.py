"""Mettler Toledo 8213 / 8217 demand mode, sans-IO.

The host sends ``W`` (``Z`` to zero). The scale answers one frame
``STX <body> CR``: a settled, valid weight as ASCII digits (``01.234``, or
``01234`` with the decimal point implied by the configured unit), or ``?``
and a status byte when it has no weight to give. Status byte bits (bit 7 is
parity on a 7E1 line and is ignored): 0 motion, 1 over capacity, 2 under
zero, 3 outside zero capture range, 4 centre of zero; bit 5 is always 1.
The frame does not carry the unit: it is configured (``kg``, ``g``, ``lb``).

Bytes outside a frame, over-long frames and bodies that are neither a number
nor a status become :class:`Rejected` events; the parser then resynchronises
on the next STX.
"""

from __future__ import annotations

from typing import ClassVar

from kiosk.devices.protocol import Rejected
from kiosk.devices.scale.weight import (
    ScaleCommand,
    UnsupportedCommand,
    WeightReading,
    WeightUnit,
    parse_number,
    to_grams,
)

STX, CR = 0x02, 0x0D
MAX_FRAME = 16
IMPLIED_DECIMALS = {WeightUnit.KG: 3, WeightUnit.LB: 2, WeightUnit.G: 0, WeightUnit.OZ: 1}


class ToledoProtocol:
    """Parser and encoder for Toledo 8213/8217 demand mode."""

    name = "toledo"
    polled = True
    COMMANDS: ClassVar[dict[ScaleCommand, bytes]] = {
        ScaleCommand.WEIGHT: b"W",
        ScaleCommand.STATUS: b"W",
        ScaleCommand.ZERO: b"Z",
    }

    def __init__(
        self, unit: WeightUnit = WeightUnit.KG, implied_decimals: int | None = None
    ) -> None:
        self.unit = unit
        self.implied_decimals = (
            IMPLIED_DECIMALS[unit] if implied_decimals is None else implied_decimals
        )
        self._buffer = bytearray()
        self._in_frame = False

    def encode(self, command: ScaleCommand) -> bytes:
        """The bytes that ask ``command``. Raises UnsupportedCommand (no tare in 8213)."""
        try:
            return self.COMMANDS[command]
        except KeyError:
            raise UnsupportedCommand(
                f"the Toledo 8213 protocol has no {command.value} command"
            ) from None

    def feed(self, data: bytes) -> list[WeightReading | Rejected]:
        events: list[WeightReading | Rejected] = []
        junk = bytearray()
        for byte in data:
            if byte == STX:
                if self._in_frame and self._buffer:
                    events.append(
                        Rejected("Toledo frame cut short by a new STX", bytes(self._buffer))
                    )
                self._flush_junk(junk, events)
                self._in_frame, self._buffer = True, bytearray()
            elif not self._in_frame:
                junk.append(byte)
            elif byte == CR:
                self._in_frame = False
                events.append(self._frame(bytes(self._buffer)))
                self._buffer = bytearray()
            else:
                self._buffer.append(byte)
                if len(self._buffer) > MAX_FRAME:
                    events.append(Rejected("over-long Toledo frame", bytes(self._buffer)))
                    self._in_frame, self._buffer = False, bytearray()
        self._flush_junk(junk, events)
        return events

    @staticmethod
    def _flush_junk(junk: bytearray, events: list[WeightReading | Rejected]) -> None:
        if junk.strip(b"\r\n\x03 "):
            events.append(Rejected("bytes outside a Toledo frame", bytes(junk)))
        junk.clear()

    def _frame(self, body: bytes) -> WeightReading | Rejected:
        raw = b"\x02" + body + b"\r"
        if body[:1] == b"?":
            if len(body) != 2 or not body[1] & 0x20:
                return Rejected("malformed Toledo status frame", raw)
            status = body[1] & 0x7F
            return WeightReading(
                None,
                motion=bool(status & 0x01),
                over_capacity=bool(status & 0x02),
                under_zero=bool(status & 0x04),
                at_zero=bool(status & 0x10),
                fault="outside zero capture range" if status & 0x08 else "",
                raw=raw,
            )
        text = body.decode("ascii", errors="replace").rstrip("N").strip()
        value = parse_number(text, self.implied_decimals)
        if value is None:
            return Rejected(f"not a Toledo weight: {text[:20]!r}", raw)
        grams = to_grams(value, self.unit)
        return WeightReading(grams, at_zero=grams == 0, raw=raw)
