"""The sample documents the document reader simulator presents (ICAO specimen state ``UTO``).

They match the DCS simulator's demo bookings (see the airport contract): Anna
and Lars Eriksson on booking ``KX7Q2M``, Anna's expired passport and her TD1
ID card, a stranger who is on no booking, and Kenji Nakamura whose trip needs a
visa. Every document is written by :func:`kiosk.domain.travel.format_mrz`, so
its check digits hold and :func:`kiosk.domain.travel.parse_mrz` reads it back;
``garbled`` is Anna's passport with a wrong birth date check digit, which
``parse_mrz`` refuses. Specimens only: no real person's MRZ is in the code.

``SAMPLE_DOCUMENTS`` maps a name (what the simulator and the demo type) to the
MRZ lines, top to bottom.
"""

from __future__ import annotations

from datetime import date

from kiosk.domain.travel import MrzDocument, format_mrz

GARBLED = "garbled"


def _document(
    *,
    primary: str,
    secondary: str,
    number: str,
    born: date,
    sex: str,
    expires: date,
    optional: str = "",
    state: str = "UTO",
    fmt: str = "TD3",
    code: str = "P",
) -> tuple[str, ...]:
    document = MrzDocument(
        format=fmt,
        document_code=code,
        issuing_state=state,
        primary_name=primary,
        secondary_name=secondary,
        name_truncated=False,
        document_number=number,
        nationality=state,
        birth_date_text=born.strftime("%y%m%d"),
        birth_date=born,
        sex=sex,
        expiry_date_text=expires.strftime("%y%m%d"),
        expiry_date=expires,
        optional_data=optional,
    )
    return tuple(format_mrz(document))


def _garble(lines: tuple[str, ...]) -> tuple[str, ...]:
    """``lines`` with the TD3 birth date check digit (line 2, column 20) off by one."""
    second = lines[1]
    wrong = str((int(second[19]) + 1) % 10)
    return (lines[0], second[:19] + wrong + second[20:])


_ANNA = _document(
    primary="ERIKSSON",
    secondary="ANNA MARIA",
    number="L898902C3",
    born=date(1974, 8, 12),
    sex="F",
    expires=date(2032, 4, 15),
    optional="ZE184226B",
)

SAMPLE_DOCUMENTS: dict[str, tuple[str, ...]] = {
    "anna": _ANNA,
    "lars": _document(
        primary="ERIKSSON",
        secondary="LARS",
        number="L898902D4",
        born=date(1972, 3, 1),
        sex="M",
        expires=date(2031, 9, 30),
    ),
    "anna_expired": _document(
        primary="ERIKSSON",
        secondary="ANNA MARIA",
        number="L898902C3",
        born=date(1974, 8, 12),
        sex="F",
        expires=date(2012, 4, 15),
        optional="ZE184226B",
    ),
    "stranger": _document(
        primary="SMITH",
        secondary="JOHN",
        number="X43219876",
        born=date(1980, 1, 20),
        sex="M",
        expires=date(2030, 6, 30),
    ),
    "kenji": _document(
        primary="NAKAMURA",
        secondary="KENJI",
        number="TK1234567",
        born=date(1985, 5, 5),
        sex="M",
        expires=date(2033, 5, 4),
        state="JPN",
    ),
    "td1_card": _document(
        primary="ERIKSSON",
        secondary="ANNA MARIA",
        number="D23145890",
        born=date(1974, 8, 12),
        sex="F",
        expires=date(2031, 4, 15),
        fmt="TD1",
        code="I",
    ),
    GARBLED: _garble(_ANNA),
}

DESCRIPTIONS: dict[str, str] = {
    "anna": "passport of ERIKSSON/ANNA MARIA (booking KX7Q2M)",
    "lars": "passport of ERIKSSON/LARS (booking KX7Q2M)",
    "anna_expired": "Anna's passport that expired on 2012-04-15 (the ICAO 9303 specimen)",
    "stranger": "passport of SMITH/JOHN, on no booking",
    "kenji": "Japanese passport of NAKAMURA/KENJI (booking VISA01)",
    "td1_card": "TD1 ID card of ERIKSSON/ANNA MARIA",
    GARBLED: "Anna's passport with a wrong check digit",
}
