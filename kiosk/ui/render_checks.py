"""Checks run on a rendered window: text that does not fit, and buttons something covers.

``kiosk screenshots`` and the screenshot tests run these on every rendering. Both walk
the real widget tree after layout, so they see what a person would see:

- ``clipped_texts``: every visible label and button whose text needs more room than
  its contents rectangle gives it (word-wrapped labels: the height for their width),
  that show an elided text (a label with ``full_text()``, like the top bar's title),
  or that a parent cuts off (a scroll area's viewport excepted: a person scrolls there).
- ``covered_buttons``: every visible, enabled button under ``root`` whose centre,
  touched, would land on another widget (e.g. a shopper alert over the attendant screen).

Sizes compare whole pixels with no tolerance beyond rounding (``_SLACK``): a glyph that
leans one pixel past its box is cut in the picture too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6 import QtGui
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

_SLACK = 1  # px: rounding between QFontMetrics and the painter
_ICON_GAP = 4  # px between a push button's icon and its text (QPushButton::sizeHint)


@dataclass(frozen=True, slots=True)
class Clip:
    """A text that does not show whole. ``need``/``have``: (width, height) in px."""

    widget: str
    text: str
    problem: str  # "too narrow", "too short", "a word is too wide", "elided", ...
    need: tuple[int, int]
    have: tuple[int, int]

    def __str__(self) -> str:
        return (
            f"{self.widget} {self.text!r}: {self.problem} "
            f"(needs {self.need[0]}x{self.need[1]}, has {self.have[0]}x{self.have[1]})"
        )


@dataclass(frozen=True, slots=True)
class Covered:
    """A button whose centre is taken by another widget (``on_top``)."""

    button: str
    text: str
    on_top: str

    def __str__(self) -> str:
        return f"{self.button} {self.text!r} is covered by {self.on_top}"


def describe(widget: QWidget | None) -> str:
    """``Class#objectName in Owner``: the widget and its nearest ancestor of the project's
    own classes (the screen, overlay or panel it belongs to)."""
    if widget is None:
        return "nothing"
    name = type(widget).__name__ + (f"#{widget.objectName()}" if widget.objectName() else "")
    owner = widget.parentWidget()
    while owner is not None and not type(owner).__module__.startswith("kiosk."):
        owner = owner.parentWidget()
    return f"{name} in {type(owner).__name__}" if owner is not None else name


def shown_widgets(root: QWidget) -> Iterator[QWidget]:
    """``root``'s descendants that are visible and not of zero size."""
    for widget in root.findChildren(QWidget):
        if widget.isVisible() and widget.width() > 0 and widget.height() > 0:
            yield widget


def clipped_texts(root: QWidget) -> list[Clip]:
    """Every visible label or button under ``root`` whose text does not show whole."""
    found: list[Clip] = []
    for widget in shown_widgets(root):
        if isinstance(widget, QLabel):
            clip = _label_clip(widget)
        elif isinstance(widget, QPushButton):
            clip = _push_button_clip(widget)
        elif isinstance(widget, QAbstractButton):
            clip = _button_hint_clip(widget)
        else:
            continue
        if clip is None:
            clip = _cut_by_parent(widget, root)
        if clip is not None:
            found.append(clip)
    return found


def covered_buttons(root: QWidget) -> list[Covered]:
    """Every visible, enabled button under ``root`` whose centre a touch would not reach.

    Buttons scrolled out of their scroll area's viewport are skipped (a person scrolls
    to them first); the rest are asked ``QApplication.widgetAt`` at their centre.
    """
    found: list[Covered] = []
    top = root.window()
    for button in shown_widgets(root):
        if not isinstance(button, QAbstractButton) or not button.isEnabled():
            continue
        centre = button.rect().center()
        if not _visible_rect(button, top).contains(centre):
            continue
        hit = touched_widget(button.mapToGlobal(centre), top)
        if hit is None or (hit is not button and not button.isAncestorOf(hit)):
            found.append(Covered(describe(button), button.text(), describe(hit)))
    return found


def touched_widget(point: QPoint, top: QWidget) -> QWidget | None:
    """The widget a touch at global ``point`` reaches: ``QApplication.widgetAt``, or, where
    the platform's screen is smaller than ``top`` (the offscreen one is 800x600), the same
    search inside ``top`` (``childAt``, which also skips mouse-transparent widgets)."""
    hit = QApplication.widgetAt(point)
    if hit is None or hit.window() is not top:
        local = top.mapFromGlobal(point)
        if top.rect().contains(local):
            hit = top.childAt(local) or top
    return hit


def _text_size(metrics: QFontMetrics, text: str) -> tuple[int, int]:
    lines = text.split("\n")
    width = max(metrics.horizontalAdvance(line) for line in lines)
    return width, metrics.lineSpacing() * (len(lines) - 1) + metrics.height()


