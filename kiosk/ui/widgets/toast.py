"""``Toast``: a short message over the top of the window that hides by itself.

The lane's answer to a refused scan or a small event ("That barcode could not be
read"): never blocking, never needing a touch. Styled by the theme (``#Toast``,
``severity="error"``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.ui.widgets.common import set_style_property

TOAST_MS = 4000
_MARGIN = 48


class Toast(QLabel):
    """One line (or a few) of text centred near the bottom of ``parent``."""

    def __init__(self, parent: QWidget, *, duration_ms: int = TOAST_MS) -> None:
        super().__init__(parent)
        self.setObjectName("Toast")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(duration_ms)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_text(self, text: str, *, error: bool = False) -> None:
        """Show ``text`` (red when ``error``) for a few seconds."""
        set_style_property(self, "severity", "error" if error else "info")
        self.setText(text)
        self.place()
        self.show()
        self.raise_()
        self._timer.start()

    def is_error(self) -> bool:
        """Whether the message showing is an error."""
        return self.property("severity") == "error"

    def place(self) -> None:
        """Centre at the top of the parent's content (under its ``top_bar`` if it has one),
        80 % of its width: clear of the action buttons at the bottom of every screen."""
        parent = self.parentWidget()
        if parent is None:
            return
        width = int(parent.width() * 0.8)
        self.setFixedWidth(width)
        height = self.heightForWidth(width)
        self.setFixedHeight(max(height, self.sizeHint().height()))
        top_bar = getattr(parent, "top_bar", None)
        top = top_bar.geometry().bottom() + 1 if isinstance(top_bar, QWidget) else 0
        self.move((parent.width() - width) // 2, top + _MARGIN // 2)
