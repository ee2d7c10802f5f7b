"""Does a travel document's name belong to a booked passenger? Tolerant matching.

Theory of operation. A booking's name was typed by a person or an agency; an
MRZ name was written by the issuing state under ICAO 9303's rules: upper-case
A-Z only, national characters transliterated (``Ä`` -> ``AE``, ``ß`` -> ``SS``,
``Ø`` -> ``OE``, ``Å`` -> ``AA``, accents dropped), hyphens and blanks as ``<``,
apostrophes dropped, and the name cut when its field is full. So both names are
brought to one *key* before comparing:

1. :func:`fold`: national letters to their ICAO transliteration, accents dropped
   (Unicode decomposition), anything but A-Z becomes a blank, apostrophes vanish;
2. :func:`loose`: the folded text with the two-letter transliterations made one
   letter (``AE`` -> ``A``, ``OE`` -> ``O``, ``UE`` -> ``U``, ``AA`` -> ``A``; not
   ``SS``, which both sides spell out for ``ß``, so ``ERIKSON`` stays apart from
   ``ERIKSSON``), so ``MÜLLER`` (booked), ``MULLER`` (typed) and ``MUELLER``
   (MRZ) agree; this may make rare different names equal (``JOEL`` and ``JOL``),
   an accepted cost next to sending a traveller to the desk for an umlaut.

Then :func:`names_match`: the surnames' keys (blanks removed: ``VAN DER BERG`` is
``VANDERBERG``) are equal, or, when the MRZ name was truncated, the booked key
starts with the document's; the given names match as sets of words in any order,
one side may hold extra names (a middle name left out of the booking), names run
together count (``ANNAMARIA`` is ``ANNA MARIA``), and the document's last word
may be cut short when truncated. An empty given name on the booking matches any.
"""

from __future__ import annotations

import re
import unicodedata

#: Letters that decomposition does not reduce to A-Z, as ICAO 9303 transliterates them.
_SPECIAL = {
    "Ä": "AE",
    "Ö": "OE",
    "Ü": "UE",
    "ß": "SS",
    "ẞ": "SS",
    "Ø": "OE",
    "Å": "AA",
    "Æ": "AE",
    "Œ": "OE",
    "Þ": "TH",
    "Ð": "D",
    "Đ": "D",
    "Ł": "L",
    "Ħ": "H",
    "İ": "I",
    "ı": "I",
}
_NOT_LETTER = re.compile(r"[^A-Z]+")
_PAIRS = (("AE", "A"), ("OE", "O"), ("UE", "U"), ("AA", "A"))


def fold(text: str) -> str:
    """``text`` in upper-case A-Z words separated by single blanks (see the module)."""
    out: list[str] = []
    for char in text.upper().replace("'", "").replace("’", ""):
        if char in _SPECIAL:
            out.append(_SPECIAL[char])
            continue
        base = unicodedata.normalize("NFKD", char)
        out.append("".join(c for c in base if not unicodedata.combining(c)))
    return _NOT_LETTER.sub(" ", "".join(out).upper()).strip()


def loose(text: str) -> str:
    """The folded ``text`` with two-letter transliterations made one letter."""
    key = fold(text)
    for pair, single in _PAIRS:
        key = key.replace(pair, single)
    return key


def _surname_matches(booked: str, document: str, truncated: bool) -> bool:
    want = loose(booked).replace(" ", "")
    got = loose(document).replace(" ", "")
    if not want or not got:
        return False
    if want == got:
        return True
    return truncated and len(got) >= 2 and want.startswith(got)


def _given_matches(booked: str, document: str, truncated: bool) -> bool:
    want = loose(booked).split()
    got = loose(document).split()
    if not want:
        return True  # a booking without given names (a mononym, or a name never typed)
    if not got:
        return truncated  # the surname filled the field: no room was left for given names
    if "".join(want) == "".join(got):
        return True
    if truncated and "".join(want).startswith("".join(got)):
        return True
    cut = got[-1] if truncated else None
    whole = got[:-1] if truncated else got

    def found(word: str) -> bool:
        return word in whole or (cut is not None and word.startswith(cut))

    if all(found(word) for word in want):
        return True  # the document has extra names, or the same ones in another order
    return all(
        word in want or (word == cut and any(w.startswith(cut) for w in want)) for word in got
    )


def names_match(
    surname: str, given_names: str, doc_surname: str, doc_given_names: str, truncated: bool = False
) -> bool:
    """True when the document's name (MRZ primary and secondary identifiers) is the booked
    passenger's ``surname`` / ``given_names``, under the rules of the module docstring."""
    return _surname_matches(surname, doc_surname, truncated) and _given_matches(
        given_names, doc_given_names, truncated
    )
