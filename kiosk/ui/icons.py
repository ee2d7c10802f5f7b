"""SVG icons from ``assets/icons``, tinted to a theme colour and cached.

The SVG files draw with ``currentColor``; ``icon(name, colour)`` substitutes the
colour and renders the result at a few sizes. A missing file is a bug in the
caller, raised as ``FileNotFoundError`` naming the icon.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

ICON_DIR = Path(__file__).resolve().parents[2] / "assets" / "icons"


def icon_path(name: str) -> Path:
    """The SVG file of icon ``name``; raises FileNotFoundError if there is none."""
    path = ICON_DIR / f"{name}.svg"
    if not path.is_file():
        raise FileNotFoundError(f"no icon {name!r} in {ICON_DIR}")
    return path


@cache
def _svg_text(name: str) -> str:
    return icon_path(name).read_text(encoding="utf-8")


def pixmap(name: str, colour: str, size: int) -> QPixmap:
    """Icon ``name`` drawn in ``colour`` into a square transparent pixmap of ``size`` px."""
    data = QByteArray(_svg_text(name).replace("currentColor", colour).encode())
    renderer = QSvgRenderer(data)
    image = QPixmap(size, size)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


@cache
def icon(name: str, colour: str) -> QIcon:
    """Icon ``name`` in ``colour`` as a QIcon (rendered at 32, 48, 64 and 128 px)."""
    result = QIcon()
    for size in (32, 48, 64, 128):
        result.addPixmap(pixmap(name, colour, size))
    return result


def icon_size(px: int) -> QSize:
    """A square QSize, for ``setIconSize``."""
    return QSize(px, px)
