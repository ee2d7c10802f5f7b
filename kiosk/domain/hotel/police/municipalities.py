"""Spain's municipalities and their INE codes: what SES calls ``codigoMunicipio``.

Theory of operation. SES.HOSPEDAJES wants an address in Spain to name its municipality
by the INE's five-digit code: two digits of the province (``CPRO``, 01-52, the
provinces in alphabetical order of their old names) and three of the municipality
in it (``CMUN``). Guests do not know that code, but they know their postal code,
whose first two digits are the same province number (``28013``: Madrid, 28), and
the name of their town. So the kiosk asks the postal code, narrows the table to
that province and lets the guest pick the town from the few names that match what
they type (:meth:`MunicipalityTable.matching`); the code is the picked row's.

The table is the INE's "Relación de municipios y sus códigos" shipped with the code
(``ine_municipios.csv`` beside this module: its header names the source and the
year), read once on first use (:func:`default_table`): package data, no download.
:func:`parse_table` checks every row (two-digit province 01-52, three-digit
municipality, the INE's control digit, a name, no code twice) and refuses a broken
file with a :class:`TableError` naming the line. Names are matched without accents
or case, on any of a bilingual name's parts (``Alicante/Alacant``), with an article
written after the name (``Roda, La``) also matched in front of it (``La Roda``).
"""

from __future__ import annotations

import csv
import importlib.resources
import unicodedata
from dataclasses import dataclass
from functools import cache

#: The package data file (beside this module).
DATA_FILE = "ine_municipios.csv"
#: The columns of the INE's file, in order.
COLUMNS = ("CPRO", "CMUN", "DC", "NOMBRE")
#: At most this many towns are offered at once (big buttons).
OFFERED = 6
#: The INE's control digit: each digit's weight table, by its position modulo 3.
_WEIGHTS = ((0, 2, 4, 6, 8, 1, 3, 5, 7, 9), (0, 3, 8, 2, 7, 4, 1, 5, 9, 6),
            (0, 1, 2, 3, 4, 5, 6, 7, 8, 9))  # fmt: skip
_ARTICLES = frozenset({"el", "la", "los", "las", "l'", "els", "les", "o", "a", "os", "as", "es"})


class TableError(ValueError):
    """The municipality table is broken at ``line`` (1-based) for ``reason``."""

    def __init__(self, line: int, reason: str) -> None:
        self.line = line
        self.reason = reason
        super().__init__(f"municipality table, line {line}: {reason}")


@dataclass(frozen=True, slots=True)
class Municipality:
    """One row: ``code`` is CPRO + CMUN (SES's ``codigoMunicipio``), ``name`` the INE's."""

    code: str
    name: str

    @property
    def province(self) -> str:
        return self.code[:2]

    @property
    def display_name(self) -> str:
        """The name as people write it: ``"Roda, La"`` -> ``"La Roda"`` (each part of a
        bilingual name turned round on its own)."""
        return "/".join(_article_first(part) for part in self.name.split("/"))


def _article_first(part: str) -> str:
    head, comma, article = part.rpartition(", ")
    if comma and article.lower() in _ARTICLES:
        return f"{article}{head}" if article.endswith("'") else f"{article} {head}"
    return part


def fold(text: str) -> str:
    """``text`` for matching: no accents, no case, single spaces (``"Ávila "`` -> ``"avila"``)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.replace("’", "'").split())


def control_digit(code: str) -> str:
    """The INE's control digit (``DC``) of a five-digit municipality code."""
    total = sum(_WEIGHTS[i % 3][int(c)] for i, c in enumerate(code))
    return str((10 - total % 10) % 10)


def province_of(postal_code: str) -> str:
    """The INE province (``"28"``) of a Spanish postal code (``"28013"``), or ``""`` if
    ``postal_code`` is not five digits starting 01-52."""
    code = postal_code.strip()
    if len(code) != 5 or not code.isascii() or not code.isdigit():
        return ""
    return code[:2] if 1 <= int(code[:2]) <= 52 else ""


def _valid_code(code: str) -> bool:
    return len(code) == 5 and code.isascii() and code.isdigit() and province_of(code) != ""


