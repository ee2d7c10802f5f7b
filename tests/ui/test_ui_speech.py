"""The audio mode: each step spoken by espeak-ng in the shopper's voice, "press to
repeat", a newer text cutting an older one, and an honest "unavailable" without the
engine.

The engine is the real ``espeak-ng`` (scripts/lib.sh installs it), writing WAV files
(``wav_dir``) instead of playing them, so what was said can be measured."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.ui.samples import sample_cart
from kiosk.ui.speech import REPEAT_KEY, Speaker, Utterance, find_engine

LEFT = Qt.MouseButton.LeftButton


def wav_seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as audio:
        assert audio.getnchannels() == 1
        return audio.getnframes() / audio.getframerate()


def wav_frames(path: Path) -> bytes:
    with wave.open(str(path), "rb") as audio:
        return audio.readframes(audio.getnframes())


def newest_wav(folder: Path) -> Path:
    return max(folder.glob("utterance-*.wav"), key=lambda p: int(p.stem.split("-")[1]))


def plausible(seconds: float, text: str) -> bool:
    """Speech at 150 words a minute takes some 60-90 ms a character."""
    return 0.03 * len(text) < seconds < 0.25 * len(text)


@pytest.fixture
def speaking(make_window, tmp_path):
    """A shell whose audio mode writes WAVs into tmp_path (the engine must be there)."""
    assert find_engine() is not None, "espeak-ng is not installed (scripts/lib.sh installs it)"
    speaker = Speaker(wav_dir=tmp_path)
    return make_window(speaker=speaker), speaker, tmp_path


def switch_language(qtbot, window, spoken: list[str], language: str) -> None:
    """Switch and let the window's own announcement of it (a zero timer) go by first."""
    count = len(spoken)
    window.set_language(language)
    qtbot.waitUntil(lambda: len(spoken) > count)


def wait_said(qtbot, speaker: Speaker, text: str) -> None:
    with qtbot.waitSignal(
        speaker.finished, timeout=10_000, check_params_cb=lambda said, done: said == text and done
    ):
        pass


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_a_step_change_is_spoken_in_the_shoppers_language(
    qtbot, speaking, spoken, language
) -> None:
    window, speaker, folder = speaking
    switch_language(qtbot, window, spoken, language)
    window.set_audio_mode(True)
    scanning = window.navigator.get("scanning")
    text = " ".join(scanning.spoken_text().split())
    with qtbot.waitSignal(
        speaker.finished, timeout=10_000, check_params_cb=lambda said, done: said == text and done
    ):
        window.show_screen("scanning")
    if language != "en":
        assert "Scan your items" not in text  # the shopper's language, not the source
    wav = newest_wav(folder)
    assert plausible(wav_seconds(wav), text), (wav_seconds(wav), text)
    assert speaker.command(Utterance(1, text, language))[1:7] == [
        "-w", str(folder / "utterance-1.wav"), "-v", language, "-s", "150"
    ]  # fmt: skip


def test_the_voice_follows_the_language(qtbot, speaking) -> None:
    _window, speaker, folder = speaking
    speaker.set_enabled(True)
    spoken = {}
    for language in ("en", "es", "fr"):
        with qtbot.waitSignal(speaker.finished, timeout=10_000):
            speaker.say("Total 12", language)
        spoken[language] = wav_frames(newest_wav(folder))
    assert len(set(spoken.values())) == 3  # three voices say the same letters differently


def test_the_repeat_key_says_the_last_text_again(qtbot, speaking) -> None:
    window, speaker, folder = speaking
    window.set_audio_mode(True)
    text = " ".join(window.navigator.get("scanning").spoken_text().split())
    with qtbot.waitSignal(
        speaker.finished, timeout=10_000, check_params_cb=lambda said, done: said == text and done
    ):
        window.show_screen("scanning")
    first = newest_wav(folder)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(
        speaker.finished, timeout=10_000, check_params_cb=lambda said, done: said == text and done
    ):
        QTest.keyClick(window, Qt.Key.Key_F12)
    again = newest_wav(folder)
    assert REPEAT_KEY == "F12"
    assert again != first
    assert wav_frames(again) == wav_frames(first)


def test_a_newer_text_cuts_an_older_one(qtbot, speaking) -> None:
    _window, speaker, folder = speaking
    speaker.set_enabled(True)
    long_text = "one two three four five six seven eight nine ten " * 400
    with qtbot.waitSignal(speaker.started, timeout=10_000):
        speaker.say(long_text, "en")
    outcomes: list[tuple[str, bool]] = []
    speaker.finished.connect(lambda said, done: outcomes.append((said[:20], done)))
    speaker.say("Bananas, one euro", "en")
    qtbot.waitUntil(lambda: len(outcomes) == 2, timeout=10_000)
    assert outcomes == [(long_text.strip()[:20], False), ("Bananas, one euro", True)]
    assert plausible(wav_seconds(folder / "utterance-2.wav"), "Bananas, one euro")


