"""``SeatMapWidget``: the cabin drawn as rows and columns of seats, chosen by a tap.

Each kind of seat differs by shape or label, never by colour alone (colour-blind
travellers, high contrast): an available seat is an outlined box with its letter; an
occupied one is a grey box crossed out; extra legroom has a thick bar along its
front; an exit-row seat has a double outline and its row says EXIT on the right; a
seat held by a travelling passenger is filled with that passenger's number (1, 2...)
and the seat being changed has a thick ring. Row numbers run down the left, column
letters across the top. ``paint_seat`` draws the same shapes for the legend.

Touch: a tap (press and release without moving) on an available seat emits
``seatTapped``; a tap on an occupied seat does nothing; a drag scrolls the scroll
area the map sits in (30 rows do not fit a screen), so the map scrolls by finger on
any touch screen, without scroll bars to aim at.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QSizePolicy, QWidget

from kiosk.ui.airport.hint import theme_of
from kiosk.ui.airport.views import SeatCell, SeatKind, SeatMapView
from kiosk.ui.theme import TOUCH_TARGET_PX, Theme

DRAG_PX = 12  # a finger that moves further than this is scrolling, not tapping
AVAILABLE, OCCUPIED, LEGROOM, EXIT, HELD = "available", "occupied", "legroom", "exit", "held"


def paint_seat(
    painter: QPainter,
    rect: QRectF,
    theme: Theme,
    kind: str,
    *,
    label: str = "",
    ring: bool = False,
) -> None:
    """Draw one seat of ``kind`` (AVAILABLE, OCCUPIED, LEGROOM, EXIT, HELD) in ``rect``."""
    p, border = theme.palette, max(2, theme.spacing.border)
    painter.save()
    radius = rect.width() * 0.18
    if kind == HELD:
        painter.setPen(QPen(QColor(p.text if ring else p.primary), border * (3 if ring else 1)))
        painter.setBrush(QColor(p.primary))
    elif kind == OCCUPIED:
        painter.setPen(QPen(QColor(p.text_muted), border))
        painter.setBrush(QColor(p.surface_alt))
    else:
        painter.setPen(QPen(QColor(p.text), border))
        painter.setBrush(QColor(p.surface))
    painter.drawRoundedRect(rect, radius, radius)
    if kind == OCCUPIED:  # crossed out
        inset = rect.adjusted(rect.width() * 0.25, rect.height() * 0.25,
                              -rect.width() * 0.25, -rect.height() * 0.25)  # fmt: skip
        painter.drawLine(inset.topLeft(), inset.bottomRight())
        painter.drawLine(inset.topRight(), inset.bottomLeft())
    if kind == EXIT:  # double outline
        inner = rect.adjusted(border * 2 + 2, border * 2 + 2, -border * 2 - 2, -border * 2 - 2)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(inner, radius * 0.6, radius * 0.6)
    if kind == LEGROOM:  # a thick bar along the front
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(p.text))
        bar = QRectF(rect.left() + rect.width() * 0.15, rect.bottom() - rect.height() * 0.2,
                     rect.width() * 0.7, rect.height() * 0.12)  # fmt: skip
        painter.drawRoundedRect(bar, 3, 3)
    if label:
        painter.setPen(QColor(p.on_primary if kind == HELD else p.text))
        area = rect if kind != LEGROOM else rect.adjusted(0, 0, 0, -rect.height() * 0.2)
        painter.drawText(area, int(Qt.AlignmentFlag.AlignCenter), label)
    painter.restore()


def seat_kind(cell: SeatCell) -> str:
    """How ``cell`` is drawn (held beats occupied: a passenger's own seat)."""
    if cell.holder:
        return HELD
    if cell.kind is SeatKind.OCCUPIED:
        return OCCUPIED
    if cell.exit_row:
        return EXIT
    if cell.extra_legroom:
        return LEGROOM
    return AVAILABLE


class SeatMapWidget(QWidget):
    """The seat map; lives inside a scroll area.

    Signals:
        seatTapped(str): an available seat (or one the travellers hold) was tapped.
    """

    seatTapped = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view: SeatMapView | None = None
        self._current_seat = ""
        self._pending = ""
        self._cell_px: int | None = None
        self._metrics_for: tuple[object, tuple[int, int, int, int, int]] | None = None
        self._exit_text = "EXIT"
        self._press: QPoint | None = None
        self._dragging = False
        self._scroll_from = (0, 0)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, False)

    # -- model ----------------------------------------------------------------------
    def set_model(self, view: SeatMapView, current_seat: str = "", pending: str = "") -> None:
        """Draw ``view``; ``current_seat`` gets the ring (the seat being changed), and
        ``pending`` (an exit-row seat asked about) a dashed ring."""
        self._view, self._current_seat, self._pending = view, current_seat, pending
        self._resize()

    def set_exit_text(self, text: str) -> None:
        """The word written beside exit rows (translated by the screen)."""
        self._exit_text = text
        self._resize()

    def view(self) -> SeatMapView | None:
        return self._view

    def fit_width(self, width: int) -> None:
        """Draw seats small enough for the map to fit ``width`` px (the scroll area's
        viewport), but never smaller than a touch target nor larger than the theme's
        size (72 px, 84 with large text)."""
        self._cell_px = None
        cell = self._metrics()[0]
        columns = self._columns()
        seats = sum(1 for c in columns if c != " ")
        extra = self.sizeHint().width() - width
        if extra > 0 and seats:
            # each seat gives up its share; an aisle is half a seat
            share = seats + columns.count(" ") / 2
            self._cell_px = max(TOUCH_TARGET_PX, cell - int(extra / share + 0.999))
        self._resize()

    # -- geometry -------------------------------------------------------------------
    def _metrics(self) -> tuple[int, int, int, int, int]:
        """(cell, gap, aisle, left gutter, right gutter) in px for the theme in force."""
        theme = theme_of(self)
        key = (theme.name, self._exit_text, self._cell_px)
        if self._metrics_for is not None and self._metrics_for[0] == key:
            return self._metrics_for[1]
        found = self._measure(theme)
        self._metrics_for = (key, found)
        return found

    def _measure(self, theme: Theme) -> tuple[int, int, int, int, int]:
        cell = 84 if theme.large_text else 72
        if self._cell_px is not None:
            cell = min(cell, self._cell_px)
        gap = 8
        metrics = QFontMetrics(self._font(theme))
        left = max(metrics.horizontalAdvance("30") + 24, cell // 2)
        right = metrics.horizontalAdvance(self._exit_text) + 24
        return cell, gap, cell // 2, left, right

    def _font(self, theme: Theme) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(theme.type.label)
        font.setBold(True)
        return font

    def _columns(self) -> str:
        return self._view.columns if self._view is not None else ""

    def _column_x(self) -> dict[int, int]:
        """Column index (in ``columns``, blanks are aisles) -> the x of its left edge."""
        cell, gap, aisle, left, _right = self._metrics()
        x, xs = left, {}
        for index, letter in enumerate(self._columns()):
            if letter == " ":
                x += aisle
                continue
            xs[index] = x
            x += cell + gap
        return xs

    def sizeHint(self) -> QSize:
        cell, gap, aisle, left, right = self._metrics()
        columns = self._columns()
        seats = sum(1 for c in columns if c != " ")
        width = left + seats * (cell + gap) + columns.count(" ") * aisle + right
        rows = len(self._view.rows) if self._view is not None else 0
        return QSize(width, cell + gap + rows * (cell + gap))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def _resize(self) -> None:
        self.setFixedSize(self.sizeHint())
        self.updateGeometry()
        self.update()

    def seat_rect(self, number: str) -> QRect:
        """Where seat ``number`` is drawn (an empty rect if the map has no such seat)."""
        cell, gap, *_ = self._metrics()
        xs = self._column_x()
        if self._view is None:
            return QRect()
        for r, row in enumerate(self._view.rows):
            for index, seat in enumerate(row.seats):
                if seat is not None and seat.number == number and index in xs:
                    return QRect(xs[index], cell + gap + r * (cell + gap), cell, cell)
        return QRect()

    def seat_at(self, point: QPoint) -> SeatCell | None:
        """The seat under ``point`` (None between seats)."""
        if self._view is None:
            return None
        cell, gap, *_ = self._metrics()
        index = (point.y() - cell - gap) // (cell + gap)
        if point.y() < cell + gap or not 0 <= index < len(self._view.rows):
            return None
        row = self._view.rows[index]
        top = cell + gap + index * (cell + gap)
        for column, x in self._column_x().items():
            inside = x <= point.x() < x + cell and top <= point.y() < top + cell
            if inside and column < len(row.seats):
                return row.seats[column]
        return None

    # -- touch ----------------------------------------------------------------------
    def _area(self) -> QAbstractScrollArea | None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QAbstractScrollArea):
            parent = parent.parentWidget()
        return parent

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.globalPosition().toPoint()
        self._dragging = False
        area = self._area()
        if area is not None:
            self._scroll_from = (
                area.horizontalScrollBar().value(),
                area.verticalScrollBar().value(),
            )
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            return
        moved = event.globalPosition().toPoint() - self._press
        if not self._dragging and moved.manhattanLength() > DRAG_PX:
            self._dragging = True
        area = self._area()
        if self._dragging and area is not None:
            area.horizontalScrollBar().setValue(self._scroll_from[0] - moved.x())
            area.verticalScrollBar().setValue(self._scroll_from[1] - moved.y())
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        tapped = self._press is not None and not self._dragging
        self._press, self._dragging = None, False
        if not tapped:
            return
        seat = self.seat_at(event.position().toPoint())
        if seat is not None and (seat.kind is SeatKind.AVAILABLE or seat.holder):
            self.seatTapped.emit(seat.number)
        event.accept()

    # -- drawing --------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        view = self._view
        if view is None:
            return
        theme = theme_of(self)
        cell, gap, _aisle, left, right = self._metrics()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self._font(theme))
        text = QColor(theme.palette.text)
        xs = self._column_x()
        painter.setPen(text)
        for index, x in xs.items():
            painter.drawText(QRect(x, 0, cell, cell), int(Qt.AlignmentFlag.AlignCenter),
                             self._columns()[index])  # fmt: skip
        clip = event.rect()
        for r, row in enumerate(view.rows):
            y = cell + gap + r * (cell + gap)
            if y > clip.bottom() or y + cell < clip.top():
                continue
            painter.setPen(text)
            painter.drawText(QRect(0, y, left - 8, cell),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             str(row.row))  # fmt: skip
            if row.exit_row:
                painter.drawText(QRect(self.width() - right + 8, y, right - 8, cell),
                                 int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                                 self._exit_text)  # fmt: skip
            for index, seat in enumerate(row.seats):
                if seat is None or index not in xs:
                    continue
                rect = QRectF(xs[index], y, cell, cell)
                letter = seat.number[len(str(row.row)) :]
                kind = seat_kind(seat)
                label = seat.holder if kind == HELD else ("" if kind == OCCUPIED else letter)
                ring = kind == HELD and seat.number == self._current_seat
                paint_seat(painter, rect, theme, kind, label=label, ring=ring)
                if seat.number == self._pending:
                    pen = QPen(QColor(theme.palette.primary), 4, Qt.PenStyle.DashLine)
                    painter.setPen(pen)
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawRoundedRect(rect.adjusted(-5, -5, 5, 5), 14, 14)
        painter.end()


class SeatSwatch(QWidget):
    """One seat of the legend, drawn as on the map."""

    def __init__(self, kind: str, label: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind, self._label = kind, label
        self.setFixedSize(52, 52)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        theme = theme_of(self)
        font = QFont(self.font())
        font.setPixelSize(theme.type.caption)
        font.setBold(True)
        painter.setFont(font)
        paint_seat(painter, QRectF(3, 3, 46, 46), theme, self._kind, label=self._label)
        painter.end()
