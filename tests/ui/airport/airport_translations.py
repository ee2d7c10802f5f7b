"""The check-in screens' Spanish and French words, for the tests, until they are merged.

The lead merges new strings into ``kiosk/ui/i18n/kiosk_<lang>.ts``; until then the ES
and FR screens would show English, and a test of "no text clipped in French" would test
English. So the tests compile ``airport_strings.json`` (English source -> [es, fr])
into a ``.qm`` of their own (``pyside6-lupdate`` finds the contexts in
``kiosk/ui/airport``, ``pyside6-lrelease`` compiles) and ``use_language`` installs it
beside the project's translator. Once the strings are merged, both say the same.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QTranslator

from kiosk.ui import i18n

HERE = Path(__file__).resolve().parent
STRINGS = HERE / "airport_strings.json"
SOURCES = sorted((Path(i18n.__file__).resolve().parents[1] / "airport").glob("*.py"))
BIN = Path(sys.executable).parent
_NAME = "airportTestTranslator"
_COLUMN = {"es": 0, "fr": 1}


def strings() -> dict[str, list[str]]:
    return dict(json.loads(STRINGS.read_text(encoding="utf-8")))


@cache
def compiled(language: str, folder: str) -> Path:
    """``airport_<language>.qm`` compiled into ``folder`` from the JSON."""
    out = Path(folder)
    ts = out / f"airport_{language}.ts"
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *map(str, SOURCES), "-ts", str(ts)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    words = strings()
    tree = ET.parse(ts)
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if source in words:
            translation.text = words[source][_COLUMN[language]]
            translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    qm = out / f"airport_{language}.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(qm)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return qm


def missing() -> list[str]:
    """Strings of the check-in screens the JSON has no words for."""
    ts = Path(compiled("es", _folder())).with_suffix(".ts")
    words = strings()
    return sorted({m.findtext("source") or "" for m in ET.parse(ts).iter("message")} - set(words))


@cache
def _folder() -> str:
    import tempfile

    return tempfile.mkdtemp(prefix="airport-i18n-")


def use_language(code: str) -> None:
    """Switch the shopper language (as the window does) and put the check-in's words in
    force beside it."""
    app = QCoreApplication.instance()
    assert app is not None
    i18n.switch_language(code)
    for old in app.findChildren(QTranslator, _NAME):
        QCoreApplication.removeTranslator(old)
        old.setObjectName("")
        old.deleteLater()
    if code in _COLUMN:
        translator = QTranslator(app)
        translator.setObjectName(_NAME)
        assert translator.load(str(compiled(code, _folder())))
        QCoreApplication.installTranslator(translator)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
