"""``KioskWindow``: the full-screen shell every journey plugs its screens into.

Owns: the top bar (language, accessibility, Help), the help banner, the screen
navigator, the shell overlays (accessibility, "Are you still there?", and one
blocking overlay slot for interventions), the staff layer, the theme, the idle
timer, the speech hook, and kiosk lock-down (frameless, no close, no context menu,
Alt+F4 / Alt+Tab / Escape swallowed, cursor hidden). Window-manager shortcuts that
never reach the application (e.g. a desktop's Alt+Tab) must be disabled by running
the lane under a kiosk compositor; see the README.

Order of layers, bottom to top: the shopper's screen (navigator, top bar, help
banner); shopper alerts (the blocking overlay, the line dialog, "Are you still
there?", accessibility, toasts); the staff layer (attendant sign-in and screen).
The staff layer is always on top: whenever another child of the window is shown
or raised while it is up, it is raised again (``eventFilter``), so no shopper alert
can cover it or take its touches. While it is up the shopper's idle timer waits.
The help banner never lies under the dim layer: it hides while a blocking overlay
shows (the overlay says help is coming and offers its own Cancel).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QChildEvent, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import QApplication, QStackedWidget, QVBoxLayout, QWidget

from kiosk.ui.guard import InputGuard
from kiosk.ui.i18n import (
    SOURCE_LANGUAGE,
    TranslationError,
    available_languages,
    current_language,
    switch_language,
)
from kiosk.ui.navigator import Navigator
from kiosk.ui.screens.base import Screen
from kiosk.ui.speech import DEFAULT_RATE_WPM, REPEAT_KEY, Speaker
from kiosk.ui.startup import FirstPaint
from kiosk.ui.theme import make_theme, stylesheet
from kiosk.ui.widgets.dialogs import AccessibilityPanel, HelpBanner, StillThereDialog
from kiosk.ui.widgets.overlay import Overlay
from kiosk.ui.widgets.topbar import TopBar

log = logging.getLogger(__name__)
SpeechHook = Callable[[str], None]


class KioskWindow(QWidget):
    """The lane's one top-level window.

    Signals:
        helpRequested(): the shopper asked for an attendant (light the lane lamp).
        helpCancelled(): the shopper withdrew the request.
        languageChanged(str): the shopper language is now this code.
        accessibilityChanged(bool, bool): (large_text, high_contrast) now in force.
        idleExpired(): nobody answered "Are you still there?" (suspend the basket).
        idleContinued(): the shopper answered it.
        touched(): someone touched the screen (or pressed a key).
        staffClosed(): the staff layer was closed (the lane is the shopper's again).

    Args:
        languages: codes offered in the top bar; the first is the default language.
        kiosk_mode: frameless full screen, no close, escape keys swallowed.
        idle_timeout_ms: quiet time before "Are you still there?" (while enabled).
        idle_countdown_s: that dialog's countdown before ``idleExpired``.
        countdown_tick_ms: length of one countdown second (tests make it short).
        hide_cursor: hide the pointer in kiosk mode.
        speaker: the audio mode's voice (default: ``espeak-ng`` on PATH, to the sound card).
        speech_rate_wpm: the default speaker's rate (words a minute).
        repeat_key: the key that repeats the last spoken text (an audio jack's button).

    Raises:
        TranslationError: a language in ``languages`` has no compiled translation.
    """

    helpRequested = Signal()
    helpCancelled = Signal()
    languageChanged = Signal(str)
    accessibilityChanged = Signal(bool, bool)
    idleExpired = Signal()
    idleContinued = Signal()
    touched = Signal()
    staffClosed = Signal()

    def __init__(
        self,
        *,
        languages: tuple[str, ...] = ("en", "es", "fr"),
        kiosk_mode: bool = True,
        idle_timeout_ms: int = 90_000,
        idle_countdown_s: int = 30,
        countdown_tick_ms: int = 1000,
        hide_cursor: bool = True,
        speaker: Speaker | None = None,
        speech_rate_wpm: int = DEFAULT_RATE_WPM,
        repeat_key: str = REPEAT_KEY,
        parent: QWidget | None = None,
    ) -> None:
        missing = [code for code in languages if code not in available_languages()]
        if missing:
            raise TranslationError(f"languages {missing} have no translation in kiosk/ui/i18n")
        super().__init__(parent)
        self.setObjectName("KioskWindow")
        self._first_paint = FirstPaint(self)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self._kiosk_mode = kiosk_mode
        self._hide_cursor = kiosk_mode and hide_cursor
        self._allow_close = not kiosk_mode
        self._languages = languages
        self._default_language = languages[0] if languages else SOURCE_LANGUAGE
        self._speech: list[SpeechHook] = []
        self._large_text = self._high_contrast = False
        self._idle_countdown_s = idle_countdown_s
        self._help_wanted = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.top_bar = TopBar(languages)
        self.help_banner = HelpBanner()
        self.navigator = Navigator()
        for widget, stretch in ((self.top_bar, 0), (self.help_banner, 0), (self.navigator, 1)):
            layout.addWidget(widget, stretch)

        self.accessibility_panel = AccessibilityPanel(self)
        self.still_there = StillThereDialog(self, tick_ms=countdown_tick_ms)
        self._blocking: Overlay | None = None
        self.staff_layer = self._staff_layer()
        self._staff_screens: dict[str, Screen] = {}

        self._idle_timer = QTimer(self)
        self._idle_timer.setSingleShot(True)
        self._idle_timer.setInterval(idle_timeout_ms)
        self._idle_timer.timeout.connect(self._went_idle)
        self._idle_enabled = False

        self.top_bar.languageRequested.connect(self.set_language)
        self.top_bar.helpRequested.connect(self.request_help)
        self.top_bar.accessibilityRequested.connect(self.open_accessibility)
        self.help_banner.cancelRequested.connect(self._cancel_help)
        self.accessibility_panel.changed.connect(self.set_accessibility)
        speaker = speaker or Speaker(rate_wpm=speech_rate_wpm)
        self.speaker = self._audio_mode(speaker, repeat_key)
        self.still_there.stillHere.connect(self._still_here)
        self.still_there.expired.connect(self.idleExpired)
        self.navigator.screenChanged.connect(self._screen_changed)

        self.top_bar.set_language(current_language())
        self._apply_theme()
        # Installed when the window is first shown (no input reaches a hidden window): the
        # application-wide Python filter then does not see the thousands of events of
        # building the screens.
        self._guard = InputGuard(kiosk_mode, self)
        self._guard.touched.connect(self._touched)
        self._guard_installed = False

    # -- start-up -------------------------------------------------------------------
    def after_first_paint(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` on the UI thread in idle time after the window's first paint
        (one callback per event-loop turn; at once if that time has come)."""
        self._first_paint.add(callback)

    # -- journeys -----------------------------------------------------------------
    def add_screen(self, screen: Screen, name: str | None = None) -> Screen:
        """Register a journey's screen and route its announcements to the speech hook."""
        self.navigator.add(screen, name)
        screen.set_portrait(self.is_portrait())
        screen.announce.connect(self.speak)
        return screen

    def show_screen(self, name: str) -> Screen:
        """Show screen ``name`` (KeyError if unknown)."""
        return self.navigator.show_screen(name)

    def current_screen(self) -> Screen | None:
        """The screen showing."""
        name = self.navigator.current_name()
        return self.navigator.get(name) if name else None

    def reset_for_next_customer(self, attract: str = "attract") -> None:
        """Back to the default language, no help request, no overlays, ``attract`` shown."""
        self.set_language(self._default_language)
        self.clear_help()
        self.clear_blocking()
        self.still_there.stop()
        self.accessibility_panel.close_overlay()
        self.set_audio_mode(False)  # the next shopper chooses again
        self.navigator.reset(attract)

    # -- language -------------------------------------------------------------------
    def set_language(self, code: str) -> None:
        """Switch the shopper language live; TranslationError if it has no translation."""
        if code != current_language():
            switch_language(code)
        self.top_bar.set_language(code)
        self.languageChanged.emit(code)
        QTimer.singleShot(0, self._announce_current)

    def language(self) -> str:
        """The shopper language in force."""
        return current_language()

    # -- help -----------------------------------------------------------------------
    def request_help(self) -> None:
        """Call an attendant: show the banner (unless an overlay already says help is
        coming), emit ``helpRequested``, announce the wait."""
        self._help_wanted = True
        self._show_banner()
        self.helpRequested.emit()
        self.speak(self.help_banner.message())

    def clear_help(self) -> None:
        """The attendant has come (or the request was withdrawn): hide the banner."""
        self._help_wanted = False
        self.help_banner.hide()

    def help_pending(self) -> bool:
        """Whether the shopper's call for help is still standing."""
        return self._help_wanted

    def _show_banner(self) -> None:
        self.help_banner.setVisible(self._help_wanted and self.blocking_overlay() is None)

    def _cancel_help(self) -> None:
        self.clear_help()
        self.helpCancelled.emit()

    # -- accessibility ------------------------------------------------------------
    def open_accessibility(self) -> None:
        """Show the accessibility panel."""
        self.accessibility_panel.set_state(self._large_text, self._high_contrast)
        self.accessibility_panel.set_audio(self.speaker.enabled(), self.speaker.available)
        self.accessibility_panel.open()

    def set_audio_mode(self, on: bool) -> None:
        """Speak every step and scan (if the speech engine is installed), or stop."""
        if on == self.speaker.enabled():
            return
        self.speaker.set_enabled(on)
        self.accessibility_panel.set_audio(self.speaker.enabled(), self.speaker.available)
        if self.speaker.enabled():
            self._announce_current()

    def audio_mode(self) -> bool:
        """Whether the audio mode is speaking."""
        return self.speaker.enabled()

    def _audio_mode(self, speaker: Speaker, repeat_key: str) -> Speaker:
        """Wire ``speaker`` to the speech hook, the panel and the repeat key."""
        speaker.setParent(self)
        self._speech.append(lambda text: speaker.say(text, current_language()))
        self.accessibility_panel.audioChanged.connect(self.set_audio_mode)
        self.accessibility_panel.repeatRequested.connect(speaker.repeat)
        repeat = QShortcut(QKeySequence(repeat_key), self)
        repeat.setContext(Qt.ShortcutContext.ApplicationShortcut)
        repeat.activated.connect(speaker.repeat)
        return speaker

    def set_accessibility(self, large_text: bool, high_contrast: bool) -> None:
        """Apply large-text / high-contrast and emit ``accessibilityChanged``."""
        if (large_text, high_contrast) == (self._large_text, self._high_contrast):
            return
        self._large_text, self._high_contrast = large_text, high_contrast
        self.accessibility_panel.set_state(large_text, high_contrast)
        self._apply_theme()
        self.accessibilityChanged.emit(large_text, high_contrast)

    def theme_name(self) -> str:
        """The theme variant in force ("normal", "large-text", "high-contrast", both)."""
        return make_theme(large_text=self._large_text, high_contrast=self._high_contrast).name

    def _apply_theme(self) -> None:
        theme = make_theme(large_text=self._large_text, high_contrast=self._high_contrast)
        self.setStyleSheet(stylesheet(theme))

    # -- blocking overlay (interventions and other journeys' stop signs) ------------
    def show_blocking(self, overlay: Overlay) -> None:
        """Show ``overlay`` over everything until ``clear_blocking``; it blocks all input."""
        if self._blocking is not None and self._blocking is not overlay:
            self._blocking.close_overlay()
        self._blocking = overlay
        if overlay.parentWidget() is not self:
            overlay.setParent(self)
        overlay.open()
        self.still_there.stop()
        self._show_banner()
        spoken = getattr(overlay, "spoken_text", None)
        if callable(spoken):
            self.speak(spoken())

    def clear_blocking(self) -> None:
        """Remove the blocking overlay, if any."""
        if self._blocking is not None:
            self._blocking.close_overlay()
            self._blocking = None
        self._show_banner()

    def blocking_overlay(self) -> Overlay | None:
        """The blocking overlay showing, or None."""
        return self._blocking if self._blocking is not None and self._blocking.is_open() else None

    # -- staff layer (always above every shopper alert) --------------------------------
    def _staff_layer(self) -> QStackedWidget:
        layer = QStackedWidget(self)
        layer.setObjectName("StaffLayer")
        layer.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        layer.hide()
        return layer

    def _watch_children(self) -> None:
        """Watch every child widget (bar the staff layer) for Show / ZOrderChange."""
        layer = self.staff_layer
        for child in self.children():
            if isinstance(child, QWidget) and child is not layer:
                child.installEventFilter(self)  # installing twice keeps one filter

    def add_staff_screen(self, screen: Screen, name: str | None = None) -> Screen:
        """Register an attendant screen on the staff layer; ValueError if the name is taken."""
        key = name or screen.name
        if key in self._staff_screens:
            raise ValueError(f"a staff screen named {key!r} is already registered")
        self._staff_screens[key] = screen
        self.staff_layer.addWidget(screen)
        screen.set_portrait(self.is_portrait())
        screen.announce.connect(self.speak)
        return screen

    def show_staff(self, name: str) -> Screen:
        """Show staff screen ``name`` above everything (KeyError if unknown)."""
        screen = self._staff_screens[name]
        self._watch_children()  # children made while the layer is up are watched as added
        self.staff_layer.setCurrentWidget(screen)
        self.staff_layer.setGeometry(self.rect())
        self.staff_layer.show()
        self.staff_layer.raise_()
        self._idle_timer.stop()
        self.still_there.stop()
        self.speak(screen.spoken_text())
        return screen

    def close_staff(self) -> None:
        """Hide the staff layer: the shopper's screen and alerts are on top again."""
        if self.staff_layer.isHidden():
            return
        self.staff_layer.hide()
        if self._idle_enabled:
            self._idle_timer.start()
        self.staffClosed.emit()
        self._announce_current()

    def staff_showing(self) -> str | None:
        """The name of the staff screen showing, or None when the shopper has the lane."""
        if self.staff_layer.isHidden():
            return None
        current = self.staff_layer.currentWidget()
        return next((n for n, s in self._staff_screens.items() if s is current), None)

    def childEvent(self, event: QChildEvent) -> None:
        super().childEvent(event)
        # Only while the staff layer is up (``show_staff`` watches the children made
        # before): ``event.child()`` wraps the new child for Python, which is not free.
        layer = getattr(self, "staff_layer", None)
        if not event.added() or layer is None or layer.isHidden():
            return
        child = event.child()
        if isinstance(child, QWidget) and child is not layer:
            child.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Any alert shown or raised over the staff layer goes back under it.
        layer = getattr(self, "staff_layer", None)
        if (
            layer is not None
            and event.type() in (QEvent.Type.Show, QEvent.Type.ZOrderChange)
            and watched is not layer
            and not layer.isHidden()
            and isinstance(watched, QWidget)
            and watched.parentWidget() is self
        ):
            self.staff_layer.raise_()
        return False

    # -- idle -------------------------------------------------------------------------
    def set_idle_enabled(self, enabled: bool) -> None:
        """Run the idle timer (while a basket is open) or stop it."""
        self._idle_enabled = enabled
        if enabled and not self.staff_showing():
            self._idle_timer.start()
        else:
            self._idle_timer.stop()
            self.still_there.stop()

    def _touched(self) -> None:
        self.touched.emit()
        if self._idle_enabled and not self.still_there.is_open() and not self.staff_showing():
            self._idle_timer.start()

    def _went_idle(self) -> None:
        if self._blocking is not None or self.staff_showing():
            return
        self.still_there.start(self._idle_countdown_s)
        self.speak(self.still_there.spoken_text())

    def _still_here(self) -> None:
        self.idleContinued.emit()
        if self._idle_enabled:
            self._idle_timer.start()

    # -- speech -----------------------------------------------------------------------
    def add_speech_listener(self, hook: SpeechHook) -> None:
        """Call ``hook(text)`` with the text of every state change (for a TTS engine).

        The hook runs on the UI thread and must return at once (queue the audio)."""
        self._speech.append(hook)

    def speak(self, text: str) -> None:
        """Hand ``text`` to every speech listener; a failing listener is logged, not raised."""
        if not text:
            return
        for hook in self._speech:
            try:
                hook(text)
            except Exception:  # a broken TTS must never break the till
                log.exception("speech hook failed")

    def _screen_changed(self, name: str) -> None:
        screen = self.navigator.get(name)
        if self._idle_enabled and not screen.idle_watch:
            self.still_there.stop()
        self._announce_current()

    def _announce_current(self) -> None:
        staff = self.staff_showing()
        if staff is not None:
            self.speak(self._staff_screens[staff].spoken_text())
            return
        if self._blocking is not None:
            spoken = getattr(self._blocking, "spoken_text", None)
            if callable(spoken):
                self.speak(spoken())
                return
        screen = self.current_screen()
        if screen is not None:
            self.speak(screen.spoken_text())

    # -- kiosk lock-down --------------------------------------------------------------
    def enter_kiosk_mode(self) -> None:
        """Frameless, full screen, on top, cursor hidden."""
        self.setWindowFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
        if self._hide_cursor:
            QApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
        self.showFullScreen()

    def shutdown(self) -> None:
        """Allow the window to close (service exit) and close it."""
        self._allow_close = True
        self.speaker.set_enabled(False)  # silence: nothing speaks after the window
        if self._hide_cursor and QApplication.overrideCursor() is not None:
            QApplication.restoreOverrideCursor()
        self._guard.remove()
        self._guard_installed = False
        self.close()

    def showEvent(self, event: QShowEvent) -> None:
        if not self._guard_installed:
            self._guard.install()
            self._guard_installed = True
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._allow_close:
            super().closeEvent(event)
        else:
            event.ignore()  # Alt+F4 / window-manager close: a shopper cannot leave

    def is_portrait(self) -> bool:
        """Whether the window is taller than wide."""
        return self.height() > self.width()

    def _set_portrait(self, portrait: bool) -> None:
        for screen in self.navigator.built_screens():  # the others get it when built
            screen.set_portrait(portrait)
        for screen in self._staff_screens.values():
            screen.set_portrait(portrait)

    def place_overlay(self, overlay: Overlay) -> None:
        """Size ``overlay`` to the whole window, or to the part under the top bar."""
        rect = self.rect()
        if not overlay.covers_top_bar:
            rect.setTop(self.top_bar.geometry().bottom() + 1)
        overlay.setGeometry(rect)

    def resizeEvent(self, event: QResizeEvent) -> None:
        size = event.size()
        self._set_portrait(size.height() > size.width())
        super().resizeEvent(event)
        for overlay in self.findChildren(Overlay):
            if overlay.parentWidget() is self:
                self.place_overlay(overlay)
        self.staff_layer.setGeometry(self.rect())