class MunicipalityTable:
    """The municipalities by code and by province (see the module)."""

    def __init__(self, rows: tuple[Municipality, ...]) -> None:
        self.rows = rows
        self._by_code = {m.code: m for m in rows}
        self._by_province: dict[str, list[tuple[Municipality, tuple[str, ...]]]] = {}
        for m in rows:
            names = tuple(dict.fromkeys(fold(n) for p in m.name.split("/") for n in _forms(p)))
            self._by_province.setdefault(m.province, []).append((m, names))

    def __len__(self) -> int:
        return len(self.rows)

    def get(self, code: str) -> Municipality | None:
        """The municipality with INE ``code`` (five digits), or None."""
        return self._by_code.get(code.strip())

    def matching(self, province: str, typed: str, limit: int = OFFERED) -> tuple[Municipality, ...]:
        """Up to ``limit`` municipalities of ``province`` whose name matches ``typed``:
        first those a name starts with, then those one of whose words starts with it,
        each alphabetically; nothing for nothing typed."""
        key = fold(typed)
        if not key:
            return ()
        starts, words = [], []
        for m, names in self._by_province.get(province, ()):
            if any(n.startswith(key) for n in names):
                starts.append(m)
            elif any(w.startswith(key) for n in names for w in _words(n)):
                words.append(m)
        ranked = sorted(starts, key=_order) + sorted(words, key=_order)
        return tuple(ranked[:limit])

    def code_for(self, province: str, name: str) -> str:
        """The code of the one municipality of ``province`` named ``name`` (any of its
        forms, accents and case aside), or ``""`` if none or several are."""
        key = fold(name)
        found = [m for m, names in self._by_province.get(province, ()) if key in names]
        return found[0].code if len(found) == 1 else ""


def _forms(part: str) -> tuple[str, ...]:
    """A name part as written by the INE and with its article in front."""
    turned = _article_first(part)
    return (part, turned) if turned != part else (part,)


def _words(name: str) -> list[str]:
    return name.replace("-", " ").replace("'", " ").split()


def _order(m: Municipality) -> str:
    return fold(m.display_name)


def parse_table(text: str) -> MunicipalityTable:
    """The table in ``text`` (the INE's columns ``CPRO,CMUN,DC,NOMBRE``, a header row
    first; ``#`` lines are comments).

    Raises:
        TableError: naming the first broken line.
    """
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    lines = [(n, line) for n, line in lines if not line.startswith("#")]
    if not lines:
        raise TableError(1, "no header")
    first, header = lines[0]
    if [c.strip() for c in header.split(",")] != list(COLUMNS):
        raise TableError(first, f"the header is not {','.join(COLUMNS)}")
    rows: list[Municipality] = []
    seen: set[str] = set()
    for number, line in lines[1:]:
        try:
            fields = next(csv.reader([line]))
        except csv.Error as error:
            raise TableError(number, f"not CSV: {error}") from None
        rows.append(_row(number, fields, seen))
    if not rows:
        raise TableError(first, "no municipalities")
    return MunicipalityTable(tuple(rows))


def _row(number: int, fields: list[str], seen: set[str]) -> Municipality:
    if len(fields) != len(COLUMNS):
        raise TableError(number, f"{len(fields)} fields, not {len(COLUMNS)}")
    province, local, digit, name = (f.strip() for f in fields)
    code = province + local
    if len(province) != 2 or len(local) != 3 or not _valid_code(code):
        raise TableError(number, f"{province!r} {local!r} is not a province 01-52 and 3 digits")
    if digit != control_digit(code):
        raise TableError(number, f"control digit {digit!r} is wrong for {code}")
    if not name or any(unicodedata.category(c).startswith("C") for c in name):
        raise TableError(number, "the name is empty or has control characters")
    if code in seen:
        raise TableError(number, f"{code} is listed twice")
    seen.add(code)
    return Municipality(code, name)


@cache
def default_table() -> MunicipalityTable:
    """The table shipped with the kiosk (read on first use, then kept).

    Raises:
        TableError: the shipped file is broken (a packaging fault).
    """
    source = importlib.resources.files(__package__ or __name__).joinpath(DATA_FILE)
    return parse_table(source.read_text(encoding="utf-8"))