def test_the_accessibility_panel_switches_the_audio_mode_and_repeats(qtbot, speaking) -> None:
    window, speaker, folder = speaking
    panel = window.accessibility_panel
    window.open_accessibility()
    assert panel.audio_button.isEnabled()
    assert panel.audio_text() == "Spoken guidance: Off"
    assert not panel.repeat_button.isVisible()
    attract = " ".join(window.navigator.get("attract").spoken_text().split())
    with qtbot.waitSignal(
        speaker.finished, timeout=10_000, check_params_cb=lambda said, done: said == attract
    ):
        qtbot.mouseClick(panel.audio_button, LEFT)  # on: the screen showing is said
    assert window.audio_mode()
    assert panel.audio_text() == "Spoken guidance: On"
    assert panel.repeat_button.isVisible()
    count = len(list(folder.glob("*.wav")))
    with qtbot.waitSignal(speaker.finished, timeout=10_000):
        qtbot.mouseClick(panel.repeat_button, LEFT)
    assert len(list(folder.glob("*.wav"))) == count + 1
    assert speaker.last_text() == attract
    window.reset_for_next_customer()
    assert not window.audio_mode()  # the next shopper starts without it


def test_the_audio_mode_is_off_until_chosen(qtbot, speaking) -> None:
    window, speaker, folder = speaking
    spoken_before = speaker.last_text()
    window.show_screen("scanning")
    window.show_screen("pay")
    assert speaker.last_text() is spoken_before is None
    assert list(folder.glob("*.wav")) == []


def test_without_espeak_the_option_says_unavailable(qtbot, make_window, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # no espeak-ng on this PATH
    window = make_window()
    assert not window.speaker.available
    window.open_accessibility()
    panel = window.accessibility_panel
    assert not panel.audio_button.isEnabled()
    assert panel.audio_text() == "Spoken guidance: unavailable"
    window.set_audio_mode(True)
    assert not window.audio_mode()
    window.show_screen("scanning")  # speaks to nobody, and nothing fails
    assert window.speaker.last_text() is None


def test_a_scan_is_spoken(qtbot, speaking, spoken) -> None:
    window, speaker, folder = speaking
    switch_language(qtbot, window, spoken, "es")
    scanning = window.navigator.get("scanning")
    window.show_screen("scanning")
    screen_text = " ".join(scanning.spoken_text().split())
    with qtbot.waitSignal(
        speaker.finished,
        timeout=10_000,
        check_params_cb=lambda said, done: said == screen_text and done,
    ):
        window.set_audio_mode(True)
    announced: list[str] = []
    scanning.announce.connect(announced.append)
    said: list[str] = []
    speaker.finished.connect(lambda text, done: done and said.append(text))
    scanning.set_model(sample_cart(3))  # a new last line: a scan
    assert len(announced) == 1
    scan = " ".join(announced[0].split())
    qtbot.waitUntil(lambda: scan in said, timeout=10_000)
    assert plausible(wav_seconds(newest_wav(folder)), scan)


def test_the_rate_is_the_windows_to_choose(make_window) -> None:
    window = make_window(speech_rate_wpm=120)
    assert window.speaker.command(Utterance(1, "Hello", "en"))[-3:] == ["-s", "120", "--stdin"]


def test_the_repeat_key_is_the_windows_to_choose(qtbot, make_window, tmp_path) -> None:
    speaker = Speaker(wav_dir=tmp_path)
    window = make_window(speaker=speaker, repeat_key="F9")
    with qtbot.waitSignal(speaker.finished, timeout=10_000):
        window.set_audio_mode(True)  # the screen showing is said
    last = speaker.last_text()
    assert last
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    repeated: list[str] = []
    speaker.finished.connect(lambda text, _done: repeated.append(text))
    QTest.keyClick(window, Qt.Key.Key_F12)  # not this window's key: nothing
    with qtbot.waitSignal(speaker.finished, timeout=10_000):
        QTest.keyClick(window, Qt.Key.Key_F9)
    assert repeated == [last]


def test_a_rate_out_of_range_is_refused() -> None:
    with pytest.raises(ValueError, match="rate_wpm 20"):
        Speaker(rate_wpm=20)
