"""The value every scanner (serial, HID wedge, camera) delivers: one ``Scan``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: ``]`` + symbology code character + modifier character (ISO/IEC 15424).
AIM_ID = re.compile(r"\][A-Za-z][0-9A-Za-z]")


@dataclass(frozen=True, slots=True)
class Scan:
    """A barcode as read: ``code`` without its AIM identifier, ``symbology`` the
    identifier (``"]E0"`` EAN-13, ``"]C1"`` GS1-128, ``"]Q3"`` GS1 QR...) or None when
    the scanner did not send one. GS1 group separators (``\\x1d``) are kept in ``code``.
    ``source`` says which reader produced it (``serial``, ``hid``, ``camera``, ``keys``)."""

    code: str
    symbology: str | None = None
    source: str = "serial"
    raw: bytes = field(default=b"", repr=False, compare=False)


def split_aim(text: str) -> tuple[str | None, str]:
    """Split a leading AIM identifier off ``text``: ``"]E04006381333931"`` ->
    ``("]E0", "4006381333931")``; text without one -> ``(None, text)``."""
    if len(text) >= 3 and AIM_ID.match(text):
        return text[:3], text[3:]
    return None, text
