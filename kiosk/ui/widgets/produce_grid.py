"""The pieces of the produce grid: each item's picture and group, its tile, the categories.

Pictures are our own colour pictograms in ``assets/produce`` (one SVG per item, every
one different). ``assets/produce/pictures.csv`` says which picture an item gets, by
its PLU (standard IFPS codes, so a store's own catalog with the same codes gets them
too) or, failing that, by the monochrome icon name the view model chose; the same row
names the item's group on the grid (fruit, vegetables, bakery). An item with no row
keeps the tinted icon of ``assets/icons`` and its catalog category as its group.

On a dark tile (high contrast) a picture sits on a white plate, so dark fruit (red
grapes, red onions) stays as visible as on the light tiles of the other themes.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.format import format_money
from kiosk.ui.theme import TOUCH_TARGET_PX
from kiosk.ui.viewmodels import ProduceItemView, pick_name
from kiosk.ui.widgets.common import discard, keep_text_whole, text_label
from kiosk.ui.widgets.reflow import ReflowLayout
from kiosk.ui.widgets.tiles import item_picture

PICTURE_DIR = Path(__file__).resolve().parents[3] / "assets" / "produce"
PICTURE_INDEX = PICTURE_DIR / "pictures.csv"
#: The category button that shows every item.
ALL = "all"
#: Groups in the order their buttons show; any other category follows, A-Z.
GROUP_ORDER = ("fruit", "vegetables", "produce", "bakery")
PICTURE_PX = 96
MIN_TILE_HEIGHT = 200
#: Lines a tile keeps for the item's name (the longest sample names take three).
NAME_LINES = 3
PLATE = "#FFFFFF"
_CENTRE = Qt.AlignmentFlag.AlignCenter
TICK = "✓ "


@dataclass(frozen=True, slots=True)
class Picture:
    """A row of ``pictures.csv``: the SVG's name and the group it puts its item in."""

    name: str
    group: str


@dataclass(frozen=True, slots=True)
class PictureIndex:
    """``pictures.csv`` read: pictures by PLU and by the icon name they replace."""

    by_plu: dict[str, Picture]
    by_icon: dict[str, Picture]

    def picture(self, item: ProduceItemView) -> Picture | None:
        """The picture of ``item``, or None if the index has none."""
        if item.plu and item.plu in self.by_plu:
            return self.by_plu[item.plu]
        return self.by_icon.get(item.image or "")


@cache
def picture_index() -> PictureIndex:
    """``assets/produce/pictures.csv`` read once (PictureIndexError if it is broken)."""
    return read_picture_index(PICTURE_INDEX.read_text(encoding="utf-8"), str(PICTURE_INDEX))


class PictureIndexError(ValueError):
    """A bad ``pictures.csv``: the message names the file, the row and what is wrong."""


_INDEX_COLUMNS = ("picture", "group", "plu", "icon")


def read_picture_index(
    text: str, source: str = "pictures.csv", folder: Path = PICTURE_DIR
) -> PictureIndex:
    """Parse ``pictures.csv`` text: a header ``picture,group,plu,icon``, then one row a
    picture (``plu`` may list several codes split by ``|``; ``icon`` may be empty).

    Raises:
        PictureIndexError: a missing column, a short row, an empty picture or group,
            a PLU that is not 4-5 digits, or a picture with no SVG in ``folder``.
    """
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise PictureIndexError(f"{source}: unreadable: {error}") from None
    if not rows or tuple(cell.strip() for cell in rows[0]) != _INDEX_COLUMNS:
        raise PictureIndexError(f"{source} row 1: the header must be {','.join(_INDEX_COLUMNS)}")
    by_plu: dict[str, Picture] = {}
    by_icon: dict[str, Picture] = {}
    for row_no, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(_INDEX_COLUMNS):
            raise PictureIndexError(f"{source} row {row_no}: {len(row)} cells, expected 4")
        name, group, plus, icon = (cell.strip() for cell in row)
        if not name or not group:
            raise PictureIndexError(f"{source} row {row_no}: picture and group are required")
        if "/" in name or "\\" in name or not (folder / f"{name}.svg").is_file():
            raise PictureIndexError(f"{source} row {row_no}: no {name}.svg in {folder}")
        picture = Picture(name, group)
        for plu in filter(None, plus.split("|")):
            if not (plu.isascii() and plu.isdigit() and 4 <= len(plu) <= 5):
                raise PictureIndexError(f"{source} row {row_no}: plu {plu!r} is not 4-5 digits")
            by_plu[plu] = picture
        if icon:
            by_icon[icon] = picture
    return PictureIndex(by_plu, by_icon)


