"""The layouts that keep texts whole: ``ReflowLayout`` (keys in as many columns as their
captions allow), ``LayoutFitter`` (the roomiest variant of a screen that fits) and the
attendant's ``EntryPanel`` on a short screen."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui import render_checks
from kiosk.ui.attendant.widgets import EntryPanel
from kiosk.ui.widgets.common import touch_button
from kiosk.ui.widgets.fit import LayoutFitter, fits
from kiosk.ui.widgets.reflow import ReflowLayout


def _keys(qtbot, captions: tuple[str, ...], **options: object) -> tuple[QWidget, ReflowLayout]:
    host = QWidget()
    qtbot.addWidget(host)
    layout = ReflowLayout(host, **options)  # type: ignore[arg-type]
    layout.add(*(touch_button(caption) for caption in captions))
    host.show()
    return host, layout


def _buttons(host: QWidget) -> list[QPushButton]:
    return host.findChildren(QPushButton)


def _hint(button: QPushButton) -> tuple[int, int]:
    """The size a layout prefers for ``button`` (its hint, at least its minimum)."""
    size = button.sizeHint().expandedTo(button.minimumSize())
    return size.width(), size.height()


def _widest(host: QWidget) -> int:
    return max(_hint(button)[0] for button in _buttons(host))


@pytest.mark.parametrize("spare", [0, -1])
def test_reflow_puts_keys_abreast_while_they_fit_and_never_cuts_a_caption(
    qtbot, spare: int
) -> None:
    host, layout = _keys(qtbot, ("Reprint receipt", "Clear device fault", "Resume"), spacing=12)
    first, second, third = (_hint(button)[0] for button in _buttons(host))
    two_abreast = max(first, third) + 12 + second  # columns as wide as their widest key
    host.resize(two_abreast + spare, 400)  # just wide enough, or 1 px short
    columns = 2 if spare == 0 else 1
    qtbot.waitUntil(lambda: len({b.y() for b in _buttons(host)}) == (2 if columns == 2 else 3))
    assert layout.columns(host.width()) == columns
    assert all(b.width() >= _hint(b)[0] for b in _buttons(host))
    assert render_checks.clipped_texts(host) == []


def test_reflow_height_for_width_grows_when_keys_stack(qtbot) -> None:
    host, layout = _keys(qtbot, ("Approve", "Date of birth"), spacing=12)
    side_by_side = sum(_hint(button)[0] for button in _buttons(host)) + 12
    one_row = layout.heightForWidth(side_by_side)
    two_rows = layout.heightForWidth(side_by_side - 1)
    key = _hint(_buttons(host)[0])[1]
    assert (one_row, two_rows) == (key, 2 * key + 12)
    assert layout.minimumSize().width() == _widest(host)  # one column
    assert layout.minimumSize().height() == one_row  # as short as the most columns make it


def test_reflow_skips_hidden_keys_and_centres_a_short_last_row(qtbot) -> None:
    host, layout = _keys(qtbot, ("Print", "E-receipt", "None"), max_columns=3,
                         centre_last_row=True)  # fmt: skip
    widest = _widest(host)
    host.resize(2 * widest + 12 + 20, 400)  # two abreast: the third goes under, centred
    qtbot.waitUntil(lambda: _buttons(host)[2].y() > _buttons(host)[0].y())
    first, second, third = _buttons(host)
    assert abs(third.geometry().center().x() - host.rect().center().x()) <= (widest + 12) // 2
    assert third.x() > first.x()
    second.hide()
    qtbot.waitUntil(lambda: third.y() == first.y())  # the hidden key takes no cell
    layout.set_max_columns(1)
    qtbot.waitUntil(lambda: third.y() > first.y())


@pytest.fixture
def page(qtbot) -> QWidget:
    """A widget inside a window (a window's own layout would set its minimum size)."""
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(800, 1000)
    window.show()
    inner = QWidget(window)
    inner.window_ref = window  # type: ignore[attr-defined]  # keeps the window alive
    return inner


def test_fitter_keeps_the_roomy_variant_where_it_fits_and_tightens_where_not(
    qtbot, page: QWidget
) -> None:
    column = QVBoxLayout(page)
    label = QLabel("A text that needs its lines")
    label.setWordWrap(True)
    column.addWidget(label)
    key = touch_button("OK")
    column.addWidget(key)
    applied: list[str] = []

    def roomy() -> None:
        applied.append("roomy")
        column.setContentsMargins(0, 200, 0, 200)

    def tight() -> None:
        applied.append("tight")
        column.setContentsMargins(0, 4, 0, 4)

    fitter = LayoutFitter(page, (roomy, tight))
    page.resize(600, 800)
    page.show()
    qtbot.waitUntil(lambda: fitter.index == 0)
    assert column.contentsMargins().top() == 200
    page.resize(600, 300)  # 400 px of margins do not fit: the tight variant does
    qtbot.waitUntil(lambda: fitter.index == 1)
    assert column.contentsMargins().top() == 4
    assert fits(page)
    page.resize(600, 800)
    qtbot.waitUntil(lambda: fitter.index == 0)
    assert column.contentsMargins().top() == 200
    assert applied[-1] == "roomy"


def test_fitter_leaves_the_last_variant_when_none_fits(qtbot, page: QWidget) -> None:
    column = QVBoxLayout(page)
    column.addWidget(touch_button("OK"))
    fitter = LayoutFitter(page, (lambda: column.setSpacing(30), lambda: column.setSpacing(5)))
    page.resize(600, 10)
    page.show()
    qtbot.waitUntil(lambda: fitter.index == 1)
    assert column.spacing() == 5
    with pytest.raises(ValueError):
        LayoutFitter(page, ())


def test_entry_panel_moves_value_and_keys_over_the_keypad_only_when_short(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.setStyleSheet("QPushButton { min-height: 88px; font-size: 39px; }")
    window.resize(1400, 1000)
    window.show()
    panel = EntryPanel(window)
    reasons = tuple((f"r{n}", f"A long price reason {n}") for n in range(4))
    panel.ask("price", "New unit price for line 3", reasons)
    panel.setGeometry(0, 0, 1300, 900)
    panel.show()
    qtbot.waitUntil(panel.display.isVisible)
    assert not panel.compact  # room for the reasons, the value and the keys in one column
    panel.setGeometry(0, 0, 1300, 560)
    qtbot.waitUntil(lambda: panel.compact)
    qtbot.waitUntil(lambda: panel.display.x() >= panel.keypad.x())  # in the keypad's column
    assert panel.keypad.geometry().top() > panel.display.geometry().top()  # above the keys
    assert render_checks.clipped_texts(panel) == []
    panel.setGeometry(0, 0, 1300, 900)
    qtbot.waitUntil(lambda: not panel.compact)
