"""GTIN numbers: check digits, UPC-E expansion and normalisation to GTIN-14.

A GTIN is 8, 12, 13 or 14 digits whose last digit is a mod-10 check digit
(weights 3,1,3,... from the right). Every form is stored and looked up as
GTIN-14: left-padded with zeros. UPC-E (8 digits, number system 0 or 1) is a
zero-suppressed UPC-A and is expanded before it is padded; :func:`compress_upca`
is its inverse.
"""

from __future__ import annotations

GTIN_LENGTHS = (8, 12, 13, 14)


class BarcodeError(ValueError):
    """A barcode that cannot be read as what it claims to be; the message says why."""


class NotAProductCode(BarcodeError):
    """A code read correctly that names no trade item (a URL, a badge, a pallet's SSCC).

    The message says what kind of code it was, never its data (which may be personal);
    ``message_key`` is what the shopper is told (a key of the lane's messages).
    """

    message_key = "scan.not_a_product"


def check_digit(body: str) -> int:
    """The GS1 mod-10 check digit for ``body`` (all digits but the check digit).

    Raises:
        BarcodeError: if ``body`` is empty or not all ASCII digits.
    """
    if not body or not (body.isascii() and body.isdigit()):
        raise BarcodeError(f"check digit needs digits, got {body!r}")
    total = 0
    for position, char in enumerate(reversed(body)):
        total += int(char) * (3 if position % 2 == 0 else 1)
    return (10 - total % 10) % 10


def is_valid_gtin(code: str) -> bool:
    """True if ``code`` is a GTIN-8/12/13/14 with a correct check digit."""
    if len(code) not in GTIN_LENGTHS or not (code.isascii() and code.isdigit()):
        return False
    return check_digit(code[:-1]) == int(code[-1])


def expand_upce(code: str) -> str:
    """Expand an 8-digit UPC-E (number system 0 or 1, with check digit) to UPC-A.

    Raises:
        BarcodeError: if the code is not 8 digits, has number system 2-9,
            or its check digit is wrong.
    """
    if len(code) != 8 or not (code.isascii() and code.isdigit()):
        raise BarcodeError(f"UPC-E must be 8 digits, got {code!r}")
    system, d, check = code[0], code[1:7], code[7]
    if system not in "01":
        raise BarcodeError(f"UPC-E number system must be 0 or 1, got {system} in {code!r}")
    last = d[5]
    if last in "012":
        body = d[0:2] + last + "0000" + d[2:5]
    elif last == "3":
        body = d[0:3] + "00000" + d[3:5]
    elif last == "4":
        body = d[0:4] + "00000" + d[4]
    else:
        body = d[0:5] + "0000" + last
    upca = system + body + check
    if check_digit(upca[:-1]) != int(check):
        raise BarcodeError(f"UPC-E {code!r}: check digit {check} is wrong")
    return upca


def to_gtin14(code: str, *, allow_upce: bool = False) -> str:
    """Normalise a GTIN-8/12/13/14 (or, with ``allow_upce``, a UPC-E) to 14 digits.

    An 8-digit code is EAN-8 unless ``allow_upce`` is set and it is not a valid
    EAN-8 but is a valid UPC-E (scanners that report the symbology should pass
    the matching flag instead of relying on this guess).

    Raises:
        BarcodeError: wrong length, non-digits, or a wrong check digit.
    """
    code = code.strip()
    if not (code.isascii() and code.isdigit()):
        raise BarcodeError(f"GTIN must be digits only, got {code!r}")
    if len(code) not in GTIN_LENGTHS:
        raise BarcodeError(f"GTIN must be 8, 12, 13 or 14 digits, got {len(code)} in {code!r}")
    if len(code) == 8 and allow_upce and not is_valid_gtin(code):
        return expand_upce(code).zfill(14)
    if not is_valid_gtin(code):
        expected = check_digit(code[:-1])
        raise BarcodeError(f"GTIN {code!r}: check digit {code[-1]} is wrong, expected {expected}")
    return code.zfill(14)


def compress_upca(upca: str) -> str | None:
    """The 8-digit UPC-E for a 12-digit UPC-A, or None if it has no zero-suppressed form.

    The inverse of :func:`expand_upce`: ``expand_upce(compress_upca(a)) == a``
    whenever the result is not None.

    Raises:
        BarcodeError: if ``upca`` is not a valid 12-digit UPC-A.
    """
    if len(upca) != 12 or not is_valid_gtin(upca):
        raise BarcodeError(f"UPC-A must be 12 digits with a correct check digit, got {upca!r}")
    system, maker, item, check = upca[0], upca[1:6], upca[6:11], upca[11]
    if system not in "01":
        return None
    if maker[2] in "012" and maker[3:] == "00" and item[:2] == "00":
        middle = maker[:2] + item[2:] + maker[2]
    elif maker[3:] == "00" and item[:3] == "000":
        middle = maker[:3] + item[3:] + "3"
    elif maker[4] == "0" and item[:4] == "0000":
        middle = maker[:4] + item[4] + "4"
    elif item[:4] == "0000" and item[4] in "56789":
        middle = maker + item[4]
    else:
        return None
    return system + middle + check
