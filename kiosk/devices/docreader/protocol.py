"""Sans-IO parser for MRZ document readers on serial / USB-CDC: bytes in, documents out.

What the readers send
---------------------
A desktop MRZ reader (swipe or full-page OCR) reads the two or three OCR-B
lines at the foot of a passport or ID card and sends them, unsolicited, as
text. Two framings are common, and both are read here (option ``framing``):

``"stx"`` (default): one block per document, ``<STX> line 1 <CR> line 2 <CR>
[line 3 <CR>] <ETX>``. This is the passport block of the "Misc. Reader
Interface" that common-use (CUTE) check-in desks use, as DESKO documents it
("Protocol Description for DESKO Devices According to Misc. Reader Interface
Specification for CUTE System", doc. no. 7 000 310 001, rel. 2.12, section 1.4:
``<SODO> <STX> line 1 <CR> line 2 <CR> line 3 <CR> <ETX> <EODO>``, no line 3
and no third CR for a passport). 3M's RTE6701-OEM readers put the same CR-ended
lines between STX and ETX inside their own header and block check
(RTE6701-OEM Integration Manual, section 9.1.1.2:
``<SOH>[length]"OU"<STX>[flag][optical data]<ETX>[BCC]``; a line not found is
sent empty). So bytes outside STX..ETX (device delimiters, headers) are
skipped, LF or CR LF are taken as CR, and empty lines are dropped; 3M's
``[flag]`` byte right after STX is not handled (a 3M reader needs an option
for it that is not written yet). With ``checksum = "lrc"`` the byte after
ETX is a longitudinal redundancy check: the XOR of every byte after STX up to
and including ETX (the usual block check; confirm it against the reader's
manual before turning it on).

``"lines"``: the reader's "plain text" or keyboard-like serial mode, each line
ended by CR, LF or CR LF and nothing around the document. A document is
complete when the lines its width calls for have arrived (three of 30
characters, two of 36 or two of 44); a blank line, ETX or EOT before that
ends it early (an error), STX starts a new one.

Both framings are unsolicited output: the reader sends a block per document
read and needs no command (3M: "RTE Native only has one data message sent
after a document read. It does not accept any commands"). Commands, where a
reader has them (enable, status), are vendor-specific and not written yet, so
there is no ``encode(command)``; :func:`encode_document` is the other
direction, for the simulator and the tests.

Theory of operation
-------------------
:meth:`DocReaderProtocol.feed` runs a small byte-level state machine; reads
arrive cut anywhere, so everything is kept across calls. A complete document
becomes a :class:`~kiosk.devices.docreader.events.DocumentRead` when it has
two or three lines of one legal width (30 x 3, 36 x 2, 44 x 2) of printable
ASCII; anything else becomes one :class:`~kiosk.devices.protocol.Rejected`
naming what was wrong by position and size, and the parser resynchronises on
the next frame start (STX, or the next line). Check digits are not looked at
here: :func:`kiosk.domain.travel.parse_mrz` decides, with its corrections.

A reader that stops in the middle of a document (cable pulled, a line lost in
``lines`` mode) would glue the next document onto the half one, so the driver
calls :meth:`DocReaderProtocol.flush` after a pause (no clock in here), which
rejects whatever is unfinished.

Invariant 6 (DESIGN.md): an MRZ line is never put into a ``Rejected`` (its
``raw`` stays empty and reasons give line numbers, columns and widths only).
"""

from __future__ import annotations

import enum

from kiosk.devices.docreader.events import DocumentRead
from kiosk.devices.protocol import Rejected

FRAMINGS = ("stx", "lines")
CHECKSUMS = ("none", "lrc")
LINES_FOR_WIDTH: dict[int, int] = {30: 3, 36: 2, 44: 2}
FORMATS_FOR_WIDTH: dict[int, str] = {30: "TD1", 36: "TD2 or MRV-B", 44: "TD3 or MRV-A"}

STX, ETX, EOT, CR, LF = 0x02, 0x03, 0x04, 0x0D, 0x0A
_NOISE = frozenset({0x00, 0x11, 0x13, 0x7F, 0xFF})  # NUL, XON, XOFF, DEL, idle line
GARBAGE_LIMIT = 32  # bytes outside a frame tolerated silently (headers, delimiters, BCC)
MAX_LINE = 64  # ``lines`` framing: the longest line kept before it is called garbage


class _State(enum.Enum):
    IDLE = "idle"  # outside a frame, waiting for STX
    FRAME = "frame"  # between STX and ETX
    CHECK = "check"  # after ETX, waiting for the LRC byte
    DISCARD = "discard"  # an over-long frame: drop until the next STX / ETX


