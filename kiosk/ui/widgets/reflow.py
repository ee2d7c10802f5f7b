"""``ReflowLayout``: keys in as many columns as their captions allow.

A fixed two-column grid squeezes long captions (French and Spanish, large text, high
contrast's thicker borders) until they are cut. This layout never makes a key narrower
than its text (its ``sizeHint`` width): at each width it picks the most columns, up to
``max_columns``, that hold their widest keys side by side (columns share the spare width
as a grid layout does), and reports the height that takes (``heightForWidth``), so the
layout around it gives it the rows it needs. Its
preferred width is its narrowest (one column): it takes the width its parent gives.
Hidden keys take no cell; a short last row starts at the left, or is centred; spare
height is left below the keys, or spread evenly around the rows (``spread_rows``).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget, QWidgetItem

_WIDEST = 1 << 20  # px: wider than any screen, so every allowed column fits


class ReflowLayout(QLayout):
    """Row-major grid of equal cells whose column count follows the width."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        max_columns: int = 2,
        spacing: int = 12,
        centre_last_row: bool = False,
        spread_rows: bool = False,
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._max_columns = max(1, max_columns)
        self._centre_last_row = centre_last_row
        self._spread_rows = spread_rows
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    # -- QLayout's item list ----------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def add(self, *widgets: QWidget) -> None:
        """Append ``widgets`` as keys, in reading order."""
        for widget in widgets:
            self.addChildWidget(widget)
            self.addItem(QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def set_max_columns(self, columns: int) -> None:
        """Allow at most ``columns`` keys side by side (1: one above the other)."""
        self._max_columns = max(1, columns)
        self.invalidate()

    # -- geometry ---------------------------------------------------------------------

    def columns(self, width: int) -> int:
        """How many columns fit in ``width`` (contents margins included); at least one."""
        shown = self._shown()
        inner = width - self._margins_width()
        for columns in range(min(self._max_columns, len(shown)), 1, -1):
            if sum(self._column_mins(shown, columns)) + (columns - 1) * self.spacing() <= inner:
                return columns
        return 1

    def _column_mins(self, shown: list[QLayoutItem], columns: int) -> list[int]:
        """The narrowest each of ``columns`` columns may be: its widest key's width."""
        return [max(_width(item) for item in shown[c::columns]) for c in range(columns)]

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def minimumSize(self) -> QSize:
        # One column wide, as short as the most columns make it: the height at a given
        # width is ``heightForWidth``'s, which the layouts around ask for.
        shown = self._shown()
        width = (self._cell_width(shown) if shown else 0) + self._margins_width()
        return QSize(width, self.heightForWidth(_WIDEST))

    def sizeHint(self) -> QSize:
        # The keys take the width they are given: asking for the width of all the
        # columns would widen the column around them (the sign-in's key column).
        shown = self._shown()
        width = (self._cell_width(shown) if shown else 0) + self._margins_width()
        return QSize(width, self.heightForWidth(width))

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        """Place the shown keys in ``rect`` (if ``apply``); return the height used."""
        shown = self._shown()
        margins = self.contentsMargins()
        if not shown:
            return margins.top() + margins.bottom()
        columns = self.columns(rect.width())
        gap = self.spacing()
        inner = max(0, rect.width() - self._margins_width())
        widths = self._widths(self._column_mins(shown, columns), inner)
        rows = [shown[start : start + columns] for start in range(0, len(shown), columns)]
        heights = [max(item.sizeHint().height() for item in row) for row in rows]
        used = sum(heights) + gap * (len(rows) - 1) + margins.top() + margins.bottom()
        # spread_rows: the spare height goes evenly above, between and below the rows
        # (as a box layout places fixed-height keys)
        pad = max(0, rect.height() - used) // (len(rows) + 1) if self._spread_rows else 0
        y = rect.y() + margins.top() + pad
        for row, height in zip(rows, heights, strict=True):
            if apply:
                x = rect.x() + margins.left()
                if self._centre_last_row:  # (a short last row)
                    x += (inner - sum(widths[: len(row)]) - (len(row) - 1) * gap) // 2
                for item, width in zip(row, widths, strict=False):
                    item.setGeometry(QRect(QPoint(x, y), QSize(width, height)))
                    x += width + gap
            y += height + gap + pad
        return used

    def _widths(self, columns: list[int], inner: int) -> list[int]:
        """Share ``inner`` out between columns of the given minimum widths as a box layout
        does: equally, except that a column wider than its share keeps its width and the
        others share the rest (odd pixels spread as Qt's box spreads them)."""
        widths = [0] * len(columns)
        free, left = inner - (len(columns) - 1) * self.spacing(), list(range(len(columns)))
        while left:
            wide = [i for i in left if columns[i] > free // len(left)]
            if not wide:
                for count, i in enumerate(left):
                    start = round(count * free / len(left))
                    widths[i] = round((count + 1) * free / len(left)) - start
                break
            for i in wide:
                widths[i] = columns[i]
                free -= widths[i]
                left.remove(i)
        return widths

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _cell_width(self, shown: list[QLayoutItem]) -> int:
        return max(_width(item) for item in shown)

    def _margins_width(self) -> int:
        margins = self.contentsMargins()
        return margins.left() + margins.right()


def _width(item: QLayoutItem) -> int:
    """The narrowest ``item`` may be: its preferred width, at least its minimum."""
    return max(item.sizeHint().width(), item.minimumSize().width())
