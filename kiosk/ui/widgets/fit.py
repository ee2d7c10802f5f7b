"""``LayoutFitter``: keep the roomiest layout variant of a widget that fits its size.

A screen laid out for 1920x1080 needs less room on 1366x768 with large text or high
contrast's thicker borders. The screen gives the fitter its variants, roomiest first
(each a function that sets margins, spacings, key heights...). After every resize,
show, restyle and language change the fitter applies them in turn and keeps the first
whose layout fits (its minimum size, and no text clipped once laid out: the checks
``kiosk screenshots`` runs); the last one stays if none does. Measured, not guessed from
the window size, so 1920x1080 keeps the roomy look and only what is short gets tight.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QLayout, QWidget

from kiosk.ui import render_checks

Variant = Callable[[], None]

_REFIT_ON = (
    QEvent.Type.Resize,
    QEvent.Type.Show,
    QEvent.Type.StyleChange,
    QEvent.Type.FontChange,
    QEvent.Type.LanguageChange,
)


def fits(widget: QWidget) -> bool:
    """Whether ``widget``'s layout, laid out now at its size, needs no more room than it
    has and shows every text whole (``render_checks.clipped_texts``: what the screenshot
    test checks). A hidden widget fits (it is measured again when shown).

    Measures afresh: the layouts of the widget's descendants cache their sizes until the
    event loop gets round to them, so a spacing just changed deep inside (a keypad's)
    would not be seen otherwise."""
    layout = widget.layout()
    if layout is None or not widget.isVisible():
        return True
    for child in widget.findChildren(QWidget):
        child.updateGeometry()  # drops the size its parent's layout cached
    for inner in widget.findChildren(QLayout):
        inner.invalidate()  # nested layouts too (they are the outer one's children)
    layout.invalidate()
    layout.activate()  # lays every descendant out now (resizes cascade synchronously)
    need = widget.minimumSizeHint()
    if need.width() > widget.width() or need.height() > widget.height():
        return False
    return not render_checks.clipped_texts(widget)


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
        chosen = len(self._variants) - 1
        for index, apply in enumerate(self._variants):
            apply()  # the one that fits (or the last) is the one left in force
            if fits(self._widget):
                chosen = index
                break
        self.index = chosen
        return chosen
