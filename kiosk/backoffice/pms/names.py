"""Match a name as the guest typed it or as an ID's MRZ prints it against the booking's.

A booking says "García López", "Müller", "Søren"; an MRZ (ICAO 9303) prints
GARCIA<LOPEZ, MUELLER or MULLER, SOEREN; a kiosk keyboard may have no accents.
:func:`name_keys` turns a name into its comparable forms (upper case A-Z words,
diacritics dropped, with the ICAO alternatives for Ä Ö Ü Å as a second form), and
:func:`surnames_match` / :func:`given_names_match` compare them. A Spanish guest
may give one of two surnames, so a surname matches when every word of the
shorter one is in the longer. Pure functions; no I/O.
"""

from __future__ import annotations

import unicodedata

#: Letters that are not a base letter plus a combining mark (ICAO 9303 Part 3, 6.A).
_SPECIAL = {
    "ß": "SS",
    "Æ": "AE",
    "Ø": "OE",
    "Œ": "OE",
    "Þ": "TH",
    "Ð": "D",
    "Ł": "L",
    "Ħ": "H",
    "Ĳ": "IJ",
}
#: The ICAO alternatives that spell out the diacritic instead of dropping it.
_EXPANDED = {"Ä": "AE", "Ö": "OE", "Ü": "UE", "Å": "AA"}


def _fold(text: str, expand: bool) -> str:
    out = []
    for char in text.upper():
        if expand and char in _EXPANDED:
            out.append(_EXPANDED[char])
        elif char in _SPECIAL:
            out.append(_SPECIAL[char])
        else:
            base = unicodedata.normalize("NFKD", char)
            out.append("".join(c for c in base if not unicodedata.combining(c)))
    letters = "".join(c if "A" <= c <= "Z" else " " for c in "".join(out))
    return " ".join(letters.split())


def name_keys(text: str) -> frozenset[str]:
    """The comparable forms of a name ("Müller" -> {"MULLER", "MUELLER"}); empty if no letters."""
    keys = {_fold(text, expand=False), _fold(text, expand=True)}
    return frozenset(key for key in keys if key)


def _words_within(shorter: str, longer: str) -> bool:
    return set(shorter.split()) <= set(longer.split())


def surnames_match(a: str, b: str) -> bool:
    """Same surname, or one of two surnames ("GARCIA" ~ "García López")."""
    for key_a in name_keys(a):
        for key_b in name_keys(b):
            short, long = sorted((key_a, key_b), key=len)
            if _words_within(short, long):
                return True
    return False


def given_names_match(a: str, b: str) -> bool:
    """True if the given names share a word ("ANA MARIA" ~ "Ana"), or either is empty."""
    keys_a, keys_b = name_keys(a), name_keys(b)
    if not keys_a or not keys_b:
        return True
    return any(set(x.split()) & set(y.split()) for x in keys_a for y in keys_b)
