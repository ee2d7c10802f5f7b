"""``SignaturePad``: a signature drawn with a finger, kept as strokes and given as an image.

A touch (Qt turns it into mouse events) starts a stroke, moving extends it, lifting
ends it; ``image()`` draws the strokes black on white into a ``QImage`` of the pad's
size (what is kept with the stay), ``png()`` gives its PNG bytes, ``clear()`` starts
again. The pad paints itself in the theme's colours with a line to sign on.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui.airport.hint import theme_of

INK_PX = 4


class SignaturePad(QWidget):
    """Strokes drawn by touch.

    Signals:
        changed(bool): after every stroke and after ``clear``: whether anything is drawn.
    """

    changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strokes: list[list[QPointF]] = []
        self._drawing = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 160)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, False)

    def sizeHint(self) -> QSize:
        return QSize(640, 280)

    # -- what was drawn ----------------------------------------------------------------
    def is_empty(self) -> bool:
        """Nothing drawn (a tap without a move draws a dot: not empty)."""
        return not self._strokes

    def strokes(self) -> tuple[tuple[QPointF, ...], ...]:
        return tuple(tuple(s) for s in self._strokes)

    def add_stroke(self, points: list[tuple[float, float]]) -> None:
        """Add a stroke through ``points`` (pad coordinates): samples and replays."""
        if points:
            self._strokes.append([QPointF(x, y) for x, y in points])
            self.update()
            self.changed.emit(True)

    def clear(self) -> None:
        """Forget every stroke."""
        self._strokes = []
        self._drawing = False
        self.update()
        self.changed.emit(False)

    def image(self) -> QImage:
        """The strokes, black on white, at the pad's size."""
        size = self.size().expandedTo(QSize(1, 1))
        image = QImage(size, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        self._draw(painter, QColor("black"))
        painter.end()
        return image

    def png(self) -> bytes:
        """``image()`` as PNG bytes."""
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.image().save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())

    # -- input -------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.isEnabled():
            self._drawing = True
            self._strokes.append([event.position()])
            self.update()
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drawing:
            self._strokes[-1].append(event.position())
            self.update()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drawing:
            self._drawing = False
            self._strokes[-1].append(event.position())
            self.update()
            self.changed.emit(True)
        event.accept()

    # -- drawing -----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        theme = theme_of(self)
        p = theme.palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(p.border), theme.spacing.border))
        painter.setBrush(QColor(p.surface))
        painter.drawRoundedRect(self.rect().adjusted(1, 1, -1, -1), 12, 12)
        line_y = self.height() * 0.75
        painter.setPen(QPen(QColor(p.text_muted), 2))
        painter.drawLine(QPointF(24, line_y), QPointF(self.width() - 24, line_y))
        self._draw(painter, QColor(p.text))
        painter.end()

    def _draw(self, painter: QPainter, colour: QColor) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(colour, INK_PX)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        for stroke in self._strokes:
            if len(stroke) == 1:
                painter.drawPoint(stroke[0])
                continue
            path = QPainterPath(stroke[0])
            for point in stroke[1:]:
                path.lineTo(point)
            painter.drawPath(path)
