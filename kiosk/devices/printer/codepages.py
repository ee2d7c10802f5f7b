"""ESC/POS character code tables: the ``ESC t n`` slot numbers and the Python codecs.

python-escpos's "magic" encoder picks, per character, the first code page of the
profile that can encode it. Measured with the TM-T88V profile, the text
``"3,50 € ñ"`` comes out as ``ESC t 0 ... ESC t 15 0xA4 ESC t 0 ...``: the euro
sign sends the printer into ISO 8859-7 (Greek) and back, a switch per euro sign,
on a table that many printers implement only partly. We therefore select ONE
table for the whole receipt (``ESC t n`` once, via ``Escpos.charcode``) from the
configured code page; PC858 (slot 19) holds every letter of Spanish and French
plus the euro sign. Characters that table lacks are first stripped of their
accents (``ő`` -> ``o``) and only then printed as ``?``.

The same table serves the ESC/POS interpreter, which decodes the bytes it is
sent with whichever slot the stream selected.
"""

from __future__ import annotations

import codecs
import unicodedata

# Epson's standard slot numbers for ESC t n and the Python codec for each.
SLOT_CODECS: dict[int, str] = {
    0: "cp437",
    2: "cp850",
    3: "cp860",
    4: "cp863",
    5: "cp865",
    16: "cp1252",
    17: "cp866",
    18: "cp852",
    19: "cp858",
    40: "iso8859-15",
}
NAME_SLOTS: dict[str, int] = {
    "CP437": 0,
    "CP850": 2,
    "CP860": 3,
    "CP863": 4,
    "CP865": 5,
    "CP1252": 16,
    "CP866": 17,
    "CP852": 18,
    "CP858": 19,
    "ISO_8859-15": 40,
}
DEFAULT_CODE_PAGE = "CP858"

# Typography that no single-byte table has, replaced by the nearest ASCII.
_PLAIN = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "‘": "'",
        "’": "'",
        "–": "-",
        "—": "-",
        "…": "...",
        "œ": "oe",
        "Œ": "OE",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
    }
)


def codec_for_slot(slot: int) -> str:
    """The Python codec of ``ESC t slot``; CP437 (the power-on table) for unknown slots."""
    return SLOT_CODECS.get(slot, "cp437")


def printable(text: str, codec: str) -> str:
    """Return ``text`` with every character the table ``codec`` lacks replaced.

    Typographic quotes and dashes become ASCII, accented letters lose their accent,
    and anything still not encodable becomes ``?``. Control characters become spaces
    so a receipt line can never smuggle an ESC/POS command.
    """
    out: list[str] = []
    for char in text.translate(_PLAIN):
        if ord(char) < 32 or ord(char) == 127:
            out.append(" ")
        elif _encodable(char, codec):
            out.append(char)
        else:
            base = unicodedata.normalize("NFKD", char)
            base = "".join(c for c in base if not unicodedata.combining(c))
            out.append(base if base and all(_encodable(c, codec) for c in base) else "?")
    return "".join(out)


def _encodable(char: str, codec: str) -> bool:
    try:
        codecs.encode(char, codec)
    except UnicodeEncodeError:
        return False
    return True
