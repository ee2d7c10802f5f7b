"""Lists and grids scroll by dragging (``make_kinetic``) and by the big scroll buttons.

The drags are real press-move-release sequences on the real viewport (QTest), and
what is checked is the scroll position the shopper would see."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton, QScrollArea, QVBoxLayout, QWidget

from kiosk.ui.widgets.kinetic import ScrollButtons, is_kinetic, make_kinetic

LEFT = Qt.MouseButton.LeftButton


def _long_list(qtbot, rows: int = 40) -> tuple[QWidget, QScrollArea, list[QPushButton]]:
    host = QWidget()
    column = QVBoxLayout(host)
    area = QScrollArea()
    area.setWidgetResizable(True)
    content = QWidget()
    rows_layout = QVBoxLayout(content)
    buttons = []
    for n in range(rows):
        button = QPushButton(f"Row {n}")
        button.setMinimumHeight(80)
        rows_layout.addWidget(button)
        buttons.append(button)
    area.setWidget(content)
    column.addWidget(area)
    qtbot.addWidget(host)
    host.resize(500, 600)
    host.show()
    qtbot.waitExposed(host)
    return host, area, buttons


def drag(qtbot, widget: QWidget, start: QPoint, end: QPoint, steps: int = 12) -> None:
    """Press at ``start``, move in ``steps`` to ``end``, release there.

    A finger's moves come a frame apart; the scroller applies the drag on its own frame
    timer, so the moves are paced a frame (16 ms) apart with the event loop running:
    this is the input's timing, not a wait for the result (that is ``waitUntil``)."""
    QTest.mousePress(widget, LEFT, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, steps + 1):
        point = start + (end - start) * step / steps
        QTest.mouseMove(widget, point)
        qtbot.wait(16)
    QTest.mouseRelease(widget, LEFT, Qt.KeyboardModifier.NoModifier, end)


def test_dragging_up_scrolls_the_list_down(qtbot) -> None:
    _host, area, _buttons = _long_list(qtbot)
    make_kinetic(area)
    assert is_kinetic(area)
    bar = area.verticalScrollBar()
    assert bar.value() == 0
    assert bar.maximum() > 0
    viewport = area.viewport()
    drag(qtbot, viewport, QPoint(200, 450), QPoint(200, 150))
    qtbot.waitUntil(lambda: bar.value() >= 200)


def test_a_tap_still_reaches_the_row_under_the_finger(qtbot) -> None:
    _host, area, buttons = _long_list(qtbot)
    make_kinetic(area)
    with qtbot.waitSignal(buttons[2].clicked):
        qtbot.mouseClick(buttons[2], LEFT)


def test_a_drag_that_starts_on_a_row_scrolls_and_does_not_click_it(qtbot) -> None:
    _host, area, buttons = _long_list(qtbot)
    make_kinetic(area)
    clicked = []
    for button in buttons:
        button.clicked.connect(lambda _=False, b=button: clicked.append(b.text()))
    bar = area.verticalScrollBar()
    drag(qtbot, area.viewport(), QPoint(200, 500), QPoint(200, 100))
    qtbot.waitUntil(lambda: bar.value() >= 250)
    assert clicked == []


def test_scroll_buttons_page_the_list_and_stop_at_the_ends(qtbot) -> None:
    _host, area, _buttons = _long_list(qtbot)
    paging = ScrollButtons(area)
    qtbot.addWidget(paging)
    up, down = paging.buttons()
    bar = area.verticalScrollBar()
    assert not up.isEnabled()
    assert down.isEnabled()
    qtbot.mouseClick(down, LEFT)
    first = bar.value()
    assert first >= area.viewport().height() * 0.7
    assert up.isEnabled()
    while down.isEnabled():
        qtbot.mouseClick(down, LEFT)
    assert bar.value() == bar.maximum()
    qtbot.mouseClick(up, LEFT)
    assert bar.value() == bar.maximum() - first
    while up.isEnabled():
        qtbot.mouseClick(up, LEFT)
    assert bar.value() == 0


def test_scroll_buttons_are_off_when_everything_fits(qtbot) -> None:
    _host, area, _buttons = _long_list(qtbot, rows=2)
    paging = ScrollButtons(area)
    qtbot.addWidget(paging)
    assert area.verticalScrollBar().maximum() == 0
    assert not any(button.isEnabled() for button in paging.buttons())
