"""No English text is left on a translated screen: every shot of every journey's
screens (self-checkout, airport, hotel), rendered in Spanish and French, is searched for
visible texts that are English sources with another translation in the .ts file.

This catches what the translation-file tests cannot: a text drawn without ``tr`` (or
under a context other than the one ``lupdate`` filed it in, as a subclass's screen
could), which would stay English whatever the .ts file says."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel

from kiosk.ui import screenshots
from kiosk.ui.i18n import I18N_DIR
from kiosk.ui.render_checks import shown_widgets

#: Words that are the same in English and the other language, or names, never a leak.
SAME = {"OK", "Total", "Wi-Fi", "Extra", "Agent", "Visa", "No", "Free", "Libre"}


def _translated(language: str) -> set[str]:
    """English sources that have a different translation in ``language``."""
    tree = ET.parse(I18N_DIR / f"kiosk_{language}.ts")
    out = set()
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        text = "".join(translation.itertext()) if translation is not None else ""
        if text and text != source and "%" not in source and source not in SAME:
            out.add(source)
    return out


@pytest.mark.slow
@pytest.mark.parametrize("journey", screenshots.JOURNEYS)
@pytest.mark.parametrize("language", ["es", "fr"])
def test_no_english_text_is_left_on_a_translated_screen(journey: str, language: str) -> None:
    english = _translated(language)
    left: set[str] = set()
    for rendering, window in screenshots.renderings(
        journey=journey, languages=(language,), sizes=((1920, 1080),), themes=("normal",)
    ):
        seen = window.staff_layer if window.staff_showing() is not None else window
        for widget in shown_widgets(seen):
            if isinstance(widget, QLabel | QAbstractButton):
                text = widget.text().strip()
                if text in english:
                    left.add(f"{rendering.shot}: {type(widget).__name__} {text!r}")
    assert sorted(left) == []
