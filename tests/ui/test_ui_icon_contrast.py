"""Every icon on a button stays visible in every theme (issue 15: "high contrast keeps
every icon visible, contrast of each icon against its background measured in a test").

The screenshot tests run ``faint_icons`` on every shot (each screen, intervention and
attendant screen, EN/ES/FR, three sizes, normal / large text / high contrast) through
``kiosk.ui.screenshots.check``; these tests pin the measure itself and the fix (an
icon drawn in its button's text colour, re-tinted when the theme changes)."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from kiosk.ui import icons
from kiosk.ui.icon_contrast import MIN_RATIO, contrast, faint_icons, icon_colour
from kiosk.ui.theme import HIGH_CONTRAST, make_theme, stylesheet
from kiosk.ui.widgets.common import touch_button


def test_contrast_is_the_wcag_ratio():
    assert round(contrast(QColor("#000000"), QColor("#FFFFFF")), 1) == 21.0
    assert contrast(QColor("#777777"), QColor("#777777")) == 1.0
    # WCAG's own example: #767676 on white is the lightest grey that passes 4.5:1
    assert 4.5 <= contrast(QColor("#767676"), QColor("#FFFFFF")) < 4.6


def _panel(qtbot, *buttons: QPushButton) -> QWidget:
    panel = QWidget()
    layout = QVBoxLayout(panel)
    for button in buttons:
        layout.addWidget(button)
    qtbot.addWidget(panel)
    panel.resize(400, 300)
    panel.show()
    return panel


def test_a_dark_icon_on_a_black_button_is_found(qtbot):
    fixed = QPushButton("Help")
    fixed.setIcon(icons.icon("help", "#17202A"))  # the old fixed colour
    panel = _panel(qtbot, fixed)
    panel.setStyleSheet(stylesheet(make_theme(high_contrast=True)))
    qtbot.waitUntil(lambda: bool(faint_icons(panel)))
    faint = faint_icons(panel)
    assert len(faint) == 1
    assert faint[0].ratio < MIN_RATIO
    assert "Help" in str(faint[0])


def test_touch_buttons_follow_their_text_colour_when_the_theme_changes(qtbot):
    secondary = touch_button("Help", icon="help")
    primary = touch_button("Pay", role="primary", icon="card", icon_colour="#FFFFFF")
    panel = _panel(qtbot, secondary, primary)
    for high_contrast in (False, True, False, True):
        panel.setStyleSheet(stylesheet(make_theme(high_contrast=high_contrast)))
        qtbot.waitUntil(lambda: not faint_icons(panel))
    # high contrast: white icon on the black secondary, black on the yellow primary
    assert icon_colour(secondary).name() == HIGH_CONTRAST.text.lower()
    assert icon_colour(primary).name() == HIGH_CONTRAST.on_primary.lower()
