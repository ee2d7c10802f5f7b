"""The events of the ESC/POS interpreter: small frozen values, one per printed thing.

Text carries the :class:`Style` in force when it arrived; codes and images carry
the alignment. See :mod:`kiosk.devices.printer.interpreter` for what produces them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Style:
    bold: bool = False
    width: int = 1
    height: int = 1
    align: str = "left"
    underline: bool = False


@dataclass(frozen=True, slots=True)
class Text:
    text: str
    style: Style


@dataclass(frozen=True, slots=True)
class LineFeed:
    style: Style


@dataclass(frozen=True, slots=True)
class FeedLines:
    lines: int


@dataclass(frozen=True, slots=True)
class Initialize:
    pass


@dataclass(frozen=True, slots=True)
class Cut:
    partial: bool


@dataclass(frozen=True, slots=True)
class QrCode:
    data: bytes
    module: int
    align: str


@dataclass(frozen=True, slots=True)
class Pdf417:
    data: bytes
    module: int
    row_height: int
    align: str


@dataclass(frozen=True, slots=True)
class Barcode:
    kind: int
    data: bytes
    height: int
    module: int
    align: str


@dataclass(frozen=True, slots=True)
class Raster:
    width_bytes: int
    height: int
    data: bytes
    align: str


@dataclass(frozen=True, slots=True)
class StatusQuery:
    n: int


@dataclass(frozen=True, slots=True)
class DrawerKick:
    pin: int
    on_ms: int
    off_ms: int


@dataclass(frozen=True, slots=True)
class Unknown:
    data: bytes


Event = (
    Text
    | LineFeed
    | FeedLines
    | Initialize
    | Cut
    | QrCode
    | Pdf417
    | Barcode
    | Raster
    | StatusQuery
    | DrawerKick
    | Unknown
)
