"""``ReaderHint``: a looping picture of where to hold the boarding pass or passport.

A drawn reader (a dark glass with its red light) and a document that slides down onto
it, again and again: a boarding pass (with its barcode) and a passport (open at the
photo page, face down) in turn, or only one of them. Drawn, not an animation file, in
the theme's colours (high contrast included); it runs only while shown. ``theme_of``
finds the theme a painted widget should use (the window's accessibility choice).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QHideEvent, QPainter, QPaintEvent, QPen, QShowEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui.theme import Theme, make_theme

PASS = "pass"
PASSPORT = "passport"
_FRAMES = 60  # one slide: frames of ``tick_ms``
_HOLD = 25  # frames the document rests on the glass


def theme_of(widget: QWidget) -> Theme:
    """The theme in force on ``widget``'s window (normal if it has none)."""
    name = getattr(widget.window(), "theme_name", None)
    text = name() if callable(name) else "normal"
    return make_theme(large_text="large-text" in text, high_contrast="high-contrast" in text)


class ReaderHint(QWidget):
    """Where to hold the document, animated.

    Signals:
        documentChanged(str): the next document (``PASS`` or ``PASSPORT``) slides in.

    Args:
        documents: which documents to show in turn (``PASS``, ``PASSPORT``).
        tick_ms: one animation frame.
    """

    documentChanged = Signal(str)

    def __init__(
        self,
        documents: tuple[str, ...] = (PASS, PASSPORT),
        *,
        tick_ms: int = 50,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._documents = documents or (PASS,)
        self.frame = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(220, 160)
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._tick)

    def set_documents(self, documents: tuple[str, ...]) -> None:
        """Show these documents in turn from now on."""
        self._documents = documents or (PASS,)
        self.update()

    def document(self) -> str:
        """The document sliding now."""
        return self._documents[(self.frame // _FRAMES) % len(self._documents)]

    def sizeHint(self) -> QSize:
        return QSize(360, 280)

    def showEvent(self, event: QShowEvent) -> None:
        self._timer.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()
        super().hideEvent(event)

    def _tick(self) -> None:
        before = self.document()
        self.frame = (self.frame + 1) % (_FRAMES * len(self._documents) * 10)
        if self.document() != before:
            self.documentChanged.emit(self.document())
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        theme = theme_of(self)
        p = theme.palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        side = min(w, h * 1.3)
        left = (w - side) / 2
        glass = QRectF(left, h * 0.62, side, h * 0.3)
        painter.setPen(QPen(QColor(p.border), theme.spacing.border))
        painter.setBrush(QColor("#22303C") if not theme.high_contrast else QColor("#000000"))
        painter.drawRoundedRect(glass, 12, 12)
        painter.setPen(QPen(QColor("#FF3B30"), 4))
        painter.drawLine(
            int(glass.left() + 16), int(glass.center().y()),
            int(glass.right() - 16), int(glass.center().y()),
        )  # fmt: skip
        step = self.frame % _FRAMES
        slide = min(1.0, step / max(1, _FRAMES - _HOLD))
        doc_w = side * (0.55 if self.document() == PASS else 0.5)
        doc_h = h * 0.34
        top = h * 0.02 + slide * (glass.top() - doc_h * 0.55 - h * 0.02)
        rect = QRectF((w - doc_w) / 2, top, doc_w, doc_h)
        painter.setPen(QPen(QColor(p.text), theme.spacing.border))
        if self.document() == PASS:
            painter.setBrush(QColor(p.surface))
            painter.drawRoundedRect(rect, 6, 6)
            self._barcode(painter, rect, QColor(p.text))
        else:
            painter.setBrush(QColor("#1D3557") if not theme.high_contrast else QColor(p.surface))
            painter.drawRoundedRect(rect, 6, 6)
            painter.setPen(QPen(QColor(p.primary if theme.high_contrast else "#F1C40F"), 3))
            inner = rect.adjusted(rect.width() * 0.3, rect.height() * 0.2, -rect.width() * 0.3, 0)
            painter.drawEllipse(inner.center(), rect.height() * 0.18, rect.height() * 0.18)
        painter.end()

    @staticmethod
    def _barcode(painter: QPainter, rect: QRectF, colour: QColor) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        x = rect.left() + rect.width() * 0.1
        widths = (3, 1, 2, 1, 3, 2, 1, 1, 3, 1, 2, 2, 1, 3, 1, 2)
        area = rect.adjusted(0, rect.height() * 0.45, 0, -rect.height() * 0.15)
        unit = rect.width() * 0.8 / (sum(widths) * 2)
        for index, bar in enumerate(widths):
            if index % 2 == 0:
                painter.drawRect(QRectF(x, area.top(), bar * unit, area.height()))
            x += bar * unit * 2
