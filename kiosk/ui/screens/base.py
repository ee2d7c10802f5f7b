"""``Screen``: the base of every full-window page in the navigator.

Owns the three habits every screen shares: redraw its text on
``LanguageChange`` (``retranslate_ui``), adapt its layout when the window
turns between landscape and portrait (``apply_orientation``), and say what is
on screen for the speech hook (``spoken_text``, plus ``announce`` for changes
inside the screen such as a scanned item).
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QWidget

from kiosk.ui.i18n import current_language


class Screen(QWidget):
    """One page of a journey.

    Signals:
        announce(str): text for the speech hook about a change within the screen.
    """

    name: ClassVar[str] = "screen"
    #: Whether the shopper's idle timer runs while this screen shows.
    idle_watch: ClassVar[bool] = True
    announce = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("screen", True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._portrait: bool | None = None

    @property
    def language(self) -> str:
        """The shopper language in force (for names, amounts and weights)."""
        return current_language()

    @property
    def portrait(self) -> bool:
        """Whether the last layout was for a portrait window."""
        return bool(self._portrait)

    def retranslate_ui(self) -> None:
        """Re-read every translatable text (called on LanguageChange)."""

    def apply_orientation(self, portrait: bool) -> None:
        """Re-arrange for a portrait (taller than wide) or landscape window."""

    def spoken_text(self) -> str:
        """What the speech hook says when this screen is shown."""
        return ""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_portrait(self, portrait: bool) -> None:
        """Lay out for a portrait or landscape window (the window calls this on every
        screen when it turns, so hidden screens are ready before they show)."""
        if portrait != self._portrait:
            self._portrait = portrait
            self.apply_orientation(portrait)
