"""The value every scanner (serial, HID wedge, camera) delivers: one ``Scan``."""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.domain.gs1.aim import split_symbology


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
    ``("]E0", "4006381333931")``; text without one -> ``(None, text)``. The one
    definition of an identifier is the domain's (:func:`kiosk.domain.gs1.aim.split_symbology`);
    the lane then hands the identifier on as it is, never parsing it again."""
    ident, data = split_symbology(text)
    return (ident.aim or None), data
