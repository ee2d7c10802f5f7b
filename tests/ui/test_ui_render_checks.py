"""The rendering checks see clipped, elided and covered things, and nothing else."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from kiosk.ui.render_checks import clipped_texts, covered_buttons
from kiosk.ui.widgets.common import keep_text_whole, touch_button

LONG = "A sentence much longer than the room it is given"


@pytest.fixture
def page(qtbot) -> QWidget:  # type: ignore[no-untyped-def]
    """A shown 600x400 window with no layout: children are placed by hand."""
    widget = QWidget()
    widget.setStyleSheet("QWidget { font-size: 20px; }")
    qtbot.addWidget(widget)
    widget.setGeometry(0, 0, 600, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _place(widget: QWidget, parent: QWidget, *geometry: int) -> QWidget:
    widget.setParent(parent)
    widget.setGeometry(*geometry)
    widget.show()
    return widget


def test_a_label_that_fits_is_fine_and_one_too_narrow_is_clipped(page: QWidget) -> None:
    _place(QLabel("OK"), page, 0, 0, 200, 40)
    _place(QLabel(LONG), page, 0, 50, 200, 40)
    clips = clipped_texts(page)
    assert [(c.text, c.problem) for c in clips] == [(LONG, "too narrow")]
    assert clips[0].need[0] > 200


def test_rich_text_is_left_to_its_document(page: QWidget) -> None:
    _place(QLabel(f"<b>{LONG}</b>"), page, 0, 0, 100, 40)
    assert clipped_texts(page) == []


def test_a_wrapped_label_is_clipped_only_when_it_lacks_height(page: QWidget) -> None:
    tall, short = QLabel(LONG), QLabel(LONG)
    for label in (tall, short):
        label.setWordWrap(True)
    _place(tall, page, 0, 0, 200, 200)
    _place(short, page, 200, 0, 200, 30)
    assert [(c.widget, c.problem) for c in clipped_texts(page)] == [("QLabel", "too short")]


def test_a_word_wider_than_a_wrapped_label_is_clipped(page: QWidget) -> None:
    label = QLabel("Unzerbrechlichkeitsversprechen")
    label.setWordWrap(True)
    _place(label, page, 0, 0, 120, 300)
    assert [c.problem for c in clipped_texts(page)] == ["a word is too wide"]


def test_a_label_that_elides_is_reported_with_its_full_text(page: QWidget) -> None:
    class Eliding(QLabel):
        def full_text(self) -> str:
            return LONG

    _place(Eliding(LONG[:10] + "…"), page, 0, 0, 200, 40)
    assert [(c.text, c.problem) for c in clipped_texts(page)] == [(LONG, "elided")]


def test_a_button_narrower_than_its_text_and_icon_is_clipped(page: QWidget) -> None:
    _place(touch_button("Pay", icon="card"), page, 0, 0, 300, 80)
    _place(touch_button(LONG, icon="card"), page, 0, 100, 300, 80)
    assert [(c.text, c.problem) for c in clipped_texts(page)] == [(LONG, "too narrow")]


def test_a_text_cut_by_its_parent_is_clipped_but_not_in_a_scroll_area(page: QWidget) -> None:
    frame = _place(QFrame(), page, 0, 0, 100, 100)
    _place(QLabel("Cut"), frame, 60, 0, 80, 40)
    area = QScrollArea(page)
    area.setGeometry(300, 0, 200, 100)
    content = QWidget()
    column = QVBoxLayout(content)
    for n in range(10):
        column.addWidget(QLabel(f"row {n}"))
    area.setWidget(content)
    area.show()
    assert [(c.text, c.problem) for c in clipped_texts(page)] == [("Cut", "cut by a parent")]


def test_a_button_under_another_widget_is_covered(page: QWidget) -> None:
    free = _place(QPushButton("Free"), page, 0, 0, 100, 60)
    hidden = _place(QPushButton("Hidden"), page, 200, 0, 100, 60)
    cover = _place(QFrame(), page, 150, 0, 300, 100)
    cover.raise_()
    covered = covered_buttons(page)
    assert [(c.text, c.on_top) for c in covered] == [("Hidden", "QFrame")]
    cover.lower()
    assert covered_buttons(page) == []
    assert free.isVisible()
    assert hidden.isVisible()


def test_keep_text_whole_holds_the_width_across_text_and_style(page: QWidget, qtbot) -> None:
    button = touch_button("Short")
    keep_text_whole(button)
    column = QVBoxLayout(page)
    column.addWidget(button)
    button.setText(LONG)
    keep_text_whole(button)  # a text changed outside a language switch
    page.setStyleSheet("QWidget { font-size: 30px; }")
    qtbot.waitUntil(lambda: button.minimumWidth() == button.sizeHint().width())
    assert button.minimumWidth() > 300
