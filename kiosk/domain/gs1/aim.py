"""AIM symbology identifiers: the ``]Cm`` prefix a scanner puts before the data.

ISO/IEC 15424 lets a scanner announce what it read with three characters: ``]``,
a code character naming the symbology and a modifier character. Scanners set up
to send them give the lane two facts it cannot guess reliably from the data:
whether the symbol carried GS1 data (FNC1 in first position: ``]C1``, ``]d2``,
``]Q3``, ``]e0``...) and, for 8-digit EAN/UPC codes, whether it was an EAN-8
(``]E4``) or a UPC-E (``]E0``). This module owns that table and nothing else:
:func:`split_symbology` strips the prefix and says what it means.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Symbology(enum.Enum):
    """The kind of symbol a code came from, as far as the lane cares."""

    EAN_UPC = "ean-upc"  # EAN-13, UPC-A, UPC-E (]E0)
    EAN8 = "ean-8"  # ]E4
    EAN_ADDON = "ean-add-on"  # ]E1/]E2: an add-on alone; ]E3: main symbol + add-on
    GS1_128 = "gs1-128"
    CODE128 = "code-128"
    GS1_DATABAR = "gs1-databar"
    QR = "qr"
    GS1_QR = "gs1-qr"
    DATAMATRIX = "datamatrix"
    GS1_DATAMATRIX = "gs1-datamatrix"
    PDF417 = "pdf417"
    AZTEC = "aztec"
    GS1_AZTEC = "gs1-aztec"
    ITF = "itf"
    CODE39 = "code-39"
    CODE93 = "code-93"
    CODABAR = "codabar"
    DOTCODE = "dotcode"
    GS1_DOTCODE = "gs1-dotcode"
    OTHER = "other"  # an AIM identifier this table does not know
    UNKNOWN = "unknown"  # no AIM identifier: the scanner did not say


@dataclass(frozen=True, slots=True)
class SymbologyId:
    """What the AIM prefix said.

    Attributes:
        aim: the three characters as received (``"]E0"``), or ``""`` when absent.
        symbology: the symbol family.
        gs1: True if the identifier itself says the data is a GS1 element string
            (FNC1 in first position); False says nothing about digital links in QR.
    """

    aim: str
    symbology: Symbology
    gs1: bool = False


_S = Symbology
# (code character, modifier) -> (symbology, carries GS1 element strings)
_TABLE: dict[tuple[str, str], tuple[Symbology, bool]] = {
    ("E", "0"): (_S.EAN_UPC, False),
    ("E", "1"): (_S.EAN_ADDON, False),
    ("E", "2"): (_S.EAN_ADDON, False),
    ("E", "3"): (_S.EAN_ADDON, False),
    ("E", "4"): (_S.EAN8, False),
    ("C", "0"): (_S.CODE128, False),
    ("C", "1"): (_S.GS1_128, True),
    ("C", "2"): (_S.CODE128, False),  # FNC1 in second position: an AIM application, not GS1
    ("C", "4"): (_S.CODE128, False),
    ("e", "0"): (_S.GS1_DATABAR, True),
    ("e", "1"): (_S.GS1_DATABAR, True),
    ("e", "2"): (_S.GS1_DATABAR, True),
    ("e", "3"): (_S.GS1_DATABAR, True),
    ("Q", "0"): (_S.QR, False),
    ("Q", "1"): (_S.QR, False),
    ("Q", "2"): (_S.QR, False),
    ("Q", "3"): (_S.GS1_QR, True),
    ("Q", "4"): (_S.GS1_QR, True),
    ("Q", "5"): (_S.QR, False),
    ("Q", "6"): (_S.QR, False),
    ("d", "0"): (_S.DATAMATRIX, False),
    ("d", "1"): (_S.DATAMATRIX, False),
    ("d", "2"): (_S.GS1_DATAMATRIX, True),
    ("d", "3"): (_S.DATAMATRIX, False),
    ("d", "4"): (_S.GS1_DATAMATRIX, True),
    ("d", "5"): (_S.DATAMATRIX, False),
    ("d", "6"): (_S.DATAMATRIX, False),
    ("z", "1"): (_S.GS1_AZTEC, True),
    ("z", "4"): (_S.GS1_AZTEC, True),
    ("J", "1"): (_S.GS1_DOTCODE, True),
}
# Code characters whose every modifier means the same family.
_FAMILIES: dict[str, Symbology] = {
    "L": _S.PDF417,
    "z": _S.AZTEC,
    "I": _S.ITF,
    "A": _S.CODE39,
    "G": _S.CODE93,
    "F": _S.CODABAR,
    "J": _S.DOTCODE,
    "C": _S.CODE128,
    "Q": _S.QR,
    "d": _S.DATAMATRIX,
    "e": _S.GS1_DATABAR,
}
# Modifiers are 0-9, A-Z (some symbologies use letters for option sums).
_MODIFIERS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_CODE_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

NO_AIM = SymbologyId("", Symbology.UNKNOWN)


def split_symbology(raw: str) -> tuple[SymbologyId, str]:
    """Strip a leading AIM symbology identifier from ``raw``.

    Returns the identifier (``NO_AIM`` when ``raw`` does not start with one) and
    the data after it. An identifier with a code character this table does not
    know is still stripped and reported as ``Symbology.OTHER``.
    Never raises.
    """
    if len(raw) < 3 or raw[0] != "]" or raw[1] not in _CODE_CHARS or raw[2] not in _MODIFIERS:
        return NO_AIM, raw
    aim, code, modifier = raw[:3], raw[1], raw[2]
    known = _TABLE.get((code, modifier))
    if known is not None:
        return SymbologyId(aim, known[0], known[1]), raw[3:]
    family = _FAMILIES.get(code, Symbology.OTHER)
    return SymbologyId(aim, family, False), raw[3:]
