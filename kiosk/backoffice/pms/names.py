"""Match a name as the guest typed it or as an ID's MRZ prints it against the booking's.

A booking says "García López", "Müller", "Søren"; an MRZ (ICAO 9303) prints
GARCIA<LOPEZ, MUELLER or MULLER, SOEREN; a kiosk keyboard may have no accents.
:func:`name_keys` turns a name into its comparable forms (the travel documents' ICAO
9303 folding, :mod:`kiosk.domain.travel.names`: as printed, and with the two-letter
transliterations of Ä Ö Ü Å made one letter), and
:func:`surnames_match` / :func:`given_names_match` compare them. A Spanish guest
may give one of two surnames, so a surname matches when every word of the
shorter one is in the longer. Pure functions; no I/O.
"""

from __future__ import annotations

from kiosk.domain.travel.names import fold, loose


def name_keys(text: str) -> frozenset[str]:
    """The comparable forms of a name ("Müller" -> {"MULLER", "MUELLER"}); empty if no letters."""
    # ICAO drops an apostrophe (OBRIEN); some states print it as a filler (O<BRIEN)
    spaced = text.replace("'", " ").replace("\u2019", " ")
    keys = {loose(text), fold(text), loose(spaced), fold(spaced)}
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
