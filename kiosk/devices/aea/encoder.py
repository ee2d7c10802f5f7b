"""Host -> printer commands, sans-IO: bytes for pectab uploads, prints and queries.

:func:`print_text` fills a pectab's elements (``NNvalue#``) after the
``CP#1C01#01<pectab>#`` header of a boarding pass or the ``BTP<pectab><copies>#``
header of a bag tag. Every value is checked against its element: the element
must exist, text must fit its length, and no value may hold ``#`` (the
separator) or a control character; :class:`PectabError` names the element and
the value. :func:`boarding_pass_fields` and :func:`bag_tag_fields` turn the
DCS's data into the fields of :data:`~.layouts.BOARDING_PASS` and
:data:`~.layouts.BAG_TAG`.
"""

from __future__ import annotations

from collections.abc import Mapping

from kiosk.devices.aea.framing import frame
from kiosk.devices.aea.layouts import BAG_TAG, BOARDING_PASS
from kiosk.devices.aea.pectab import ATB, BarcodeElement, Pectab, PectabError, pectab_text
from kiosk.domain.airport.dcs import BagTag, BoardingPassData

STATUS_QUERY = "QS"
PECTAB_QUERY = "PS"


def encode(text: str) -> bytes:
    """One framed message. Raises PectabError for text that cannot travel (non Latin-1)."""
    try:
        return frame(text)
    except (UnicodeEncodeError, ValueError) as error:
        raise PectabError(f"message cannot be sent: {error}") from None


def upload(pectab: Pectab) -> bytes:
    """The pectab upload (``PT##?...`` or ``BTT...``)."""
    return encode(pectab_text(pectab))


def status_query() -> bytes:
    return encode(STATUS_QUERY)


def pectab_query() -> bytes:
    return encode(PECTAB_QUERY)


def pectab_clear(key: str = "") -> bytes:
    """``PC`` (all pectabs) or ``PC<id+version>``."""
    return encode("PC" + key)


def print_text(pectab: Pectab, fields: Mapping[str, str], copies: int = 1) -> str:
    """The print command filling ``pectab`` with ``fields`` (element number -> value).

    Raises:
        PectabError: an unknown element, a value too long, with ``#`` or a control
            character, a character outside Latin-1, or copies outside 1-9 (ATB) / 1-99 (BTP).
    """
    parts: list[str] = []
    for number, value in fields.items():
        element = pectab.element(number)
        where = f"pectab {pectab.key} element {number}"
        if element is None:
            raise PectabError(f"{where}: no such element (value {value!r})")
        if "#" in value or not value.isprintable():
            raise PectabError(f"{where}: value {value!r} holds '#' or a control character")
        try:
            value.encode("latin-1")
        except UnicodeEncodeError:
            raise PectabError(f"{where}: value {value!r} is not Latin-1") from None
        if not isinstance(element, BarcodeElement) and len(value) > element.length:
            raise PectabError(f"{where}: {value!r} is longer than {element.length} characters")
        parts.append(f"{number}{value}#")
    if pectab.kind == ATB:
        if not 1 <= copies <= 9:
            raise PectabError(f"copies {copies}: expected 1-9")
        return f"CP#{copies}C01#01{pectab.key}#{''.join(parts)}"
    if not 1 <= copies <= 99:
        raise PectabError(f"copies {copies}: expected 1-99")
    return f"BTP{pectab.key}{copies:02d}#{''.join(parts)}"


def print_command(pectab: Pectab, fields: Mapping[str, str], copies: int = 1) -> bytes:
    """:func:`print_text`, framed."""
    return encode(print_text(pectab, fields, copies))


def _fit(text: str, length: int) -> str:
    return text.replace("#", " ")[:length]


def _words(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def boarding_pass_fields(data: BoardingPassData) -> dict[str, str]:
    """The fields of :data:`BOARDING_PASS` for one passenger and flight."""
    date = data.departure.strftime("%d%b").upper()
    boarding = data.boarding_time.strftime("%H:%M") if data.boarding_time else ""
    sequence = f"{data.sequence_number:04d}" if data.sequence_number else ""
    airline = data.flight[:2]
    return {
        "02": "BOARDING PASS",
        "03": airline,
        "04": "NAME OF PASSENGER",
        "05": _fit(data.name, 30),
        "06": "FROM",
        "07": "TO",
        "08": data.origin,
        "09": data.destination,
        "0A": "FLIGHT",
        "0B": _fit(data.flight, 7),
        "0C": "DATE",
        "0D": date,
        "0E": "GATE",
        "0F": _fit(data.gate, 4),
        "10": "BOARDING TIME",
        "11": boarding,
        "12": "SEAT",
        "13": _fit(data.seat, 4),
        "14": "GROUP",
        "15": _fit(data.group, 2),
        "16": "SEQ",
        "17": sequence,
        "18": "CLASS",
        "19": data.compartment[:1],
        "1A": _fit("  ".join(data.extras), 20),
        "1B": data.bcbp,
        "1C": "BOARDING PASS",
        "1D": _fit(data.name, 16),
        "1E": _fit(f"{data.flight} {date}", 16),
        "1F": _fit(f"{data.origin}-{data.destination}", 16),
        "20": _fit(f"SEAT {data.seat}", 16),
        "21": _fit(_words(f"GATE {data.gate}" if data.gate else "", boarding), 16),
        "22": _fit(
            _words(
                f"SEQ {sequence}" if sequence else "", f"GRP {data.group}" if data.group else ""
            ),
            16,
        ),
    }


def bag_tag_fields(tag: BagTag, passenger_name: str) -> dict[str, str]:
    """The fields of :data:`BAG_TAG`: the licence plate as ITF and digits, the routing.

    Raises:
        PectabError: a licence plate that is not 10 digits (IATA Resolution 740).
    """
    plate = tag.licence_plate
    if len(plate) != 10 or not plate.isdigit():
        raise PectabError(f"licence plate {plate!r}: expected 10 digits (IATA Resolution 740)")
    airline = tag.flight[:2]
    routing = " > ".join(tag.routing) if tag.routing else tag.destination
    return {
        "02": tag.destination,
        "03": _fit(routing, 22),
        "04": _fit(tag.flight, 7),
        "05": _fit(passenger_name, 22),
        "06": plate,
        "07": plate,
        "08": _fit(f"{airline} {plate[4:]}  {tag.destination}", 22),
        "09": plate,
        "0A": _fit(passenger_name, 22),
        "0B": "- " * 12,
    }


def boarding_pass_command(data: BoardingPassData) -> bytes:
    """The ``CP`` command printing ``data`` on :data:`BOARDING_PASS`. Raises PectabError."""
    return print_command(BOARDING_PASS, boarding_pass_fields(data))


def bag_tag_command(tag: BagTag, passenger_name: str) -> bytes:
    """The ``BTP`` command printing ``tag`` on :data:`BAG_TAG`. Raises PectabError."""
    return print_command(BAG_TAG, bag_tag_fields(tag, passenger_name))
