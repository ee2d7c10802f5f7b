"""The produce grid: a distinct picture for every item, categories, drag and scroll buttons.

The items are the sample catalog's own grid items, read by the catalog CSV reader and
turned into tiles by the same view function the lane uses; the screen is the real one
in a real shell."""

from __future__ import annotations

import csv
import re
from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtTest import QTest

from kiosk.store.catalog_csv import CatalogCsvReader
from kiosk.ui import lane_views
from kiosk.ui.screens.produce import ProduceScreen
from kiosk.ui.viewmodels import ProduceView
from kiosk.ui.widgets.produce_grid import (
    ALL,
    PICTURE_DIR,
    PICTURE_INDEX,
    Picture,
    PictureIndexError,
    picture_index,
    picture_pixmap,
    read_picture_index,
)

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_CATALOG = ROOT / "assets" / "catalog" / "sample_catalog.csv"
LEFT = Qt.MouseButton.LeftButton


def catalog_grid() -> ProduceView:
    """The sample catalog's produce and bakery, as the lane's grid gets them."""
    with SAMPLE_CATALOG.open(encoding="utf-8", newline="") as handle:
        reader = CatalogCsvReader(handle, str(SAMPLE_CATALOG), "EUR")
        items = [item for batch in reader.batches(500) for item in batch]
    assert reader.problems == []
    wanted = [i for cat in lane_views.GRID_CATEGORIES for i in items if i.category == cat]
    return lane_views.produce_view(wanted)


@pytest.fixture
def grid(qtbot, window) -> ProduceScreen:
    screen = window.navigator.get("produce")
    assert isinstance(screen, ProduceScreen)
    screen.set_model(catalog_grid())
    window.show_screen("produce")
    return screen


def _bytes(image) -> bytes:
    return bytes(image.constBits())


@pytest.mark.parametrize("plate", [False, True])
def test_every_sample_grid_item_has_its_own_picture(plate: bool) -> None:
    view = catalog_grid()
    assert len(view.items) == 42
    index = picture_index()
    missing = [item.sku for item in view.items if index.picture(item) is None]
    assert missing == []
    rendered = {item.sku: picture_pixmap(item, 96, plate).toImage() for item in view.items}
    same = [
        (a, b) for a, b in combinations(rendered, 2) if _bytes(rendered[a]) == _bytes(rendered[b])
    ]
    assert same == []
    # and each picture really draws something (not an empty, transparent square)
    for sku, image in rendered.items():
        grid_points = [(x, y) for x in range(0, 96, 4) for y in range(0, 96, 4)]
        drawn = sum(image.pixelColor(x, y).alpha() > 0 for x, y in grid_points)
        assert drawn > 24 * 24 // 5, sku  # at least a fifth of the square is picture


def test_the_picture_index_names_every_svg_once_and_each_is_valid() -> None:
    with PICTURE_INDEX.open(encoding="utf-8", newline="") as handle:
        names = [row["picture"] for row in csv.DictReader(handle)]
    assert sorted(names) == sorted(p.stem for p in PICTURE_DIR.glob("*.svg"))
    assert len(set(names)) == len(names)
    for name in names:
        assert QSvgRenderer(str(PICTURE_DIR / f"{name}.svg")).isValid(), name


def test_the_tiles_show_the_pictures_on_screen(qtbot, grid: ProduceScreen) -> None:
    shown = {sku: _bytes(grid.tile(sku).picture.pixmap().toImage()) for sku in grid.visible_skus()}
    assert len(shown) == 42
    assert len(set(shown.values())) == 42


def test_categories_filter_the_grid(qtbot, grid: ProduceScreen) -> None:
    bar = grid.categories
    assert bar.groups() == (ALL, "fruit", "vegetables", "bakery")
    assert bar.isVisible()
    qtbot.mouseClick(bar.button("vegetables"), LEFT)
    vegetables = set(grid.visible_skus())
    assert {"P0018", "P0026", "P0031"} <= vegetables  # Roma tomatoes, carrots, corn
    assert "P0001" not in vegetables
    assert "B0001" not in vegetables
    qtbot.mouseClick(bar.button("bakery"), LEFT)
    assert set(grid.visible_skus()) == {f"B{n:04d}" for n in range(1, 11)}
    qtbot.mouseClick(bar.button("fruit"), LEFT)
    fruit = set(grid.visible_skus())
    assert {"P0001", "P0006", "P0032"} <= fruit
    assert not fruit & vegetables
    qtbot.mouseClick(bar.button(ALL), LEFT)
    assert len(grid.visible_skus()) == 42
    assert len(fruit) + len(vegetables) + 10 == 42


def test_the_chosen_category_is_ticked(qtbot, grid: ProduceScreen) -> None:
    bar = grid.categories
    qtbot.mouseClick(bar.button("bakery"), LEFT)
    texts = {group: bar.button(group).text() for group in bar.groups()}
    assert texts == {ALL: "All", "fruit": "Fruit", "vegetables": "Vegetables",
                     "bakery": "✓ Bakery"}  # fmt: skip
    assert [g for g in bar.groups() if bar.button(g).isChecked()] == ["bakery"]


