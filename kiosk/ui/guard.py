"""``InputGuard``: the application-wide event filter of the lane.

It reports every touch or key (for the idle timer), drops context menus, and in
kiosk mode swallows the keys a shopper could use to leave: Alt+F4, Alt+Tab,
Escape and the Meta/Super key. It must be the only application event filter
that decides about input, so the rules live in one place.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

_USER_INPUT = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress}
_ALT_KEYS = {Qt.Key.Key_F4, Qt.Key.Key_Tab, Qt.Key.Key_Backtab}
_ALWAYS_BLOCKED = {Qt.Key.Key_Escape, Qt.Key.Key_Meta, Qt.Key.Key_Super_L, Qt.Key.Key_Super_R}


def is_escape_key(key: Qt.Key, modifiers: Qt.KeyboardModifier) -> bool:
    """Whether ``key`` with ``modifiers`` could take a shopper out of the app."""
    alt = bool(modifiers & Qt.KeyboardModifier.AltModifier)
    return key in _ALWAYS_BLOCKED or (alt and key in _ALT_KEYS)


class InputGuard(QObject):
    """Watches all input of the application once ``install()`` is called.

    Signals:
        touched(): the user touched, clicked or pressed a key somewhere.
    """

    touched = Signal()

    def __init__(self, kiosk_mode: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kiosk_mode = kiosk_mode

    def install(self) -> None:
        """Start filtering the application's events (no-op without a QApplication)."""
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def remove(self) -> None:
        """Stop filtering."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ContextMenu:
            return True
        if kind in _USER_INPUT:
            self.touched.emit()
        if self._kiosk_mode and kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            assert isinstance(event, QKeyEvent)
            return is_escape_key(Qt.Key(event.key()), event.modifiers())
        return False
