"""``TopBar``: brand, language switch, accessibility and the Help button on every screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from kiosk.ui.i18n import LANGUAGE_NAMES
from kiosk.ui.widgets.common import touch_button

TOPBAR_PX = 96


class _ElidedLabel(QLabel):
    """A one-line label that ends in "…" instead of being cut off."""

    def __init__(self) -> None:
        super().__init__()
        self._full = ""

    def setText(self, text: str) -> None:
        self._full = text
        self._elide()

    def full_text(self) -> str:
        """The text before eliding."""
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        super().setText(metrics.elidedText(self._full, Qt.TextElideMode.ElideRight, self.width()))


class TopBar(QFrame):
    """The strip at the top of every screen.

    Signals:
        languageRequested(str): a language button was tapped (its code).
        accessibilityRequested(): the accessibility button was tapped.
        helpRequested(): the Help button was tapped.
    """

    languageRequested = Signal(str)
    accessibilityRequested = Signal()
    helpRequested = Signal()

    def __init__(self, languages: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TopBar")
        self.setFixedHeight(TOPBAR_PX)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 12, 24, 12)
        row.setSpacing(12)
        self._title = _ElidedLabel()
        # The title gives way first when large text makes the buttons wide (portrait with
        # large text in Spanish and French): the shopper needs the language names whole
        # to find their own, the lane's name least of all. The screenshot test lists it.
        self._title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addWidget(self._title, 1)
        self._language_buttons: dict[str, QPushButton] = {}
        for code in languages:
            button = touch_button(LANGUAGE_NAMES.get(code, code), icon_colour="#FFFFFF")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, c=code: self.languageRequested.emit(c))
            self._language_buttons[code] = button
            row.addWidget(button)
        self.accessibility_button = touch_button(
            icon="accessibility", icon_colour="#FFFFFF", icon_px=40
        )
        self.accessibility_button.setObjectName("AccessibilityButton")
        self.accessibility_button.clicked.connect(self.accessibilityRequested)
        row.addWidget(self.accessibility_button)
        self.help_button = touch_button(icon="help", icon_colour="#FFFFFF", icon_px=36)
        self.help_button.setObjectName("HelpButton")
        self.help_button.setMinimumWidth(150)
        self.help_button.clicked.connect(self.helpRequested)
        row.addWidget(self.help_button)
        self.retranslate_ui()

    def language_button(self, code: str) -> QPushButton:
        """The button that switches to ``code``; KeyError if not offered."""
        return self._language_buttons[code]

    def set_language(self, code: str) -> None:
        """Mark ``code`` as the language in force."""
        for other, button in self._language_buttons.items():
            button.setChecked(other == code)

    def set_title(self, title: str) -> None:
        """Show ``title`` (e.g. the store name) on the left."""
        self._custom_title = title
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Re-read the translatable captions."""
        self._title.setText(getattr(self, "_custom_title", "") or self.tr("Self-checkout"))
        self.help_button.setText(self.tr("Help"))
        self.accessibility_button.setAccessibleName(self.tr("Accessibility"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
