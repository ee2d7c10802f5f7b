"""``AttractScreen``: the idle loop shown between customers, with the language choice."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QPushButton,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.i18n import LANGUAGE_NAMES, current_language
from kiosk.ui.screens.base import Screen
from kiosk.ui.viewmodels import AttractView
from kiosk.ui.widgets.common import (
    ON_PRIMARY,
    card,
    discard,
    icon_label,
    keep_text_whole,
    set_style_property,
    text_label,
    touch_button,
)
from kiosk.ui.widgets.fit import LayoutFitter

_CENTRE = Qt.AlignmentFlag.AlignCenter


class AttractScreen(Screen):
    """Welcome, the three steps, language buttons and Start.

    Signals:
        startRequested(): the shopper touched Start (scanning an item also starts;
            that arrives from the scanner, not from this screen).
        languageChosen(str): a language button was tapped.
    """

    name = "attract"
    idle_watch = False
    startRequested = Signal()
    languageChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, rotate_ms: int = 5000) -> None:
        super().__init__(parent)
        self._view = AttractView()
        self._tip_index = 0
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._box.setContentsMargins(64, 48, 64, 48)
        self._box.setSpacing(48)

        hero = self._hero = QVBoxLayout()
        hero.setSpacing(24)
        self._welcome = text_label(role="display", wrap=True)
        self._subtitle = text_label(role="subtitle", wrap=True)
        self._tip = text_label(role="heading", wrap=True)
        hero.addStretch(1)
        for widget in (self._welcome, self._subtitle, self._tip):
            hero.addWidget(widget)
        self._before_languages = QSpacerItem(0, 24)
        hero.addItem(self._before_languages)
        self._language_row = QHBoxLayout()
        self._language_row.setSpacing(16)
        self._language_buttons: dict[str, QPushButton] = {}
        hero.addLayout(self._language_row)
        self._before_start = QSpacerItem(0, 16)
        hero.addItem(self._before_start)
        self.start_button = touch_button(role="primary", icon="arrow-right", icon_colour=ON_PRIMARY)
        self.start_button.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.start_button.setMinimumHeight(112)
        self.start_button.clicked.connect(self.startRequested)
        hero.addWidget(self.start_button)
        hero.addStretch(1)
        self._box.addLayout(hero, 3)

        self._art = card()
        art = self._art_layout = QVBoxLayout(self._art)
        art.setContentsMargins(48, 48, 48, 48)
        art.setSpacing(24)
        art.addStretch(1)
        art.addWidget(icon_label("barcode", "#0A6CFF", 220), 0, _CENTRE)
        self._art_caption = text_label(role="title", wrap=True, align=_CENTRE)
        art.addWidget(self._art_caption)
        self._art_hint = text_label(role="muted", wrap=True, align=_CENTRE)
        art.addWidget(self._art_hint)
        art.addStretch(1)
        self._box.addWidget(self._art, 2)

        self.fitter = LayoutFitter(self, (self._roomy, self._tight))

        self._rotate = QTimer(self)
        self._rotate.setInterval(rotate_ms)
        self._rotate.timeout.connect(self._next_tip)
        self.set_model(self._view)

    def set_model(self, view: AttractView) -> None:
        """Show the languages of ``view``."""
        self._view = view
        for button in self._language_buttons.values():
            discard(button)
        self._language_buttons = {}
        for code in view.languages:
            button = touch_button(LANGUAGE_NAMES.get(code, code), role="secondary", icon="globe")
            button.setCheckable(True)
            keep_text_whole(button)
            button.clicked.connect(lambda _=False, c=code: self.languageChosen.emit(c))
            self._language_buttons[code] = button
            self._language_row.addWidget(button)
        self.retranslate_ui()
        self.fitter.later()

    def _roomy(self) -> None:
        self._spacing(margins=(64, 48), box=48, hero=24, art=48)

    def _tight(self) -> None:
        """1366x768 with large text: the texts, languages and Start keep their size."""
        self._spacing(margins=(32, 20), box=32, hero=12, art=24)

    def _spacing(self, *, margins: tuple[int, int], box: int, hero: int, art: int) -> None:
        side, top = margins
        self._box.setContentsMargins(side, top, side, top)
        self._box.setSpacing(box)
        self._hero.setSpacing(hero)
        self._before_languages.changeSize(0, hero)
        self._before_start.changeSize(0, hero * 2 // 3)
        self._art_layout.setContentsMargins(art, art, art, art)
        self._art_layout.setSpacing(hero)
        self._hero.invalidate()

    def language_button(self, code: str) -> QPushButton:
        """The big button choosing ``code``."""
        return self._language_buttons[code]

    def _tips(self) -> tuple[str, ...]:
        return (
            self.tr("Scan your first item to start, or touch Start."),
            self.tr("Fruit, vegetables and bread: use Look up item."),
            self.tr("Need help? Touch Help at any time."),
        )

    def retranslate_ui(self) -> None:
        self._welcome.setText(self.tr("Welcome"))
        self._subtitle.setText(self.tr("Scan, bag and pay by card in a few touches."))
        self._tip.setText(self._tips()[self._tip_index % 3])
        self.start_button.setText(self.tr("Start"))
        self._art_caption.setText(self.tr("Scan to start"))
        self._art_hint.setText(self.tr("Hold the barcode under the red light."))
        language = current_language()
        for code, button in self._language_buttons.items():
            button.setChecked(code == language)

    def spoken_text(self) -> str:
        return f"{self._welcome.text()}. {self._tip.text()}"

    def apply_orientation(self, portrait: bool) -> None:
        self._box.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self._box.setStretch(0, 3 if not portrait else 2)
        set_style_property(self, "portrait", portrait)

    def showEvent(self, event: QShowEvent) -> None:
        self._tip_index = 0
        self.retranslate_ui()
        self._rotate.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._rotate.stop()
        super().hideEvent(event)

    def _next_tip(self) -> None:
        self._tip_index += 1
        self._tip.setText(self._tips()[self._tip_index % 3])
