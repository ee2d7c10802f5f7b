"""Shopper languages: the compiled Qt translation files and the live switch.

English is the source language (no file). ``kiosk_<code>.ts`` are the
translators' files (edit them with pyside6-linguist, update with
pyside6-lupdate); ``kiosk_<code>.qm`` are compiled by pyside6-lrelease and
loaded at run time. Installing a translator makes Qt send ``LanguageChange``
to every widget, and each screen's ``retranslate_ui`` redraws its text.

After changing texts in the code (``self.tr`` / ``QT_TRANSLATE_NOOP`` with a
literal context), from the repository root::

    .venv/bin/pyside6-lupdate $(find kiosk/ui -name '*.py') -no-obsolete \
        -ts kiosk/ui/i18n/kiosk_es.ts kiosk/ui/i18n/kiosk_fr.ts
    # translate the new entries (pyside6-linguist), then:
    .venv/bin/pyside6-lrelease kiosk/ui/i18n/kiosk_es.ts -qm kiosk/ui/i18n/kiosk_es.qm
    .venv/bin/pyside6-lrelease kiosk/ui/i18n/kiosk_fr.ts -qm kiosk/ui/i18n/kiosk_fr.qm

``tests/ui/test_ui_translations.py`` fails while a string is untranslated. Codes that
reach the screens from below the UI (device health and conditions) get their words in
``device_terms.py``.
A new language is a new ``kiosk_<code>.ts``/``.qm`` pair plus its own name in
``LANGUAGE_NAMES``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QTranslator

I18N_DIR = Path(__file__).resolve().parent
SOURCE_LANGUAGE = "en"
#: code -> the language's own name (never translated: a shopper looks for their own)
LANGUAGE_NAMES = {"en": "English", "es": "Español", "fr": "Français"}
_PROPERTY = "kioskLanguage"
_TRANSLATOR = "kioskTranslator"


class TranslationError(LookupError):
    """A language was asked for that has no compiled translation file."""


def available_languages() -> tuple[str, ...]:
    """English plus every language with a compiled ``kiosk_<code>.qm``."""
    compiled = sorted(p.stem.removeprefix("kiosk_") for p in I18N_DIR.glob("kiosk_*.qm"))
    return (SOURCE_LANGUAGE, *compiled)


def current_language() -> str:
    """The shopper language in force (English before any switch)."""
    app = QCoreApplication.instance()
    value = app.property(_PROPERTY) if app is not None else None
    return str(value) if value else SOURCE_LANGUAGE


def switch_language(code: str) -> None:
    """Make ``code`` the shopper language of the application and retranslate every widget.

    The one installed translator lives on the application object (so a second
    window or a test sees the same state). Raises TranslationError if ``code``
    has no compiled file, RuntimeError without a QCoreApplication.
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("no QCoreApplication")
    translator = None
    if code != SOURCE_LANGUAGE:
        translator = QTranslator(app)
        translator.setObjectName(_TRANSLATOR)
        path = I18N_DIR / f"kiosk_{code}.qm"
        if not translator.load(str(path)):
            translator.deleteLater()
            raise TranslationError(f"no translation for {code!r} ({path} missing or bad)")
    app.setProperty(_PROPERTY, code)
    # Removing or installing a translator makes Qt send LanguageChange to every widget.
    for old in app.findChildren(QTranslator, _TRANSLATOR):
        if old is not translator:
            QCoreApplication.removeTranslator(old)
            old.setObjectName("")
            old.deleteLater()
    if translator is not None:
        QCoreApplication.installTranslator(translator)
    # Deliver the posted LanguageChange events now: the switch is done when this returns.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