def test_a_chosen_category_is_announced(qtbot, spoken, grid: ProduceScreen) -> None:
    with qtbot.waitSignal(grid.announce) as said:
        qtbot.mouseClick(grid.categories.button("bakery"), LEFT)
    assert said.args == [grid.categories.button("bakery").caption()]
    assert spoken[-1] == said.args[0]


def test_typing_a_name_searches_every_category(qtbot, grid: ProduceScreen) -> None:
    qtbot.mouseClick(grid.categories.button("bakery"), LEFT)
    for letter in "ban":
        qtbot.mouseClick(grid.keyboard.button(letter), LEFT)
    assert grid.categories.current() == ALL
    assert set(grid.visible_skus()) == {"P0001", "P0032"}


def _drag(qtbot, widget, start: QPoint, end: QPoint, steps: int = 12) -> None:
    """A finger's press, moves a frame (16 ms) apart, release: the input's own pacing."""
    QTest.mousePress(widget, LEFT, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, steps + 1):
        QTest.mouseMove(widget, start + (end - start) * step / steps)
        qtbot.wait(16)
    QTest.mouseRelease(widget, LEFT, Qt.KeyboardModifier.NoModifier, end)


def test_dragging_the_grid_scrolls_it(qtbot, window, grid: ProduceScreen) -> None:
    window.resize(1366, 768)
    area = grid.scroll_area()
    bar = area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert bar.value() == 0
    viewport = area.viewport()
    bottom = viewport.height() - 20
    _drag(qtbot, viewport, QPoint(viewport.width() // 2, bottom), QPoint(viewport.width() // 2, 20))
    qtbot.waitUntil(lambda: bar.value() >= bottom // 2)
    reached = bar.value()
    _drag(qtbot, viewport, QPoint(viewport.width() // 2, 20), QPoint(viewport.width() // 2, bottom))
    qtbot.waitUntil(lambda: bar.value() < reached)


def test_the_scroll_buttons_page_the_grid(qtbot, window, grid: ProduceScreen) -> None:
    window.resize(1366, 768)
    area = grid.scroll_area()
    bar = area.verticalScrollBar()
    up, down = grid.scroll_buttons.buttons()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and down.isEnabled())
    assert not up.isEnabled()
    qtbot.mouseClick(down, LEFT)
    assert bar.value() > 0
    assert up.isEnabled()
    qtbot.mouseClick(up, LEFT)
    assert bar.value() == 0


def test_a_dark_tile_puts_its_picture_on_a_white_plate(qtbot, window, grid: ProduceScreen) -> None:
    tile = grid.tile("P0012")  # red grapes: dark on a black tile without the plate
    assert not tile.on_plate()
    window.set_accessibility(False, True)
    qtbot.waitUntil(tile.on_plate)
    image = tile.picture.pixmap().toImage()
    assert image.pixelColor(4, image.height() // 2).name() == "#ffffff"  # the plate's rim
    window.set_accessibility(False, False)
    qtbot.waitUntil(lambda: not tile.on_plate())


def test_tiles_made_in_high_contrast_start_on_a_plate(qtbot, window) -> None:
    window.set_accessibility(False, True)
    screen = window.navigator.get("produce")
    screen.set_model(catalog_grid())
    window.show_screen("produce")
    qtbot.waitUntil(lambda: screen.tile("P0012").on_plate())


def test_the_same_items_keep_their_tiles_and_start_over(qtbot, grid: ProduceScreen) -> None:
    tile = grid.tile("P0001")
    qtbot.mouseClick(grid.categories.button("bakery"), LEFT)
    grid.set_model(catalog_grid())  # the grid opened again
    assert grid.tile("P0001") is tile
    assert grid.categories.current() == ALL
    assert len(grid.visible_skus()) == 42
    fewer = ProduceView(items=catalog_grid().items[:5])
    grid.set_model(fewer)
    assert grid.visible_skus() == tuple(item.sku for item in fewer.items)
    assert grid.tile("P0001") is not tile


def test_the_picture_index_names_what_is_wrong() -> None:
    header = "picture,group,plu,icon\n"
    cases = {
        "": "row 1: the header",
        "name,group\n": "row 1: the header",
        header + "banana,fruit\n": "row 2: 2 cells",
        header + ",fruit,4011,\n": "row 2: picture and group are required",
        header
        + "banana,fruit,4011,\nno-such-picture,fruit,4012,\n": "row 3: no no-such-picture.svg",
        header + "../icons/help,fruit,4011,\n": "row 2: no ../icons/help.svg",
        header + "banana,fruit,40x1,\n": "row 2: plu '40x1' is not 4-5 digits",
    }
    for text, message in cases.items():
        with pytest.raises(PictureIndexError, match=re.escape(message)):
            read_picture_index(text)
    index = read_picture_index(header + "banana,fruit,4011|94011,produce-banana\n\n")
    assert index.by_plu["94011"] == index.by_icon["produce-banana"] == Picture("banana", "fruit")


def index_refusal(text: str) -> str | None:
    """None if ``text`` (after the header) reads, else the error's message."""
    try:
        read_picture_index("picture,group,plu,icon\n" + text)
    except PictureIndexError as error:
        return str(error)
    return None


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_any_picture_index_text_is_read_or_refused_clearly(text: str) -> None:
    message = index_refusal(text)  # any other exception fails the test
    assert message is None or " row " in message or "unreadable" in message
