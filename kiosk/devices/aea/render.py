"""Draw a printed pectab as a picture (the simulator's paper), with Pillow and zxing-cpp.

Each grid cell is ``CELL[kind]`` pixels (an ATB coupon of 72 x 18 cells is
1584 x 648 px, about 203 dpi; a bag tag of 24 x 26 cells is 432 x 1248 px).
Text is DejaVu Sans Mono sized so one character of font ``A`` is one column
wide (``B`` bold, ``C``/``D``/``E`` two, three, four times as large), drawn
from the top left of its position. Barcodes are made with zxing-cpp's writer
(PDF417 for the BCBP, ITF for the licence plate) with their quiet zones, one
module ``module`` pixels wide, stretched to ``height`` rows, so a decoder can
read the picture back. A value the symbology refuses prints nothing there, as
on a printer, and :func:`render` says so in its second result.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import numpy
import zxingcpp
from PIL import Image, ImageDraw, ImageFont

from kiosk.devices.aea.pectab import ATB, BarcodeElement, Pectab, TextElement

CELL = {ATB: (22, 36), "btp": (18, 48)}
MARGIN = 16  # white around the grid, inside the card's edge
_FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
_SCALE = {"A": 1, "B": 1, "C": 2, "D": 3, "E": 4}
_FORMATS = {"P": zxingcpp.BarcodeFormat.PDF417, "I": zxingcpp.BarcodeFormat.ITF}


def render(pectab: Pectab, fields: Mapping[str, str]) -> tuple[Image.Image, list[str]]:
    """The document ``pectab`` prints with ``fields``, and the problems met (unknown
    elements, values a barcode cannot hold), for the simulator's log."""
    cell_w, cell_h = CELL[pectab.kind]
    page = Image.new("L", (pectab.columns * cell_w, pectab.rows * cell_h), 255)
    draw = ImageDraw.Draw(page)
    problems: list[str] = []
    for number, value in fields.items():
        element = pectab.element(number)
        if element is None:
            problems.append(f"element {number}: not in pectab {pectab.key}")
            continue
        if isinstance(element, TextElement):
            scale = _SCALE[element.font]
            font = _font(element.font == "B" or scale > 1, cell_w * scale)
            for position in element.positions:
                x, y = (position.column - 1) * cell_w, position.row_index * cell_h
                draw.text((x, y), value[: element.length], font=font, fill=0)
        elif value:
            picture = _barcode(element, value, cell_h)
            if picture is None:
                problems.append(f"element {number}: {value!r} cannot be a {element.symbology} code")
                continue
            x = (element.position.column - 1) * cell_w
            page.paste(picture, (x, element.position.row_index * cell_h))
    framed = Image.new("L", (page.width + 2 * MARGIN, page.height + 2 * MARGIN), 255)
    framed.paste(page, (MARGIN, MARGIN))
    ImageDraw.Draw(framed).rectangle(
        (2, 2, framed.width - 3, framed.height - 3), outline=0, width=2
    )
    return framed, problems


def to_png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _barcode(element: BarcodeElement, value: str, cell_h: int) -> Image.Image | None:
    try:
        code = zxingcpp.create_barcode(value, _FORMATS[element.symbology])
        pixels = zxingcpp.write_barcode_to_image(code, scale=element.module)
    except (ValueError, RuntimeError, TypeError):
        return None
    picture = Image.fromarray(numpy.asarray(pixels, dtype=numpy.uint8), mode="L")
    height = max(element.height * cell_h, picture.height)
    return picture.resize((picture.width, height), Image.Resampling.NEAREST)


@lru_cache(maxsize=16)
def _font(bold: bool, advance: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """A monospaced font whose characters are ``advance`` pixels wide."""
    name = "DejaVuSansMono-Bold.ttf" if bold else "DejaVuSansMono.ttf"
    size = max(8, round(advance / 0.602))
    try:
        return ImageFont.truetype(str(_FONT_DIR / name), size)
    except OSError:
        return ImageFont.load_default(size)
