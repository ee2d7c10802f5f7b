"""The shell: navigation, language switch, help, accessibility, idle, speech, lock-down."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.ui.i18n import TranslationError, available_languages, current_language
from kiosk.ui.samples import sample_cart
from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.screens.scanning import ScanningScreen
from kiosk.ui.window import KioskWindow

LEFT = Qt.MouseButton.LeftButton


def test_show_screen_emits_and_back_returns(qtbot, window: KioskWindow) -> None:
    with qtbot.waitSignal(window.navigator.screenChanged) as changed:
        window.show_screen("scanning")
    assert changed.args == ["scanning"]
    assert window.navigator.current_name() == "scanning"
    window.show_screen("pay")
    assert window.navigator.back() == "scanning"
    assert window.navigator.back() == "attract"
    assert window.navigator.back() is None


def test_unknown_and_duplicate_screens_are_refused(window: KioskWindow) -> None:
    with pytest.raises(KeyError, match="no screen 'nope'"):
        window.show_screen("nope")
    with pytest.raises(ValueError, match="already registered"):
        window.add_screen(AttractScreen())


def test_attract_start_button_emits(qtbot, window: KioskWindow) -> None:
    attract = window.navigator.get("attract")
    assert isinstance(attract, AttractScreen)
    with qtbot.waitSignal(attract.startRequested):
        qtbot.mouseClick(attract.start_button, LEFT)


def test_language_switch_retranslates_visible_screen_and_top_bar(
    qtbot, window: KioskWindow
) -> None:
    attract = window.navigator.get("attract")
    assert isinstance(attract, AttractScreen)
    assert "Welcome" in attract.spoken_text()
    with qtbot.waitSignal(window.languageChanged) as changed:
        qtbot.mouseClick(window.top_bar.language_button("es"), LEFT)
    assert changed.args == ["es"]
    assert current_language() == "es"
    assert "Bienvenido" in attract.spoken_text()
    assert window.top_bar.help_button.text() == "Ayuda"
    assert window.top_bar.language_button("es").isChecked()
    qtbot.mouseClick(window.top_bar.language_button("fr"), LEFT)
    assert "Bienvenue" in attract.spoken_text()
    qtbot.mouseClick(window.top_bar.language_button("en"), LEFT)
    assert "Welcome" in attract.spoken_text()


def test_language_switch_redraws_cart_names_and_amounts(qtbot, window: KioskWindow) -> None:
    scanning = window.navigator.get("scanning")
    assert isinstance(scanning, ScanningScreen)
    scanning.set_model(sample_cart(2))
    window.show_screen("scanning")
    assert scanning.cart.texts(2).name == "Bananas"
    window.set_language("es")
    assert scanning.cart.texts(2).name == "Plátanos"
    assert "Total 4,83\u00a0€" in scanning.spoken_text()


def test_attract_language_choice_is_reset_for_the_next_customer(qtbot, window: KioskWindow) -> None:
    attract = window.navigator.get("attract")
    assert isinstance(attract, AttractScreen)
    attract.languageChosen.connect(window.set_language)
    qtbot.mouseClick(attract.language_button("fr"), LEFT)
    window.show_screen("scanning")
    window.request_help()
    window.reset_for_next_customer()
    assert current_language() == "en"
    assert window.navigator.current_name() == "attract"
    assert not window.help_pending()


def test_a_language_without_translation_fails_at_start(qapp) -> None:
    with pytest.raises(TranslationError, match=r"\['de'\]"):
        KioskWindow(languages=("en", "de"), kiosk_mode=False)


def test_unknown_language_is_refused(window: KioskWindow) -> None:
    assert set(available_languages()) >= {"en", "es", "fr"}
    with pytest.raises(TranslationError, match="'de'"):
        window.set_language("de")
    assert current_language() == "en"


def test_help_button_calls_attendant_and_explains_the_wait(
    qtbot, window: KioskWindow, spoken: list[str]
) -> None:
    for name in window.navigator.names():
        window.show_screen(name)
        assert window.top_bar.isVisible(), f"no Help button on {name}"
    with qtbot.waitSignal(window.helpRequested):
        qtbot.mouseClick(window.top_bar.help_button, LEFT)
    assert window.help_pending()
    assert "staff" in window.help_banner.message()
    assert spoken[-1] == window.help_banner.message()
    with qtbot.waitSignal(window.helpCancelled):
        qtbot.mouseClick(window.help_banner.cancel_button, LEFT)
    assert not window.help_pending()


def test_accessibility_toggles_change_the_stylesheet(qtbot, window: KioskWindow) -> None:
    before = window.styleSheet()
    qtbot.mouseClick(window.top_bar.accessibility_button, LEFT)
    panel = window.accessibility_panel
    assert panel.is_open()
    with qtbot.waitSignal(window.accessibilityChanged) as changed:
        qtbot.mouseClick(panel.large_text_button, LEFT)
    assert changed.args == [True, False]
    assert window.theme_name() == "large-text"
    large = window.styleSheet()
    assert large != before
    qtbot.mouseClick(panel.high_contrast_button, LEFT)
    assert window.theme_name() == "large-text+high-contrast"
    assert "#FFE600" in window.styleSheet()
    assert "#FFE600" not in large
    qtbot.mouseClick(panel.close_button, LEFT)
    assert not panel.is_open()


def test_idle_asks_then_expires(qtbot, window: KioskWindow, spoken: list[str]) -> None:
    window.show_screen("scanning")
    with qtbot.waitSignal(window.idleExpired, timeout=3000):
        window.set_idle_enabled(True)
        qtbot.waitUntil(window.still_there.is_open, timeout=3000)
        assert "Are you still there?" in spoken[-1]
    assert not window.still_there.is_open()


def test_idle_answered_keeps_the_basket(qtbot, make_window) -> None:
    window = make_window(countdown_tick_ms=60_000)  # the count stands still while we answer
    window.show_screen("scanning")
    window.set_idle_enabled(True)
    qtbot.waitUntil(window.still_there.is_open, timeout=3000)
    with qtbot.assertNotEmitted(window.idleExpired), qtbot.waitSignal(window.idleContinued):
        qtbot.mouseClick(window.still_there.button, LEFT)
    assert not window.still_there.is_open()
    window.set_idle_enabled(False)


def test_speech_hook_hears_every_screen_change(window: KioskWindow, spoken: list[str]) -> None:
    window.show_screen("pay")
    window.show_screen("thanks")
    assert "Thank you!" in spoken[-1]
    window.set_language("fr")
    QApplication.processEvents()
    assert "Merci" in spoken[-1]


def test_a_failing_speech_hook_does_not_break_the_till(
    window: KioskWindow, spoken: list[str]
) -> None:
    def broken(_text: str) -> None:
        raise RuntimeError("tts died")

    window.add_speech_listener(broken)
    window.speak("hello")
    assert spoken[-1] == "hello"


class KeyRecorder(QWidget):
    """A widget that records the keys that reach it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.keys: list[int] = []
        self.menus = 0

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.keys.append(event.key())

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.menus += 1