def lrc(data: bytes) -> int:
    """The XOR of ``data`` (the block check of the ``stx`` framing with ``checksum="lrc"``)."""
    value = 0
    for byte in data:
        value ^= byte
    return value


def check_lines(lines: list[bytes]) -> DocumentRead | Rejected:
    """A DocumentRead if ``lines`` (empty ones already dropped) make a document shape.

    The reason of a Rejected names the line, column and widths, never the text.
    """
    if not lines:
        return Rejected("a document was read but no MRZ line came with it")
    for number, line in enumerate(lines, 1):
        bad = _bad_byte(line, number)
        if bad is not None:
            return bad
    width = len(lines[0])
    if width not in LINES_FOR_WIDTH:
        return Rejected(f"line 1 is {width} characters wide; MRZ lines are 30, 36 or 44")
    for number, line in enumerate(lines[1:], 2):
        if len(line) != width:
            return Rejected(f"line {number} is {len(line)} characters wide but line 1 is {width}")
    wanted = LINES_FOR_WIDTH[width]
    if len(lines) != wanted:
        return Rejected(
            f"{len(lines)} lines of {width} characters; a {FORMATS_FOR_WIDTH[width]} "
            f"document has {wanted}"
        )
    return DocumentRead(tuple(line.decode("ascii") for line in lines))


def _bad_byte(line: bytes, number: int) -> Rejected | None:
    for column, byte in enumerate(line, 1):
        if not 0x20 <= byte <= 0x7E:
            return Rejected(f"line {number} has byte 0x{byte:02x} at column {column}, not MRZ text")
    return None


def split_block(body: bytes) -> list[bytes]:
    """The non-empty, blank-trimmed lines of an STX..ETX block (CR, LF or CR LF between)."""
    text = body.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return [line.strip(b" \t") for line in text.split(b"\n") if line.strip(b" \t")]


