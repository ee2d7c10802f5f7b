"""``CartList``: the basket as a virtual list (model + painted rows of equal height).

A list view paints only the rows on screen and a scan appends one model row, so
the cost of a scan does not grow with the basket. Colours and type sizes come
from the theme's stylesheet through ``qproperty-*`` settings on ``#CartList``;
the texts come from ``row_texts`` (plain Python, shared with the tests).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    Property,
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyleOptionViewItem, QWidget
from PySide6.QtWidgets import QStyledItemDelegate as _Delegate

from kiosk.ui.format import format_money, format_weight
from kiosk.ui.i18n import current_language
from kiosk.ui.viewmodels import CartLineView, pick_name

_PAD_X, _PAD_Y, _GAP, _ACCENT = 24, 14, 2, 6
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class RowTexts:
    """What one cart row shows."""

    name: str
    detail: str
    amount: str
    deposit: str = ""
    deposit_amount: str = ""


def row_texts(line: CartLineView, language: str) -> RowTexts:
    """The texts of ``line`` in ``language`` (translated labels, formatted amounts)."""
    price = format_money(line.unit_price, language)
    if line.weight_g is not None:
        detail = f"{format_weight(line.weight_g, language)} × {price}/kg"
    else:
        detail = f"{line.quantity} × {price}"
    if line.voided:
        detail = QCoreApplication.translate("CartRow", "Removed")
    elif line.price_overridden:
        detail += " · " + QCoreApplication.translate("CartRow", "price changed by staff")
    amount = "" if line.voided else format_money(line.amount, language)
    if line.deposit is None or not line.deposit or line.voided:
        return RowTexts(pick_name(line.names, language), detail, amount)
    return RowTexts(
        pick_name(line.names, language),
        detail,
        amount,
        "+ " + QCoreApplication.translate("CartRow", "Deposit"),
        format_money(line.deposit, language),
    )


class CartModel(QAbstractListModel):
    """The basket lines; ``update`` appends and changes rows instead of resetting."""

    LineRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines: list[CartLineView] = []
        self.last_line_no: int | None = None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._lines)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return pick_name(line.names, current_language())
        if role == self.LineRole:
            return line
        return None

    def line(self, row: int) -> CartLineView:
        """The line shown in ``row``."""
        return self._lines[row]

    def row_of(self, line_no: int) -> int:
        """The row showing ``line_no``; KeyError if not shown."""
        for row, line in enumerate(self._lines):
            if line.line_no == line_no:
                return row
        raise KeyError(line_no)

    def update(self, lines: tuple[CartLineView, ...], last_line_no: int | None) -> None:
        """Show ``lines``: changed rows are redrawn, new ones appended, else a reset."""
        old = self._lines
        same_prefix = len(lines) >= len(old) and all(
            a.line_no == b.line_no for a, b in zip(old, lines, strict=False)
        )
        if not same_prefix:
            self.beginResetModel()
            self._lines, self.last_line_no = list(lines), last_line_no
            self.endResetModel()
            return
        changed = {
            row for row, (a, b) in enumerate(zip(old, lines, strict=False)) if a is not b and a != b
        }
        if last_line_no != self.last_line_no:
            changed.update(
                row
                for row, line in enumerate(old)
                if line.line_no in (self.last_line_no, last_line_no)
            )
        self.last_line_no = last_line_no
        self._lines[: len(old)] = lines[: len(old)]
        for row in sorted(changed):
            self.dataChanged.emit(self.index(row), self.index(row))
        if len(lines) > len(old):
            self.beginInsertRows(QModelIndex(), len(old), len(lines) - 1)
            self._lines.extend(lines[len(old) :])
            self.endInsertRows()

    def refresh_all(self) -> None:
        """Redraw every row (after a language switch)."""
        if self._lines:
            self.dataChanged.emit(self.index(0), self.index(len(self._lines) - 1))


class CartList(QListView):
    """The rows of a basket, newest at the bottom.

    Signals:
        lineTapped(int): the shopper touched the row of this line_no (e.g. to remove it).
    """

    lineTapped = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CartList")
        self._colours = {
            "text": QColor("#17202A"),
            "muted": QColor("#5B6773"),
            "highlight": QColor("#E6F0FF"),
            "accent": QColor("#0A6CFF"),
            "surface": QColor("#FFFFFF"),
            "separator": QColor("#EEF1F4"),
        }
        self._sizes = {"heading": 30, "label": 20, "caption": 17}
        self.cart_model = CartModel(self)
        self.setModel(self.cart_model)
        self.setItemDelegate(_CartDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Every row has the same height (the deposit sits on the detail line), so the
        # view never measures the whole basket: a scan costs the same at 10 or 1,000 lines.
        self.setUniformItemSizes(True)
        self.clicked.connect(self._clicked)

    def set_lines(self, lines: tuple[CartLineView, ...], last_line_no: int | None) -> None:
        """Show exactly ``lines``, highlighting ``last_line_no`` and scrolling to it."""
        self.cart_model.update(lines, last_line_no)
        self._scroll_to_last()

    def row_count(self) -> int:
        """How many rows are shown."""
        return self.cart_model.rowCount()

    def texts(self, line_no: int) -> RowTexts:
        """What the row of ``line_no`` shows (KeyError if not shown)."""
        line = self.cart_model.line(self.cart_model.row_of(line_no))
        return row_texts(line, current_language())

    def is_highlighted(self, line_no: int) -> bool:
        """Whether ``line_no`` is the highlighted (last scanned) row."""
        return self.cart_model.last_line_no == line_no

    def line_rect(self, line_no: int) -> QRect:
        """Where the row of ``line_no`` is, in viewport coordinates (for touches)."""
        return self.visualRect(self.cart_model.index(self.cart_model.row_of(line_no)))

    def colour(self, name: str) -> QColor:
        """A themed colour (text, muted, highlight, accent, surface, separator)."""
        return self._colours[name]

    def size_px(self, name: str) -> int:
        """A themed font size (heading, label, caption)."""
        return self._sizes[name]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.cart_model.refresh_all()
        super().changeEvent(event)

    def _scroll_to_last(self) -> None:
        last = self.cart_model.last_line_no
        if last is None:
            return
        try:
            row = self.cart_model.row_of(last)
        except KeyError:
            return
        self.scrollTo(self.cart_model.index(row))

    def _clicked(self, index: QModelIndex) -> None:
        self.lineTapped.emit(self.cart_model.line(index.row()).line_no)

    def _set_colour(self, name: str, value: QColor) -> None:
        self._colours[name] = QColor(value)
        self.viewport().update()

    def _set_size(self, name: str, value: int) -> None:
        if self._sizes[name] != value:
            self._sizes[name] = value
            self.scheduleDelayedItemsLayout()
            QTimer.singleShot(0, self._scroll_to_last)  # rows changed height: keep last in view

    # Set by the stylesheet: QListView#CartList { qproperty-textColor: ...; }
    textColor = Property(
        QColor, lambda s: s._colours["text"], lambda s, v: s._set_colour("text", v)
    )
    mutedColor = Property(
        QColor, lambda s: s._colours["muted"], lambda s, v: s._set_colour("muted", v)
    )
    highlightColor = Property(
        QColor, lambda s: s._colours["highlight"], lambda s, v: s._set_colour("highlight", v)
    )
    accentColor = Property(
        QColor, lambda s: s._colours["accent"], lambda s, v: s._set_colour("accent", v)
    )
    surfaceColor = Property(
        QColor, lambda s: s._colours["surface"], lambda s, v: s._set_colour("surface", v)
    )
    separatorColor = Property(
        QColor, lambda s: s._colours["separator"], lambda s, v: s._set_colour("separator", v)
    )
    headingPx = Property(int, lambda s: s._sizes["heading"], lambda s, v: s._set_size("heading", v))
    labelPx = Property(int, lambda s: s._sizes["label"], lambda s, v: s._set_size("label", v))
    captionPx = Property(int, lambda s: s._sizes["caption"], lambda s, v: s._set_size("caption", v))


class _CartDelegate(_Delegate):
    """Paints one cart row; heights are cached per font size and deposit/no deposit."""

    def __init__(self, view: CartList) -> None:
        super().__init__(view)
        self._view = view
        self._heights: dict[tuple[int, int], int] = {}

    def _font(self, size: str, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
        font = QFont(self._view.font())
        font.setPixelSize(self._view.size_px(size))
        font.setWeight(weight)
        return font

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        key = (self._view.size_px("heading"), self._view.size_px("label"))
        height = self._heights.get(key)
        if height is None:
            height = (
                2 * _PAD_Y
                + QFontMetrics(self._font("heading")).height()
                + _GAP
                + QFontMetrics(self._font("label")).height()
            )
            self._heights[key] = height
        return QSize(self._view.viewport().width(), height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        view, line = self._view, index.data(CartModel.LineRole)
        texts = row_texts(line, current_language())
        rect: QRect = option.rect
        highlighted = view.is_highlighted(line.line_no)
        painter.save()
        painter.fillRect(rect, view.colour("highlight" if highlighted else "surface"))
        if highlighted:
            painter.fillRect(
                QRect(rect.left(), rect.top(), _ACCENT, rect.height()), view.colour("accent")
            )
        painter.fillRect(
            QRect(rect.left(), rect.bottom() - 1, rect.width(), 2), view.colour("separator")
        )
        left, right = rect.left() + _PAD_X, rect.right() - _PAD_X
        y = rect.top() + _PAD_Y
        heading = self._font("heading", QFont.Weight.DemiBold)
        heading.setStrikeOut(line.voided)
        painter.setPen(view.colour("muted" if line.voided else "text"))
        y = self._text_row(painter, heading, (texts.name, texts.amount), (left, right, y))
        deposit = f"{texts.deposit} {texts.deposit_amount}" if texts.deposit else ""
        painter.setPen(view.colour("muted"))
        self._text_row(
            painter, self._font("label"), (texts.detail, deposit), (left, right, y + _GAP)
        )
        painter.restore()

    def _text_row(
        self,
        painter: QPainter,
        font: QFont,
        texts: tuple[str, str],
        span: tuple[int, int, int],
    ) -> int:
        """Draw ``texts`` (left text, right-aligned amount) on one line; returns the next y."""
        left, right, y = span
        metrics = QFontMetrics(font)
        height = metrics.height()
        painter.setFont(font)
        text, amount = texts
        amount_width = metrics.horizontalAdvance(amount) if amount else 0
        if amount:
            painter.drawText(
                QRect(right - amount_width, y, amount_width, height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                amount,
            )
        width = right - left - (amount_width + 16 if amount else 0)
        painter.drawText(
            QRect(left, y, width, height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, width),
        )
        return y + height
