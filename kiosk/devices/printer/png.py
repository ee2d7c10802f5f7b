"""Draw what an ESC/POS stream would print, as a Pillow image (for the printer simulator).

:class:`ReceiptCanvas` consumes events from
:class:`~kiosk.devices.printer.interpreter.EscposInterpreter` and collects
blocks (text lines, codes, images, blank feeds); a cut (or :meth:`finish`)
draws them on a white strip as wide as the paper and returns it. Font A is a
12x24-dot cell, so 42 columns make the 512-dot line of an 80 mm TM-T88. QR
codes are redrawn from their data with ``qrcode``, PDF417 with zxing-cpp's writer,
1D barcodes with the module patterns of ``python-barcode``, so a decoder can read
the picture back.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import barcode as pybarcode
import qrcode
from PIL import Image, ImageDraw, ImageFont

from kiosk.devices.printer import escpos_events as ev

CELL_W, CELL_H = 12, 24
MARGIN = 16
_FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
_BARCODE_NAMES = {
    73: "code128",
    67: "ean13",
    2: "ean13",
    68: "ean8",
    3: "ean8",
    69: "code39",
    4: "code39",
}


@dataclass
class _Line:
    segments: list[tuple[str, ev.Style]]
    align: str


@dataclass
class _Block:
    image: Image.Image
    align: str


class ReceiptCanvas:
    """Collect interpreter events and draw each receipt when it is cut."""

    def __init__(self, columns: int = 42) -> None:
        self.columns = columns
        self.paper_px = columns * CELL_W
        self._blocks: list[_Line | _Block | int] = []
        self._line: _Line | None = None

    @property
    def empty(self) -> bool:
        return not self._blocks and self._line is None

    def apply(self, events: list[ev.Event]) -> list[Image.Image]:
        """Apply ``events``; return an image for every cut among them."""
        pages: list[Image.Image] = []
        for event in events:
            if isinstance(event, ev.Text):
                if self._line is None:
                    self._line = _Line([], event.style.align)
                self._line.segments.append((event.text, event.style))
            elif isinstance(event, ev.LineFeed):
                self._blocks.append(self._line or _Line([("", event.style)], event.style.align))
                self._line = None
            elif isinstance(event, ev.FeedLines):
                self._end_line()
                self._blocks.append(event.lines * CELL_H)
            elif isinstance(event, ev.QrCode | ev.Pdf417 | ev.Barcode | ev.Raster):
                self._end_line()
                picture = _picture(event)
                if picture is not None:
                    self._blocks.append(_Block(picture, event.align))
            elif isinstance(event, ev.Cut):
                pages.append(self.finish())
        return pages

    def _end_line(self) -> None:
        if self._line is not None:
            self._blocks.append(self._line)
            self._line = None

    def finish(self) -> Image.Image:
        """Draw everything collected so far as one strip and start a new receipt."""
        self._end_line()
        blocks, self._blocks = self._blocks, []
        heights = [_height(b) for b in blocks]
        page = Image.new("L", (self.paper_px + 2 * MARGIN, sum(heights) + 2 * MARGIN), 255)
        y = MARGIN
        for block, height in zip(blocks, heights, strict=True):
            if isinstance(block, _Line):
                self._draw_line(page, block, y)
            elif isinstance(block, _Block):
                page.paste(block.image, (MARGIN + self._x(block.image.width, block.align), y))
            y += height
        return page

    def _x(self, width: int, align: str) -> int:
        spare = max(self.paper_px - width, 0)
        return {"center": spare // 2, "right": spare}.get(align, 0)

    def _draw_line(self, page: Image.Image, line: _Line, y: int) -> None:
        width = sum(len(text) * CELL_W * style.width for text, style in line.segments)
        x = MARGIN + self._x(width, line.align)
        top = max((style.height for _, style in line.segments), default=1) * CELL_H
        for text, style in line.segments:
            for char in text:
                glyph = _glyph(char, style.bold, style.width, style.height, style.underline)
                page.paste(glyph, (x, y + top - glyph.height))
                x += glyph.width
                if x >= MARGIN + self.paper_px:
                    return  # a real printer would wrap; the simulator just clips


def to_png(image: Image.Image) -> bytes:
    """PNG bytes of a drawn receipt."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _height(block: _Line | _Block | int) -> int:
    if isinstance(block, int):
        return block
    if isinstance(block, _Block):
        return block.image.height + CELL_H // 2
    return max((s.height for _, s in block.segments), default=1) * CELL_H


