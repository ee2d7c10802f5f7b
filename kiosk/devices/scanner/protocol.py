"""Sans-IO parser for serial / USB-CDC scanners: bytes in, ``Scan`` / ``Rejected`` out.

Theory of operation
-------------------
A scanner sends ``[prefix] [AIM id] code terminator`` per read. The parser
keeps a buffer across ``feed`` calls (reads arrive cut anywhere) and:

* drops line noise wherever it appears: NUL, XON/XOFF, DEL, 0xFF and C0
  controls other than the ones barcodes carry (GS/RS/FS/EOT for GS1 and ISO
  15434, TAB); a stray CR or LF that is not part of the terminator is
  trimmed from the frame's ends (a CR-terminated scanner set to CRLF);
* ends a frame at the terminator; an empty frame (two terminators) is
  ignored silently, like a scanner's keep-alive;
* with a prefix configured, skips anything before the prefix and rejects a
  frame without one;
* splits an AIM identifier (``]E0``) off the code when ``aim`` is on;
* rejects a frame longer than ``max_length`` bytes once, then discards
  until the next terminator, so one missing terminator costs one scan,
  not the buffer;
* decodes UTF-8 (QR codes), falling back to Latin-1 byte-for-byte.

Check digits are not checked here: the checkout's GS1 parser decides.
"""

from __future__ import annotations

from kiosk.devices.protocol import Rejected
from kiosk.devices.scanner.scan import Scan, split_aim

TERMINATORS = {"CR": b"\r", "LF": b"\n", "CRLF": b"\r\n", "TAB": b"\t", "ETX": b"\x03"}
_KEPT_CONTROLS = {0x04, 0x09, 0x1C, 0x1D, 0x1E}  # EOT, TAB, FS, GS, RS
_NOISE = bytes(
    b
    for b in range(256)
    if (b < 0x20 and b not in _KEPT_CONTROLS and b not in (0x0D, 0x0A)) or b in (0x7F, 0xFF)
)


class ScannerProtocol:
    """Frame parser for one scanner link.

    Args:
        terminator: bytes ending each read (``b"\\r"``, ``b"\\n"``, ``b"\\r\\n"``...).
        prefix: bytes the scanner puts before each read, or ``b""``.
        aim: split a leading AIM symbology identifier off the code.
        max_length: longest accepted frame in bytes (prefix and AIM id included).
        source: put into each Scan (``"serial"``).
    """

    def __init__(
        self,
        terminator: bytes = b"\r",
        prefix: bytes = b"",
        aim: bool = True,
        max_length: int = 512,
        source: str = "serial",
    ) -> None:
        if not terminator:
            raise ValueError("terminator must not be empty")
        self.terminator = terminator
        self.prefix = prefix
        self.aim = aim
        self.max_length = max_length
        self.source = source
        self._noise = bytes(b for b in _NOISE if b not in terminator and b not in prefix)
        self._buffer = bytearray()
        self._discarding = False

    def feed(self, data: bytes) -> list[object]:
        """Add ``data``; return the Scan and Rejected events it completes."""
        self._buffer += data.translate(None, self._noise)
        events: list[object] = []
        while True:
            end = self._buffer.find(self.terminator)
            if end < 0:
                break
            frame = bytes(self._buffer[:end])
            del self._buffer[: end + len(self.terminator)]
            if self._discarding:
                self._discarding = False
                continue
            event = self._frame(frame)
            if event is not None:
                events.append(event)
        if len(self._buffer) > self.max_length:
            if not self._discarding:
                events.append(
                    Rejected(
                        f"frame longer than {self.max_length} bytes without "
                        f"terminator {self.terminator!r}",
                        bytes(self._buffer[:64]),
                    )
                )
            self._discarding = True
            self._buffer.clear()
        return events

    @property
    def pending(self) -> bytes:
        """Bytes of an unfinished frame (for diagnostics)."""
        return bytes(self._buffer)

    def _frame(self, frame: bytes) -> object | None:
        raw = frame
        frame = frame.strip(b"\r\n")
        if not frame:
            return None
        if len(frame) > self.max_length:
            return Rejected(f"frame longer than {self.max_length} bytes", raw[:64])
        if self.prefix:
            start = frame.find(self.prefix)
            if start < 0:
                return Rejected(f"frame without prefix {self.prefix!r}", raw[:64])
            frame = frame[start + len(self.prefix) :]
        text = _decode(frame)
        symbology, code = split_aim(text) if self.aim else (None, text)
        if not code:
            return Rejected("frame without a code", raw[:64])
        return Scan(code, symbology, self.source, raw)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")
