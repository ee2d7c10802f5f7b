"""``CartList``: the basket as a virtual list (model + painted rows of equal height).

A list view paints only the rows on screen and a scan appends one model row; the
model's Python work per scan is O(changed lines) and the view's per-row layout
stays in C++, so the cost of a scan does not grow with the basket. Colours and type sizes come
from the theme's stylesheet through ``qproperty-*`` settings on ``#CartList``;
the texts come from ``row_texts`` (plain Python, shared with the tests).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import compress
from operator import is_not

from PySide6.QtCore import (
    Property,
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
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QStandardItem, QStandardItemModel
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
    if line.coupon:
        if line.voided:
            label = QCoreApplication.translate("CartRow", "No longer applies: items removed")
            return RowTexts(QCoreApplication.translate("CartRow", "Coupon"), label, "")
        detail = QCoreApplication.translate("CartRow", "Saving")
        coupon = QCoreApplication.translate("CartRow", "Coupon")
        return RowTexts(coupon, detail, format_money(line.amount, language))
    price = format_money(line.unit_price, language)
    if line.weight_g is not None:
        detail = f"{format_weight(line.weight_g, language)} × {price}/kg"
    else:
        detail = f"{line.quantity} × {price}"
    if line.voided:
        detail = QCoreApplication.translate("CartRow", "Removed")
    elif line.price_overridden:
        detail += " · " + QCoreApplication.translate("CartRow", "price changed by staff")
    elif line.markdown_percent is not None:  # a pack close to its date
        reduced = QCoreApplication.translate("CartRow", "%1% off: close to its date")
        detail += " · " + reduced.replace("%1", str(line.markdown_percent))
    if line.age_pending and not line.voided:
        detail += " · " + QCoreApplication.translate("CartRow", "age check needed")
    amount = "" if line.voided else format_money(line.amount, language)
    name = pick_name(line.names, language)
    if line.weight_g is None and line.quantity > 1:
        name = f"{line.quantity} x {name}"  # as the receipt prints it: "2 x Milk"
    if line.deposit is None or not line.deposit or line.voided:
        return RowTexts(name, detail, amount)
    return RowTexts(
        name,
        detail,
        amount,
        "+ " + QCoreApplication.translate("CartRow", "Deposit"),
        format_money(line.deposit, language),
    )


class CartModel(QStandardItemModel):
    """The basket lines, one item per row; ``update`` costs O(changed lines) in Python.

    Qt's list view lays out every row after an insert, calling the model's
    ``index``/``rowCount`` twice per row: a Python model paid ~2,000 Python calls per
    scan at 1,000 lines. Here those calls stay in C++ (``QStandardItemModel``, no
    override of ``index``, ``rowCount`` or ``data``); each row's item carries its
    :class:`CartLineView` under ``LineRole`` and its name as the display text.
    """

    LineRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines: list[CartLineView] = []
        self._rows: dict[int, int] = {}  # line_no -> row
        self.last_line_no: int | None = None

    def line(self, row: int) -> CartLineView:
        """The line shown in ``row``."""
        return self._lines[row]

    def row_of(self, line_no: int) -> int:
        """The row showing ``line_no``; KeyError if not shown."""
        return self._rows[line_no]

    def last_row(self) -> int | None:
        """The row of the highlighted line, or None."""
        last = self.last_line_no
        return None if last is None else self._rows.get(last)

    def row_index(self, row: int) -> QModelIndex:
        """The model index of ``row``."""
        return self.index(row, 0)

    def update(self, lines: tuple[CartLineView, ...], last_line_no: int | None) -> None:
        """Show ``lines``: changed rows are redrawn, new ones appended, else a reset.

        The presenter hands the same row object for a line that did not change, so one
        identity pass at C speed (``map(is_not)``) finds the candidates and only those
        are compared, redrawn or indexed in Python.
        """
        self._drop_coupon_rows(lines)
        old, count = self._lines, len(self._lines)
        if len(lines) < count:
            self._reset(lines, last_line_no)
            return
        differ = list(compress(range(count), map(is_not, old, lines)))
        if any(old[row].line_no != lines[row].line_no for row in differ):
            self._reset(lines, last_line_no)
            return
        changed = [row for row in differ if old[row] != lines[row]]
        for row in changed:
            item = self.item(row)
            if old[row].names != lines[row].names:
                item.setText(pick_name(lines[row].names, current_language()))
            item.setData(lines[row], self.LineRole)
        for row in differ:
            old[row] = lines[row]
        if last_line_no != self.last_line_no:
            previous, self.last_line_no = self.last_line_no, last_line_no
            for line_no in (previous, last_line_no):
                shown = self._rows.get(line_no) if line_no is not None else None
                if shown is not None and shown not in changed:
                    index = self.row_index(shown)
                    self.dataChanged.emit(index, index)
        if len(lines) > count:
            self._append(lines[count:])

    def refresh_all(self) -> None:
        """Redraw every row and rename it (after a language switch)."""
        language = current_language()
        blocked = self.blockSignals(True)
        try:
            for row, line in enumerate(self._lines):
                self.item(row).setText(pick_name(line.names, language))
        finally:
            self.blockSignals(blocked)
        if self._lines:
            self.dataChanged.emit(self.row_index(0), self.row_index(len(self._lines) - 1))

    def _append(self, lines: tuple[CartLineView, ...]) -> None:
        first = len(self._lines)
        self._lines.extend(lines)
        self._rows.update((line.line_no, first + i) for i, line in enumerate(lines))
        language = current_language()
        items = []
        for line in lines:
            item = QStandardItem(pick_name(line.names, language))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setData(line, self.LineRole)
            items.append(item)
        self.invisibleRootItem().appendRows(items)

    def _drop_coupon_rows(self, lines: tuple[CartLineView, ...]) -> None:
        """Coupons' rows follow the basket's lines: when a line is added they move down,
        so the rows from the first coupon on are taken away here (O(coupons)) and the
        update appends them again, instead of a reset of every row."""
        old = self._lines
        first = len(old)
        while first and old[first - 1].coupon:
            first -= 1
        if first == len(old) or len(lines) <= first or lines[first].coupon:
            return  # no coupon rows, or no basket line takes a coupon row's place
        for line in old[first:]:
            self._rows.pop(line.line_no, None)
        self.removeRows(first, len(old) - first)
        del old[first:]

    def _reset(self, lines: tuple[CartLineView, ...], last_line_no: int | None) -> None:
        self.setRowCount(0)
        self._lines, self._rows, self.last_line_no = [], {}, last_line_no
        if lines:
            self._append(lines)


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
        """Show exactly ``lines``, highlighting ``last_line_no`` and scrolling to it
        (Python work in O(changed lines): see ``CartModel.update``)."""
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
        return self.visualRect(self.cart_model.row_index(self.cart_model.row_of(line_no)))

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
        model = self.cart_model
        row = model.last_row()
        if row is None:
            return
        if row == model.rowCount() - 1:
            self.scrollToBottom()  # the usual case: the newest row, no index walk
        else:
            self.scrollTo(model.row_index(row))

    def _clicked(self, index: QModelIndex) -> None:
        line = self.cart_model.line(index.row())
        if not line.coupon:  # a coupon's row is no basket line: nothing to change
            self.lineTapped.emit(line.line_no)

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
