"""The [ui] section: the touchscreen."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.config import checks
from kiosk.config.loader import setting


@dataclass(frozen=True)
class UiConfig:
    fullscreen: bool = setting(True, doc="full-screen, frameless kiosk window")
    idle_timeout_s: int = setting(
        90,
        doc="seconds without a touch before 'Are you still there?'",
        check=checks.between(10, 3600),
    )
    idle_countdown_s: int = setting(
        30,
        doc="seconds 'Are you still there?' counts down before the basket is put on hold",
        check=checks.between(5, 300),
    )
    hide_cursor: bool = setting(
        True, doc="hide the mouse pointer in kiosk mode (false for a mouse-driven test lane)"
    )
    speech_rate_wpm: int = setting(
        150,
        doc="audio mode: espeak-ng's speaking rate in words per minute",
        check=checks.between(80, 450),
    )
    audio_repeat_key: str = setting(
        "F12",
        doc="audio mode: the key that repeats the last spoken text (an audio jack's button)",
        check=checks.one_of(*(f"F{n}" for n in range(1, 25))),
    )
