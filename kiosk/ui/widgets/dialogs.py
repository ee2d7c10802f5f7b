"""The shell's own overlays: "Are you still there?", accessibility, help banner."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from kiosk.ui.widgets.common import icon_label, text_label, touch_button
from kiosk.ui.widgets.overlay import Overlay

_CENTRE = Qt.AlignmentFlag.AlignCenter


class StillThereDialog(Overlay):
    """Counts down after the shopper went idle.

    Signals:
        stillHere(): the shopper tapped "I'm still here" (or touched the dialog).
        expired(): the countdown reached zero; the app suspends the basket.
    """

    stillHere = Signal()
    expired = Signal()

    def __init__(self, parent: QWidget | None = None, *, tick_ms: int = 1000) -> None:
        super().__init__(parent, card_width=820)
        self._remaining = 0
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._tick)
        self._title = text_label(role="title", wrap=True, align=_CENTRE)
        self._message = text_label(role="heading", wrap=True, align=_CENTRE)
        self._count = text_label(role="display", align=_CENTRE)
        self.button = touch_button(role="primary")
        self.button.clicked.connect(self._stay)
        for widget in (self._title, self._count, self._message, self.button):
            self.body.addWidget(widget)
        self.retranslate_ui()

    def start(self, seconds: int) -> None:
        """Open and count down from ``seconds``."""
        self._remaining = seconds
        self.retranslate_ui()
        self.open()
        self._timer.start()

    def stop(self) -> None:
        """Close without emitting anything."""
        self._timer.stop()
        self.close_overlay()

    def remaining_seconds(self) -> int:
        """Seconds left before ``expired``."""
        return self._remaining

    def retranslate_ui(self) -> None:
        self._title.setText(self.tr("Are you still there?"))
        self._message.setText(
            self.tr(
                "Touch the screen to keep shopping. Otherwise your basket is kept for our staff."
            )
        )
        self._count.setText(str(self._remaining))
        self.button.setText(self.tr("Yes, I'm still here"))

    def spoken_text(self) -> str:
        """What the speech hook says when the dialog opens."""
        return f"{self._title.text()} {self._message.text()}"

    def _tick(self) -> None:
        self._remaining -= 1
        self._count.setText(str(max(self._remaining, 0)))
        if self._remaining <= 0:
            self.stop()
            self.expired.emit()

    def _stay(self) -> None:
        self.stop()
        self.stillHere.emit()


class AccessibilityPanel(Overlay):
    """Big toggles: large text, high contrast and the audio mode (spoken steps), and
    "Repeat" while the audio mode is on.

    Signals:
        changed(bool, bool): (large_text, high_contrast) after a toggle.
        audioChanged(bool): the audio mode was switched on or off.
        repeatRequested(): say the last spoken text again.
    """

    changed = Signal(bool, bool)
    audioChanged = Signal(bool)
    repeatRequested = Signal()
    covers_top_bar = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, card_width=820)
        self._title = text_label(role="title", align=_CENTRE)
        self.large_text_button = touch_button(role="secondary", icon="search", icon_px=40)
        self.high_contrast_button = touch_button(role="secondary", icon="accessibility", icon_px=40)
        for button in (self.large_text_button, self.high_contrast_button):
            button.setCheckable(True)
            button.toggled.connect(self._emit)
        self._audio_available = False
        self.audio_button = touch_button(role="secondary")
        self.audio_button.setCheckable(True)
        self.audio_button.setEnabled(False)
        self.audio_button.toggled.connect(self._audio_toggled)
        self.repeat_button = touch_button(role="secondary")
        self.repeat_button.clicked.connect(self.repeatRequested)
        self.repeat_button.hide()
        self.close_button = touch_button(role="primary")
        self.close_button.clicked.connect(self.close_overlay)
        for widget in (
            self._title,
            self.large_text_button,
            self.high_contrast_button,
            self.audio_button,
            self.repeat_button,
            self.close_button,
        ):
            self.body.addWidget(widget)
        self.retranslate_ui()

    def set_state(self, large_text: bool, high_contrast: bool) -> None:
        """Show the current choices without emitting ``changed``."""
        for button, on in (
            (self.large_text_button, large_text),
            (self.high_contrast_button, high_contrast),
        ):
            button.blockSignals(True)
            button.setChecked(on)
            button.blockSignals(False)
        self.retranslate_ui()

    def set_audio(self, on: bool, available: bool) -> None:
        """Show the audio mode's state without emitting ``audioChanged``; without a
        speech engine the toggle is disabled and says the mode is unavailable."""
        self._audio_available = available
        self.audio_button.blockSignals(True)
        self.audio_button.setChecked(on and available)
        self.audio_button.blockSignals(False)
        self.audio_button.setEnabled(available)
        self.repeat_button.setVisible(on and available)
        self.retranslate_ui()

    def audio_text(self) -> str:
        """The audio toggle's caption (says "unavailable" without a speech engine)."""
        return self.audio_button.text()

    def _audio_toggled(self, on: bool) -> None:
        self.repeat_button.setVisible(on)
        self.retranslate_ui()
        self.audioChanged.emit(on)

    def retranslate_ui(self) -> None:
        self._title.setText(self.tr("Accessibility"))
        on, off = self.tr("On"), self.tr("Off")
        if not self._audio_available:
            audio = self.tr("unavailable")
        else:
            audio = on if self.audio_button.isChecked() else off
        self.audio_button.setText(self.tr("Spoken guidance: %1").replace("%1", audio))
        self.repeat_button.setText(self.tr("Repeat what was said"))
        large, high = self.large_text_button.isChecked(), self.high_contrast_button.isChecked()
        self.large_text_button.setText(
            self.tr("Large text: %1").replace("%1", on if large else off)
        )
        self.high_contrast_button.setText(
            self.tr("High contrast: %1").replace("%1", on if high else off)
        )
        self.close_button.setText(self.tr("Done"))

    def _emit(self) -> None:
        self.retranslate_ui()
        self.changed.emit(self.large_text_button.isChecked(), self.high_contrast_button.isChecked())


class HelpBanner(QFrame):
    """The strip under the top bar while an attendant is on the way.

    Signals:
        cancelRequested(): the shopper no longer needs help.
    """

    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HelpBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 12, 24, 12)
        row.setSpacing(16)
        row.addWidget(icon_label("hand", "#FFFFFF", 44))
        self._message = text_label(wrap=True)
        row.addWidget(self._message, 1)
        self.cancel_button = touch_button(icon="close", icon_colour="#FFFFFF", icon_px=28)
        self.cancel_button.clicked.connect(self.cancelRequested)
        row.addWidget(self.cancel_button)
        self.hide()
        self.retranslate_ui()

    def message(self) -> str:
        """The text shown."""
        return self._message.text()

    def retranslate_ui(self) -> None:
        self._message.setText(
            self.tr(
                "Help is on the way. A member of staff has been called "
                "and will be with you in a moment; the light above "
                "your till is flashing."
            )
        )
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
