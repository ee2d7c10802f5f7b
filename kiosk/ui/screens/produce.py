"""``ProduceScreen``: items without a barcode, by picture, by name search or by PLU code.

The pictures are a grid of tiles (``PictureTile``: each item's own colour pictogram)
under a bar of categories (fruit, vegetables, bakery...). The grid scrolls by dragging
(kinetic, ``make_kinetic``) and by two big scroll buttons beside it. A category, a name
typed on the on-screen keyboard and a PLU typed on the keypad each narrow the tiles;
typing starts from every category, so a search finds an item wherever it is.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.screens.base import Screen
from kiosk.ui.viewmodels import ProduceView, pick_name
from kiosk.ui.widgets.common import discard, keep_text_whole, text_label, touch_button
from kiosk.ui.widgets.fit import LayoutFitter
from kiosk.ui.widgets.keyboard import OnScreenKeyboard
from kiosk.ui.widgets.keypad import NumericKeypad
from kiosk.ui.widgets.kinetic import ScrollButtons, make_kinetic
from kiosk.ui.widgets.produce_grid import ALL, CategoryBar, PictureTile, ordered_groups

TILE_MIN = 200
TILE_GAP = 16


def _fold(text: str) -> str:
    """Lower case without accents, so "platano" finds "Plátano"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class ProduceScreen(Screen):
    """Picture grid with search (on-screen keyboard) or PLU entry (keypad).

    Signals:
        itemChosen(str): a tile was touched (the item's sku).
        pluEntered(str): a PLU code was typed and confirmed.
        backRequested(): back to the cart.
    """

    name = "produce"
    itemChosen = Signal(str)
    pluEntered = Signal(str)
    backRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = ProduceView(items=())
        self._tiles: list[PictureTile] = []
        self._columns = 4
        column = self._column = QVBoxLayout(self)
        column.setContentsMargins(32, 16, 32, 16)
        column.setSpacing(16)

        header = QHBoxLayout()
        header.setSpacing(16)
        self.back_button = touch_button(role="secondary", icon="arrow-left", icon_px=36)
        self.back_button.clicked.connect(self.backRequested)
        self._title = text_label(role="title", wrap=True)
        self.search_mode_button = touch_button(role="secondary", icon="search", icon_px=36)
        self.plu_mode_button = touch_button(role="secondary", icon="keypad", icon_px=36)
        for button in (self.search_mode_button, self.plu_mode_button):
            button.setCheckable(True)
        self.search_mode_button.setChecked(True)
        self.search_mode_button.clicked.connect(lambda: self.set_mode("search"))
        self.plu_mode_button.clicked.connect(lambda: self.set_mode("plu"))
        header.addWidget(self.back_button)
        header.addWidget(self._title, 1)
        header.addWidget(self.search_mode_button)
        header.addWidget(self.plu_mode_button)
        column.addLayout(header)

        # Grid beside the input panel in landscape, above it in portrait.
        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._body.setSpacing(32)
        self._body.addLayout(self._build_grid(), 3)
        self._body.addLayout(self._build_inputs(), 2)
        column.addLayout(self._body, 1)
        self.retranslate_ui()
        self.fitter = LayoutFitter(self, (self._roomy, self._tight))

    def _roomy(self) -> None:
        self._spacing(16, 12)

    def _tight(self) -> None:
        """1366x768 with large text or high contrast: the keypad's OK and the keyboard's
        last row need the room of the gaps."""
        self._spacing(8, 8)

    def _spacing(self, gap: int, key_gap: int) -> None:
        self._column.setContentsMargins(32, gap, 32, gap)
        for layout in (self._column, self._inputs_column, self._plu_column):
            layout.setSpacing(gap)
        keypad = self.keypad.layout()
        if keypad is not None:
            keypad.setSpacing(key_gap)

    def _build_grid(self) -> QVBoxLayout:
        grid_column = QVBoxLayout()
        grid_column.setSpacing(12)
        self.categories = CategoryBar()
        self.categories.chosen.connect(self._category_chosen)
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # dragging and the scroll buttons move the grid: no thin scroll bar beside them
        self._scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        grid_host = QWidget()
        self._grid = QGridLayout(grid_host)
        self._grid.setContentsMargins(0, 0, 8, 0)
        self._grid.setSpacing(TILE_GAP)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._scroll.setWidget(grid_host)
        self._scroll.viewport().installEventFilter(self)
        make_kinetic(self._scroll)
        self.scroll_buttons = ScrollButtons(self._scroll)
        self._no_match = text_label(role="heading", wrap=True, align=Qt.AlignmentFlag.AlignCenter)
        grid_row = QHBoxLayout()
        grid_row.setSpacing(12)
        grid_row.addWidget(self._scroll, 1)
        grid_row.addWidget(self.scroll_buttons)
        grid_column.addWidget(self.categories)
        grid_column.addLayout(grid_row, 1)
        grid_column.addWidget(self._no_match)
        return grid_column

    def _build_inputs(self) -> QVBoxLayout:
        inputs = self._inputs_column = QVBoxLayout()
        inputs.setSpacing(16)
        self.search_field = QLineEdit()
        self.search_field.setReadOnly(True)  # typed only through the on-screen keyboard
        self.search_field.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        inputs.addWidget(self.search_field)
        self._inputs = QStackedWidget()
        self.keyboard = OnScreenKeyboard(key_px=72)
        self.keyboard.textChanged.connect(self._search_changed)
        keyboard_page = QWidget()
        keyboard_column = QVBoxLayout(keyboard_page)
        keyboard_column.setContentsMargins(0, 0, 0, 0)
        keyboard_column.addWidget(self.keyboard)
        keyboard_column.addStretch(1)
        plu_panel = QWidget()
        plu = self._plu_column = QVBoxLayout(plu_panel)
        plu.setContentsMargins(0, 0, 0, 0)
        plu.setSpacing(16)
        self._plu_prompt = text_label(role="label", wrap=True)
        self.keypad = NumericKeypad(max_length=5, key_px=64)
        self.keypad.setMaximumWidth(480)
        self.keypad.textChanged.connect(self._plu_changed)
        self.keypad.submitted.connect(self.pluEntered)
        plu.addWidget(self._plu_prompt)
        plu.addWidget(self.keypad, 0, Qt.AlignmentFlag.AlignHCenter)
        plu.addStretch(1)
        self._inputs.addWidget(keyboard_page)
        self._inputs.addWidget(plu_panel)
        inputs.addWidget(self._inputs, 1)
        return inputs

    def set_model(self, view: ProduceView) -> None:
        """Show the tiles of ``view`` and clear any search, code or category chosen.

        The same items as last time keep their tiles (the grid opens again at once)."""
        if view.items != self._view.items or not self._tiles:
            self._build_tiles(view)
        self._view = view
        self.categories.reset()
        self._scroll.verticalScrollBar().setValue(0)
        self.keyboard.clear()
        self.keypad.clear()
        self.set_mode("search")
        self.retranslate_ui()

    def _build_tiles(self, view: ProduceView) -> None:
        for tile in self._tiles:
            discard(tile)
        self._tiles = []
        for item in view.items:
            tile = PictureTile(item)
            tile.clicked.connect(lambda _=False, sku=item.sku: self.itemChosen.emit(sku))
            self._tiles.append(tile)
        self.categories.set_groups(ordered_groups({tile.group for tile in self._tiles}))

    def set_mode(self, mode: str) -> None:
        """ "search" shows the keyboard, "plu" the keypad; ValueError otherwise."""
        if mode not in ("search", "plu"):
            raise ValueError(f"unknown mode {mode!r}")
        self.search_mode_button.setChecked(mode == "search")
        self.plu_mode_button.setChecked(mode == "plu")
        self._inputs.setCurrentIndex(0 if mode == "search" else 1)
        self._refresh_field()
        self._layout_tiles()
        self.fitter.later()

    def mode(self) -> str:
        """The input mode showing."""
        return "search" if self._inputs.currentIndex() == 0 else "plu"

    def visible_skus(self) -> tuple[str, ...]:
        """The skus of the tiles that match the search, in grid order."""
        return tuple(tile.item.sku for tile in self._matching())

    def tile(self, sku: str) -> PictureTile:
        """The tile of ``sku``; KeyError if not offered."""
        for tile in self._tiles:
            if tile.item.sku == sku:
                return tile
        raise KeyError(sku)

    def retranslate_ui(self) -> None:
        self._title.setText(self.tr("Look up item"))
        self.back_button.setText(self.tr("Back"))
        self.search_mode_button.setText(self.tr("Name"))
        self.plu_mode_button.setText(self.tr("Code"))
        keep_text_whole(self.back_button, self.search_mode_button, self.plu_mode_button)
        self._plu_prompt.setText(
            self.tr("Type the code on the sticker (4 or 5 digits), then touch OK.")
        )
        self._no_match.setText(self.tr("Nothing found. Try another name or ask for help."))
        per_kg = self.tr("per kg")
        for tile in self._tiles:
            tile.show_texts(self.language, per_kg)
        self._refresh_field()
        self._layout_tiles()

    def spoken_text(self) -> str:
        return (
            self.tr("Look up item") + ". " + self.tr("Touch a picture, or search by name or code.")
        )

    def apply_orientation(self, portrait: bool) -> None:
        self._body.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self._body.setStretch(0, 3)
        self._body.setStretch(1, 0 if portrait else 2)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # As many columns as fit the grid's viewport, whatever the orientation.
        if watched is self._scroll.viewport() and event.type() == QEvent.Type.Resize:
            width = self._scroll.viewport().width() - 8
            columns = max(1, (width + TILE_GAP) // (TILE_MIN + TILE_GAP))
            if columns != self._columns:
                self._columns = columns
                self._layout_tiles()
        return False

    def scroll_area(self) -> QScrollArea:
        """The scrolling area of the tiles (drag it, or page it with ``scroll_buttons``)."""
        return self._scroll

    def _matching(self) -> list[PictureTile]:
        query = _fold(self.keyboard.text().strip()) if self.mode() == "search" else ""
        code = self.keypad.text() if self.mode() == "plu" else ""
        group = self.categories.current()
        language = self.language
        result = []
        for tile in self._tiles:
            if group not in (ALL, tile.group):
                continue
            name = _fold(pick_name(tile.item.names, language))
            if query and query not in name:
                continue
            if code and not (tile.item.plu or "").startswith(code):
                continue
            result.append(tile)
        return result

    def _layout_tiles(self) -> None:
        for tile in self._tiles:
            self._grid.removeWidget(tile)
            tile.hide()
        matching = self._matching()
        for index, tile in enumerate(matching):
            self._grid.addWidget(tile, index // self._columns, index % self._columns)
            tile.show()
        for col in range(self._grid.columnCount()):
            self._grid.setColumnStretch(col, 1 if col < self._columns else 0)
        self._no_match.setVisible(bool(self._tiles) and not matching)

    def _refresh_field(self) -> None:
        if self.mode() == "search":
            self.search_field.setPlaceholderText(self.tr("Type a name…"))
            self.search_field.setText(self.keyboard.text())
        else:
            self.search_field.setPlaceholderText(self.tr("Type a code…"))
            self.search_field.setText(self.keypad.text())

    def _category_chosen(self, group: str) -> None:
        self._layout_tiles()
        self.announce.emit(self.categories.button(group).caption())  # the audio mode says it

    def _search_changed(self, text: str) -> None:
        if text and self.categories.current() != ALL:
            self.categories.choose(ALL)  # a name is looked for in every category
        self._refresh_field()
        self._layout_tiles()

    def _plu_changed(self, text: str) -> None:
        if text and self.categories.current() != ALL:
            self.categories.choose(ALL)
        self._refresh_field()
        self._layout_tiles()
