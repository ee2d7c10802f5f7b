"""A small sans-IO ESC/POS interpreter: bytes in, print events out.

Theory of operation: :meth:`EscposInterpreter.feed` appends bytes to a buffer
and decodes as many complete commands as it holds; an incomplete command stays
buffered until more bytes arrive, so a stream may be cut anywhere. Every byte
sequence is accepted: an unknown command becomes an :class:`Unknown` event and
the interpreter moves on, and a declared length beyond ``MAX_BLOCK`` is treated
as garbage (its header is skipped) so nonsense cannot make the buffer grow
without bound. Text is decoded with the code page the stream selected
(``ESC t n``) and carries the style in force when it arrived.

Understood: text, LF, ESC @, ESC t, ESC E/G (bold), ESC ! and GS ! (size),
ESC a (alignment), ESC - (underline), ESC d (feed lines), ESC p (drawer kick),
GS V (cut), GS ( k (QR and PDF417 store/print), GS k (1D barcodes, both forms), GS v 0
(raster image), DLE EOT n (status query). Other common commands are skipped
with their parameters.
"""

from __future__ import annotations

from kiosk.devices.printer.codepages import codec_for_slot
from kiosk.devices.printer.escpos_events import (
    Barcode,
    Cut,
    DrawerKick,
    Event,
    FeedLines,
    Initialize,
    LineFeed,
    Pdf417,
    QrCode,
    Raster,
    StatusQuery,
    Style,
    Text,
    Unknown,
)

MAX_BLOCK = 1 << 20
ESC, GS, DLE, FS = 0x1B, 0x1D, 0x10, 0x1C


_NEED_MORE = None
# ESC commands that take a fixed number of parameter bytes and that we simply skip.
_ESC_SKIP = {
    b" ": 1,
    b"$": 2,
    b"%": 1,
    b"2": 0,
    b"3": 1,
    b"=": 1,
    b"J": 1,
    b"M": 1,
    b"R": 1,
    b"U": 1,
    b"V": 1,
    b"\\": 2,
    b"c": 2,
    b"r": 1,
    b"{": 1,
    b"B": 2,
    b"<": 0,
    b"?": 1,
    b"D": 0,
    b"e": 1,
    b"S": 0,
    b"L": 0,
    b"T": 1,
    b"W": 8,
}
_GS_SKIP = {
    b"B": 1,
    b"H": 1,
    b"f": 1,
    b"I": 1,
    b"a": 1,
    b"r": 1,
    b"P": 2,
    b"L": 2,
    b"W": 2,
    b"\\": 2,
    b"$": 2,
    b"b": 1,
    b":": 0,
}


