"""How visible each button's icon is against the button it sits on, as rendered.

WCAG 2.1 asks 3:1 for the parts of a control a person needs to see (success
criterion 1.4.11, non-text contrast). ``faint_icons`` measures it on the real
widgets after layout: the icon's colour is the most common opaque colour of the
pixmap the button paints (normal mode, at its icon size); the background is the
most common colour of the button's own rendering (``grab``), which is what
surrounds the icon. A disabled button is skipped (WCAG exempts inactive
controls). ``kiosk screenshots`` and the screenshot tests run it on every shot.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from PySide6.QtGui import QColor, QIcon, QImage
from PySide6.QtWidgets import QAbstractButton, QWidget

from kiosk.ui.render_checks import describe, shown_widgets

#: WCAG 2.1 SC 1.4.11: graphical objects needed to understand a control.
MIN_RATIO = 3.0
_STEP = 3  # px between samples of a button's rendering


@dataclass(frozen=True, slots=True)
class FaintIcon:
    """An icon whose contrast against its button is below :data:`MIN_RATIO`."""

    button: str
    text: str
    icon: str
    background: str
    ratio: float

    def __str__(self) -> str:
        return (
            f"{self.button} {self.text!r}: icon {self.icon} on {self.background} "
            f"has contrast {self.ratio:.2f}:1 (needs {MIN_RATIO}:1)"
        )


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG 2.1)."""
    return (
        0.2126 * _linear(colour.red())
        + 0.7152 * _linear(colour.green())
        + 0.0722 * _linear(colour.blue())
    )


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two colours, 1.0 to 21.0."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _most_common(image: QImage, *, opaque_only: bool, step: int) -> QColor | None:
    counts: Counter[int] = Counter()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            pixel = image.pixel(x, y)
            if opaque_only and (pixel >> 24) < 200:
                continue
            counts[pixel & 0xFFFFFF] += 1
    if not counts:
        return None
    return QColor(counts.most_common(1)[0][0])


def icon_colour(button: QAbstractButton) -> QColor | None:
    """The colour the button's icon is drawn in (None: no icon or nothing opaque)."""
    icon = button.icon()
    if icon.isNull():
        return None
    pixmap = icon.pixmap(button.iconSize(), QIcon.Mode.Normal, QIcon.State.Off)
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)
    return _most_common(image, opaque_only=True, step=1)


def background_colour(button: QAbstractButton) -> QColor | None:
    """The colour that most of the button's rendering is (what surrounds its icon)."""
    image = button.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)
    return _most_common(image, opaque_only=False, step=_STEP)


def faint_icons(root: QWidget) -> list[FaintIcon]:
    """Every visible, enabled button under ``root`` whose icon is below the ratio."""
    found: list[FaintIcon] = []
    for widget in shown_widgets(root):
        if not isinstance(widget, QAbstractButton) or not widget.isEnabled():
            continue
        ink = icon_colour(widget)
        if ink is None:
            continue
        paper = background_colour(widget)
        if paper is None:
            continue
        ratio = contrast(ink, paper)
        if ratio < MIN_RATIO:
            found.append(
                FaintIcon(describe(widget), widget.text(), ink.name(), paper.name(), ratio)
            )
    return found
