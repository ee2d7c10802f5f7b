"""Turn laid-out print operations into ESC/POS bytes with python-escpos.

One :class:`EscposRenderer` per printer profile. It drives a python-escpos
``Dummy`` printer, which records the bytes instead of sending them, so the
output is plain ``bytes`` that any transport can carry and tests can compare.
Style commands are sent only when the style changes, and the code page is
selected once per receipt (see :mod:`kiosk.devices.printer.codepages` for why
python-escpos's per-character code page "magic" is switched off).

1D barcodes are written as ``GS k`` directly: python-escpos's ``barcode()``
prints a message to stdout on every call, which a kiosk must not do.

Only ``escpos.capabilities`` (profiles, checked when the config is read) is imported
with this module; ``escpos.printer`` (which pulls in qrcode, python-barcode, PIL and
every escpos transport: a fifth of a second) and PIL are imported by the first
``render``, so the lane's start does not pay for them (:mod:`kiosk.warmup` imports
them ahead in idle time after the first paint).
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterable
from typing import TYPE_CHECKING

from escpos.capabilities import get_profile
from escpos.exceptions import Error as EscposError

from kiosk import warmup
from kiosk.devices.errors import DeviceError
from kiosk.devices.printer.codepages import DEFAULT_CODE_PAGE, NAME_SLOTS, codec_for_slot, printable
from kiosk.devices.printer.layout import Align, Code, Cut, Feed, Image, Op, TextLine
from kiosk.devices.printer.receipt import CodeKind, PrintedCode

if TYPE_CHECKING:
    from escpos.printer import Dummy

INIT = b"\x1b@"
FULL_CUT_AFTER_FEED = b"\x1dVB\x00"
_GS = b"\x1d"
_DEFAULT_PIXELS = 512


#: What the first ``render`` imports (python-escpos' printers, PIL), imported ahead in
#: idle time after the lane's first paint (:mod:`kiosk.warmup`).
warmup.defer("escpos.printer", "PIL.Image")


class RenderError(DeviceError, ValueError):
    """A receipt that cannot be expressed for this printer: unknown profile or code page,
    a logo that is not an image, a code too long for its symbology."""


class EscposRenderer:
    """Render print operations for one printer profile, paper width and code page.

    Args:
        profile: a python-escpos capabilities profile name ("default", "TM-T88V", ...).
        code_page: a table the profile supports, e.g. "CP858" (see codepages.NAME_SLOTS).
        columns: characters per line; defaults to the profile's font A columns.
        qr_module: QR module size in dots (1-16).

    Raises:
        RenderError: for an unknown profile or a code page the profile lacks.
    """

    def __init__(
        self,
        profile: str = "default",
        code_page: str = DEFAULT_CODE_PAGE,
        columns: int | None = None,
        qr_module: int = 6,
    ) -> None:
        try:
            self.profile = get_profile(profile)
        except Exception as error:  # python-escpos raises its own NotSupported
            raise RenderError(f"unknown printer profile {profile!r}: {error}") from None
        page = code_page.upper()
        if page not in NAME_SLOTS or page not in self.profile.get_code_pages():
            known = ", ".join(p for p in NAME_SLOTS if p in self.profile.get_code_pages())
            raise RenderError(
                f"code page {code_page!r} is not available on profile {profile!r};"
                f" choose one of {known}"
            )
        self.profile_name = profile
        self.code_page = page
        self.codec = codec_for_slot(NAME_SLOTS[page])
        self.columns = columns or int(self.profile.get_columns("a"))
        self.qr_module = qr_module
        pixels = self.profile.profile_data.get("media", {}).get("width", {}).get("pixels")
        self.max_pixels = pixels if isinstance(pixels, int) else _DEFAULT_PIXELS

    def render(self, ops: Iterable[Op]) -> bytes:
        """Return the ESC/POS bytes for ``ops``, starting with ESC @ and the code page.

        Raises:
            RenderError: an operation the printer cannot express (see the class).
        """
        try:
            return self._render(ops)
        except (EscposError, ValueError) as error:
            if isinstance(error, RenderError):
                raise
            raise RenderError(f"cannot render receipt: {error}") from error

    def _render(self, ops: Iterable[Op]) -> bytes:
        from escpos.printer import Dummy

        printer = Dummy(profile=self.profile_name)
        printer.hw("INIT")
        printer.charcode(self.code_page)
        style = _Style(printer)
        for op in ops:
            if isinstance(op, TextLine):
                style.apply(op.align, op.bold, op.width, op.height)
                printer.text(printable(op.text, self.codec) + "\n")
            elif isinstance(op, Code):
                style.apply(Align.CENTER, False, 1, 1)
                self._code(printer, op.code)
            elif isinstance(op, Image):
                style.apply(Align.CENTER, False, 1, 1)
                self._image(printer, op.png)
            elif isinstance(op, Feed):
                printer.print_and_feed(op.lines)
            elif isinstance(op, Cut):
                style.apply(Align.LEFT, False, 1, 1)
                printer.cut()
        output: bytes = printer.output
        return output

    def _code(self, printer: Dummy, code: PrintedCode) -> None:
        if code.kind is CodeKind.QR:
            printer.qr(code.data, size=self.qr_module, native=True)
            printer.text("\n")
        else:
            printer._raw(barcode_bytes(code))
        if code.caption:
            printer.text(printable(code.caption, self.codec) + "\n")

    def _image(self, printer: Dummy, png: bytes) -> None:
        from PIL import Image as PILImage

        try:
            image: PILImage.Image = PILImage.open(io.BytesIO(png))
            image.load()
        except (OSError, ValueError) as error:
            raise RenderError(f"logo is not a readable image: {error}") from None
        if image.width > self.max_pixels:
            height = max(1, image.height * self.max_pixels // image.width)
            image = image.resize((self.max_pixels, height))
        # python-escpos prints a notice on stdout for profiles without a pixel width.
        with contextlib.redirect_stdout(io.StringIO()):
            printer.image(image.convert("RGB"), impl="bitImageRaster")


def barcode_bytes(code: PrintedCode, height: int = 80, module: int = 2) -> bytes:
    """``GS h``/``GS w``/``GS H 2`` then ``GS k`` (function B) for a 1D code, human text below."""
    if code.kind is CodeKind.CODE128:
        data = b"{B" + code.data.encode("ascii")
        kind = 73
    else:
        data = code.data.encode("ascii")
        kind = 67
    if len(data) > 255:
        raise RenderError(f"barcode data too long ({len(data)} bytes)")
    return (
        _GS
        + b"h"
        + bytes([height])
        + _GS
        + b"w"
        + bytes([module])
        + _GS
        + b"H\x02"
        + _GS
        + b"k"
        + bytes([kind, len(data)])
        + data
        + b"\n"
    )


class _Style:
    """Tracks the printer's current style so only changes are sent."""

    def __init__(self, printer: Dummy) -> None:
        self.printer = printer
        self.align = Align.LEFT
        self.bold = False
        self.size = (1, 1)

    def apply(self, align: Align, bold: bool, width: int, height: int) -> None:
        try:
            if align is not self.align:
                self.printer.set(align=align.value)
                self.align = align
            if (width, height) != self.size:
                self.printer.set(custom_size=True, width=width, height=height)
                self.size = (width, height)
            if bold != self.bold:
                self.printer.set(bold=bold)
                self.bold = bold
        except EscposError as error:
            raise RenderError(f"unsupported style: {error}") from None