def test_kiosk_mode_refuses_close_menus_and_escape_keys(qtbot) -> None:
    shell = KioskWindow(kiosk_mode=True)
    shell.add_screen(AttractScreen())
    qtbot.addWidget(shell)
    shell.enter_kiosk_mode()
    qtbot.waitExposed(shell)
    recorder = KeyRecorder(shell)
    try:
        assert QApplication.overrideCursor().shape() == Qt.CursorShape.BlankCursor
        assert not shell.close()
        assert shell.isVisible()
        for key, modifiers in (
            (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
            (Qt.Key.Key_Tab, Qt.KeyboardModifier.AltModifier),
            (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
            (Qt.Key.Key_Super_L, Qt.KeyboardModifier.NoModifier),
            (Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier),
            (Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier),
        ):
            QApplication.sendEvent(recorder, QKeyEvent(QEvent.Type.KeyPress, key, modifiers))
        assert recorder.keys == [Qt.Key.Key_A, Qt.Key.Key_F4]
        point = QPoint(5, 5)
        menu = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, recorder.mapToGlobal(point))
        QApplication.sendEvent(recorder, menu)
        assert recorder.menus == 0
    finally:
        shell.shutdown()
    assert QApplication.overrideCursor() is None
    assert not shell.isVisible()


def test_without_kiosk_mode_keys_pass_and_the_window_closes(qtbot) -> None:
    shell = KioskWindow(kiosk_mode=False)
    qtbot.addWidget(shell)
    shell.show()
    recorder = KeyRecorder(shell)
    event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(recorder, event)
    assert recorder.keys == [Qt.Key.Key_Escape]
    assert QApplication.overrideCursor() is None
    assert shell.close()