def item_group(item: ProduceItemView) -> str:
    """The grid group of ``item``: its picture's, else its catalog category."""
    picture = picture_index().picture(item)
    return picture.group if picture is not None else (item.category or "produce")


def ordered_groups(groups: set[str]) -> list[str]:
    """``groups`` in button order: the known ones first, then the rest A-Z."""
    known = [g for g in GROUP_ORDER if g in groups]
    return known + sorted(groups - set(known))


@cache
def _picture_image(name: str, px: int, plate: bool) -> QImage:
    image = QImage(px, px, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    inset = 0.0
    if plate:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(PLATE))
        painter.drawEllipse(QRectF(0, 0, px, px))
        inset = px * 0.12
    QSvgRenderer(str(PICTURE_DIR / f"{name}.svg")).render(
        painter, QRectF(inset, inset, px - 2 * inset, px - 2 * inset)
    )
    painter.end()
    return image


def picture_pixmap(item: ProduceItemView, px: int = PICTURE_PX, plate: bool = False) -> QPixmap:
    """``item``'s picture at ``px`` pixels (on a white plate if ``plate``); the generic
    tinted icon when the index has no picture for it."""
    picture = picture_index().picture(item)
    if picture is None:
        return item_picture(item.image, px)
    return QPixmap.fromImage(_picture_image(picture.name, px, plate))


_REFIT_ON = frozenset(
    (
        QEvent.Type.Polish,
        QEvent.Type.StyleChange,
        QEvent.Type.PaletteChange,
        QEvent.Type.LayoutRequest,
    )
)


class _NameLabel(QLabel):
    """A tile's wrapped name, never shorter than ``NAME_LINES`` lines of its font.

    Measured when asked, in the font in force: large text's three lines for "Golden
    Delicious apples" are there as soon as the theme changes, and every tile of the grid
    is as tall as the next."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        margins = self.contentsMargins()
        lines = NAME_LINES * self.fontMetrics().lineSpacing() + margins.top() + margins.bottom()
        return QSize(hint.width(), max(hint.height(), lines))


class PictureTile(QPushButton):
    """A big button of the grid: picture, name, price (per kg or each)."""

    def __init__(self, item: ProduceItemView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.group = item_group(item)
        self._plate: bool | None = None
        self.setProperty("role", "tile")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumSize(150, MIN_TILE_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 14, 12, 12)
        column.setSpacing(6)
        self.picture = QLabel()
        self.picture.setAlignment(_CENTRE)
        self._name = _NameLabel()
        self._name.setProperty("text-role", "label")
        self._name.setWordWrap(True)
        self._name.setAlignment(_CENTRE)
        self._price = text_label(role="caption", align=_CENTRE)
        for widget in (self.picture, self._name, self._price):
            widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        column.addWidget(self.picture, 1)
        column.addWidget(self._name)
        column.addWidget(self._price)
        self.refresh_picture()

    def refresh_picture(self) -> None:
        """Draw the picture for the tile's colours (a plate under it on a dark tile)."""
        plate = self.palette().color(QPalette.ColorRole.ButtonText).lightness() > 128
        if plate != self._plate:
            self._plate = plate
            self.picture.setPixmap(picture_pixmap(self.item, PICTURE_PX, plate))

    def fit_height(self) -> None:
        """Be as tall as picture, name and price need in the fonts in force (a button
        does not take its layout's size by itself, and each restyle puts the
        stylesheet's ``min-height`` back)."""
        layout = self.layout()
        need = max(layout.minimumSize().height() if layout is not None else 0, MIN_TILE_HEIGHT)
        if need != self.minimumHeight():
            self.setMinimumHeight(need)
            self.updateGeometry()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), self.minimumHeight()))

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        # After a restyle (the palette and the stylesheet's min-height are the new
        # theme's) or a label's new font or text: the plate and the height again.
        if event.type() in _REFIT_ON:
            self.refresh_picture()
            self.fit_height()
        return handled

    def on_plate(self) -> bool:
        """Whether the picture is drawn on a white plate (dark tiles)."""
        return bool(self._plate)

    def show_texts(self, language: str, per_kg: str) -> None:
        """Write name and price in ``language``; ``per_kg`` is the translated unit suffix."""
        self._name.setText(pick_name(self.item.names, language))
        price = format_money(self.item.price, language)
        self._price.setText(f"{price} {per_kg}" if self.item.per_kg else price)
        self.setAccessibleName(self._name.text())

    def name_text(self) -> str:
        """The name as shown."""
        return self._name.text()


