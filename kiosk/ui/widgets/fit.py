"""``LayoutFitter``: keep the roomiest layout variant of a widget that fits its size.

A screen laid out for 1920x1080 needs less room on 1366x768 with large text or high
contrast's thicker borders. The screen gives the fitter its variants, roomiest first
(each a function that sets margins, spacings, key heights...). After every resize,
show, restyle and language change the fitter applies them in turn and keeps the first
whose layout fits (its minimum size, and its minimum height for the width when texts
wrap); the last one stays if none does. Measured, not guessed from the window size, so
1920x1080 keeps the roomy look and only what is short gets tight.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QSize, QTimer
from PySide6.QtWidgets import QLayout, QWidget

Variant = Callable[[], None]

_REFIT_ON = (
    QEvent.Type.Resize,
    QEvent.Type.Show,
    QEvent.Type.StyleChange,
    QEvent.Type.FontChange,
    QEvent.Type.LanguageChange,
)


def fits(layout: QLayout, size: QSize) -> bool:
    """Whether ``layout`` can lay its items out whole in ``size`` (margins included).

    Measures afresh: the layouts of the widget's descendants cache their sizes until the
    event loop gets round to them, so a spacing just changed deep inside (a keypad's)
    would not be seen otherwise."""
    widget = layout.parentWidget()
    if widget is not None:
        for child in widget.findChildren(QWidget):
            child.updateGeometry()  # drops the size its parent's layout cached
        for inner in widget.findChildren(QLayout):
            inner.invalidate()  # nested layouts too (they are the outer one's children)
        layout.invalidate()
    minimum = layout.totalMinimumSize()
    if minimum.width() > size.width():
        return False
    height = minimum.height()
    if layout.hasHeightForWidth():
        height = max(height, layout.totalMinimumHeightForWidth(size.width()))
    return height <= size.height()


class LayoutFitter(QObject):
    """Applies the first of ``variants`` with which ``widget``'s layout fits the widget.

    The check runs from the event loop just after the widget is resized, shown, restyled
    or retranslated (its children restyle after it); call ``later`` (or ``refit``) after
    changing its contents (a longer text, a different model).
    """

    def __init__(self, widget: QWidget, variants: Sequence[Variant]) -> None:
        super().__init__(widget)
        if not variants:
            raise ValueError("a LayoutFitter needs at least one variant")
        self._widget = widget
        self._variants = tuple(variants)
        self.index = -1  # the variant in force
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refit)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # getattr: the cyclic collector may clear this object while Qt still calls it
        # (it holds its parent widget, so only the collector frees a dropped window).
        if watched is getattr(self, "_widget", None) and event.type() in _REFIT_ON:
            self.later()
        return False

    def later(self) -> None:
        """Refit once control returns to the event loop (after a change of contents)."""
        self._timer.start()

    def refit(self) -> int:
        """Apply the roomiest variant that fits now; return its index."""
        layout = self._widget.layout()
        if layout is None:
            return self.index
        size = self._widget.size()
        chosen = len(self._variants) - 1
        for index, apply in enumerate(self._variants):
            apply()  # the one that fits (or the last) is the one left in force
            if fits(layout, size):
                chosen = index
                break
        self.index = chosen
        return chosen
