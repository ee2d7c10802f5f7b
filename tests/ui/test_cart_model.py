"""The cart model tells the view about the changed rows only (issue 16: a scan's UI work
must not grow with the basket), and the list still shows, highlights and scrolls right."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import pytest
from PySide6.QtCore import QModelIndex

from kiosk.domain.money import Money
from kiosk.ui.viewmodels import CartLineView
from kiosk.ui.widgets.cart import CartList, CartModel

EUR = "EUR"


def line(line_no: int, quantity: int = 1) -> CartLineView:
    price = Money(150, EUR)
    return CartLineView(
        line_no=line_no,
        names=(("en", f"Item {line_no}"), ("es", f"Artículo {line_no}")),
        quantity=quantity,
        unit_price=price,
        amount=Money(150 * quantity, EUR),
    )


@dataclass
class Recorder:
    """What the model told its views."""

    inserted: list[tuple[int, int]] = field(default_factory=list)
    changed: list[tuple[int, int]] = field(default_factory=list)
    removed: list[tuple[int, int]] = field(default_factory=list)
    resets: int = 0

    def attach(self, model: CartModel) -> None:
        model.rowsInserted.connect(lambda _p, a, b: self.inserted.append((a, b)))
        model.rowsRemoved.connect(lambda _p, a, b: self.removed.append((a, b)))
        model.dataChanged.connect(lambda a, b, *_: self.changed.append((a.row(), b.row())))
        model.modelReset.connect(self._reset)

    def _reset(self) -> None:
        self.resets += 1

    def clear(self) -> None:
        self.inserted.clear()
        self.changed.clear()
        self.removed.clear()
        self.resets = 0


@pytest.fixture
def filled(qapp: object) -> Iterator[tuple[CartModel, tuple[CartLineView, ...], Recorder]]:
    """A model showing 1,000 lines (line 1,000 highlighted) and a recorder attached after."""
    model = CartModel()
    lines = tuple(line(n) for n in range(1, 1001))
    model.update(lines, 1000)
    recorder = Recorder()
    recorder.attach(model)
    yield model, lines, recorder
    model.deleteLater()


def test_a_scan_inserts_one_row_and_redraws_only_the_two_highlighted_rows(filled) -> None:
    model, lines, seen = filled
    model.update((*lines, line(1001)), 1001)
    assert seen.inserted == [(1000, 1000)]
    assert sorted(seen.changed) == [(999, 999)]  # the old highlight; the new row is inserted
    assert seen.resets == 0
    assert seen.removed == []
    assert model.rowCount() == 1001
    assert model.row_of(1001) == 1000
    assert model.last_row() == 1000
    assert model.row_index(1000).data(CartModel.LineRole) == line(1001)
    assert model.row_index(1000).data() == "Item 1001"


def test_a_changed_line_in_the_middle_redraws_that_row_only(filled) -> None:
    model, lines, seen = filled
    bumped = (*lines[:499], line(500, quantity=3), *lines[500:])
    model.update(bumped, 1000)
    assert seen.changed == [(499, 499)]
    assert seen.inserted == []
    assert seen.resets == 0
    assert seen.removed == []
    assert model.line(499).quantity == 3
    assert model.row_index(499).data(CartModel.LineRole).quantity == 3


def test_an_equal_but_new_row_object_redraws_nothing(filled) -> None:
    model, lines, seen = filled
    model.update((*lines[:10], replace(lines[10]), *lines[11:]), 1000)
    assert seen.changed == []
    assert seen.inserted == []
    assert seen.resets == 0


def test_moving_the_highlight_redraws_the_old_and_the_new_row(filled) -> None:
    model, lines, seen = filled
    model.update(lines, 3)
    assert sorted(seen.changed) == [(2, 2), (999, 999)]
    assert model.last_line_no == 3
    assert model.last_row() == 2


def test_a_basket_that_lost_or_reordered_lines_is_shown_afresh(filled) -> None:
    model, lines, seen = filled
    model.update(lines[1:3], 3)
    assert model.rowCount() == 2
    assert model.row_of(2) == 0
    assert model.row_of(3) == 1
    with pytest.raises(KeyError):
        model.row_of(1)
    seen.clear()
    model.update((line(7), line(3)), 7)  # same length, other lines: no stale row index
    assert model.row_of(7) == 0
    assert model.row_of(3) == 1
    with pytest.raises(KeyError):
        model.row_of(2)


def test_the_list_keeps_the_newest_row_in_view_and_maps_touches(qtbot) -> None:
    cart = CartList()
    qtbot.addWidget(cart)
    cart.resize(600, 400)
    cart.show()
    lines = tuple(line(n) for n in range(1, 201))
    cart.set_lines(lines, 200)
    qtbot.waitUntil(lambda: cart.viewport().rect().intersects(cart.line_rect(200)))
    assert not cart.viewport().rect().intersects(cart.line_rect(1))
    cart.set_lines(lines, 5)  # a line changed by staff further up: scroll back to it
    qtbot.waitUntil(lambda: cart.viewport().rect().intersects(cart.line_rect(5)))
    assert cart.is_highlighted(5)
    assert not cart.is_highlighted(200)
    assert cart.texts(5).name == "Item 5"
    with qtbot.waitSignal(cart.lineTapped) as tapped:
        index = cart.indexAt(cart.line_rect(5).center())
        assert index != QModelIndex()
        cart.clicked.emit(index)
    assert tapped.args == [5]