@lru_cache(maxsize=4)
def _font(bold: bool) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    name = "DejaVuSansMono-Bold.ttf" if bold else "DejaVuSansMono.ttf"
    try:
        return ImageFont.truetype(str(_FONT_DIR / name), 20)
    except OSError:
        return ImageFont.load_default(20)


@lru_cache(maxsize=2048)
def _glyph(char: str, bold: bool, width: int, height: int, underline: bool) -> Image.Image:
    cell = Image.new("L", (CELL_W, CELL_H), 255)
    draw = ImageDraw.Draw(cell)
    draw.text((CELL_W // 2, CELL_H - 5), char, font=_font(bold), fill=0, anchor="ms")
    if underline:
        draw.line((0, CELL_H - 2, CELL_W, CELL_H - 2), fill=0)
    if (width, height) == (1, 1):
        return cell
    return cell.resize((CELL_W * width, CELL_H * height), Image.Resampling.NEAREST)


def _picture(event: ev.QrCode | ev.Pdf417 | ev.Barcode | ev.Raster) -> Image.Image | None:
    try:
        if isinstance(event, ev.QrCode):
            return _qr(event)
        if isinstance(event, ev.Pdf417):
            return _pdf417(event)
        if isinstance(event, ev.Barcode):
            return _bars(event)
        return _raster(event)
    except (ValueError, TypeError, UnicodeError, qrcode.exceptions.DataOverflowError):
        return None  # garbage in a code command prints nothing, as on a printer


def _qr(event: ev.QrCode) -> Image.Image | None:
    if not event.data:
        return None
    code = qrcode.QRCode(
        border=2, box_size=event.module, error_correction=qrcode.constants.ERROR_CORRECT_L
    )
    code.add_data(event.data)
    code.make(fit=True)
    picture: Image.Image = code.make_image().get_image().convert("L")
    return picture


def _pdf417(event: ev.Pdf417) -> Image.Image | None:
    import numpy
    import zxingcpp

    if not event.data:
        return None
    try:
        code = zxingcpp.create_barcode(event.data.decode("latin-1"), zxingcpp.BarcodeFormat.PDF417)
        pixels = numpy.asarray(zxingcpp.write_barcode_to_image(code, scale=event.module))
    except RuntimeError:
        return None
    # Rows as zxing-cpp draws them (the printer's row height setting is not redrawn).
    return Image.fromarray(pixels.astype(numpy.uint8), mode="L")


def _bars(event: ev.Barcode) -> Image.Image | None:
    name = _BARCODE_NAMES.get(event.kind)
    data = event.data.decode("ascii")
    if name == "code128" and data[:2] in ("{A", "{B", "{C"):
        data = data[2:]
    if name is None or not data:
        return None
    modules = pybarcode.get(name, data).build()[0]
    module = max(1, min(event.module, 6))
    quiet = 10 * module
    height = max(event.height, 8)
    text_h = CELL_H
    image = Image.new("L", (len(modules) * module + 2 * quiet, height + text_h), 255)
    draw = ImageDraw.Draw(image)
    for i, bit in enumerate(modules):
        if bit == "1":
            x = quiet + i * module
            draw.rectangle((x, 0, x + module - 1, height - 1), fill=0)
    draw.text((image.width // 2, height + text_h - 4), data, font=_font(False), fill=0, anchor="ms")
    return image


def _raster(event: ev.Raster) -> Image.Image | None:
    if not event.width_bytes or not event.height:
        return None
    bits = Image.frombytes("1", (event.width_bytes * 8, event.height), event.data)
    # ESC/POS raster: 1 = black dot; Pillow mode "1": 1 = white.
    return Image.eval(bits.convert("L"), lambda v: 255 - v)
