"""``ReflowLayout``: keys in as many equal columns as their captions allow.

A fixed two-column grid squeezes long captions (French and Spanish, large text, high
contrast's thicker borders) until they are cut. This layout never makes a key narrower
than its text (its ``sizeHint`` width): at each width it picks the most columns, up to
``max_columns``, whose cells still hold the widest key, and reports the height that
takes (``heightForWidth``), so the layout around it gives it the rows it needs. Its
preferred width is its narrowest (one column): it takes the width its parent gives.
Hidden keys take no cell; a short last row starts at the left, or is centred.
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
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._max_columns = max(1, max_columns)
        self._centre_last_row = centre_last_row
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

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def set_max_columns(self, columns: int) -> None:
        """Allow at most ``columns`` keys side by side (1: one above the other)."""
        self._max_columns = max(1, columns)
        self.invalidate()

    # -- geometry ---------------------------------------------------------------------

    def columns(self, width: int) -> int:
        """How many columns fit in ``width`` (contents margins included); at least one."""
        shown = self._shown()
        if not shown:
            return 1
        cell = self._cell_width(shown)
        inner = width - self._margins_width()
        fit = (inner + self.spacing()) // (cell + self.spacing())
        return int(max(1, min(self._max_columns, len(shown), fit)))

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
        cell = max(self._cell_width(shown), (inner - (columns - 1) * gap) // columns)
        y = rect.y() + margins.top()
        for start in range(0, len(shown), columns):
            row = shown[start : start + columns]
            height = max(item.sizeHint().height() for item in row)
            if apply:
                x = rect.x() + margins.left()
                if self._centre_last_row:
                    x += (columns - len(row)) * (cell + gap) // 2
                for item in row:
                    item.setGeometry(QRect(QPoint(x, y), QSize(cell, height)))
                    x += cell + gap
            y += height + gap
        return y - gap - rect.y() + margins.bottom()

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _cell_width(self, shown: list[QLayoutItem]) -> int:
        return max(max(item.sizeHint().width(), item.minimumSize().width()) for item in shown)

    def _margins_width(self) -> int:
        margins = self.contentsMargins()
        return margins.left() + margins.right()
