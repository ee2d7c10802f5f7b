"""Pectabs (parametric tables): the layouts an AEA printer keeps, and their text form.

A :class:`Pectab` is a grid (rows ``A``..., columns 1...) with numbered
elements: a :class:`TextElement` prints its field at one or more positions in
a font, a :class:`BarcodeElement` prints its field as PDF417 or Interleaved 2
of 5. :func:`pectab_text` writes the upload command (``PT##?...`` for a
boarding pass printer, ``BTT...`` for a bag tag printer; see the package
docstring for the syntax and its sources) and :func:`parse_pectab` reads one
back, raising :class:`PectabError` that names the element and what is wrong.
The simulator keeps what it parsed; the driver uploads what it built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kiosk.devices.errors import DeviceError

ATB = "atb"
BTP = "btp"
FONTS = "ABCDE"  # A normal, B bold, C double, D triple, E quadruple size
SYMBOLOGIES = {"P": "pdf417", "I": "itf"}
_ID = re.compile(r"[0-9A-Z]{2}")
_NUMBER = re.compile(r"[0-9A-F]{2}")


class PectabError(DeviceError, ValueError):
    """A pectab (or a field for one) that cannot be written or read; the message says where."""


@dataclass(frozen=True, slots=True)
class Position:
    row: str  # "A"...
    column: int  # 1-99

    @property
    def row_index(self) -> int:
        return ord(self.row) - ord("A")

    def text(self) -> str:
        return f"{self.row}{self.column:02d}"


@dataclass(frozen=True, slots=True)
class TextElement:
    number: str  # two hex digits, "02"..."FF" ("01" names the pectab in a CP command)
    length: int
    positions: tuple[Position, ...]
    font: str = "A"

    def text(self) -> str:
        return (
            f"{self.number}{self.length:02d}{''.join(p.text() for p in self.positions)}{self.font}"
        )


@dataclass(frozen=True, slots=True)
class BarcodeElement:
    number: str
    symbology: str  # "P" PDF417, "I" Interleaved 2 of 5
    position: Position
    module: int  # narrowest bar, in dots
    height: int  # in grid rows

    def text(self) -> str:
        size = f"{self.module:02d}{self.height:02d}"
        return f"{self.number}B{self.symbology}{self.position.text()}{size}"


Element = TextElement | BarcodeElement


@dataclass(frozen=True, slots=True)
class Pectab:
    """A layout: ``kind`` ATB or BTP, ``ident`` (2 characters), ``version``
    (1 letter on an ATB, 2 digits on a BTP), a grid of ``columns`` x ``rows``."""

    kind: str
    ident: str
    version: str
    elements: tuple[Element, ...]
    titles: tuple[str, str, str] = ("TICKT", "CHKIN", "BOARD")
    columns: int = 72
    rows: int = 18

    @property
    def key(self) -> str:
        """What a print command names and ``PS`` lists: id + version."""
        return self.ident + self.version

    def element(self, number: str) -> Element | None:
        for element in self.elements:
            if element.number == number:
                return element
        return None


def pectab_text(pectab: Pectab) -> str:
    """The upload command for ``pectab``. Raises PectabError for an id, version or title
    the syntax cannot carry."""
    _check_header(pectab.kind, pectab.ident, pectab.version)
    body = "".join(element.text() + "#" for element in pectab.elements)
    if pectab.kind == ATB:
        for title in pectab.titles:
            if "#" in title or not title.isprintable():
                raise PectabError(f"pectab {pectab.key}: title {title!r} must be printable, no '#'")
        return f"PT##?{pectab.key}#@;#{'#'.join(pectab.titles)}#{body}"
    return f"BTT{pectab.key}#{body}"


def _check_header(kind: str, ident: str, version: str) -> None:
    if kind not in (ATB, BTP):
        raise PectabError(f"pectab kind {kind!r}: expected {ATB!r} or {BTP!r}")
    if not _ID.fullmatch(ident):
        raise PectabError(f"pectab id {ident!r}: expected 2 characters 0-9 A-Z")
    good = version.isalpha() and len(version) == 1 if kind == ATB else len(version) == 2
    if not good or not version.isascii() or not version.isalnum() or version != version.upper():
        what = "one letter A-Z" if kind == ATB else "two digits"
        raise PectabError(f"pectab {ident} version {version!r}: expected {what}")
    if kind == BTP and not version.isdigit():
        raise PectabError(f"pectab {ident} version {version!r}: expected two digits")


def parse_pectab(text: str, kind: str, columns: int = 72, rows: int = 18) -> Pectab:
    """Read an upload command (``PT##?...`` when ``kind`` is ATB, ``BTT...`` for BTP).

    Raises:
        PectabError: naming the header or the element (its index and text) that is wrong.
    """
    if kind == ATB:
        if not text.startswith("PT##?"):
            raise PectabError(f"ATB pectab must start 'PT##?', got {text[:8]!r}")
        parts = text[5:].split("#")
        if len(parts) < 5 or parts[1] != "@;":
            raise PectabError("ATB pectab header: expected 'PT##?<id><ver>#@;#t1#t2#t3#'")
        key, titles, elements = parts[0], (parts[2], parts[3], parts[4]), parts[5:]
        ident, version = key[:2], key[2:]
    else:
        if not text.startswith("BTT"):
            raise PectabError(f"BTP pectab must start 'BTT', got {text[:8]!r}")
        parts = text[3:].split("#")
        key, elements, titles = parts[0], parts[1:], ("", "", "")
        ident, version = key[:2], key[2:]
    _check_header(kind, ident, version)
    if elements and elements[-1] == "":
        elements = elements[:-1]  # the final '#'
    parsed: list[Element] = []
    seen: set[str] = set()
    for index, item in enumerate(elements):
        element = _parse_element(item, index, rows, columns)
        if element.number in seen:
            raise PectabError(f"element {index} ({item!r}): number {element.number} defined twice")
        seen.add(element.number)
        parsed.append(element)
    return Pectab(kind, ident, version, tuple(parsed), titles, columns, rows)


def _parse_element(item: str, index: int, rows: int, columns: int) -> Element:
    where = f"element {index} ({item[:40]!r})"
    if len(item) < 5 or not _NUMBER.fullmatch(item[:2]):
        raise PectabError(f"{where}: expected two hex digits and a definition")
    number = item[:2]
    if item[2] == "B" and len(item) == 11 and item[3] in SYMBOLOGIES:
        position = _position(item[4:7], where, rows, columns)
        if not item[7:11].isdigit():
            raise PectabError(f"{where}: barcode module and height must be 4 digits")
        module, height = int(item[7:9]), int(item[9:11])
        if not 1 <= module <= 20 or not 1 <= height <= rows:
            raise PectabError(f"{where}: module {module} (1-20) or height {height} (1-{rows})")
        return BarcodeElement(number, item[3], position, module, height)
    if not item[2:4].isdigit() or int(item[2:4]) == 0:
        raise PectabError(f"{where}: length must be 2 digits, 01-99")
    length, rest = int(item[2:4]), item[4:]
    if len(rest) < 4 or (len(rest) - 1) % 3 or rest[-1] not in FONTS:
        raise PectabError(f"{where}: expected positions (row letter + 2 digits) and a font {FONTS}")
    positions = tuple(
        _position(rest[i : i + 3], where, rows, columns) for i in range(0, len(rest) - 1, 3)
    )
    return TextElement(number, length, positions, rest[-1])


def _position(text: str, where: str, rows: int, columns: int) -> Position:
    if len(text) != 3 or not ("A" <= text[0] <= "Z") or not text[1:].isdigit():
        raise PectabError(f"{where}: position {text!r} is not a row letter and 2 digits")
    position = Position(text[0], int(text[1:]))
    if position.row_index >= rows or not 1 <= position.column <= columns:
        raise PectabError(f"{where}: position {text} is outside the {columns}x{rows} grid")
    return position