class DocReaderProtocol:
    """Frame parser for one document reader link (see the module docstring).

    Args:
        framing: ``"stx"`` or ``"lines"``.
        checksum: ``"none"`` or ``"lrc"`` (``stx`` framing only).
        max_length: longest STX..ETX block in bytes; a longer one is rejected once.

    Raises:
        ValueError: an unknown framing or checksum, or a checksum with ``lines``.
    """

    def __init__(self, framing: str = "stx", checksum: str = "none", max_length: int = 256) -> None:
        if framing not in FRAMINGS:
            raise ValueError(f"framing {framing!r} is not one of {', '.join(FRAMINGS)}")
        if checksum not in CHECKSUMS:
            raise ValueError(f"checksum {checksum!r} is not one of {', '.join(CHECKSUMS)}")
        if checksum != "none" and framing != "stx":
            raise ValueError("a checksum needs the 'stx' framing")
        self.framing = framing
        self.checksum = checksum
        self.max_length = max_length
        self._state = _State.IDLE
        self._block = bytearray()
        self._outside = 0  # bytes skipped outside a frame since the last one
        self._line = bytearray()  # ``lines``: the line being received
        self._lines: list[bytes] = []  # ``lines``: the document being received
        self._after_cr = False  # ``lines``: an LF right after CR is the same line end
        self._line_too_long = False

    @property
    def busy(self) -> bool:
        """True while part of a document has arrived (what :meth:`flush` would reject)."""
        if self.framing == "stx":
            return self._state in (_State.FRAME, _State.CHECK)
        return bool(self._lines or self._line)

    def feed(self, data: bytes) -> list[object]:
        """Consume ``data``; return the DocumentRead and Rejected events it completes."""
        events: list[object] = []
        step = self._stx_byte if self.framing == "stx" else self._lines_byte
        for byte in data:
            step(byte, events)
        return events

    def flush(self) -> list[object]:
        """The reader paused: reject an unfinished document and start clean."""
        events: list[object] = []
        if self.framing == "stx":
            if self._state is _State.FRAME:
                events.append(Rejected("document block cut short: no ETX before the pause"))
            elif self._state is _State.CHECK:
                events.append(Rejected("document block cut short: no LRC byte after ETX"))
            self._state = _State.IDLE
            self._block.clear()
        else:
            self._end_document(events, "the pause")
            self._line.clear()
            self._line_too_long = False
        self._outside = 0
        return events

    # -- stx framing -------------------------------------------------------------------------
    def _stx_byte(self, byte: int, events: list[object]) -> None:
        state = self._state
        if state is _State.CHECK:
            self._state = _State.IDLE
            expected = lrc(bytes(self._block) + bytes((ETX,)))
            if byte != expected:
                events.append(
                    Rejected(f"block check failed: LRC 0x{byte:02x}, computed 0x{expected:02x}")
                )
            else:
                events.append(check_lines(split_block(bytes(self._block))))
            self._block.clear()
            return
        if byte == STX:
            if state is _State.FRAME:
                events.append(Rejected("document block cut short: STX again before ETX"))
            self._state, self._outside = _State.FRAME, 0
            self._block.clear()
        elif state is _State.IDLE:
            self._skip_outside(byte, events)
        elif byte == ETX:
            if state is _State.FRAME:
                self._end_block(events)
            else:
                self._state = _State.IDLE
        elif state is _State.FRAME and byte not in _NOISE:
            self._block.append(byte)
            if len(self._block) > self.max_length:
                events.append(
                    Rejected(f"document block longer than {self.max_length} bytes without ETX")
                )
                self._state = _State.DISCARD
                self._block.clear()

    def _end_block(self, events: list[object]) -> None:
        if self.checksum == "lrc":
            self._state = _State.CHECK
            return
        self._state = _State.IDLE
        events.append(check_lines(split_block(bytes(self._block))))
        self._block.clear()

    def _skip_outside(self, byte: int, events: list[object]) -> None:
        if byte in _NOISE:
            return
        self._outside += 1
        if self._outside == GARBAGE_LIMIT:
            events.append(
                Rejected(
                    f"{GARBAGE_LIMIT} bytes outside a document block; expected STX (0x02) "
                    "to start one (is the reader set to another framing?)"
                )
            )

    # -- lines framing -----------------------------------------------------------------------
    def _lines_byte(self, byte: int, events: list[object]) -> None:
        after_cr, self._after_cr = self._after_cr, byte == CR
        if byte in _NOISE or (byte == LF and after_cr):
            return
        if byte in (CR, LF):
            self._end_line(events)
        elif byte == STX:
            self._end_document(events, "STX")
            self._line.clear()
        elif byte in (ETX, EOT):
            if self._line:
                self._end_line(events)
            self._end_document(events, "ETX" if byte == ETX else "EOT")
        elif self._line_too_long:
            return
        else:
            self._line.append(byte)
            if len(self._line) > MAX_LINE:
                events.append(Rejected(f"line longer than {MAX_LINE} bytes without CR or LF"))
                self._line_too_long = True
                self._line.clear()
                self._lines.clear()

    def _end_line(self, events: list[object]) -> None:
        line = bytes(self._line).strip(b" \t")
        self._line.clear()
        if self._line_too_long:
            self._line_too_long = False
            return
        if not line:
            self._end_document(events, "a blank line")
            return
        number, width = len(self._lines) + 1, len(line)
        bad = _bad_byte(line, number)
        if bad is None and width not in LINES_FOR_WIDTH:
            bad = Rejected(f"line {number} is {width} characters wide; MRZ lines are 30, 36 or 44")
        if bad is not None:
            events.append(bad)
            self._lines.clear()
            return
        if self._lines and width != len(self._lines[0]):
            got = len(self._lines)
            events.append(
                Rejected(
                    f"document cut short after {got} line{'s' if got > 1 else ''}: the next "
                    f"line is {width} characters wide but line 1 is {len(self._lines[0])}"
                )
            )
            self._lines.clear()
        self._lines.append(line)
        if len(self._lines) == LINES_FOR_WIDTH[width]:
            events.append(check_lines(self._lines))
            self._lines.clear()

    def _end_document(self, events: list[object], why: str) -> None:
        if self._lines:
            width, got = len(self._lines[0]), len(self._lines)
            wanted = LINES_FOR_WIDTH.get(width, got)
            events.append(
                Rejected(
                    f"document cut short by {why}: {got} of {wanted} lines of {width} characters"
                )
            )
            self._lines.clear()


def encode_document(
    lines: tuple[str, ...] | list[str],
    framing: str = "stx",
    checksum: str = "none",
    line_end: bytes = b"\r",
) -> bytes:
    """The bytes a reader sends for ``lines`` (the inverse of :meth:`DocReaderProtocol.feed`).

    Raises:
        ValueError: an unknown framing or checksum, or a line that is not ASCII.
    """
    if framing not in FRAMINGS or checksum not in CHECKSUMS:
        raise ValueError(f"unknown framing {framing!r} or checksum {checksum!r}")
    body = b"".join(line.encode("ascii") + line_end for line in lines)
    if framing == "lines":
        return body
    frame = bytes((STX,)) + body + bytes((ETX,))
    if checksum == "lrc":
        frame += bytes((lrc(frame[1:]),))
    return frame
