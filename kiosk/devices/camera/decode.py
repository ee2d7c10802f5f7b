"""Barcode decoders for camera frames: zxing-cpp (default) and pyzbar (optional).

A decoder turns one grayscale or BGR numpy frame into ``Scan`` values with the
AIM symbology identifier, the same shape a serial scanner delivers. Library
errors become DeviceError; a missing library is a DeviceConfigError that says
what to install.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from kiosk.devices.errors import DeviceConfigError, map_exceptions
from kiosk.devices.scanner.scan import Scan

#: Config names of the formats a lane may enable, and zxing-cpp's names for them.
FORMATS: dict[str, str] = {
    "ean13": "EAN13",
    "ean8": "EAN8",
    "upca": "UPCA",
    "upce": "UPCE",
    "code128": "Code128",
    "code39": "Code39",
    "itf": "ITF",
    "databar": "DataBar",
    "databar_expanded": "DataBarExpanded",
    "databar_limited": "DataBarLimited",
    "qrcode": "QRCode",
    "datamatrix": "DataMatrix",
    "pdf417": "PDF417",
    "aztec": "Aztec",
}
RETAIL_FORMATS = (
    "ean13",
    "ean8",
    "upca",
    "upce",
    "code128",
    "databar",
    "databar_expanded",
    "qrcode",
    "datamatrix",
)
#: pyzbar's ZBarSymbol names and the AIM identifier zbar's format maps to.
_ZBAR = {
    "ean13": ("EAN13", "]E0"),
    "ean8": ("EAN8", "]E4"),
    "upca": ("UPCA", "]E0"),
    "upce": ("UPCE", "]E0"),
    "code128": ("CODE128", "]C0"),
    "code39": ("CODE39", "]A0"),
    "itf": ("I25", "]I0"),
    "databar": ("DATABAR", "]e0"),
    "databar_expanded": ("DATABAR_EXP", "]e0"),
    "qrcode": ("QRCODE", "]Q1"),
    "pdf417": ("PDF417", "]L2"),
}


class Decoder(Protocol):
    """Decode all barcodes of the enabled formats in one frame."""

    def decode(self, frame: Any) -> list[Scan]:
        """Raises DeviceError if the library fails on the frame."""
        ...


def check_formats(names: Sequence[str]) -> str | None:
    """None if every name is a known format, else what was expected (for ConfigError)."""
    unknown = [n for n in names if n not in FORMATS]
    if unknown or not names:
        return "format names from: " + ", ".join(FORMATS)
    return None


@dataclass(frozen=True, slots=True)
class Tuning:
    """Extra zxing-cpp passes. Inverted (light-on-dark) codes are rare on products and the
    inversion pass roughly doubles the time of a frame with no code, so it is off by default.
    """

    rotate: bool = True
    downscale: bool = True
    invert: bool = False


class ZxingDecoder:
    """zxing-cpp restricted to ``formats`` (None: every format) with ``tuning`` passes."""

    def __init__(
        self, formats: Sequence[str] | None = RETAIL_FORMATS, tuning: Tuning | None = None
    ) -> None:
        with map_exceptions("zxing-cpp", {ImportError: DeviceConfigError}):
            import zxingcpp

        self._zx = zxingcpp
        self._formats = (
            zxingcpp.barcode_formats_from_str(",".join(FORMATS[name] for name in formats))
            if formats
            else None
        )
        self._tuning = tuning or Tuning()

    def decode(self, frame: Any) -> list[Scan]:
        zx, t = self._zx, self._tuning
        options: dict[str, Any] = {"formats": self._formats} if self._formats else {}
        with map_exceptions("zxing-cpp"):
            results = zx.read_barcodes(
                frame,
                text_mode=zx.TextMode.Plain,
                try_rotate=t.rotate,
                try_downscale=t.downscale,
                try_invert=t.invert,
                **options,
            )
        return [
            Scan(r.text, r.symbology_identifier or None, "camera", bytes(r.bytes))
            for r in results
            if r.valid
        ]


class PyzbarDecoder:
    """pyzbar (zbar) restricted to ``formats`` (no DataMatrix or Aztec in zbar).

    Raises:
        DeviceConfigError: pyzbar or the zbar library is not installed, or a format
            zbar cannot read was enabled.
    """

    def __init__(
        self, formats: Sequence[str] = ("ean13", "ean8", "upca", "upce", "code128", "qrcode")
    ) -> None:
        try:
            from pyzbar import pyzbar
        except ImportError as error:  # the Python package or libzbar.so is missing
            raise DeviceConfigError(
                f"camera backend 'pyzbar' is not available ({error}); install the "
                "'pyzbar' package and the zbar library (apt install libzbar0), or use "
                "backend = 'zxing'"
            ) from error
        unsupported = [f for f in formats or () if f not in _ZBAR]
        if unsupported:
            raise DeviceConfigError(f"pyzbar cannot read {', '.join(unsupported)}")
        self._pyzbar = pyzbar
        self._symbols = [pyzbar.ZBarSymbol[_ZBAR[f][0]] for f in formats] if formats else None
        self._aim = dict(_ZBAR.values())

    def decode(self, frame: Any) -> list[Scan]:
        with map_exceptions("pyzbar"):
            results = self._pyzbar.decode(frame, symbols=self._symbols)
        return [
            Scan(r.data.decode("utf-8", "replace"), self._aim.get(r.type), "camera", r.data)
            for r in results
        ]


def make_decoder(
    backend: str, formats: Sequence[str] | None, tuning: Tuning | None = None
) -> Decoder:
    """The decoder for ``backend`` ("zxing" or "pyzbar"; ``tuning`` is zxing's).

    Raises:
        DeviceConfigError: unknown backend, library missing, format it cannot read.
    """
    if backend == "zxing":
        return ZxingDecoder(formats, tuning)
    if backend == "pyzbar":
        return PyzbarDecoder(formats)
    raise DeviceConfigError(f"unknown camera backend {backend!r}: expected 'zxing' or 'pyzbar'")