def _label_clip(label: QLabel) -> Clip | None:
    text = label.text()
    if not text or _rich(label):
        return None  # rich text lays itself out in the label's document
    metrics = QFontMetrics(label.font())
    box = label.contentsRect().adjusted(label.margin(), label.margin(), -label.margin(), 0)
    have = (box.width(), box.height())
    full = getattr(label, "full_text", None)  # an eliding label keeps what it was given
    if callable(full) and full() != text:
        return Clip(describe(label), full(), "elided", _text_size(metrics, full()), have)
    if label.wordWrap():
        longest = max((metrics.horizontalAdvance(word) for word in text.split()), default=0)
        need_h = label.heightForWidth(label.width())
        if longest > box.width() + _SLACK:
            return Clip(describe(label), text, "a word is too wide", (longest, need_h), have)
        if need_h > label.height() + _SLACK:
            return Clip(describe(label), text, "too short", (box.width(), need_h), have)
        return None
    need = _text_size(metrics, text)
    if need[0] > box.width() + _SLACK:
        return Clip(describe(label), text, "too narrow", need, have)
    if "\n" in text:
        short = need[1] > box.height() + _SLACK
    else:  # one line: only the glyphs' ink must fit where the alignment puts the line
        short = not _ink_fits(metrics, text, box, label.alignment())
    if short:
        return Clip(describe(label), text, "too short", need, have)
    return None


def _rich(label: QLabel) -> bool:
    form = label.textFormat()
    if form == Qt.TextFormat.AutoText:
        return bool(QtGui.Qt.mightBeRichText(label.text()))
    return form in (Qt.TextFormat.RichText, Qt.TextFormat.MarkdownText)


def _ink_fits(metrics: QFontMetrics, text: str, box: QRect, alignment: Qt.AlignmentFlag) -> bool:
    """Whether one line of ``text``, placed in ``box`` as QPainter.drawText places it, keeps
    its glyphs inside the box vertically (a line box taller than the label is not a clip
    as long as no glyph is cut)."""
    if alignment & Qt.AlignmentFlag.AlignTop:
        top = box.top()
    elif alignment & Qt.AlignmentFlag.AlignBottom:
        top = box.bottom() + 1 - metrics.height()
    else:
        top = box.top() + (box.height() - metrics.height()) // 2
    ink = metrics.tightBoundingRect(text).translated(0, top + metrics.ascent())
    return ink.top() >= box.top() - _SLACK and ink.bottom() <= box.bottom() + _SLACK


def _push_button_clip(button: QPushButton) -> Clip | None:
    text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    if not text:
        return None
    option = QStyleOptionButton()
    button.initStyleOption(option)
    box = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button)
    metrics = QFontMetrics(button.font())
    width, height = _text_size(metrics, text)
    if not button.icon().isNull():
        width += button.iconSize().width() + _ICON_GAP
        height = max(height, button.iconSize().height())
    have = (box.width(), box.height())
    if width > box.width() + _SLACK:
        return Clip(describe(button), text, "too narrow", (width, height), have)
    if height > box.height() + _SLACK:
        return Clip(describe(button), text, "too short", (width, height), have)
    return None


def _button_hint_clip(button: QAbstractButton) -> Clip | None:
    if not button.text():
        return None
    hint, size = button.sizeHint(), button.size()
    if hint.width() > size.width() + _SLACK or hint.height() > size.height() + _SLACK:
        need, have = (hint.width(), hint.height()), (size.width(), size.height())
        return Clip(describe(button), button.text(), "too small", need, have)
    return None


def _cut_by_parent(widget: QWidget, root: QWidget) -> Clip | None:
    """A text widget that sticks out of an ancestor (scroll areas excepted)."""
    text = widget.text() if isinstance(widget, QLabel | QAbstractButton) else ""
    if not text:
        return None
    rect = QRect(QPoint(0, 0), widget.size())
    visible = _visible_rect(widget, root.window(), skip_scrolled=True)
    if visible.contains(rect):
        return None
    have = (visible.width(), visible.height())
    return Clip(describe(widget), text, "cut by a parent", (rect.width(), rect.height()), have)


def _visible_rect(widget: QWidget, top: QWidget, *, skip_scrolled: bool = False) -> QRect:
    """The part of ``widget`` (in its own coordinates) that its ancestors up to ``top`` show.

    ``skip_scrolled``: stop at a scroll area's viewport (what is inside scrolls into view).
    """
    rect = QRect(QPoint(0, 0), widget.size())
    parent = widget.parentWidget()
    while parent is not None:
        area = parent.parentWidget()
        if skip_scrolled and isinstance(area, QAbstractScrollArea) and parent is area.viewport():
            break
        rect = rect.intersected(QRect(widget.mapFrom(parent, QPoint(0, 0)), parent.size()))
        if parent is top:
            break
        parent = parent.parentWidget()
    return rect