class CategoryButton(QPushButton):
    """A category's checkable button: the chosen one has a tick before its name and a
    thick bar along its foot (the theme has no look of its own for a checked button,
    and a tick tells the choice without colour)."""

    BAR_PX = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumSize(TOUCH_TARGET_PX, TOUCH_TARGET_PX)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._caption = ""
        self.toggled.connect(lambda _on: self._show_caption())

    def set_caption(self, caption: str) -> None:
        """The category's name (the tick is added while checked)."""
        self._caption = caption
        self._show_caption()

    def caption(self) -> str:
        """The category's name, without the tick."""
        return self._caption

    def _show_caption(self) -> None:
        self.setText(f"{TICK}{self._caption}" if self.isChecked() else self._caption)

    def sizeHint(self) -> QSize:
        # always room for the tick, so choosing a category never re-flows the bar
        hint = super().sizeHint()
        if not self.isChecked():
            hint.setWidth(hint.width() + self.fontMetrics().horizontalAdvance(TICK))
        return hint

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.isChecked():
            painter = QPainter(self)
            colour = self.palette().color(QPalette.ColorRole.ButtonText)
            inset = self.height() // 6
            foot = self.height() - self.BAR_PX - 4
            painter.fillRect(inset, foot, self.width() - 2 * inset, self.BAR_PX, colour)
            painter.end()


class CategoryBar(QWidget):
    """One checkable button per group of the grid, after "All" (rows as the width allows).

    Signals:
        chosen(str): the group now shown (``ALL`` for every item).
    """

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = ReflowLayout(self, max_columns=5, spacing=12)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._buttons: dict[str, CategoryButton] = {}
        self._current = ALL
        self.set_groups([])

    def set_groups(self, groups: list[str]) -> None:
        """Offer ``groups`` (in this order) after "All"; "All" is chosen. One group or none
        needs no bar: it hides."""
        for button in self._buttons.values():
            self._group.removeButton(button)
            self._layout.removeWidget(button)
            discard(button)
        self._buttons = {}
        for group in [ALL, *groups]:
            button = CategoryButton()
            button.clicked.connect(lambda _=False, g=group: self.choose(g))
            self._group.addButton(button)
            self._layout.addWidget(button)
            self._buttons[group] = button
        self._current = ALL
        self._buttons[ALL].setChecked(True)
        self.setVisible(len(groups) > 1)
        self.retranslate_ui()

    def choose(self, group: str) -> None:
        """Show ``group`` (KeyError if it is not offered) and emit ``chosen``."""
        self._buttons[group].setChecked(True)
        self._current = group
        self.chosen.emit(group)

    def reset(self) -> None:
        """Back to "All" without emitting ``chosen`` (a new shopper, a new list)."""
        self._buttons[ALL].setChecked(True)
        self._current = ALL

    def current(self) -> str:
        """The group chosen (``ALL`` for every item)."""
        return self._current

    def groups(self) -> tuple[str, ...]:
        """The groups offered, "All" first."""
        return tuple(self._buttons)

    def button(self, group: str) -> CategoryButton:
        """The button of ``group`` (KeyError if not offered)."""
        return self._buttons[group]

    def retranslate_ui(self) -> None:
        names = {
            ALL: self.tr("All"),
            "fruit": self.tr("Fruit"),
            "vegetables": self.tr("Vegetables"),
            "produce": self.tr("Fruit and vegetables"),
            "bakery": self.tr("Bakery"),
        }
        for group, button in self._buttons.items():
            button.set_caption(names.get(group, group.replace("_", " ").capitalize()))
        keep_text_whole(*self._buttons.values())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
