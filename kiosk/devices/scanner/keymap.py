"""Linux key codes -> characters for keyboard-wedge scanners (US and ES layouts). Pure.

A wedge scanner "types" each character with the key the host's layout
needs for it, so the same key code means ``-`` on a US layout and ``'`` on a
Spanish one: the lane's layout must be configured to match the scanner's.
A :class:`Keymap` maps a key code to (plain, shift, AltGr) characters; an
entry that is a combining mark (U+0300...) is a dead key, combined by
:func:`compose` with the next character. Codes are from
``linux/input-event-codes.h``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

KEY_ESC, KEY_TAB, KEY_ENTER, KEY_KPENTER = 1, 15, 28, 96
KEY_LEFTCTRL, KEY_RIGHTCTRL = 29, 97
KEY_LEFTSHIFT, KEY_RIGHTSHIFT = 42, 54
KEY_LEFTALT, KEY_RIGHTALT = 56, 100
KEY_CAPSLOCK, KEY_SPACE = 58, 57
KEY_LEFTBRACE, KEY_RIGHTBRACE, KEY_BACKSLASH, KEY_6 = 26, 27, 43, 7

_DIGIT_ROW = range(2, 12)  # KEY_1 .. KEY_0
_LETTER_ROWS = {16: "qwertyuiop", 30: "asdfghjkl", 44: "zxcvbnm"}
_KEYPAD = {
    71: "7",
    72: "8",
    73: "9",
    74: "-",
    75: "4",
    76: "5",
    77: "6",
    78: "+",
    79: "1",
    80: "2",
    81: "3",
    82: "0",
    83: ".",
    55: "*",
    98: "/",
}

DEAD_GRAVE, DEAD_ACUTE, DEAD_CIRCUMFLEX, DEAD_DIAERESIS = "\u0300", "\u0301", "\u0302", "\u0308"
SPACING = {DEAD_GRAVE: "`", DEAD_ACUTE: "´", DEAD_CIRCUMFLEX: "^", DEAD_DIAERESIS: "¨"}

Entry = tuple[str, str, str]  # plain, shift, AltGr ("" = nothing)


def _base() -> dict[int, Entry]:
    table: dict[int, Entry] = {}
    for first, letters in _LETTER_ROWS.items():
        for offset, letter in enumerate(letters):
            table[first + offset] = (letter, letter.upper(), "")
    table[KEY_SPACE] = (" ", " ", " ")
    table.update({code: (char, char, "") for code, char in _KEYPAD.items()})
    return table


def _rows(
    table: dict[int, Entry], codes: list[int], plain: str, shift: str, altgr: str = ""
) -> None:
    altgr = altgr.ljust(len(codes))
    for code, p, s, a in zip(codes, plain, shift, altgr, strict=True):
        table[code] = (p, s, a.strip())


@dataclass(frozen=True)
class Keymap:
    """A layout: ``table[code] = (plain, shift, AltGr)``."""

    name: str
    table: dict[int, Entry]

    def char(
        self, code: int, shift: bool = False, altgr: bool = False, capslock: bool = False
    ) -> str:
        """The character (or dead-key combining mark) for ``code``; "" if none."""
        entry = self.table.get(code)
        if entry is None:
            return ""
        plain, shifted, alt = entry
        if altgr:
            return alt
        if capslock and plain.isalpha() and len(plain) == 1:
            shift = not shift
        return shifted if shift else plain


def _us() -> Keymap:
    table = _base()
    _rows(table, [*_DIGIT_ROW, 12, 13], "1234567890-=", "!@#$%^&*()_+")
    _rows(table, [26, 27, 39, 40, 41, 43, 51, 52, 53], "[];'`\\,./", '{}:"~|<>?')
    return Keymap("us", table)


def _es() -> Keymap:
    table = _base()
    _rows(table, [*_DIGIT_ROW, 12, 13], "1234567890'¡", '!"·$%&/()=?¿', "|@#~€¬")
    table[41] = ("º", "ª", "\\")
    table[26] = (DEAD_GRAVE, DEAD_CIRCUMFLEX, "[")
    table[27] = ("+", "*", "]")
    table[39] = ("ñ", "Ñ", "")
    table[40] = (DEAD_ACUTE, DEAD_DIAERESIS, "{")
    table[43] = ("ç", "Ç", "}")
    table[86] = ("<", ">", "")
    _rows(table, [51, 52, 53], ",.-", ";:_")
    table[18] = ("e", "E", "€")
    return Keymap("es", table)


LAYOUTS: dict[str, Keymap] = {"us": _us(), "es": _es()}

#: Ctrl + key -> control character, by key position (how wedge scanners send GS for GS1).
CONTROL_KEYS = {
    KEY_LEFTBRACE: "\x1b",
    KEY_BACKSLASH: "\x1c",
    KEY_RIGHTBRACE: "\x1d",
    KEY_6: "\x1e",
    KEY_TAB: "\t",
}


def is_dead(char: str) -> bool:
    """True for a dead key's combining mark."""
    return len(char) == 1 and unicodedata.combining(char) > 0


def compose(dead: str, char: str) -> str:
    """Apply dead key ``dead`` to ``char``: ('\u0301', 'a') -> 'á'; space -> the
    accent itself; a character it does not combine with -> accent + character."""
    if char == " ":
        return SPACING[dead]
    combined = unicodedata.normalize("NFC", char + dead)
    if len(combined) == 1:
        return combined
    return SPACING[dead] + char


def control_char(code: int, keymap: Keymap) -> str:
    """The control character Ctrl+``code`` types: letters -> 0x01..0x1A, GS1 keys."""
    if code in CONTROL_KEYS:
        return CONTROL_KEYS[code]
    letter = keymap.table.get(code, ("", "", ""))[0]
    if len(letter) == 1 and "a" <= letter <= "z":
        return chr(ord(letter) - ord("a") + 1)
    return ""


def keys_for(text: str, keymap: Keymap) -> list[tuple[int, bool, bool]]:
    """The (code, shift, AltGr) presses that type ``text`` (used by tests and simulators).

    Raises:
        ValueError: a character the layout cannot type directly.
    """
    reverse: dict[str, tuple[int, bool, bool]] = {}
    for code, (plain, shifted, alt) in sorted(keymap.table.items(), reverse=True):
        for char, shift, altgr in (
            (alt, False, True),
            (shifted, True, False),
            (plain, False, False),
        ):
            if char and not is_dead(char):
                reverse[char] = (code, shift, altgr)
    try:
        return [reverse[c] for c in text]
    except KeyError as error:
        raise ValueError(f"{keymap.name} layout cannot type {error.args[0]!r}") from None
