"""The desk's Spanish and French words, for the tests, until the lead merges them.

The lead merges new strings into ``kiosk/ui/i18n/kiosk_<lang>.ts``; until then the ES and
FR desk would show English, and a test of "no text clipped in French" would test
English. So the tests compile ``desk_strings.json`` (English source -> [es, fr]) into a
``.qm`` of their own (``pyside6-lupdate`` finds the contexts in ``kiosk/ui/desk``,
``pyside6-lrelease`` compiles) and ``use_language`` installs it beside the project's
translator. Once the strings are merged, both say the same.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QTranslator

from kiosk.ui import i18n

STRINGS = Path(__file__).resolve().parent / "desk_strings.json"
SOURCES = sorted((Path(i18n.__file__).resolve().parents[1] / "desk").glob("*.py"))
BIN = Path(sys.executable).parent
_NAME = "deskTestTranslator"
_COLUMN = {"es": 0, "fr": 1}


def strings() -> dict[str, list[str]]:
    return dict(json.loads(STRINGS.read_text(encoding="utf-8")))


@cache
def _folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="desk-i18n-"))


@cache
def compiled(language: str) -> Path:
    """``desk_<language>.qm`` compiled from the JSON."""
    ts = _folder() / f"desk_{language}.ts"
    _tool("pyside6-lupdate", *map(str, SOURCES), "-ts", str(ts))
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
    qm = ts.with_suffix(".qm")
    _tool("pyside6-lrelease", str(ts), "-qm", str(qm))
    return qm


def _tool(name: str, *args: str) -> None:
    subprocess.run([str(BIN / name), *args], check=True, capture_output=True, timeout=120)


def sources_in_code() -> set[str]:
    """Every string of the desk's modules, as ``pyside6-lupdate`` finds them."""
    ts = compiled("es").with_suffix(".ts")
    return {m.findtext("source") or "" for m in ET.parse(ts).iter("message")}


def use_language(code: str) -> None:
    """Switch the language (as the window does) with the desk's words in force beside it."""
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
        assert translator.load(str(compiled(code)))
        QCoreApplication.installTranslator(translator)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
