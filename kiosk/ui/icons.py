"""SVG icons from ``assets/icons``, tinted to a theme colour and cached.

The SVG files draw with ``currentColor``; ``icon(name, colour)`` substitutes the
colour and renders the result at a few sizes. A missing file is a bug in the
caller, raised as ``FileNotFoundError`` naming the icon.

Rendering waits until the icon is first drawn or measured (:class:`_LazySvgEngine`,
issue 16): a lane's start made ~40 icons at four sizes each (~170 SVG renderings,
~15 ms) for buttons of screens not shown yet, and re-made most of them in the
button's text colour when the button was polished. The icon is then exactly the one
rendered before (the same pixmaps, the same disabled look), made on first use.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QPainter, QPixmap
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
    """Icon ``name`` in ``colour`` as a QIcon (rendered at 32, 48, 64 and 128 px when it
    is first drawn or measured). Raises FileNotFoundError if there is no such icon."""
    icon_path(name)  # a missing icon is the caller's bug, raised here as before
    engine = _LazySvgEngine(name, colour)
    _ENGINES.append(engine)  # Qt owns the engine through the QIcon; Python keeps it alive
    return QIcon(engine)


def _rendered(name: str, colour: str) -> QIcon:
    """The icon itself: ``name`` in ``colour`` rendered at 32, 48, 64 and 128 px."""
    result = QIcon()
    for size in (32, 48, 64, 128):
        result.addPixmap(pixmap(name, colour, size))
    return result


_ENGINES: list[QIconEngine] = []  # every engine made (one per icon and colour, and clones)


class _LazySvgEngine(QIconEngine):
    """Renders the icon (:func:`_rendered`) the first time Qt asks for a pixmap, a size or
    a paint, then answers as that icon does."""

    def __init__(self, name: str, colour: str) -> None:
        super().__init__()
        self._name, self._colour = name, colour
        self._icon: QIcon | None = None

    def _real(self) -> QIcon:
        if self._icon is None:
            self._icon = _rendered(self._name, self._colour)
        return self._icon

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self._real().pixmap(size, mode, state)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        return self._real().pixmap(size, scale, mode, state)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        # As Qt's own pixmap engine paints: the pixmap for the device's ratio, into rect.
        device = painter.device()
        ratio = device.devicePixelRatio() if device is not None else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, ratio))

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return self._real().actualSize(size, mode, state)

    def availableSizes(self, mode: QIcon.Mode, state: QIcon.State) -> list[QSize]:
        return self._real().availableSizes(mode, state)

    def isNull(self) -> bool:
        return False

    def key(self) -> str:
        return "kiosk-svg"

    def clone(self) -> QIconEngine:
        twin = _LazySvgEngine(self._name, self._colour)
        twin._icon = self._icon
        _ENGINES.append(twin)
        return twin


def icon_size(px: int) -> QSize:
    """A square QSize, for ``setIconSize``."""
    return QSize(px, px)
