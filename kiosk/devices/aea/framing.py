"""STX/ETX framing of AEA messages, both ways, sans-IO.

:class:`Deframer` turns a byte stream into :class:`Frame` (the text between STX
and ETX) and :class:`Garbage` (every byte that is not inside a complete frame).
It never raises: bytes before an STX, an STX that restarts an unfinished frame
and a frame longer than :data:`MAX_FRAME` all come out as ``Garbage`` and the
reader carries on at the next STX, so line noise costs at most one message.
Text is Latin-1 (one byte, one character), so decoding cannot fail.
"""

from __future__ import annotations

from dataclasses import dataclass

STX = 0x02
ETX = 0x03
MAX_FRAME = 64 * 1024


@dataclass(frozen=True, slots=True)
class Frame:
    """One complete message."""

    text: str


@dataclass(frozen=True, slots=True)
class Garbage:
    """Bytes outside any complete frame (noise, a cut frame, an over-long one)."""

    data: bytes
    reason: str


def frame(text: str) -> bytes:
    """``STX text ETX``. Raises ValueError for a character outside Latin-1 or a control byte."""
    data = text.encode("latin-1")
    if STX in data or ETX in data:
        raise ValueError(f"STX/ETX inside a message: {text!r}")
    return bytes((STX,)) + data + bytes((ETX,))


class Deframer:
    """Split a byte stream into frames; see the module docstring."""

    def __init__(self, max_frame: int = MAX_FRAME) -> None:
        self._max = max_frame
        self._body: bytearray | None = None  # inside a frame: what came after its STX
        self._skipped = bytearray()  # outside a frame: noise to report

    @property
    def pending(self) -> int:
        """Bytes held in an unfinished frame."""
        return len(self._body) if self._body is not None else 0

    def feed(self, data: bytes) -> list[Frame | Garbage]:
        """Add ``data``; return the frames (and garbage) now complete, in order."""
        out: list[Frame | Garbage] = []
        for byte in data:
            body = self._body
            if body is None:
                if byte == STX:
                    self._flush(out, "bytes outside a frame")
                    self._body = bytearray()
                else:
                    self._skipped.append(byte)
                continue
            if byte == ETX:
                out.append(Frame(body.decode("latin-1")))
                self._body = None
            elif byte == STX:
                out.append(Garbage(bytes((STX,)) + bytes(body), "frame restarted before its ETX"))
                self._body = bytearray()
            elif len(body) >= self._max:
                out.append(Garbage(bytes((STX,)) + bytes(body), f"frame over {self._max} bytes"))
                self._body = None
                self._skipped.append(byte)
            else:
                body.append(byte)
        self._flush(out, "bytes outside a frame")
        return out

    def _flush(self, out: list[Frame | Garbage], reason: str) -> None:
        if self._skipped:
            out.append(Garbage(bytes(self._skipped), reason))
            self._skipped.clear()
