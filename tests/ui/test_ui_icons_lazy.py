"""Icons render when first drawn or measured, and are then the icons rendered before.

GIVEN ``icons.icon(name, colour)`` WHEN nothing draws it THEN no SVG is rendered; WHEN a
button shows it (enabled or disabled) THEN the picture is the one the eagerly rendered
icon (32, 48, 64 and 128 px) gives, pixel for pixel.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QPushButton

from kiosk.ui import icons


def test_an_icon_is_not_rendered_until_used(qapp: object) -> None:
    icons.icon("help", "#123456")
    engine = icons._ENGINES[-1]
    assert engine._icon is None  # nothing drawn or measured yet
    assert not icons.icon("help", "#123456").isNull()
    assert engine._icon is None
    icons.icon("help", "#123456").pixmap(48)
    assert engine._icon is not None


@pytest.mark.parametrize("mode", [QIcon.Mode.Normal, QIcon.Mode.Disabled, QIcon.Mode.Active])
@pytest.mark.parametrize("px", [20, 36, 48, 100, 128, 200])
def test_the_lazy_icon_draws_what_the_eager_one_did(
    qapp: object, mode: QIcon.Mode, px: int
) -> None:
    lazy, eager = icons.icon("close", "#FF00AA"), icons._rendered("close", "#FF00AA")
    size = QSize(px, px)
    assert lazy.actualSize(size, mode) == eager.actualSize(size, mode)
    assert lazy.pixmap(size, mode).toImage() == eager.pixmap(size, mode).toImage()
    assert lazy.availableSizes(mode) == eager.availableSizes(mode)


@pytest.mark.parametrize("enabled", [True, False])
def test_a_button_looks_the_same(qtbot, enabled: bool) -> None:
    shots = []
    for icon in (icons.icon("check", "#0B6E4F"), icons._rendered("check", "#0B6E4F")):
        button = QPushButton("OK")
        qtbot.addWidget(button)
        button.setIcon(icon)
        button.setIconSize(QSize(36, 36))
        button.setEnabled(enabled)
        button.resize(240, 90)
        shots.append(button.grab().toImage())
    assert shots[0] == shots[1]


def test_a_missing_icon_is_still_refused_at_once(qapp: object) -> None:
    with pytest.raises(FileNotFoundError, match="no_such_icon"):
        icons.icon("no_such_icon", "#000000")
