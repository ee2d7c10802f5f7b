"""The hotel screens' Spanish and French words for the tests, until the lead merges them.

Until ``kiosk/ui/i18n/kiosk_<lang>.ts`` holds the hotel's strings, the ES and FR
screens would show English and "no text clipped in French" would test English. So the
tests put ``hotel_strings.json`` (English source -> [es, fr]) in force with a
translator that looks a text up by its source alone (``SourceWords``; Qt asks it
before the project's translator, and falls back to that one for every other text).
``sources()`` finds every ``self.tr("...")`` in ``kiosk/ui/hotel`` (with the ``Back``,
``Cancel``... of the frame the hotel screens share), so a test sees a string without
words.
"""

from __future__ import annotations

import ast
import json
from functools import cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QTranslator

from kiosk.ui import i18n

HERE = Path(__file__).resolve().parent
STRINGS = HERE / "hotel_strings.json"
UI = Path(i18n.__file__).resolve().parents[1]
#: Where the hotel screens' texts are: their package and the frame they share.
FILES = (*sorted((UI / "hotel").glob("*.py")), UI / "airport" / "base.py")
_COLUMN = {"es": 0, "fr": 1}


@cache
def strings() -> dict[str, tuple[str, str]]:
    raw = json.loads(STRINGS.read_text(encoding="utf-8"))
    return {source: (es, fr) for source, (es, fr) in raw.items()}


def sources() -> set[str]:
    """Every literal passed to ``.tr(...)`` in the hotel screens' files."""
    found: set[str] = set()
    for path in FILES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "tr"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value)
    return found


def missing() -> list[str]:
    """Hotel texts the JSON has no words for."""
    return sorted(sources() - set(strings()))


class SourceWords(QTranslator):
    """Translates a hotel text by its English source, whatever its context."""

    def __init__(self, language: str, parent: QCoreApplication) -> None:
        super().__init__(parent)
        self.setObjectName("hotelTestTranslator")
        self._column = _COLUMN[language]

    def isEmpty(self) -> bool:
        return False

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        """The hotel's word for ``source``, or None (a null string: Qt asks the next
        translator; an empty one would show as blank)."""
        words = strings().get(source)
        return words[self._column] if words else None


def use_language(code: str) -> None:
    """Switch the guest's language (as the window does) with the hotel's words in force."""
    app = QCoreApplication.instance()
    assert app is not None
    i18n.switch_language(code)
    for old in app.findChildren(SourceWords):
        QCoreApplication.removeTranslator(old)
        old.setParent(None)
        old.deleteLater()
    if code in _COLUMN:
        QCoreApplication.installTranslator(SourceWords(code, app))
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
