"""NCI (Avery Weigh-Tronix SCP-01 "NCI standard") demand mode, sans-IO.

Commands end with CR: ``W`` weight, ``S`` status, ``Z`` zero, ``T`` tare.
A weight reply is ``LF <weight><unit> CR LF <status> CR ETX``; status and
zero replies are ``LF <status> CR ETX``; an unknown command gets
``LF ? CR ETX``. Some scales put an ``S`` before the status bytes (SCP-02);
both are read. The weight field is what the display shows: digits with a
decimal point and a unit (``  1.234kg``, ``002.72lb``), carets when over
capacity, underscores when under, dashes for a zero error.

Status bytes (bits 4 and 5 always 1, bit 7 parity, ignored); byte 1: 0 motion,
1 at zero, 2 RAM error, 3 EEPROM error. Byte 2: 0 under capacity, 1 over
capacity, 2 ROM error, 3 faulty calibration, 6 another byte follows.
Byte 3: 0-1 range, 2 net weight, 3 initial zero error.
"""

from __future__ import annotations

import re
from typing import ClassVar

from kiosk.devices.protocol import Rejected
from kiosk.devices.scale.weight import (
    ScaleCommand,
    WeightReading,
    parse_number,
    parse_unit,
    to_grams,
)

ETX = 0x03
MAX_MESSAGE = 64
_WEIGHT = re.compile(r"^\s*(-?)\s*([0-9.]+)\s*([A-Za-z]{1,3})\s*$")
_FAULTS = (
    (0, 0x04, "RAM error"),
    (0, 0x08, "EEPROM error"),
    (1, 0x04, "ROM error"),
    (1, 0x08, "faulty calibration"),
    (2, 0x08, "initial zero error"),
)


class NciProtocol:
    """Parser and encoder for the NCI standard protocol."""

    name = "nci"
    polled = True
    COMMANDS: ClassVar[dict[ScaleCommand, bytes]] = {
        ScaleCommand.WEIGHT: b"W\r",
        ScaleCommand.STATUS: b"S\r",
        ScaleCommand.ZERO: b"Z\r",
        ScaleCommand.TARE: b"T\r",
    }

    def __init__(self) -> None:
        self._buffer = bytearray()

    def encode(self, command: ScaleCommand) -> bytes:
        return self.COMMANDS[command]

    def feed(self, data: bytes) -> list[WeightReading | Rejected]:
        events: list[WeightReading | Rejected] = []
        for byte in data:
            if byte == ETX:
                events.append(self._message(bytes(self._buffer)))
                self._buffer = bytearray()
                continue
            self._buffer.append(byte)
            if len(self._buffer) > MAX_MESSAGE:
                events.append(Rejected("over-long NCI message", bytes(self._buffer)))
                self._buffer = bytearray()
        return events

    def _message(self, body: bytes) -> WeightReading | Rejected:
        raw = body + b"\x03"
        fields = [f.strip(b"\n") for f in body.split(b"\r")]
        fields = [f for f in fields if f]
        if fields == [b"?"]:
            return Rejected("the scale did not understand the command", raw)
        if len(fields) not in (1, 2):
            return Rejected("NCI message with an unexpected number of fields", raw)
        status = _status(fields[-1])
        if status is None:
            return Rejected("malformed NCI status bytes", raw)
        if len(fields) == 1:
            return _reading(None, status, raw)
        return self._weight(fields[0], status, raw)

    def _weight(self, field: bytes, status: list[int], raw: bytes) -> WeightReading | Rejected:
        text = field.decode("ascii", errors="replace")
        bars = text.strip().rstrip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        if not bars or set(bars) <= set("^_- "):
            return _reading(None, status, raw)  # bars on the display: no weight
        match = _WEIGHT.match(text)
        unit = parse_unit(match.group(3)) if match else None
        value = parse_number(match.group(2)) if match else None
        if match is None or unit is None or value is None:
            return Rejected(f"not an NCI weight: {text[:20]!r}", raw)
        grams = to_grams(value, unit)
        return _reading(-grams if match.group(1) else grams, status, raw)


def _status(field: bytes) -> list[int] | None:
    if field[:1] == b"S":
        field = field[1:]
    values = [b & 0x7F for b in field]
    if len(values) < 2 or len(values) > 3 or any(v & 0x30 != 0x30 for v in values):
        return None
    # Bit 6: always 0 in byte 1; "another byte follows" in the others (0 in the last).
    follows = [bool(v & 0x40) for v in values]
    if follows[0] or follows[-1] or (len(values) == 3 and not follows[1]):
        return None
    return values


def _reading(grams: int | None, status: list[int], raw: bytes) -> WeightReading:
    third = status[2] if len(status) > 2 else 0
    faults = [text for index, bit, text in _FAULTS if index < len(status) and status[index] & bit]
    under = bool(status[1] & 0x01) or (grams is not None and grams < 0)
    return WeightReading(
        grams,
        motion=bool(status[0] & 0x01),
        over_capacity=bool(status[1] & 0x02),
        under_zero=under,
        at_zero=bool(status[0] & 0x02),
        net=bool(third & 0x04),
        fault=", ".join(faults),
        raw=raw,
    )