class EscposInterpreter:
    """Decode an ESC/POS byte stream incrementally; see the module docstring."""

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._reset_state()

    def _reset_state(self) -> None:
        self.style = Style()
        self.codec = codec_for_slot(0)
        self.qr_module = 3
        self.qr_data = b""
        self.pdf417_module = 3
        self.pdf417_row_height = 3
        self.pdf417_data = b""
        self.barcode_height = 162
        self.barcode_module = 3

    def feed(self, data: bytes) -> list[Event]:
        """Add ``data`` and return the events of every command now complete."""
        self._buffer += data
        events: list[Event] = []
        while self._buffer:
            result = self._step()
            if result is _NEED_MORE:
                break
            consumed, event = result
            del self._buffer[:consumed]
            if event is not None:
                events.append(event)
        return events

    @property
    def pending(self) -> int:
        """Bytes held waiting for the rest of a command."""
        return len(self._buffer)

    def _step(self) -> tuple[int, Event | None] | None:
        buf = self._buffer
        first = buf[0]
        if first == 0x0A:
            return 1, LineFeed(self.style)
        if first == ESC:
            return self._esc()
        if first == GS:
            return self._gs()
        if first == DLE:
            return self._dle()
        if first == FS:
            return self._fs()
        if first < 0x20:
            return 1, None  # CR, HT, BEL, NUL ...: nothing to draw
        end = 1
        while end < len(buf) and buf[end] >= 0x20:
            end += 1
        text = bytes(buf[:end]).decode(self.codec, errors="replace")
        return end, Text(text, self.style)

    def _esc(self) -> tuple[int, Event | None] | None:
        buf = self._buffer
        if len(buf) < 2:
            return _NEED_MORE
        cmd = bytes(buf[1:2])
        if cmd == b"@":
            self._reset_state()
            return 2, Initialize()
        if cmd in (b"t", b"E", b"G", b"!", b"a", b"-", b"d"):
            if len(buf) < 3:
                return _NEED_MORE
            return 3, self._esc_param(cmd, buf[2])
        if cmd == b"p":
            if len(buf) < 5:
                return _NEED_MORE
            return 5, DrawerKick(buf[2] & 1, buf[3] * 2, buf[4] * 2)
        if cmd == b"*":
            if len(buf) < 5:
                return _NEED_MORE
            dots = buf[3] + 256 * buf[4]
            return self._block(5, dots * (3 if buf[2] in (32, 33) else 1), None)
        if cmd in _ESC_SKIP:
            size = 2 + _ESC_SKIP[cmd]
            return _NEED_MORE if len(buf) < size else (size, None)
        return 2, Unknown(bytes(buf[:2]))

    def _esc_param(self, cmd: bytes, n: int) -> Event | None:
        style = self.style
        if cmd == b"t":
            self.codec = codec_for_slot(n)
        elif cmd in (b"E", b"G"):
            self.style = _replace(style, bold=bool(n & 1))
        elif cmd == b"!":
            self.style = _replace(
                style,
                bold=bool(n & 0x08),
                height=2 if n & 0x10 else 1,
                width=2 if n & 0x20 else 1,
                underline=bool(n & 0x80),
            )
        elif cmd == b"a":
            self.style = _replace(
                style,
                align={
                    0: "left",
                    1: "center",
                    2: "right",
                    48: "left",
                    49: "center",
                    50: "right",
                }.get(n, style.align),
            )
        elif cmd == b"-":
            self.style = _replace(style, underline=n in (1, 2, 49, 50))
        elif cmd == b"d":
            return FeedLines(n)
        return None

    def _gs(self) -> tuple[int, Event | None] | None:
        buf = self._buffer
        if len(buf) < 2:
            return _NEED_MORE
        cmd = bytes(buf[1:2])
        if cmd == b"(":
            return self._gs_paren()
        if cmd == b"k":
            return self._gs_k()
        if cmd == b"v":
            if len(buf) < 8:
                return _NEED_MORE
            width_bytes, height = buf[4] + 256 * buf[5], buf[6] + 256 * buf[7]
            start = 8
            return self._block(
                start,
                width_bytes * height,
                lambda data: Raster(width_bytes, height, data, self.style.align),
            )
        if cmd == b"V":
            if len(buf) < 3:
                return _NEED_MORE
            mode = buf[2]
            size = 4 if mode in (65, 66, 97, 98, 103, 104) else 3
            if len(buf) < size:
                return _NEED_MORE
            return size, Cut(partial=mode in (1, 49, 66, 98, 104))
        if cmd in (b"!", b"h", b"w"):
            if len(buf) < 3:
                return _NEED_MORE
            n = buf[2]
            if cmd == b"!":
                self.style = _replace(
                    self.style, width=min((n >> 4) + 1, 8), height=min((n & 7) + 1, 8)
                )
            elif cmd == b"h":
                self.barcode_height = n
            else:
                self.barcode_module = n
            return 3, None
        if cmd in _GS_SKIP:
            size = 2 + _GS_SKIP[cmd]
            return _NEED_MORE if len(buf) < size else (size, None)
        return 2, Unknown(bytes(buf[:2]))

    def _gs_paren(self) -> tuple[int, Event | None] | None:
        buf = self._buffer
        if len(buf) < 5:
            return _NEED_MORE
        kind, length = bytes(buf[2:3]), buf[3] + 256 * buf[4]

        def decode(body: bytes) -> Event | None:
            if kind == b"k" and len(body) >= 2 and body[0] == 0x30:
                return self._pdf417(body[1], body[2:])
            if kind != b"k" or len(body) < 2 or body[0] != 0x31:
                return None
            fn, rest = body[1], body[2:]
            if fn == 67 and rest:
                self.qr_module = max(1, min(rest[0], 16))
            elif fn == 80:
                self.qr_data = rest[1:]
            elif fn == 81:
                return QrCode(self.qr_data, self.qr_module, self.style.align)
            return None

        return self._block(5, length, decode)

    def _pdf417(self, fn: int, rest: bytes) -> Event | None:
        """``GS ( k`` with cn 48: PDF417 module width (C), row height (D), store (P), print (Q)."""
        if fn == 67 and rest:
            self.pdf417_module = max(2, min(rest[0], 8))
        elif fn == 68 and rest:
            self.pdf417_row_height = max(2, min(rest[0], 8))
        elif fn == 80:
            self.pdf417_data = rest[1:]
        elif fn == 81:
            return Pdf417(
                self.pdf417_data, self.pdf417_module, self.pdf417_row_height, self.style.align
            )
        return None

    def _gs_k(self) -> tuple[int, Event | None] | None:
        buf = self._buffer
        if len(buf) < 3:
            return _NEED_MORE
        kind = buf[2]
        if kind <= 6:
            end = buf.find(b"\x00", 3)
            if end < 0:
                return _NEED_MORE if len(buf) < 3 + 255 else (3, Unknown(bytes(buf[:3])))
            data = bytes(buf[3:end])
            return end + 1, Barcode(
                kind, data, self.barcode_height, self.barcode_module, self.style.align
            )
        if len(buf) < 4:
            return _NEED_MORE
        n = buf[3]
        if len(buf) < 4 + n:
            return _NEED_MORE
        data = bytes(buf[4 : 4 + n])
        return 4 + n, Barcode(
            kind, data, self.barcode_height, self.barcode_module, self.style.align
        )

    def _dle(self) -> tuple[int, Event | None] | None:
        buf = self._buffer
        if len(buf) < 3:
            return _NEED_MORE
        if buf[1] == 0x04:
            return 3, StatusQuery(buf[2])
        if buf[1] == 0x05:
            return 3, None
        if buf[1] == 0x14:
            return _NEED_MORE if len(buf) < 5 else (5, None)
        return 1, Unknown(bytes(buf[:1]))

    def _fs(self) -> tuple[int, Event | None] | None:
        buf = self._buffer
        if len(buf) < 2:
            return _NEED_MORE
        if buf[1] in (ord("."), ord("&")):
            return 2, None
        if buf[1] == ord("p"):
            return _NEED_MORE if len(buf) < 4 else (4, None)
        return 2, Unknown(bytes(buf[:2]))

    def _block(self, header: int, length: int, make: object) -> tuple[int, Event | None] | None:
        """A command with ``length`` data bytes after a ``header``-byte prefix."""
        if length > MAX_BLOCK:
            return header, Unknown(bytes(self._buffer[:header]))
        if len(self._buffer) < header + length:
            return _NEED_MORE
        data = bytes(self._buffer[header : header + length])
        event = make(data) if callable(make) else None
        return header + length, event


def _replace(style: Style, **changes: object) -> Style:
    values = {
        "bold": style.bold,
        "width": style.width,
        "height": style.height,
        "align": style.align,
        "underline": style.underline,
    }
    values.update(changes)
    return Style(**values)  # type: ignore[arg-type]
